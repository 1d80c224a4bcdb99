import { MAX_BODY_LENGTH, type DiscussionAction, type DiscussionPage, type DiscussionWebviewMessage } from '../../src/discussionView/protocol';
import { renderGitHubMarkdown } from '../../src/shared/githubMarkdown';
import { el } from '../dom';
import { menuButton } from './menu';
import type { BodySanitiser } from './sanitise';

const DRAFT_DELAY_MS = 400;
/** From here on the count shows, so nobody meets GitHub's limit by surprise. */
const WARN_FROM = Math.floor(MAX_BODY_LENGTH * 0.9);
const count = new Intl.NumberFormat('en');

export interface ReplyBoxHost {
  readonly post: (message: DiscussionWebviewMessage) => void;
  readonly act: (action: DiscussionAction, done: (ok: boolean, message: string | null) => void) => void;
  readonly sanitiser: BodySanitiser;
}

/**
 * The comment box under the thread, one for the page's whole life (a redraw moves it, never rebuilds it, so the text,
 * the cursor and a send in flight survive). Markdown with Write and Preview, Ctrl+Enter (Cmd+Enter) to send, saved
 * replies, the draft kept by the host; a failed send keeps the text and says why above the box.
 */
export class ReplyBox {
  readonly element = el('section', { class: 'reply-box', 'aria-labelledby': 'reply-title' });
  private readonly title = el('h2', { id: 'reply-title' }, 'Reply');
  private readonly error = el('p', { class: 'reply-error', role: 'alert', hidden: '' });
  private readonly replyingTo = el('p', { class: 'replying-to', hidden: '' });
  private readonly writeTab = el(
    'button',
    { type: 'button', role: 'tab', id: 'reply-write-tab', 'aria-selected': 'true', 'aria-controls': 'reply-write' },
    'Write',
  );
  private readonly previewTab = el(
    'button',
    { type: 'button', role: 'tab', id: 'reply-preview-tab', 'aria-selected': 'false', 'aria-controls': 'reply-preview', tabindex: '-1' },
    'Preview',
  );
  private readonly textarea = el('textarea', {
    id: 'reply-write',
    'aria-label': 'Reply (Markdown)',
    placeholder: 'Leave a reply (Markdown; Ctrl+Enter to send)',
    rows: '6',
  });
  private readonly preview = el('div', {
    id: 'reply-preview',
    class: 'markdown-body reply-preview',
    role: 'tabpanel',
    'aria-labelledby': 'reply-preview-tab',
    tabindex: '0',
    hidden: '',
  });
  private readonly savedSlot = el('span', { class: 'saved-replies' });
  private readonly counter = el('span', { class: 'char-count', 'aria-live': 'polite' });
  private readonly sendButton = el('button', { type: 'button', class: 'primary' }, 'Reply');
  private readonly closedNote = el('p', { class: 'note', hidden: '' }, 'You cannot reply to this discussion.');
  private page: DiscussionPage | null = null;
  private replyTarget: { id: string; login: string } | null = null;
  private sending = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReplyBoxHost) {
    const cancel = el('button', { type: 'button', class: 'link' }, 'Cancel');
    cancel.addEventListener('click', () => this.replyToDiscussion());
    this.replyingTo.append(el('span', {}), ' ', cancel);
    const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Reply editor' }, this.writeTab, this.previewTab);
    this.writeTab.addEventListener('click', () => this.showTab('write'));
    this.previewTab.addEventListener('click', () => this.showTab('preview'));
    tabs.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const next = document.activeElement === this.writeTab ? 'preview' : 'write';
      this.showTab(next);
      (next === 'write' ? this.writeTab : this.previewTab).focus();
      event.preventDefault();
    });
    this.textarea.addEventListener('input', () => this.changed());
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.send();
      }
    });
    this.sendButton.addEventListener('click', () => this.send());
    const form = el(
      'div',
      { class: 'reply-form' },
      tabs,
      this.textarea,
      this.preview,
      el('div', { class: 'reply-footer' }, this.savedSlot, this.counter, this.sendButton),
    );
    this.element.append(this.title, this.error, this.replyingTo, form, this.closedNote);
  }

  /** Takes a newly drawn page; `restoreDraft` for the first page of a discussion (the host's saved draft). */
  setPage(page: DiscussionPage, restoreDraft: boolean): void {
    this.page = page;
    if (restoreDraft) {
      this.textarea.value = page.draft?.text ?? '';
      const target = page.draft?.replyToId ? findComment(page, page.draft.replyToId) : null;
      this.setReplyTarget(target ? { id: target.id, login: target.author } : null);
      this.showError(null);
      this.showTab('write');
    }
    const form = this.element.querySelector<HTMLElement>('.reply-form')!;
    form.hidden = !page.can.reply;
    this.closedNote.hidden = page.can.reply;
    this.closedNote.textContent = page.state.locked ? 'This discussion is locked: only collaborators can reply.' : 'You cannot reply to this discussion.';
    this.savedSlot.replaceChildren(
      page.savedReplies.length === 0
        ? ''
        : menuButton(
            'Saved replies',
            'Insert a saved reply',
            page.savedReplies.map((reply) => ({ label: reply.title, run: () => this.insertAtCursor(reply.body) })),
            'secondary',
          ),
    );
    this.updateCounter();
  }

  /** Puts `text` where the cursor is (replacing a selection), as typing it would; sends nothing. */
  insertAtCursor(text: string): void {
    this.showTab('write');
    this.textarea.focus();
    this.textarea.setRangeText(text, this.textarea.selectionStart, this.textarea.selectionEnd, 'end');
    this.changed();
  }

  replyToComment(id: string, login: string): void {
    this.setReplyTarget({ id, login });
    this.textarea.focus();
    this.changed();
  }

  /** What the inspection reports. */
  get state(): { text: string; replyToId: string | null; error: string | null } {
    return { text: this.textarea.value, replyToId: this.replyTarget?.id ?? null, error: this.error.hidden ? null : this.error.textContent };
  }

  private replyToDiscussion(): void {
    this.setReplyTarget(null);
    this.textarea.focus();
    this.changed();
  }

  private setReplyTarget(target: { id: string; login: string } | null): void {
    this.replyTarget = target;
    this.replyingTo.hidden = target === null;
    this.replyingTo.firstElementChild!.textContent = target ? `Replying to @${target.login}` : '';
    this.title.textContent = target ? `Reply to @${target.login}` : 'Reply';
  }

  private changed(): void {
    this.updateCounter();
    if (!this.preview.hidden) this.renderPreview();
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveDraft(), DRAFT_DELAY_MS);
  }

  /** Hands the text to the host to keep (across tab closes and restarts) now, not after the typing pause. */
  private saveDraft(): void {
    clearTimeout(this.draftTimer);
    this.host.post({ type: 'draft', text: this.textarea.value, replyToId: this.replyTarget?.id ?? null });
  }

  private showTab(tab: 'write' | 'preview'): void {
    const preview = tab === 'preview';
    this.writeTab.setAttribute('aria-selected', String(!preview));
    this.previewTab.setAttribute('aria-selected', String(preview));
    this.writeTab.tabIndex = preview ? -1 : 0;
    this.previewTab.tabIndex = preview ? 0 : -1;
    this.textarea.hidden = preview;
    this.preview.hidden = !preview;
    if (preview) this.renderPreview();
  }

  private renderPreview(): void {
    const page = this.page;
    const text = this.textarea.value;
    if (!page || text.trim() === '') {
      this.preview.replaceChildren(el('p', { class: 'note' }, 'Nothing to preview.'));
      return;
    }
    this.preview.replaceChildren(this.host.sanitiser.sanitise(renderGitHubMarkdown(text, { repositoryUrl: page.repositoryUrl, webUrl: page.webUrl })));
  }

  private updateCounter(): void {
    const length = this.textarea.value.length;
    const over = length > MAX_BODY_LENGTH;
    this.counter.textContent =
      length < WARN_FROM
        ? ''
        : over
          ? `${count.format(length - MAX_BODY_LENGTH)} characters over GitHub's limit of ${count.format(MAX_BODY_LENGTH)}`
          : `${count.format(length)} of ${count.format(MAX_BODY_LENGTH)} characters`;
    this.counter.classList.toggle('over', over);
    this.sendButton.disabled = this.sending || over || this.textarea.value.trim() === '';
  }

  private send(): void {
    const body = this.textarea.value;
    if (this.sending || body.trim() === '' || !this.page?.can.reply) return;
    if (body.length > MAX_BODY_LENGTH) {
      this.showError(
        `The reply is ${count.format(body.length)} characters long; GitHub takes at most ${count.format(MAX_BODY_LENGTH)}. Shorten it and send again.`,
      );
      return;
    }
    // Kept before it is sent: if the send fails and the tab is closed at once, the text is still there next time.
    this.saveDraft();
    this.setSending(true);
    this.showError(null);
    this.host.act({ kind: 'reply', body, replyToId: this.replyTarget?.id ?? null }, (ok, message) => {
      this.setSending(false);
      if (!ok) {
        this.showError(message ?? 'The reply was not sent.');
        return;
      }
      this.textarea.value = '';
      this.setReplyTarget(null);
      this.showTab('write');
      clearTimeout(this.draftTimer);
      this.host.post({ type: 'draft', text: '', replyToId: null });
      this.updateCounter();
    });
  }

  private setSending(sending: boolean): void {
    this.sending = sending;
    this.textarea.readOnly = sending;
    this.element.setAttribute('aria-busy', String(sending));
    this.sendButton.textContent = sending ? 'Sending…' : 'Reply';
    this.updateCounter();
  }

  private showError(message: string | null): void {
    this.error.hidden = message === null;
    this.error.textContent = message ?? '';
  }
}

function findComment(page: DiscussionPage, id: string): { id: string; author: string } | undefined {
  return page.comments.find((comment) => comment.id === id);
}
