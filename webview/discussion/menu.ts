import { el } from '../dom';

export interface MenuItem {
  readonly label: string;
  readonly run: () => void;
}

/**
 * A button that opens a short list of choices below it (close reasons, lock reasons, snooze, saved replies):
 * keyboard reachable (arrows move, Escape closes and returns focus), closed by a click elsewhere.
 */
export function menuButton(text: string, title: string, items: readonly MenuItem[], className = 'action'): HTMLElement {
  const button = el('button', { type: 'button', class: `${className} menu-button`, title, 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, text);
  const list = el('div', { class: 'menu', role: 'menu', 'aria-label': title, hidden: '' });
  const entries = items.map((item) => {
    const entry = el('button', { type: 'button', role: 'menuitem', tabindex: '-1' }, item.label);
    entry.addEventListener('click', () => {
      close(false);
      item.run();
    });
    return entry;
  });
  list.append(...entries);

  const onOutsideClick = (event: MouseEvent) => {
    if (!wrapper.contains(event.target as Node)) close(false);
  };
  function open(): void {
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    entries[0]?.focus();
    document.addEventListener('click', onOutsideClick, true);
  }
  function close(returnFocus: boolean): void {
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', onOutsideClick, true);
    if (returnFocus) button.focus();
  }
  button.addEventListener('click', () => (list.hidden ? open() : close(true)));
  list.addEventListener('keydown', (event) => {
    const index = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Tab') return close(false);
    if (event.key === 'Escape') close(true);
    else if (event.key === 'ArrowDown') entries[(index + 1) % entries.length]?.focus();
    else if (event.key === 'ArrowUp') entries[(index - 1 + entries.length) % entries.length]?.focus();
    else return;
    event.preventDefault();
  });
  const wrapper = el('span', { class: 'menu-wrapper' }, button, list);
  return wrapper;
}
