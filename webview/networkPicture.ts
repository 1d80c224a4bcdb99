import type { CorePerson, CorePicture } from '../src/dashboard/protocol';
import { countOf } from '../src/shared/format';
import { COLORS } from './charts';
import { layoutCore, type Box } from './networkLayout';

/**
 * The core's picture as SVG: a line per strong tie, a circle per person in their role's theme colour, the
 * best-connected named. Each person is a button: pointing at it or focusing it tells their figures, a click or
 * Enter opens them. Colours are `--vscode-*` variables, so a theme change recolours the picture without a redraw.
 */

export const ROLES: Readonly<Record<CorePerson['role'], { readonly label: string; readonly color: string }>> = {
  maintainer: { label: 'Maintainer', color: COLORS.blue },
  leaderCandidate: { label: 'Leader candidate', color: COLORS.orange },
  member: { label: 'Member', color: COLORS.green },
};

/** How many of the best-connected get their login written beside their circle (more would cover the picture). */
const NAMED = 10;
const SVG = 'http://www.w3.org/2000/svg';

export interface PersonActions {
  /** The person pointed at or focused. */
  describe(person: CorePerson): void;
  /** The person clicked, or Enter or Space pressed on. */
  open(login: string): void;
}

/** A person's figures as the hover, the focus and the screen reader say them. */
export function personFigures(person: CorePerson): string {
  return `@${person.login}: ${ROLES[person.role].label.toLowerCase()}, ${countOf(person.ties, 'tie')}, ${countOf(person.strongTies, 'strong tie')}`;
}

/** Lays the core out and draws it; `layoutMs` is the layout's time alone. */
export function corePicture(core: CorePicture, box: Box, actions: PersonActions): { svg: SVGSVGElement; layoutMs: number } {
  const started = performance.now();
  const layout = layoutCore(core, box);
  const layoutMs = performance.now() - started;
  const svg = svgElement('svg', { viewBox: `0 0 ${box.width} ${box.height}`, width: box.width, height: box.height });
  const lines = svgElement('g', { class: 'network-ties', 'aria-hidden': 'true' });
  for (const tie of layout.ties) {
    const from = layout.people[tie.from]!;
    const to = layout.people[tie.to]!;
    lines.append(svgElement('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, 'stroke-width': tie.width.toFixed(2) }));
  }
  const named = new Set(
    [...layout.people]
      .sort((a, b) => b.radius - a.radius || a.index - b.index)
      .slice(0, NAMED)
      .map((placed) => placed.index),
  );
  const circles = layout.people.map((placed) => {
    const person = core.people[placed.index]!;
    const figures = personFigures(person);
    const node = svgElement('g', { class: 'network-person', tabindex: '0', role: 'button', 'aria-label': `${figures}. Open in the People view.` });
    const title = svgElement('title', {});
    title.textContent = figures;
    node.append(title, svgElement('circle', { cx: placed.x, cy: placed.y, r: placed.radius.toFixed(2), fill: ROLES[person.role].color }));
    if (named.has(placed.index)) {
      const label = svgElement('text', { x: placed.x + placed.radius + 2, y: placed.y + 3, 'aria-hidden': 'true' });
      label.textContent = person.login;
      node.append(label);
    }
    node.addEventListener('mouseenter', () => actions.describe(person));
    node.addEventListener('focus', () => actions.describe(person));
    node.addEventListener('click', () => actions.open(person.login));
    node.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      actions.open(person.login);
    });
    return node;
  });
  svg.append(lines, svgElement('g', {}, ...circles));
  return { svg, layoutMs };
}

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: Node[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, typeof value === 'number' ? value.toFixed(1) : value);
  element.append(...children);
  return element;
}
