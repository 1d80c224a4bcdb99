import { AUTHOR_ROLE_LABELS, type AuthorRole, type PageComment, type PagePost } from '../../src/discussionView/protocol';
import { el } from '../dom';
import type { PageContext } from './context';
import { actionButton } from './header';

const KIND_VERBS: Record<PagePost['kind'], string> = { opening: 'started this discussion', comment: 'commented', reply: 'replied' };

/** The opening post, then every comment (the answer first, as the host ordered them) with its replies nested. */
export function thread(context: PageContext): HTMLElement {
  const { page } = context;
  const list = el('ol', { class: 'comments', 'aria-label': 'Comments' });
  for (const comment of page.comments) list.append(el('li', {}, commentWithReplies(context, comment)));
  return el('div', { class: 'thread' }, postView(context, page.opening, null), list);
}

function commentWithReplies(context: PageContext, comment: PageComment): HTMLElement {
  const view = postView(context, comment, comment);
  if (comment.replies.length > 0) {
    view.append(
      el(
        'ol',
        { class: 'replies', 'aria-label': `Replies to @${comment.author}` },
        ...comment.replies.map((reply) => el('li', {}, postView(context, reply, comment))),
      ),
    );
  }
  return view;
}

/** One post; `parent` is the comment a reply button answers (itself for a comment, its comment for a reply). */
function postView(context: PageContext, post: PagePost, parent: PageComment | null): HTMLElement {
  const article = el('article', {
    class: `post ${post.kind}${post.isAnswer ? ' answer' : ''}`,
    id: `post-${post.id}`,
    'data-post-id': post.id,
    'data-kind': post.kind,
    'data-status': post.status,
    tabindex: '-1',
    'aria-label': `${post.isAnswer ? 'Answer' : post.kind === 'opening' ? 'Opening post' : post.kind === 'reply' ? 'Reply' : 'Comment'} by @${post.author}`,
  });
  article.append(postHeader(context, post), postContent(context, post));
  const actions = postActions(context, post, parent);
  if (actions) article.append(actions);
  return article;
}

function postHeader(context: PageContext, post: PagePost): HTMLElement {
  const author = el('button', { type: 'button', class: 'link author', title: `Open @${post.author}’s profile` }, post.author);
  author.addEventListener('click', () => context.post({ type: 'openProfile', login: post.author }));
  return el(
    'div',
    { class: 'post-header' },
    author,
    ...post.roles.map(roleBadge),
    el('span', { class: 'verb' }, KIND_VERBS[post.kind]),
    el('time', { title: post.createdExact, tabindex: '0' }, post.createdLabel),
    post.edited ? el('span', { class: 'edited', title: 'This post was edited' }, '· edited') : null,
    post.isAnswer ? el('span', { class: 'answer-badge' }, 'Answer') : null,
    post.upvotes > 0 ? el('span', { class: 'upvotes', title: `${post.upvotes} upvote${post.upvotes === 1 ? '' : 's'}` }, `▲ ${post.upvotes}`) : null,
  );
}

export function roleBadge(role: AuthorRole): HTMLElement {
  return el('span', { class: `role role-${role}` }, AUTHOR_ROLE_LABELS[role]);
}

/** The body, or what stands in its place: a deleted or hidden post is shown as such, a missing text is never invented. */
function postContent(context: PageContext, post: PagePost): HTMLElement {
  const content = el('div', { class: 'post-content' });
  if (post.status === 'deleted') {
    content.append(el('p', { class: 'note' }, 'This comment was deleted.'));
  } else if (post.status === 'minimized' && !context.ui.revealed.has(post.id)) {
    const show = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'Show it');
    show.addEventListener('click', () => {
      context.ui.revealed.add(post.id);
      content.replaceWith(postContent(context, post));
      document.getElementById(`post-${post.id}`)?.querySelector<HTMLElement>('.markdown-body')?.focus();
    });
    content.append(el('p', { class: 'note' }, `${post.statusNote ?? 'This comment was hidden'}. `, show));
  } else if (context.ui.editing.has(post.id)) {
    content.append(editor(context, post));
  } else {
    content.append(body(context, post));
  }
  return content;
}

