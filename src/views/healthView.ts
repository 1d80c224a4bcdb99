import * as vscode from 'vscode';
import type { AnalysisService } from '../controller/analysisService';
import { COMMAND_IDS, VIEW_IDS } from '../shared/contributionIds';
import { AnalysisTreeView } from './analysisTreeView';
import { buildCategoryAdvice, type AdvisedCategoryRow, type CategoryAdviceGroup } from '../viewModels/categoryAdvice';
import { headlineItemLook, type HeadlineRow } from '../viewModels/health';

/** A row of the Health view: a headline figure, the "Category advice" group, or one of its categories. */
export type HealthNode = HeadlineRow | CategoryAdviceGroup | AdvisedCategoryRow;

const OPEN_DASHBOARD = { command: COMMAND_IDS.openDashboard, title: 'Open Dashboard' };

/**
 * The "Health" view: the window's headline figures with their change, then the categories whose figures advise
 * splitting, merging or closing them; clicking a row opens the dashboard.
 */
export class HealthView extends AnalysisTreeView<HealthNode> {
  constructor(analysis: AnalysisService) {
    super(VIEW_IDS.health, analysis);
  }

  getChildren(element?: HealthNode): HealthNode[] {
    if (element) return 'kind' in element && element.kind === 'categoryAdvice' ? [...element.rows] : [];
    const current = this.analysis.current;
    return current ? [...current.headlines, buildCategoryAdvice(current.report)] : [];
  }

  getTreeItem(node: HealthNode): vscode.TreeItem {
    if (!('kind' in node)) return headlineItem(node);
    return node.kind === 'categoryAdvice' ? adviceGroupItem(node) : advisedCategoryItem(node);
  }
}

function headlineItem(row: HeadlineRow): vscode.TreeItem {
  const look = headlineItemLook(row);
  const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
  item.id = row.id;
  item.description = look.description;
  item.tooltip = look.tooltip;
  item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
  item.contextValue = 'headline';
  item.command = OPEN_DASHBOARD;
  item.accessibilityInformation = { label: `${row.label}: ${look.description}` };
  return item;
}

function adviceGroupItem(group: CategoryAdviceGroup): vscode.TreeItem {
  const flagged = group.rows.length > 0;
  const item = new vscode.TreeItem(group.label, flagged ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = group.id;
  item.description = group.description;
  item.tooltip = group.tooltip;
  item.iconPath = new vscode.ThemeIcon(flagged ? 'lightbulb' : 'pass');
  item.contextValue = 'categoryAdvice';
  item.accessibilityInformation = { label: `${group.label}: ${group.description}` };
  return item;
}

function advisedCategoryItem(row: AdvisedCategoryRow): vscode.TreeItem {
  const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.None);
  item.id = row.id;
  item.description = row.description;
  item.tooltip = row.tooltip;
  item.iconPath = new vscode.ThemeIcon('lightbulb');
  item.contextValue = 'advisedCategory';
  item.command = OPEN_DASHBOARD;
  item.accessibilityInformation = { label: `${row.name}: ${row.description}` };
  return item;
}
