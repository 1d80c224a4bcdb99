import * as vscode from 'vscode';
import type { AnalysisService } from '../controller/analysisService';
import type { ViewId } from '../shared/contributionIds';
import { DisposableBase } from '../shared/lifecycle';
import { describePartial } from '../shared/partialSnapshot';

/**
 * A tree view that shows the current window's analysis: it redraws when the analysis changes and keeps
 * its description (`Last 90 days · as of 2023-03-31`) current. Subclasses say what the rows are.
 */
export abstract class AnalysisTreeView<T> extends DisposableBase implements vscode.TreeDataProvider<T> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<T>;

  constructor(
    viewId: ViewId,
    protected readonly analysis: AnalysisService,
    options: { readonly showCollapseAll?: boolean } = {},
  ) {
    super();
    this.view = this.register(vscode.window.createTreeView(viewId, { treeDataProvider: this, ...options }));
    this.register(analysis.onDidChange(() => this.refresh()));
    this.describe();
  }

  abstract getChildren(element?: T): T[];
  abstract getTreeItem(element: T): vscode.TreeItem;

  private refresh(): void {
    this.describe();
    this.changed.fire();
  }

  /**
   * Kept current even while the view is hidden, at no cost (no analysis). A partial snapshot is said in the message,
   * which VS Code shows even where it hides the description (a container showing a single view).
   */
  private describe(): void {
    this.view.description = this.analysis.describeWindow();
    const partial = this.analysis.partial;
    this.view.message = partial ? describePartial(partial) : undefined;
  }
}
