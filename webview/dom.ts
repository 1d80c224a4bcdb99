/**
 * The only way the dashboard builds DOM: elements with text children and plain attributes. Text from
 * GitHub (titles, logins, category names) always goes through `textContent`, never HTML parsing, so a
 * title such as `<img src=x onerror=alert(1)>` shows as those characters.
 */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export interface TableSpec {
  readonly caption: string;
  readonly headers: readonly string[];
  /** Cells are text, or a node (a link button) whose text is the cell's text. */
  readonly rows: readonly (readonly (string | Node)[])[];
  /** Columns (by index) holding numbers: right-aligned. */
  readonly numeric?: readonly number[];
}

/**
 * A table in a scroll area of its own: wider than a narrow editor, it scrolls sideways by itself (keyboard
 * included) instead of squeezing its words letter by letter or widening the page.
 */
export function table(spec: TableSpec): HTMLElement {
  const numeric = new Set(spec.numeric ?? []);
  const cellAttributes = (index: number) => (numeric.has(index) ? { class: 'num' } : {});
  return el(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': spec.caption, tabindex: '0' },
    el(
      'table',
      {},
      el('caption', {}, spec.caption),
      el('thead', {}, el('tr', {}, ...spec.headers.map((header, index) => el('th', { scope: 'col', ...cellAttributes(index) }, header)))),
      el('tbody', {}, ...spec.rows.map((row) => el('tr', {}, ...row.map((cell, index) => el('td', cellAttributes(index), cell))))),
    ),
  );
}

/** A chart's text alternative: its table, folded under the chart. */
export function tableBehind(spec: TableSpec, open = false): HTMLDetailsElement {
  const details = el('details', { class: 'data-table' }, el('summary', {}, `Table: ${spec.caption}`), table(spec));
  details.open = open;
  return details;
}

/** A link-looking button (keyboard reachable) that runs `action`. */
export function linkButton(text: string, title: string, action: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', title }, text);
  button.addEventListener('click', action);
  return button;
}

export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el('section', { id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, title), ...children);
}

/**
 * A figure as shown: its text, or, when the engine gave no figure (it then gives a reason), the dash
 * with the reason as its tooltip, so a missing number never passes for a zero.
 */
export function figure(text: string, reason: string | undefined): string | HTMLElement {
  return reason === undefined ? text : el('span', { class: 'missing', title: `No figure: ${reason}.`, tabindex: '0' }, text);
}

export function note(text: string): HTMLParagraphElement {
  return el('p', { class: 'note' }, text);
}

/** A colour key for a multi-series chart (the series' names as text). */
export function legend(series: readonly { name: string; color: string }[]): HTMLElement {
  return el(
    'ul',
    { class: 'legend' },
    ...series.map((one) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = one.color;
      return el('li', {}, swatch, one.name);
    }),
  );
}
