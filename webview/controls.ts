import { el } from './dom';

/**
 * The dashboard's controls: native elements in VS Code's look (controls.css, shared with the Discussion page).
 * @vscode/webview-ui-toolkit drew them before; it is archived upstream, and its design system took about 50 ms of the
 * page's first opening and 100 KB of its script for these three elements (docs/architecture.md).
 */

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A dropdown; `onChange` gets the chosen value. */
export function dropdown(label: string, choices: readonly Choice[], selected: string, onChange: (value: string) => void): HTMLSelectElement {
  const select = el(
    'select',
    { 'aria-label': label, title: label },
    ...choices.map((choice) => {
      const option = el('option', { value: choice.value }, choice.label);
      option.selected = choice.value === selected;
      return option;
    }),
  );
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

/** A button; `secondary` for the less prominent actions. */
export function button(text: string, title: string, onClick: () => void, secondary = false): HTMLButtonElement {
  const element = el('button', { type: 'button', class: secondary ? 'secondary' : 'primary', title }, text);
  element.addEventListener('click', onClick);
  return element;
}
