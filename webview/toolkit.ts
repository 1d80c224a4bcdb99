import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDropdown, vsCodeOption } from '@vscode/webview-ui-toolkit';

/**
 * The dashboard's only use of @vscode/webview-ui-toolkit (deprecated upstream in 2025): the native-looking
 * controls, behind small factories, so swapping the toolkit for plain elements or another library
 * touches this file alone.
 */
provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDropdown(), vsCodeOption());

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A VS Code dropdown; `onChange` gets the chosen value. */
export function dropdown(label: string, choices: readonly Choice[], selected: string, onChange: (value: string) => void): HTMLElement {
  const select = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  select.setAttribute('aria-label', label);
  select.setAttribute('title', label);
  for (const choice of choices) {
    const option = document.createElement('vscode-option') as HTMLElement & { value: string };
    option.value = choice.value;
    option.textContent = choice.label;
    if (choice.value === selected) option.setAttribute('selected', '');
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

/** A VS Code button; `secondary` for the less prominent actions. */
export function button(text: string, title: string, onClick: () => void, secondary = false): HTMLElement {
  const element = document.createElement('vscode-button');
  element.textContent = text;
  element.setAttribute('title', title);
  if (secondary) element.setAttribute('appearance', 'secondary');
  element.addEventListener('click', onClick);
  return element;
}
