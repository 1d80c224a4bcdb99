import * as vscode from 'vscode';
import { DisposableBase } from '../shared/lifecycle';
import { isWindowChoice, type WindowChoice } from '../shared/timeWindow';

const STATE_KEY = 'communityPulse.window';

/**
 * The time window every view shows: the one chosen for this workspace (remembered), else the
 * `communityPulse.defaultWindow` setting.
 */
export class WindowSelection extends DisposableBase {
  private readonly changed = this.register(new vscode.EventEmitter<WindowChoice>());
  /** A choice was made or forgotten. (A change of the default setting reloads the controller, which views follow.) */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly defaultChoice: () => WindowChoice,
  ) {
    super();
  }

  get choice(): WindowChoice {
    return this.chosen ?? this.defaultChoice();
  }

  /** The workspace's own choice; undefined when it follows the default setting. */
  get chosen(): WindowChoice | undefined {
    const stored = this.state.get<unknown>(STATE_KEY);
    return isWindowChoice(stored) ? stored : undefined;
  }

  /** Remembers `choice` for this workspace; `'default'` forgets it, so the setting applies again. */
  async choose(choice: WindowChoice | 'default'): Promise<void> {
    const before = this.choice;
    await this.state.update(STATE_KEY, choice === 'default' ? undefined : choice);
    if (this.choice !== before) this.changed.fire(this.choice);
  }
}
