import * as assert from 'node:assert/strict';
import { nextEvent, WebviewRequests } from '../../../src/shared/webviewRequests';

describe('WebviewRequests', () => {
  it('resolves each request with the answer that echoes its id, whatever the order of the answers', async () => {
    const requests = new WebviewRequests<string>('the page');
    const sent: number[] = [];
    const first = requests.ask((id) => sent.push(id));
    const second = requests.ask((id) => sent.push(id));
    assert.equal(new Set(sent).size, 2, 'each request has its own id');
    requests.answer(sent[1]!, 'second answer');
    requests.answer(sent[0]!, 'first answer');
    requests.answer(sent[0]!, 'a late copy is dropped');
    assert.deepEqual(await Promise.all([first, second]), ['first answer', 'second answer']);
  });

  it('rejects, naming who did not answer, when no answer comes in time', async () => {
    const requests = new WebviewRequests<string>('the dashboard webview', 20);
    await assert.rejects(
      requests.ask(() => undefined),
      /the dashboard webview did not answer request #1 within 20 ms/,
    );
  });
});

describe('nextEvent', () => {
  it('resolves with the next value fired, then stops listening', async () => {
    const listeners = new Set<(value: number) => unknown>();
    const event = (listener: (value: number) => unknown) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    };
    const next = nextEvent(event);
    for (const listener of [...listeners]) listener(7);
    assert.equal(await next, 7);
    assert.equal(listeners.size, 0);
  });
});
