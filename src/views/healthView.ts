import * as vscode from 'vscode';
import type { AnalysisService } from '../controller/analysisService';
import { COMMAND_IDS, VIEW_IDS } from '../shared/contributionIds';
import { AnalysisTreeView } from './analysisTreeView';
import { headlineItemLook, type HeadlineRow } from '../viewModels/health';

/** The "Health" view: the window's headline figures with their change; clicking one opens the dashboard. */
export class HealthView extends AnalysisTreeView<HeadlineRow> {
  constructor(analysis: AnalysisService) {
    super(VIEW_IDS.health, analysis);
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
    item.command = { command: COMMAND_IDS.openDashboard, title: 'Open Dashboard' };
    item.accessibilityInformation = { label: `${row.label}: ${look.description}` };
    return item;
  }
}
