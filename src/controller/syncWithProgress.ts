import * as vscode from 'vscode';
import { formatRepoRef } from '../github/repoRef';
import type { SyncMode, SyncResult } from '../sync/contracts';
import { syncRepository, type SyncOptions } from '../sync/syncRepository';
import type { SnapshotStore } from '../store/snapshotStore';
import { gitHubClientFor } from './gitHubConnection';
import type { ReadyTarget } from './syncTarget';
import { describeSyncProgress, describeSyncResult, syncPercent } from './syncProgress';

export interface SyncWithProgressOptions {
  readonly target: ReadyTarget;
  readonly mode: SyncMode;
  /** The first sync of this repository: nothing to show until it ends, so its progress is worth a notification. */
  readonly firstSync: boolean;
  readonly userInitiated: boolean;
  readonly store: SnapshotStore;
  readonly log: vscode.LogOutputChannel;
  /** Aborted when the user cancels the notification. */
  readonly cancellation: AbortController;
  /** Each page's progress, also for surfaces other than the notification (the dashboard's "Fetching …"). */
  readonly onProgress?: SyncOptions['onProgress'];
  /** Each save of the sync, with what is stored (`SyncOptions.onCheckpoint`). */
  readonly onCheckpoint?: SyncOptions['onCheckpoint'];
}

/**
 * Runs one sync under VS Code's progress: a cancellable notification with a percentage when someone waits for it
 * (asked for it, the first sync, a full re-check), else the status bar's quiet spinner. Throws what the sync throws.
 */
export async function syncWithProgress(options: SyncWithProgressOptions): Promise<SyncResult> {
  const { target, mode, firstSync, log, cancellation } = options;
  const repository = formatRepoRef(target.repository);
  const { apiUrl } = target.settings;
  log.info(`Syncing ${repository} from ${apiUrl} (${mode}).`);
  const loud = options.userInitiated || firstSync || mode === 'full';
  const result = await vscode.window.withProgress(
    {
      location: loud ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
      title: `${mode === 'full' ? 'Re-checking' : 'Syncing'} ${repository}`,
      cancellable: loud,
    },
    (progress, token) => {
      token.onCancellationRequested(() => cancellation.abort());
      let percent = 0;
      return syncRepository({
        client: gitHubClientFor(target, log),
        repository: target.repository,
        store: options.store,
        mode,
        signal: cancellation.signal,
        log: (line) => log.info(line),
        onCheckpoint: options.onCheckpoint,
        onProgress: (update) => {
          options.onProgress?.(update);
          const next = firstSync || mode === 'full' ? syncPercent(update) : null;
          progress.report({ message: describeSyncProgress(update), ...(next !== null && { increment: next - percent }) });
          if (next !== null) percent = next;
        },
      });
    },
  );
  log.info(describeSyncResult(result));
  if (result.changedWithoutUpdatedAt.length > 0) {
    log.warn(
      `Full re-check of ${repository}: ${result.changedWithoutUpdatedAt.length} discussions changed without their updatedAt moving (${result.changedWithoutUpdatedAt.map((n) => `#${n}`).join(', ')}); incremental syncs would have missed them.`,
    );
  }
  return result;
}
