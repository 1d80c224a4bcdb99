import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommunityPulseApi } from '../../../src/api';
import { createGitHubClient } from '../../../src/github/client';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { syncRepository } from '../../../src/sync/syncRepository';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import protocol from '../runner-protocol.json';

export const EXTENSION_ID = 'community-pulse.community-pulse';
export const BENCH_REPOSITORY = 'synthetic/bench';

/** The extension of a bench session, reading a community the fake GitHub serves; `close` puts the settings back. */
export interface BenchExtension {
  readonly fake: FakeGitHub;
  readonly api: CommunityPulseApi;
  close(): Promise<void>;
}

/**
 * Serves `discussions` from a fake GitHub, syncs them straight into the extension's store (unthrottled, without the
 * extension's own sync: the benches measure a view, not a first sync of thousands of discussions), points the
 * extension at them and activates it with that data loaded.
 */
export async function benchExtension(discussions: readonly unknown[]): Promise<BenchExtension> {
  const configuration = () => vscode.workspace.getConfiguration('communityPulse');
  const token = (process.env['COMMUNITY_PULSE_TOKEN'] ||= 'community-pulse-bench-token');
  const fake = await startFakeGitHub({ token, repositories: [{ nameWithOwner: BENCH_REPOSITORY, discussions: [...discussions] }] });
  const userDataDir = process.env[protocol.env.userDataDir];
  assert.ok(userDataDir, `${protocol.env.userDataDir} names the VS Code profile folder`);
  await syncRepository({
    client: createGitHubClient({ baseUrl: fake.url, token }, { waitUnitMs: 1 }),
    repository: { owner: 'synthetic', name: 'bench' },
    store: directorySnapshotStore(path.join(userDataDir, 'User', 'globalStorage', EXTENSION_ID)),
    mode: 'full',
  });
  await configuration().update('apiUrl', fake.url, vscode.ConfigurationTarget.Global);
  await configuration().update('repository', BENCH_REPOSITORY, vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension<CommunityPulseApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  const api = await extension.activate();
  return {
    fake,
    api,
    async close() {
      await configuration().update('repository', undefined, vscode.ConfigurationTarget.Global);
      await configuration().update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
      await fake.close();
    },
  };
}
