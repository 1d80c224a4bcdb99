import { el } from '../dom';
import type { PageContext } from './context';
import { roleBadge } from './posts';

/** What a browser does not show: the author's history here, who can help, and similar answered discussions. */
export function sidePanel(context: PageContext): HTMLElement {
  return el('aside', { class: 'side-panel', 'aria-label': 'Context' }, authorHistory(context), helpers(context), similar(context));
}

function profileButton(context: PageContext, login: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', title: `Open @${login}’s profile` }, `@${login}`);
  button.addEventListener('click', () => context.post({ type: 'openProfile', login }));
  return button;
}

function authorHistory(context: PageContext): HTMLElement {
  const { author } = context.page;
  const panel = el(
    'section',
    { class: 'panel author-history', 'aria-labelledby': 'author-title' },
    el('h2', { id: 'author-title' }, 'About ', profileButton(context, author.login)),
  );
  if (author.facts.length > 0) {
    panel.append(el('dl', { class: 'facts' }, ...author.facts.flatMap((fact) => [el('dt', {}, fact.label), el('dd', {}, fact.value)])));
  }
  if (author.helpedBy.length > 0) {
    const people = author.helpedBy.flatMap((login, index) => [index > 0 ? ', ' : '', profileButton(context, login)]);
    panel.append(el('p', { class: 'helped-by' }, 'Helped before by ', ...people));
  }
  return panel;
}

function helpers(context: PageContext): HTMLElement {
  const { page, replyBox } = context;
  const panel = el('section', { class: 'panel helpers', 'aria-labelledby': 'helpers-title' }, el('h2', { id: 'helpers-title' }, 'Who can help'));
  if (page.helpers.length === 0) {
    panel.append(el('p', { class: 'note' }, 'Nobody stands out from this community’s history.'));
    return panel;
  }
  const list = el('ul', { class: 'helper-list' });
  for (const helper of page.helpers) {
    const item = el(
      'li',
      { class: 'helper', 'data-login': helper.login },
      el('div', {}, profileButton(context, helper.login), ...helper.roles.map(roleBadge)),
      el('p', { class: 'evidence' }, helper.evidence),
    );
    if (page.can.reply) {
      const ask = el(
        'button',
        { type: 'button', class: 'secondary', title: `Put @${helper.login} in the reply box (nothing is sent)` },
        `Ask @${helper.login}`,
      );
      ask.addEventListener('click', () => replyBox.insertAtCursor(`@${helper.login} `));
      item.append(ask);
    }
    list.append(item);
  }
  panel.append(list);
  return panel;
}

function similar(context: PageContext): HTMLElement {
  const { page, replyBox } = context;
  const panel = el('section', { class: 'panel similar', 'aria-labelledby': 'similar-title' }, el('h2', { id: 'similar-title' }, 'Similar discussions'));
  if (page.similar.length === 0) {
    panel.append(el('p', { class: 'note' }, 'No answered discussion has a title like this one.'));
    return panel;
  }
  const list = el('ul', { class: 'similar-list' });
  for (const discussion of page.similar) {
    const open = el(
      'button',
      { type: 'button', class: 'link', title: discussion.answerPostId ? 'Open it at its answer' : 'Open it' },
      `#${discussion.number} ${discussion.title}`,
    );
    open.addEventListener('click', () => context.post({ type: 'openDiscussion', number: discussion.number, postId: discussion.answerPostId }));
    const item = el('li', { class: 'similar-item', 'data-number': String(discussion.number) }, open, el('p', { class: 'evidence' }, discussion.detail));
    if (page.can.reply) {
      const insert = el('button', { type: 'button', class: 'secondary', title: `Put #${discussion.number} in the reply box` }, 'Insert link');
      insert.addEventListener('click', () => replyBox.insertAtCursor(`#${discussion.number} `));
      item.append(insert);
    }
    list.append(item);
  }
  panel.append(list);
  return panel;
}
