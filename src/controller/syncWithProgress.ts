import * as vscode from 'vscode';
import { formatRepoRef } from '../github/repoRef';
import { describePause, describeShortfall, type BudgetEvent } from '../sync/budget';
import type { SyncMode, SyncResult } from '../sync/contracts';
import { syncRepository, type SyncOptions } from '../sync/syncRepository';
import type { SnapshotStore } from '../store/snapshotStore';
import type { BudgetResume } from './budgetResume';
import { gitHubClientFor } from './gitHubConnection';
import type { ShownSyncProgress } from './shownSyncProgress';
import type { ReadyTarget } from './syncTarget';
import { describeSyncProgress, describeSyncResult, syncPercent } from './syncProgress';
import { QuietSyncPause, type CancellableNotice } from './quietSyncPause';

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
  /** Where a pause for GitHub's hourly budget is remembered, so a restarted window continues at the reset. */
  readonly budgetResume: BudgetResume;
  /** Where the progress shown is kept for the extension's API. */
  readonly shown: ShownSyncProgress;
  /** Each page's progress, also for surfaces other than the notification (the dashboard's "Fetching …"). */
  readonly onProgress?: SyncOptions['onProgress'];
  /** Each save of the sync, with what is stored (`SyncOptions.onCheckpoint`). */
  readonly onCheckpoint?: SyncOptions['onCheckpoint'];
}

/**
 * Runs one sync under VS Code's progress: a cancellable notification with a percentage when someone waits for it
 * (asked for it, the first sync, a full re-check), else the status bar's quiet spinner, and a notification with Cancel
 * while it pauses for GitHub's hourly budget (`QuietSyncPause`). Throws what the sync throws.
 */
export async function syncWithProgress(options: SyncWithProgressOptions): Promise<SyncResult> {
  const { target, mode, firstSync, log, cancellation } = options;
  const repository = formatRepoRef(target.repository);
  const { apiUrl } = target.settings;
  log.info(`Syncing ${repository} from ${apiUrl} (${mode}).`);
  const loud = options.userInitiated || firstSync || mode === 'full';
  const title = `${mode === 'full' ? 'Re-checking' : 'Syncing'} ${repository}`;
  const shown = options.shown.begin({ title, cancellable: loud, cancel: () => cancellation.abort() });
  const quietPause = loud
    ? null
    : new QuietSyncPause({ open: () => openCancellableNotice(title, () => cancellation.abort()), onShowing: (showing) => shown.showCancel(showing) });
  // Ended one way or another (done, failed, cancelled): no pause is left to continue after a restart.
  const result = await Promise.resolve(
    vscode.window.withProgress(
      { location: loud ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title, cancellable: loud },
      (notification, token) => {
        token.onCancellationRequested(() => cancellation.abort());
        const progress = {
          report(value: { message: string; increment?: number }): void {
            notification.report(value);
            shown.report(value.message);
          },
        };
        let percent = 0;
        let budgetNote: string | undefined;
        const onBudget = (event: BudgetEvent): void => {
          if (event.kind === 'shortfall') {
            budgetNote = describeShortfall(event, true);
            progress.report({ message: budgetNote });
          } else {
            // The estimate was of the hour now spent: after the pause it would tell of a reset already past.
            budgetNote = undefined;
            void options.budgetResume.remember(event.resetAt);
            const message = describePause(event);
            progress.report({ message });
            quietPause?.paused(message);
          }
        };
        return syncRepository({
          // Every reset of the hourly budget is shown as a pause with its countdown, never waited out silently.
          client: gitHubClientFor(target, log, { longestRateLimitWaitMs: 0 }),
          repository: target.repository,
          store: options.store,
          mode,
          signal: cancellation.signal,
          log: (line) => log.info(line),
          onWaiting: (message) => {
            log.info(message);
            progress.report({ message });
          },
          waitForBudget: true,
          onBudget,
          onCheckpoint: options.onCheckpoint,
          onProgress: (update) => {
            // A page arrived: the pause, if any, is over.
            quietPause?.over();
            options.onProgress?.(update);
            const next = firstSync || mode === 'full' ? syncPercent(update) : null;
            progress.report({ message: describeSyncProgress(update, budgetNote), ...(next !== null && { increment: next - percent }) });
            if (next !== null) percent = next;
          },
        });
      },
    ),
  ).finally(() => {
    quietPause?.over();
    shown.end();
    return options.budgetResume.forget();
  });
  log.info(describeSyncResult(result));
  if (result.changedWithoutUpdatedAt.length > 0) {
    log.warn(
      `Full re-check of ${repository}: ${result.changedWithoutUpdatedAt.length} discussions changed without their updatedAt moving (${result.changedWithoutUpdatedAt.map((n) => `#${n}`).join(', ')}); incremental syncs would have missed them.`,
    );
  }
  return result;
}

/** A notification titled `title` with a Cancel button (`onCancel`), showing each message reported until it is closed. */
function openCancellableNotice(title: string, onCancel: () => void): CancellableNotice {
  let close = (): void => undefined;
  const closed = new Promise<void>((resolve) => (close = resolve));
  let shownProgress: vscode.Progress<{ message: string }> | undefined;
  let message: string | undefined;
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    token.onCancellationRequested(onCancel);
    shownProgress = progress;
    if (message !== undefined) progress.report({ message });
    return closed;
  });
  return {
    report(next) {
      message = next;
      shownProgress?.report({ message: next });
    },
    close: () => close(),
  };
}
