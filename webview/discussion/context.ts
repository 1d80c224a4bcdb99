import type { DiscussionAction, DiscussionPage, DiscussionWebviewMessage } from '../../src/discussionView/protocol';
import type { ReplyBox } from './replyBox';
import type { BodySanitiser } from './sanitise';

/** What the page's parts need to draw and act: the page, the way to the host, and the parts that outlive a redraw. */
export interface PageContext {
  readonly page: DiscussionPage;
  readonly post: (message: DiscussionWebviewMessage) => void;
  /** Sends an action; `done` hears how it went (the page's live region announces it either way). */
  readonly act: (action: DiscussionAction, done?: (ok: boolean, message: string | null) => void) => void;
  readonly sanitiser: BodySanitiser;
  readonly replyBox: ReplyBox;
  readonly ui: UiState;
  readonly redraw: () => void;
}

/** What the user opened or typed on the page, kept when the same discussion is drawn again (after an action). */
export interface UiState {
  labelPickerOpen: boolean;
  /** Minimized posts the user chose to see. */
  readonly revealed: Set<string>;
  /** Posts being edited, with the text typed so far. */
  readonly editing: Map<string, string>;
  /** The post whose deletion waits for confirmation. */
  confirmingDelete: string | null;
}

export function freshUiState(): UiState {
  return { labelPickerOpen: false, revealed: new Set(), editing: new Map(), confirmingDelete: null };
}
