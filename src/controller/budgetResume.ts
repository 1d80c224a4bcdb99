import type * as vscode from 'vscode';

const KEY = 'communityPulse.budgetResumeAt';

/**
 * When a sync paused for GitHub's hourly budget should continue (epoch ms), kept in the workspace's extension state
 * so that a window reloaded or restarted during the pause continues at the reset by itself. Not in the snapshot: the
 * budget belongs to the account, not to the repository's data, and the command line waits in its own process.
 */
export class BudgetResume {
  constructor(private readonly state: vscode.Memento) {}

  /** Null when no paused sync waits. */
  get at(): number | null {
    const value = this.state.get<unknown>(KEY);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  remember(at: number): Thenable<void> {
    return this.at === at ? Promise.resolve() : this.state.update(KEY, at);
  }

  forget(): Thenable<void> {
    return this.at === null ? Promise.resolve() : this.state.update(KEY, undefined);
  }
}
