import * as vscode from 'vscode';
import { DEFAULT_WINDOW_CHOICE, isWindowChoice, type WindowChoice } from '../shared/timeWindow';

const STATE_KEY = 'communityPulse.window';

/** The time window every view shows, remembered per workspace. */
export class WindowSelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WindowChoice>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get choice(): WindowChoice {
    const stored = this.state.get<unknown>(STATE_KEY);
    return isWindowChoice(stored) ? stored : DEFAULT_WINDOW_CHOICE;
  }

  async choose(choice: WindowChoice): Promise<void> {
    if (choice === this.choice) return;
    await this.state.update(STATE_KEY, choice);
    this.changed.fire(choice);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
