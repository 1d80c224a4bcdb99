import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE } from '../shared/contributionIds';
import { DisposableBase } from '../shared/lifecycle';
import { DashboardPanel, type DashboardDependencies } from './dashboardPanel';

/** The single dashboard panel: opened by the command, restored by the serializer after a reload. */
export class Dashboard extends DisposableBase {
  private currentPanel: DashboardPanel | null = null;
  private readonly opened = this.register(new vscode.EventEmitter<DashboardPanel>());
  /** A panel was created or restored (tests subscribe to its `onDidRender`). */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly deps: DashboardDependencies) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.adopt(panel);
        },
      }),
    );
    this.register({ dispose: () => this.currentPanel?.dispose() });
  }

  get panel(): DashboardPanel | null {
    return this.currentPanel;
  }

  /** Opens (or reveals) the dashboard; `requestedAt` is when the user asked, for the render time. */
  open(requestedAt = Date.now()): DashboardPanel {
    const panel =
      this.currentPanel ??
      this.adopt(
        vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Community Pulse', vscode.ViewColumn.Active, {
          enableScripts: true,
          // One panel, kept while another editor is in front: VS Code would otherwise build a new webview each time the
          // dashboard is shown again, and a new webview waits about a second for its frame in code-server (the bench).
          retainContextWhenHidden: true,
          localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist')],
        }),
      );
    panel.reveal(requestedAt);
    return panel;
  }

  private adopt(webviewPanel: vscode.WebviewPanel): DashboardPanel {
    this.currentPanel?.dispose();
    const panel = new DashboardPanel(webviewPanel, this.deps);
    panel.onDidDispose(() => {
      if (this.currentPanel === panel) this.currentPanel = null;
    });
    this.currentPanel = panel;
    this.opened.fire(panel);
    return panel;
  }
}
