import * as vscode from 'vscode';
import type { AnalysisService } from '../controller/analysisService';
import { AnalysisTreeView } from './analysisTreeView';
import { COMMAND_IDS, VIEW_IDS } from '../shared/contributionIds';
import { headlineItemLook, type HeadlineRow } from '../viewModels/health';

export const HEALTH_VIEW_ID = VIEW_IDS.health;

/** The "Health" view: the window's headline figures with their change; clicking one opens the dashboard. */
export class HealthView extends AnalysisTreeView<HeadlineRow> {
  constructor(analysis: AnalysisService) {
    super(HEALTH_VIEW_ID, analysis);
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
