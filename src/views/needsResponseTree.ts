import * as vscode from 'vscode';
import type { TriageBucket } from '../community/triage';
import { COMMAND_IDS } from '../shared/contributionIds';
import { DisposableBase } from '../shared/lifecycle';
import { escapeMarkdown } from './markdownEscape';
import type { NeedsResponseModel, NeedsResponseRow, NeedsResponseSection } from '../viewModels/needsResponse';

/** A bucket heading. One object per bucket for the provider's lifetime, so it can be refreshed on its own. */
export interface SectionNode {
  readonly kind: 'section';
  readonly bucket: TriageBucket;
  section: NeedsResponseSection;
}

export interface DiscussionRowNode {
  readonly kind: 'discussion';
  readonly row: NeedsResponseRow;
  readonly parent: SectionNode;
}

/** The "Snoozed" group at the end: discussions hidden from the buckets until they wake. */
export interface SnoozedGroupNode {
  readonly kind: 'snoozedGroup';
}

export interface SnoozedRowNode {
  readonly kind: 'snoozed';
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** `until Tue 3 Dec`. */
  readonly wakeLabel: string;
}

export type NeedsResponseNode = SectionNode | DiscussionRowNode | SnoozedGroupNode | SnoozedRowNode;

const SNOOZED_GROUP: SnoozedGroupNode = { kind: 'snoozedGroup' };

const BUCKET_ICONS: Record<TriageBucket, string> = {
  noResponse: 'comment-unresolved',
  awaitingReply: 'reply',
  unmarkedAnswer: 'question',
};

/**
 * Thin adapter from the view model to TreeItems. On update it refreshes only the sections whose rows
 * changed, and the root only when the tree switches between empty (welcome text) and not.
 */
export class NeedsResponseTreeProvider extends DisposableBase implements vscode.TreeDataProvider<NeedsResponseNode> {
  private readonly changed = this.register(new vscode.EventEmitter<NeedsResponseNode | NeedsResponseNode[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sections = new Map<TriageBucket, SectionNode>();
  private children = new Map<SectionNode, DiscussionRowNode[]>();
  private empty = true;
  private snoozed: readonly SnoozedRowNode[] = [];

  update(model: NeedsResponseModel | null, snoozed: readonly SnoozedRowNode[] = []): void {
    const snoozedChanged = !sameSnoozed(this.snoozed, snoozed);
    this.snoozed = snoozed;
    const empty = (model === null || model.total === 0) && snoozed.length === 0;
    const wasEmpty = this.empty;
    const changedSections: SectionNode[] = [];
    const children = new Map<SectionNode, DiscussionRowNode[]>();
    for (const section of model?.sections ?? []) {
      let node = this.sections.get(section.bucket);
      if (!node) {
        node = { kind: 'section', bucket: section.bucket, section };
        this.sections.set(section.bucket, node);
      } else if (!sameSection(node.section, section)) {
        changedSections.push(node);
      }
      node.section = section;
      const parent = node;
      children.set(
        node,
        section.rows.map((row) => ({ kind: 'discussion', row, parent })),
      );
    }
    this.children = children;
    this.empty = empty;
    // The Snoozed group appears and goes at the root.
    if (empty !== wasEmpty || snoozedChanged) this.changed.fire(undefined);
    else if (!empty && changedSections.length > 0) this.changed.fire(changedSections);
  }

  getChildren(element?: NeedsResponseNode): NeedsResponseNode[] {
    if (!element) return this.empty ? [] : [...this.children.keys(), ...(this.snoozed.length > 0 ? [SNOOZED_GROUP] : [])];
    if (element.kind === 'snoozedGroup') return [...this.snoozed];
    return element.kind === 'section' ? (this.children.get(element) ?? []) : [];
  }

  getParent(element: NeedsResponseNode): NeedsResponseNode | undefined {
    if (element.kind === 'snoozed') return SNOOZED_GROUP;
    return element.kind === 'discussion' ? element.parent : undefined;
  }

  getTreeItem(element: NeedsResponseNode): vscode.TreeItem {
    switch (element.kind) {
      case 'section':
        return sectionItem(element);
      case 'discussion':
        return discussionItem(element);
      case 'snoozedGroup':
        return snoozedGroupItem(this.snoozed.length);
      case 'snoozed':
        return snoozedItem(element);
    }
  }
}

function snoozedGroupItem(count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(`Snoozed (${count})`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = 'bucket:snoozed';
  item.tooltip = 'Hidden from the lists above until they wake (kept on this computer only, never sent to GitHub).';
  item.iconPath = new vscode.ThemeIcon('bell-slash');
  item.contextValue = 'snoozedGroup';
  return item;
}

function snoozedItem(node: SnoozedRowNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
  item.id = `snoozed:${node.id}`;
  item.description = `#${node.number} · ${node.wakeLabel}`;
  item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(`#${node.number} ${node.title}`)}**\n\nSnoozed ${escapeMarkdown(node.wakeLabel)}.`);
  item.iconPath = new vscode.ThemeIcon('bell-slash');
  item.contextValue = 'snoozedDiscussion';
  item.command = { command: COMMAND_IDS.openDiscussion, title: 'Open Discussion', arguments: [{ number: node.number }] };
  item.accessibilityInformation = { label: `${node.title}, #${node.number}, snoozed ${node.wakeLabel}` };
  return item;
}

function sameSnoozed(a: readonly SnoozedRowNode[], b: readonly SnoozedRowNode[]): boolean {
  return a.length === b.length && a.every((row, index) => row.id === b[index]!.id && row.wakeLabel === b[index]!.wakeLabel && row.title === b[index]!.title);
}

function sectionItem(node: SectionNode): vscode.TreeItem {
  const { section } = node;
  const item = new vscode.TreeItem(section.label, section.rows.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = `bucket:${section.bucket}`;
  item.tooltip = section.tooltip;
  item.iconPath = new vscode.ThemeIcon(BUCKET_ICONS[section.bucket]);
  item.contextValue = 'bucket';
  return item;
}

function discussionItem(node: DiscussionRowNode): vscode.TreeItem {
  const { row } = node;
  const item = new vscode.TreeItem(row.title, vscode.TreeItemCollapsibleState.None);
  item.id = row.id;
  item.description = row.description;
  item.tooltip = escapedTooltip(row.tooltip);
  item.iconPath = new vscode.ThemeIcon(BUCKET_ICONS[node.parent.bucket], row.overdue ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
  item.contextValue = 'discussion';
  item.command = { command: COMMAND_IDS.openDiscussion, title: 'Open Discussion', arguments: [node] };
  item.accessibilityInformation = { label: `${row.title}, ${row.description}${row.overdue ? ', past the response target' : ''}` };
  return item;
}

/** Titles and logins come from anyone on GitHub: escaped, in a MarkdownString that is not trusted (no command links). */
function escapedTooltip([heading, ...lines]: readonly string[]): vscode.MarkdownString {
  const paragraphs = [`**${escapeMarkdown(heading ?? '')}**`, ...lines.map(escapeMarkdown)];
  return new vscode.MarkdownString(paragraphs.join('\n\n'));
}

function sameSection(a: NeedsResponseSection, b: NeedsResponseSection): boolean {
  return a.label === b.label && a.tooltip === b.tooltip && a.rows.length === b.rows.length && a.rows.every((row, index) => sameRow(row, b.rows[index]!));
}

function sameRow(a: NeedsResponseRow, b: NeedsResponseRow): boolean {
  return a.id === b.id && a.title === b.title && a.description === b.description && a.overdue === b.overdue && a.tooltip.join('\n') === b.tooltip.join('\n');
}
