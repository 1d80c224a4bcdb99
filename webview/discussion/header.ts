import { CLOSE_REASONS, LOCK_REASONS, SNOOZE_CHOICES, type SnoozeChoice } from '../../src/discussionView/protocol';
import { el } from '../dom';
import type { PageContext } from './context';
import { labelChip } from './labelChip';
import { menuButton } from './menu';

const CLOSE_LABELS: Record<(typeof CLOSE_REASONS)[number], string> = {
  RESOLVED: 'Close as resolved',
  OUTDATED: 'Close as outdated',
  DUPLICATE: 'Close as duplicate',
};
const LOCK_LABELS: Record<(typeof LOCK_REASONS)[number], string> = { OFF_TOPIC: 'Off-topic', RESOLVED: 'Resolved', SPAM: 'Spam', TOO_HEATED: 'Too heated' };
const SNOOZE_LABELS: Record<SnoozeChoice, string> = { '1d': 'For 1 day', '3d': 'For 3 days', '7d': 'For 1 week', activity: 'Until someone else posts' };

/** The title, the discussion's state and labels, and what can be done to the whole discussion. */
export function header(context: PageContext): HTMLElement {
  const { page } = context;
  const state = el(
    'span',
    { class: `state ${page.state.closed ? 'closed' : 'open'}`, id: 'discussion-state' },
    page.state.label,
    page.state.locked ? el('span', { class: 'lock' }, ` · ${page.state.lockLabel ?? 'Locked'}`) : null,
  );
  const meta = el(
    'p',
    { class: 'meta' },
    state,
    page.category ? el('span', { class: 'category', title: 'Category' }, page.category.name) : null,
    el('span', { class: 'count' }, page.countLabel),
    page.snooze ? el('span', { class: 'snoozed' }, page.snooze.label) : null,
  );
  const labels = el('ul', { class: 'labels', 'aria-label': 'Labels' }, ...page.labels.map((label) => el('li', {}, labelChip(label))));
  return el(
    'header',
    { class: 'page-header' },
    el('h1', {}, el('span', { class: 'title' }, page.title), ' ', el('span', { class: 'number' }, `#${page.number}`)),
    meta,
    page.labels.length > 0 ? labels : null,
    toolbar(context),
    context.ui.labelPickerOpen ? labelPicker(context) : null,
  );
}

function toolbar(context: PageContext): HTMLElement {
  const { page, post, act } = context;
  const actions: HTMLElement[] = [];
  if (page.can.close && !page.state.closed) {
    actions.push(
      menuButton(
        'Close',
        'Close this discussion',
        CLOSE_REASONS.map((reason) => ({ label: CLOSE_LABELS[reason], run: () => act({ kind: 'close', reason }) })),
      ),
    );
  }
  if (page.can.reopen && page.state.closed) actions.push(actionButton('Reopen', 'Reopen this discussion', () => act({ kind: 'reopen' })));
  if (page.can.label) {
    const labels = actionButton('Labels…', 'Add or remove labels', () => {
      context.ui.labelPickerOpen = !context.ui.labelPickerOpen;
      if (context.ui.labelPickerOpen && page.repositoryLabels === null) post({ type: 'loadLabels' });
      context.redraw();
      document.getElementById('label-picker')?.querySelector<HTMLElement>('input, button')?.focus();
    });
    labels.setAttribute('aria-expanded', String(context.ui.labelPickerOpen));
    labels.setAttribute('aria-controls', 'label-picker');
    actions.push(labels);
  }
  if (page.can.lock && !page.state.locked) {
    actions.push(
      menuButton('Lock', 'Lock this discussion: only collaborators can post', [
        { label: 'Without a reason', run: () => act({ kind: 'lock', reason: null }) },
        ...LOCK_REASONS.map((reason) => ({ label: LOCK_LABELS[reason], run: () => act({ kind: 'lock', reason }) })),
      ]),
    );
  }
  if (page.can.unlock && page.state.locked) actions.push(actionButton('Unlock', 'Unlock this discussion', () => act({ kind: 'unlock' })));
  // Snoozing is local (never sent to GitHub): always offered.
  if (page.snooze) actions.push(actionButton('Wake', 'Show it in Needs Response again now', () => act({ kind: 'unsnooze' })));
  else
    actions.push(
      menuButton(
        'Snooze',
        'Hide from Needs Response for a while (kept on this machine only)',
        SNOOZE_CHOICES.map((choice) => ({ label: SNOOZE_LABELS[choice], run: () => act({ kind: 'snooze', choice }) })),
      ),
    );
  actions.push(actionButton('Refresh', `Fetch the discussion again (${page.fetchedLabel.toLowerCase()})`, () => post({ type: 'refresh' })));
  actions.push(actionButton('Open in Browser', page.url, () => post({ type: 'openLink', href: page.url })));
  return el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Discussion actions' }, ...actions, el('span', { class: 'fetched' }, page.fetchedLabel));
}

/** The repository's labels with this discussion's checked; Apply sends what changed. */
function labelPicker(context: PageContext): HTMLElement {
  const { page, act } = context;
  const picker = el('fieldset', { class: 'label-picker', id: 'label-picker' }, el('legend', {}, 'Labels'));
  if (page.repositoryLabels === null) {
    picker.append(el('p', { class: 'note', role: 'status' }, 'Loading the repository’s labels…'));
    return picker;
  }
  const applied = new Set(page.labels.map((label) => label.id));
  const boxes = page.repositoryLabels.map((label) => {
    const box = el('input', { type: 'checkbox', value: label.id, id: `label-${label.id}` });
    box.checked = applied.has(label.id);
    picker.append(el('label', { class: 'label-choice', for: box.id }, box, labelChip(label)));
    return box;
  });
  if (boxes.length === 0) picker.append(el('p', { class: 'note' }, 'This repository has no labels.'));
  const apply = el('button', { type: 'button', class: 'primary' }, 'Apply');
  apply.addEventListener('click', () => {
    const add = boxes.filter((box) => box.checked && !applied.has(box.value)).map((box) => box.value);
    const remove = boxes.filter((box) => !box.checked && applied.has(box.value)).map((box) => box.value);
    context.ui.labelPickerOpen = false;
    if (add.length > 0) act({ kind: 'addLabels', labelIds: add });
    if (remove.length > 0) act({ kind: 'removeLabels', labelIds: remove });
    context.redraw();
  });
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  cancel.addEventListener('click', () => {
    context.ui.labelPickerOpen = false;
    context.redraw();
  });
  picker.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel.click();
  });
  picker.append(el('div', { class: 'picker-buttons' }, apply, cancel));
  return picker;
}

/** A button of the page's or a post's actions (the inspection lists them by their text). */
export function actionButton(text: string, title: string, run: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'action', title }, text);
  button.addEventListener('click', run);
  return button;
}
