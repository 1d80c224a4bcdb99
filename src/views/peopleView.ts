import * as vscode from 'vscode';
import { personEvidence } from '../community/metrics/personEvidence';
import type { AnalysisService } from '../controller/analysisService';
import { COMMAND_IDS, focusViewCommand, VIEW_IDS } from '../shared/contributionIds';
import { AnalysisTreeView } from './analysisTreeView';
import { buildPeopleGroups, evidenceNodes, personEntry, type GroupId, type PeopleNode, type PersonNode } from '../viewModels/people';

const GROUP_ICONS: Record<GroupId, string> = { leaders: 'star-full', inactive: 'history', new: 'sparkle', connectors: 'link', core: 'organization' };

/**
 * The "People" view: leader candidates with their evidence, inactive regulars, newcomers, the network's
 * connectors and core. A thin adapter over `viewModels/people`.
 */
export class PeopleView extends AnalysisTreeView<PeopleNode> {
  constructor(analysis: AnalysisService) {
    super(VIEW_IDS.people, analysis, { showCollapseAll: true });
  }

  getChildren(element?: PeopleNode): PeopleNode[] {
    const analysis = this.analysis.current;
    if (!analysis) return [];
    if (!element) return buildPeopleGroups(analysis);
    switch (element.kind) {
      case 'group':
        return [...element.people];
      case 'person':
        if (element.contributor) return evidenceNodes(element.contributor, personEvidence(analysis.facts, analysis.window, element.login));
        return element.firstDiscussion ? [element.firstDiscussion] : [];
      case 'evidence':
        return [...element.discussions];
      case 'discussion':
        return [];
    }
  }

  /** For `reveal`: a person's parent is their group; groups are roots. Only people and groups are revealed. */
  getParent(node: PeopleNode): PeopleNode | undefined {
    const analysis = this.analysis.current;
    if (!analysis || node.kind !== 'person') return undefined;
    return buildPeopleGroups(analysis).find((group) => group.id === node.group);
  }

  /**
   * Selects and focuses a person's entry (in the Core group when they are in it); false when no group lists
   * them in this window.
   */
  async revealPerson(login: string): Promise<boolean> {
    const analysis = this.analysis.current;
    const entry = analysis ? personEntry(buildPeopleGroups(analysis), login) : null;
    if (!entry) return false;
    await vscode.commands.executeCommand(focusViewCommand(VIEW_IDS.people));
    await this.view.reveal(entry, { select: true, focus: true });
    return true;
  }

  getTreeItem(node: PeopleNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, node.people.length > 0 ? Expanded : None);
        item.id = `group:${node.id}`;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.id]);
        return item;
      }
      case 'person': {
        const expandable = node.contributor !== null || node.firstDiscussion !== null;
        const item = new vscode.TreeItem(`@${node.login}`, expandable ? Collapsed : None);
        item.id = `${node.group}:${node.login}`;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon(node.maintainer ? 'shield' : 'account');
        item.contextValue = node.maintainer ? 'person.maintainer' : 'person';
        return item;
      }
      case 'evidence': {
        const item = new vscode.TreeItem(node.label, node.discussions.length > 0 ? Collapsed : None);
        item.id = `evidence:${node.login}:${node.component}`;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        return item;
      }
      case 'discussion': {
        const item = new vscode.TreeItem(node.title, None);
        item.description = node.description;
        item.tooltip = `#${node.number} ${node.title}\n${node.url}`;
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        item.contextValue = 'discussion';
        item.command = { command: COMMAND_IDS.openDiscussion, title: 'Open Discussion', arguments: [node] };
        return item;
      }
    }
  }

  /** The person a context-menu command acts on: its argument or else the selection. */
  person(argument: unknown): PersonNode | undefined {
    const candidate = isPeopleNode(argument) ? argument : this.view.selection[0];
    return candidate?.kind === 'person' ? candidate : undefined;
  }
}

function isPeopleNode(value: unknown): value is PeopleNode {
  return typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string';
}
