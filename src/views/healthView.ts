import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { headlineItemLook, type HeadlineRow } from './healthModel';

export const HEALTH_VIEW_ID = 'communityPulse.health';

/** The "Health" view: the window's headline figures with their change; clicking one opens the dashboard. */
export class HealthView implements vscode.TreeDataProvider<HeadlineRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<HeadlineRow>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analysis: AnalysisService) {
    this.view = vscode.window.createTreeView(HEALTH_VIEW_ID, { treeDataProvider: this });
    this.subscriptions = [this.view, this.changed, analysis.onDidChange(() => this.refresh())];
    this.describe();
  }

  getChildren(element?: HeadlineRow): HeadlineRow[] {
    if (element) return [];
    return [...(this.analysis.current?.headlines ?? [])];
  }

  getTreeItem(row: HeadlineRow): vscode.TreeItem {
    const look = headlineItemLook(row);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = row.id;
    item.description = look.description;
    item.tooltip = look.tooltip;
    item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
    item.contextValue = 'headline';
    item.command = { command: 'communityPulse.openDashboard', title: 'Open Dashboard' };
    item.accessibilityInformation = { label: `${row.label}: ${look.description}` };
    return item;
  }

  private refresh(): void {
    this.describe();
    this.changed.fire();
  }

  private describe(): void {
    this.view.description = this.analysis.describeWindow();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
