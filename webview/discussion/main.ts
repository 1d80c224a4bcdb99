import './discussion.css';
import {
  parseDiscussionHostMessage,
  type DiscussionAction,
  type DiscussionHostMessage,
  type DiscussionPage,
  type DiscussionTabState,
  type DiscussionWebviewMessage,
} from '../../src/discussionView/protocol';
import { errorMessage } from '../../src/shared/errorMessage';
import { el, note } from '../dom';
import { releaseHostWorkerOnce } from '../hostWorker';
import { freshUiState, type PageContext } from './context';
import { header } from './header';
import { DeferredBodies } from './deferredBodies';
import { inspectPage } from './inspect';
import { thread } from './posts';
import { ReplyBox } from './replyBox';
import { BodySanitiser } from './sanitise';
import { sidePanel } from './sidePanel';

/**
 * A Discussion tab's page: checks what the host sends, draws the thread, and turns clicks into messages. It never
 * navigates (every link goes to the host as `openLink`) and never posts anything to GitHub without a click.
 */
interface VsCodeApi {
  postMessage(message: DiscussionWebviewMessage): void;
  setState(state: DiscussionTabState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const ACTION_DONE: Record<DiscussionAction['kind'], string> = {
  reply: 'Reply posted',
  edit: 'Post saved',
  delete: 'Post deleted',
  markAnswer: 'Marked as the answer',
  unmarkAnswer: 'No longer marked as the answer',
  close: 'Discussion closed',
  reopen: 'Discussion reopened',
  addLabels: 'Labels added',
  removeLabels: 'Labels removed',
  lock: 'Discussion locked',
  unlock: 'Discussion unlocked',
  snooze: 'Snoozed',
  unsnooze: 'Back in Needs Response',
};

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const post = (message: DiscussionWebviewMessage) => vscode.postMessage(message);
const sanitiser = new BodySanitiser();
const bodies = new DeferredBodies(sanitiser);
/** Results of actions, announced to screen readers; outside `root` so a redraw does not replace it. */
const liveRegion = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
document.body.append(liveRegion);
const pageError = el('p', { class: 'page-error', role: 'alert', hidden: '' });
const pending = new Map<number, (ok: boolean, message: string | null) => void>();
let nextRequestId = 1;
const replyBox = new ReplyBox({ post, act, sanitiser });
let current: DiscussionPage | null = null;
let ui = freshUiState();

function act(action: DiscussionAction, done?: (ok: boolean, message: string | null) => void): void {
  const requestId = nextRequestId++;
  showPageError(null);
  liveRegion.textContent = 'Working…';
  pending.set(requestId, (ok, message) => {
    liveRegion.textContent = ok ? `${ACTION_DONE[action.kind]}.` : (message ?? 'That did not work.');
    // An action with no place of its own for errors (close, label, lock…) says why above the page.
    if (!ok && !done) showPageError(message ?? 'That did not work; nothing was changed.');
    done?.(ok, message);
  });
  post({ type: 'action', requestId, action });
}

function showPageError(message: string | null): void {
  pageError.hidden = message === null;
  pageError.textContent = message ?? '';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const receivedAt = epochMs();
  const parsed = parseDiscussionHostMessage(event.data);
  if (!parsed.ok) {
    post({ type: 'problem', message: parsed.error });
    return;
  }
  try {
    handle(parsed.message, receivedAt);
  } catch (error) {
    post({ type: 'problem', message: `the discussion page failed to handle "${parsed.message.type}": ${errorMessage(error)}` });
  }
});

function handle(message: DiscussionHostMessage, receivedAt: number): void {
  switch (message.type) {
    case 'show': {
      draw(message.page, message.focusPostId);
      const drawMs = epochMs() - receivedAt;
      // Reported once the browser has laid out and painted the new DOM (the frame after the next), not when drawing returns.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const paintedAt = epochMs();
          const elapsedMs = message.requestedAt === null ? null : paintedAt - message.requestedAt;
          post({ type: 'rendered', requestedAt: message.requestedAt, elapsedMs, renderMs: paintedAt - receivedAt, drawMs });
          bodies.drain();
          releaseHostWorkerOnce();
        }),
      );
      return;
    }
    case 'status':
      if (current === null) {
        root.replaceChildren(note(message.message));
        root.setAttribute('aria-busy', String(message.state === 'loading'));
      } else if (message.state === 'loading') root.setAttribute('aria-busy', 'true');
      else {
        root.setAttribute('aria-busy', 'false');
        showPageError(message.message);
      }
      return;
    case 'actionResult': {
      const done = pending.get(message.requestId);
      pending.delete(message.requestId);
      done?.(message.ok, message.message);
      return;
    }
    case 'inspect':
      bodies.flush();
      post({ type: 'inspection', requestId: message.requestId, summary: inspectPage(root, replyBox) });
      return;
  }
}

/** Draws the current page again after a change on the page itself (an editor opened, a picker closed). */
function redraw(): void {
  if (current === null) return;
  draw(current, null);
  bodies.drain();
}

function draw(page: DiscussionPage, focusPostId: string | null): void {
  const sameDiscussion = current !== null && current.repository === page.repository && current.number === page.number;
  if (!sameDiscussion) {
    ui = freshUiState();
    showPageError(null);
  }
  const scrollTop = sameDiscussion ? (document.scrollingElement?.scrollTop ?? 0) : 0;
  current = page;
  sanitiser.startPage(page.repositoryUrl);
  bodies.start();
  replyBox.setPage(page, !sameDiscussion);
  const context: PageContext = { page, post, act, sanitiser, bodies, replyBox, ui, redraw };
  const layout = el('div', { class: 'layout' }, el('div', { class: 'main-column' }, thread(context), replyBox.element), sidePanel(context));
  const fragment = document.createDocumentFragment();
  fragment.append(pageError, header(context), layout);
  root.replaceChildren(fragment);
  root.setAttribute('aria-busy', 'false');
  vscode.setState({ repository: page.repository, number: page.number, id: page.opening.id });
  const focus = focusPostId === null ? null : document.getElementById(`post-${focusPostId}`);
  if (focus) {
    // Everything above it at its full height, so it stays where it was scrolled to.
    bodies.flush();
    focus.classList.add('focused');
    focus.scrollIntoView({ block: 'center' });
    focus.focus({ preventScroll: true });
  } else if (document.scrollingElement) document.scrollingElement.scrollTop = scrollTop;
}

// Links in bodies and the preview never navigate the page: the host opens them (a discussion of this repository in
// its tab, anything else in the browser). Middle clicks too.
for (const type of ['click', 'auxclick'] as const) {
  root.addEventListener(type, (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href && (type === 'click' || event.button === 1)) post({ type: 'openLink', href });
  });
}

function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

post({ type: 'ready' });
