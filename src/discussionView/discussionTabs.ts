import * as vscode from 'vscode';
import { DISCUSSION_VIEW_TYPE } from '../shared/contributionIds';
import { DisposableBase } from '../shared/lifecycle';
import { DiscussionPanel, type DiscussionPanelDependencies } from './discussionPanel';
import { DiscussionTabStateSchema, type DiscussionTabState } from './protocol';

export type DiscussionTabsDependencies = Omit<DiscussionPanelDependencies, 'openDiscussion' | 'pageHtml'> & {
  readonly extensionUri: vscode.Uri;
  /** The page's HTML for a webview whose scripts may load from `dist`. */
  readonly pageHtml: (webview: vscode.Webview, dist: vscode.Uri) => string;
};

/**
 * One editor tab per discussion (by repository and number), focused again when asked for twice. Tabs come back
 * after a reload through the serializer: the page keeps its `DiscussionTabState` with `vscode.setState` (the state
 * VS Code hands the serializer); a tab restored without it (a page that never drew) is found again from its title
 * (`#123 …`) in the stored snapshot, and closed when that fails.
 */
export class DiscussionTabs extends DisposableBase {
  private readonly panels = new Map<string, DiscussionPanel>();
  private readonly opened = this.register(new vscode.EventEmitter<DiscussionPanel>());
  /** A tab was created or restored. */
  readonly onDidOpen = this.opened.event;
  private readonly dist: vscode.Uri;

  constructor(private readonly deps: DiscussionTabsDependencies) {
    super();
    this.dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
    this.register(
      vscode.window.registerWebviewPanelSerializer(DISCUSSION_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const tab = this.restoredTab(panel.title, state);
          if (!tab || this.panels.has(keyOf(tab))) {
            panel.dispose();
            return;
          }
          this.adopt(panel, tab, { requestedAt: null, focusPostId: null });
        },
      }),
    );
    this.register({ dispose: () => [...this.panels.values()].forEach((panel) => panel.dispose()) });
  }

  /** The open tabs, oldest first. */
  get tabs(): readonly DiscussionPanel[] {
    return [...this.panels.values()];
  }

  /** The tab in front, if a Discussion tab is (the editor title's Open in Browser acts on it). */
  get active(): DiscussionPanel | undefined {
    return this.tabs.find((tab) => tab.panel.active);
  }

  /**
   * Opens (or focuses) the tab of discussion `number` of the current repository; `postId` is scrolled to.
   * Returns null, after saying why, when the stored data does not hold that discussion.
   */
  open(number: number, postId: string | null = null, requestedAt = Date.now()): DiscussionPanel | null {
    const data = this.deps.controller.data;
    const discussion = data?.community.discussions.find((found) => found.number === number);
    if (!data || !discussion) {
      void vscode.window.showInformationMessage(
        `Discussion #${number} is not in the stored data of ${data?.repository ?? 'this repository'}: refresh, then try again.`,
      );
      return null;
    }
    const tab: DiscussionTabState = { repository: data.repository, number, id: discussion.id };
    const known = this.panels.get(keyOf(tab));
    if (known) {
      known.reveal(requestedAt, postId);
      return known;
    }
    const panel = vscode.window.createWebviewPanel(DISCUSSION_VIEW_TYPE, `#${number}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [this.dist],
    });
    return this.adopt(panel, tab, { requestedAt, focusPostId: postId });
  }

  private adopt(
    webviewPanel: vscode.WebviewPanel,
    tab: DiscussionTabState,
    options: { requestedAt: number | null; focusPostId: string | null },
  ): DiscussionPanel {
    webviewPanel.webview.options = { enableScripts: true, localResourceRoots: [this.dist] };
    const panel = new DiscussionPanel(
      webviewPanel,
      tab,
      {
        ...this.deps,
        pageHtml: (webview) => this.deps.pageHtml(webview, this.dist),
        openDiscussion: (number, postId) => void this.open(number, postId),
      },
      options,
    );
    const key = keyOf(tab);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    this.opened.fire(panel);
    return panel;
  }

  private restoredTab(title: string, state: unknown): DiscussionTabState | null {
    const kept = DiscussionTabStateSchema.safeParse(state);
    if (kept.success) return kept.data;
    const number = Number(/^#(\d+)/.exec(title)?.[1]);
    const data = this.deps.controller.data;
    const discussion = data?.community.discussions.find((found) => found.number === number);
    this.deps.log.info(`Restoring a Discussion tab without its state: ${discussion ? `found #${number} from its title` : `closed "${title}"`}.`);
    return data && discussion ? { repository: data.repository, number, id: discussion.id } : null;
  }
}

function keyOf(tab: DiscussionTabState): string {
  return `${tab.repository.toLowerCase()}#${tab.number}`;
}