function body(context: PageContext, post: PagePost): HTMLElement {
  if (post.bodyHTML.trim() === '') {
    return el('p', { class: 'note' }, context.page.bodiesInData ? 'No text.' : 'The text of this post is not in this data set.');
  }
  const container = el('div', { class: 'markdown-body', tabindex: '-1' });
  container.append(context.sanitiser.sanitise(post.bodyHTML));
  return container;
}

function editor(context: PageContext, post: PagePost): HTMLElement {
  const textarea = el('textarea', { 'aria-label': `Edit the post by @${post.author} (Markdown)`, rows: '6' });
  textarea.value = context.ui.editing.get(post.id) ?? post.body;
  textarea.addEventListener('input', () => context.ui.editing.set(post.id, textarea.value));
  const error = el('p', { class: 'reply-error', role: 'alert', hidden: '' });
  const save = el('button', { type: 'button', class: 'primary' }, 'Save');
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  save.addEventListener('click', () => {
    save.disabled = true;
    error.hidden = true;
    context.act({ kind: 'edit', postId: post.id, body: textarea.value }, (ok, message) => {
      save.disabled = false;
      if (ok) {
        context.ui.editing.delete(post.id);
        return;
      }
      error.hidden = false;
      error.textContent = message ?? 'The post was not saved.';
    });
  });
  cancel.addEventListener('click', () => {
    context.ui.editing.delete(post.id);
    context.redraw();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save.click();
    if (event.key === 'Escape') cancel.click();
  });
  return el('div', { class: 'editor' }, error, textarea, el('div', { class: 'picker-buttons' }, save, cancel));
}

function postActions(context: PageContext, post: PagePost, parent: PageComment | null): HTMLElement | null {
  if (post.status === 'deleted') return null;
  const { ui, act } = context;
  if (ui.confirmingDelete === post.id) {
    const confirm = actionButton('Delete', 'Delete this post for good', () => {
      ui.confirmingDelete = null;
      act({ kind: 'delete', postId: post.id });
    });
    confirm.classList.add('danger');
    const cancel = actionButton('Keep it', 'Do not delete', () => {
      ui.confirmingDelete = null;
      context.redraw();
    });
    return el(
      'div',
      { class: 'post-actions confirm', role: 'group', 'aria-label': 'Confirm deletion' },
      el('span', {}, 'Delete this post? This cannot be undone.'),
      confirm,
      cancel,
    );
  }
  const buttons: HTMLElement[] = [];
  if (parent && post.can.reply && context.page.can.reply) {
    buttons.push(actionButton('Reply', `Reply to @${post.author} in this thread`, () => context.replyBox.replyToComment(parent.id, parent.author)));
  }
  if (post.can.markAnswer && !post.isAnswer)
    buttons.push(actionButton('Mark as answer', 'Mark this comment as the answer', () => act({ kind: 'markAnswer', postId: post.id })));
  if (post.can.unmarkAnswer && post.isAnswer)
    buttons.push(actionButton('Unmark as answer', 'This comment is no longer the answer', () => act({ kind: 'unmarkAnswer', postId: post.id })));
  if (post.can.edit && !ui.editing.has(post.id)) {
    buttons.push(
      actionButton('Edit', 'Edit this post', () => {
        ui.editing.set(post.id, post.body);
        context.redraw();
        document.querySelector<HTMLElement>(`#post-${CSS.escape(post.id)} textarea`)?.focus();
      }),
    );
  }
  if (post.can.delete) {
    buttons.push(
      actionButton('Delete', 'Delete this post', () => {
        ui.confirmingDelete = post.id;
        context.redraw();
        document.querySelector<HTMLElement>(`#post-${CSS.escape(post.id)} .confirm button`)?.focus();
      }),
    );
  }
  return buttons.length > 0 ? el('div', { class: 'post-actions' }, ...buttons) : null;
}
