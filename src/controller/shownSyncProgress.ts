import * as vscode from 'vscode';
import { DisposableBase } from '../shared/lifecycle';

/** The running sync as its progress shows it: the notification (or the status bar's spinner) and its Cancel button. */
export interface ShownSync {
  /** `Syncing owner/name`, `Re-checking owner/name`. */
  readonly title: string;
  /** The message last reported: `1,200 of 5,000 discussions · 13 requests`, or a pause's countdown. */
  readonly message: string | undefined;
  /**
   * Shown as a notification with a Cancel button; else as the status bar's quiet spinner, which has none (until the
   * sync pauses for GitHub's hourly budget, which a notification with Cancel shows).
   */
  readonly cancellable: boolean;
  /** What the notification's Cancel button does. */
  cancel(): void;
}

/**
 * Keeps what the progress of the running sync shows, since VS Code gives no way to read a notification back: the
 * extension's API reads it (`syncProgress`), so a test sees the words a user sees.
 */
export class ShownSyncProgress extends DisposableBase {
  private currentValue: ShownSync | null = null;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a sync's progress starts showing, shows a new message, or ends. */
  readonly onDidChange = this.changed.event;

  /** Null when no sync runs. */
  get current(): ShownSync | null {
    return this.currentValue;
  }

  /**
   * A sync's progress starts showing: `report` each message as it is shown, `showCancel` when a Cancel button appears
   * or goes, and `end` when the progress closes.
   */
  begin(sync: Omit<ShownSync, 'message'>): { report(message: string): void; showCancel(cancellable: boolean): void; end(): void } {
    const shown = { ...sync, message: undefined as string | undefined };
    this.show(shown);
    const changedIfShown = (): void => {
      if (this.currentValue === shown) this.changed.fire();
    };
    return {
      report: (message) => {
        shown.message = message;
        changedIfShown();
      },
      showCancel: (cancellable) => {
        shown.cancellable = cancellable;
        changedIfShown();
      },
      end: () => {
        if (this.currentValue === shown) this.show(null);
      },
    };
  }

  private show(sync: ShownSync | null): void {
    this.currentValue = sync;
    this.changed.fire();
  }
}
