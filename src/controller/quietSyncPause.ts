/** A notification showing a message with a Cancel button, open until closed. */
export interface CancellableNotice {
  report(message: string): void;
  close(): void;
}

export interface QuietSyncPauseOptions {
  /** Opens the notice; its Cancel cancels the sync. */
  readonly open: () => CancellableNotice;
  /** The notice opened or closed: the progress shown has a Cancel button, or no longer has one. */
  readonly onShowing: (showing: boolean) => void;
}

/**
 * The budget pause of a sync that runs quietly (a background sync: the status bar's spinner, which has no Cancel
 * button), shown as a loud sync shows it: a notification with the countdown and Cancel, open while the pause lasts.
 * A wait of up to an hour that only a spinner told of could be neither seen nor stopped, and a Refresh pressed
 * meanwhile would wait behind it.
 */
export class QuietSyncPause {
  private notice: CancellableNotice | null = null;

  constructor(private readonly options: QuietSyncPauseOptions) {}

  /** The pause began, or its countdown moved on: one notice for the whole pause. */
  paused(message: string): void {
    if (this.notice === null) {
      this.notice = this.options.open();
      this.options.onShowing(true);
    }
    this.notice.report(message);
  }

  /** The sync continued after the reset, or ended: the status bar's spinner alone shows it again. */
  over(): void {
    if (this.notice === null) return;
    this.notice.close();
    this.notice = null;
    this.options.onShowing(false);
  }
}
