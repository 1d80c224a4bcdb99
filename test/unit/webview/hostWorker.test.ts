import * as assert from 'node:assert/strict';
import { releaseHostWorker, type HostWorkerRegistration } from '../../../webview/hostWorker';

const HOST = 'http://127.0.0.1:8080/stable-1/static/out/vs/workbench/contrib/webview/browser/pre';
const PAGE_URL = `${HOST}/index.html?id=webview-a&origin=o-1&swVersion=4`;
const workerOf = (webviewId: string) => `${HOST}/service-worker.js?v=4&vscode-resource-base-authority=vscode-resource.vscode-cdn.net&id=${webviewId}`;

/** A registration as `navigator.serviceWorker.getRegistration()` gives it, which counts its unregister calls. */
function registration(fields: Partial<Pick<HostWorkerRegistration, 'active' | 'installing' | 'waiting'>>): HostWorkerRegistration & { unregistered: number } {
  return {
    active: null,
    installing: null,
    waiting: null,
    ...fields,
    unregistered: 0,
    async unregister() {
      this.unregistered++;
      return true;
    },
  };
}

const registryOf = (found: HostWorkerRegistration | undefined) => ({ getRegistration: async () => found });

describe('releaseHostWorker (the next webview does not wait on this one’s service worker)', () => {
  it("unregisters VS Code's worker for this webview", async () => {
    const own = registration({ active: { scriptURL: workerOf('webview-a') } });
    assert.equal(await releaseHostWorker(registryOf(own), PAGE_URL), true);
    assert.equal(own.unregistered, 1);
  });

  it("leaves another webview's worker that has taken its place", async () => {
    const others = registration({ active: { scriptURL: workerOf('webview-b') } });
    assert.equal(await releaseHostWorker(registryOf(others), PAGE_URL), false);
    assert.equal(others.unregistered, 0);
  });

  it("leaves it while another webview's worker is installing or waiting: that webview is starting", async () => {
    for (const starting of [{ installing: {} }, { waiting: {} }]) {
      const shared = registration({ active: { scriptURL: workerOf('webview-a') }, ...starting });
      assert.equal(await releaseHostWorker(registryOf(shared), PAGE_URL), false);
      assert.equal(shared.unregistered, 0);
    }
  });

  it('leaves a worker that is not VS Code’s webview worker, and a page without one', async () => {
    const foreign = registration({ active: { scriptURL: `${HOST}/other-worker.js?id=webview-a` } });
    assert.equal(await releaseHostWorker(registryOf(foreign), PAGE_URL), false);
    assert.equal(foreign.unregistered, 0);
    assert.equal(await releaseHostWorker(registryOf(undefined), PAGE_URL), false);
    assert.equal(await releaseHostWorker(registryOf(registration({})), PAGE_URL), false);
  });
});
