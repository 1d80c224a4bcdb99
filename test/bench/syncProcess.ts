import { createGitHubClient } from '../../src/github/client';
import { directorySnapshotStore } from '../../src/store/snapshotStore';
import { syncRepository } from '../../src/sync/syncRepository';

/** What the soak bench passes to a sync process it may kill (as JSON, the one argument). */
export interface SyncProcessArguments {
  readonly url: string;
  readonly token: string;
  readonly owner: string;
  readonly name: string;
  readonly directory: string;
  readonly waitUnitMs: number;
  readonly requestTimeoutMs: number;
}

/** One incremental sync in a process of its own, so that the soak bench can kill it with SIGKILL and start another. */
async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as SyncProcessArguments;
  const client = createGitHubClient({ baseUrl: args.url, token: args.token }, { waitUnitMs: args.waitUnitMs, requestTimeoutMs: args.requestTimeoutMs });
  await syncRepository({ client, repository: { owner: args.owner, name: args.name }, store: directorySnapshotStore(args.directory), mode: 'incremental' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
