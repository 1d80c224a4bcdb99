import { CORE_ROLE_LABELS, type CorePerson, type CorePicture } from '../src/dashboard/protocol';
import { countOf } from '../src/shared/format';
import { COLORS } from './charts';
import { layoutCore, type Box, type PlacedPerson } from './networkLayout';

/**
 * The core's picture as SVG: a line per strong tie, a circle per person in their role's theme colour, the
 * best-connected named. Each person is a button: pointing at it or focusing it tells their figures, a click or
 * Enter opens them. Colours are `--vscode-*` variables, so a theme change recolours the picture without a redraw.
 */

export const ROLES: Readonly<Record<CorePerson['role'], { readonly label: string; readonly color: string }>> = {
  maintainer: { label: CORE_ROLE_LABELS.maintainer, color: COLORS.blue },
  leaderCandidate: { label: CORE_ROLE_LABELS.leaderCandidate, color: COLORS.orange },
  member: { label: CORE_ROLE_LABELS.member, color: COLORS.green },
};

/** At most how many of the best-connected get their login written beside their circle (more would cover the picture). */
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
  // The more lines, the fainter each, so a dense core reads as a shade rather than a black mass.
  const lines = svgElement('g', { class: 'network-ties', 'aria-hidden': 'true', 'stroke-opacity': tieOpacity(layout.ties.length).toFixed(2) });
  for (const tie of layout.ties) {
    const from = layout.people[tie.from]!;
    const to = layout.people[tie.to]!;
    lines.append(svgElement('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, 'stroke-width': tie.width.toFixed(2) }));
  }
  const named = namedPeople(layout.people, (index) => core.people[index]!.login);
  const circles = layout.people.map((placed) => {
    const person = core.people[placed.index]!;
    const figures = personFigures(person);
    const node = svgElement('g', { class: 'network-person', tabindex: '0', role: 'button', 'aria-label': `${figures}. Open in the People view.` });
    const title = svgElement('title', {});
    title.textContent = figures;
    node.append(title, svgElement('circle', { cx: placed.x, cy: placed.y, r: placed.radius.toFixed(2), fill: ROLES[person.role].color }));
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
  // The names over every circle, so no later circle covers one.
  const labels = layout.people
    .filter((placed) => named.has(placed.index))
    .map((placed) => {
      const label = svgElement('text', { x: placed.x + placed.radius + 2, y: placed.y + 3 });
      label.textContent = core.people[placed.index]!.login;
      return label;
    });
  svg.append(lines, svgElement('g', {}, ...circles), svgElement('g', { class: 'network-names', 'aria-hidden': 'true' }, ...labels));
  return { svg, layoutMs };
}

function tieOpacity(ties: number): number {
  return Math.min(0.6, Math.max(0.12, 8 / Math.sqrt(Math.max(1, ties))));
}

/** Rough width of a login written at the labels' 10px size. */
const LABEL_CHARACTER_WIDTH = 5.5;
const LABEL_HEIGHT = 11;

/** The best-connected (largest circles) whose login fits beside their circle without covering another's: at most `NAMED`. */
function namedPeople(people: readonly PlacedPerson[], loginOf: (index: number) => string): Set<number> {
  const named = new Set<number>();
  const taken: { left: number; top: number; right: number; bottom: number }[] = [];
  for (const placed of [...people].sort((a, b) => b.radius - a.radius || a.index - b.index)) {
    if (named.size === NAMED) break;
    const left = placed.x + placed.radius + 2;
    const label = {
      left,
      top: placed.y - LABEL_HEIGHT / 2,
      right: left + loginOf(placed.index).length * LABEL_CHARACTER_WIDTH,
      bottom: placed.y + LABEL_HEIGHT / 2,
    };
    if (taken.some((other) => label.left < other.right && other.left < label.right && label.top < other.bottom && other.top < label.bottom)) continue;
    taken.push(label);
    named.add(placed.index);
  }
  return named;
}

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: Node[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, typeof value === 'number' ? value.toFixed(1) : value);
  element.append(...children);
  return element;
}
