import type { PageLabel } from '../../src/discussionView/protocol';
import { el } from '../dom';

/**
 * A label as GitHub colours it: its own colour as the background, and black or white text, whichever contrasts
 * more with it (WCAG relative luminance), so a pale or dark label stays readable in every theme.
 */
export function labelChip(label: PageLabel): HTMLElement {
  const chip = el('span', { class: 'label-chip' }, label.name);
  // Through the CSSOM: the CSP allows no style attribute written in HTML, and the colour is the label's own.
  chip.style.backgroundColor = `#${label.color}`;
  chip.style.color = readableTextOn(label.color);
  return chip;
}

export function readableTextOn(hex: string): '#000000' | '#ffffff' {
  const background = relativeLuminance(hex);
  const againstBlack = (background + 0.05) / 0.05;
  const againstWhite = 1.05 / (background + 0.05);
  return againstBlack >= againstWhite ? '#000000' : '#ffffff';
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
