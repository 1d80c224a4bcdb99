import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { CorePicture } from '../src/dashboard/protocol';

/**
 * Where each person of the core's picture goes: a force layout (d3-force) run to its end synchronously, so the
 * same data always gives the same picture. The simulation starts from d3's fixed spiral (the best-connected,
 * listed first, in the middle), draws from a seeded random source, and runs a fixed number of ticks; the result
 * is then scaled into the drawing box. No DOM here: the section draws what this returns.
 */

export interface Box {
  readonly width: number;
  readonly height: number;
}

export interface PlacedPerson {
  /** The person's index in `CorePicture.people`. */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

export interface PlacedTie {
  readonly from: number;
  readonly to: number;
  /** Stroke width in pixels: wider for a tie met in more discussions. */
  readonly width: number;
}

export interface NetworkLayout {
  readonly people: readonly PlacedPerson[];
  readonly ties: readonly PlacedTie[];
}

const RADIUS = { min: 3, max: 14 } as const;
const TIE_WIDTH = { min: 1, max: 5 } as const;
/**
 * The whole cooling, run at once: alpha decays from 1 to d3's minimum (0.001) in this many ticks. Under a seventh of
 * d3's default 300: compared side by side on the bench's full 150-person core (1,372 ties) and on the real sample's,
 * 40 ticks read the same as 60 and 300 (d3's velocity decay damps it fast; on the real sample 60 left one far pair
 * stretching the picture into a corner), and the layout, which runs once in a fresh page before the JIT has warmed
 * to it, stays well inside the 100 ms it is allowed in the webview (warm, 16 ms against 25 for 60 ticks).
 */
const TICKS = 40;
/** The last ticks, in which overlapping circles are also pushed apart (none overlap after them on either core). */
const SEPARATING_TICKS = 14;
/** Barnes–Hut accuracy of the repulsion (d3's default 0.9): coarser far away, where it changes little, for speed. */
const THETA = 1.5;
/** Beyond this distance people no longer repel: about four ties' lengths, past which the pull to the middle rules. */
const REPULSION_RANGE = 150;
const ALPHA_MIN = 0.001;
const SEED = 0x5eed;
/** How far the fitted picture may enlarge the simulated distances (the circles keep their size). */
const MAX_SPREAD = 2.5;
/** Room kept between the outermost circles and the box's edge. */
const MARGIN = 4;

interface Node extends SimulationNodeDatum {
  readonly index: number;
  readonly radius: number;
}

/** A person's circle: its area grows with their ties, the largest for the best-connected of the picture. */
export function radiusFor(ties: number, maxTies: number): number {
  return RADIUS.min + (RADIUS.max - RADIUS.min) * Math.sqrt(maxTies > 0 ? ties / maxTies : 0);
}

/** A tie's line: from the thinnest at strength 2 (the least a strong tie has) to the thickest at the picture's strongest. */
export function tieWidthFor(strength: number, maxStrength: number): number {
  const span = maxStrength - 2;
  return TIE_WIDTH.min + (TIE_WIDTH.max - TIE_WIDTH.min) * Math.sqrt(span > 0 ? Math.max(0, strength - 2) / span : 0);
}

export function layoutCore(core: CorePicture, box: Box): NetworkLayout {
  const maxTies = Math.max(0, ...core.people.map((person) => person.ties));
  const maxStrength = Math.max(2, ...core.ties.map((tie) => tie.strength));
  const nodes: Node[] = core.people.map((person, index) => ({ index, radius: radiusFor(person.ties, maxTies) }));
  const links: SimulationLinkDatum<Node>[] = core.ties.map((tie) => ({ source: tie.from, target: tie.to }));
  forceSimulation(nodes)
    .randomSource(seededRandom(SEED))
    .alphaMin(ALPHA_MIN)
    .alphaDecay(1 - Math.pow(ALPHA_MIN, 1 / TICKS))
    .force('link', forceLink(links).distance(40))
    .force('charge', forceManyBody<Node>().strength(-60).distanceMax(REPULSION_RANGE).theta(THETA))
    // Pulls every piece toward the middle, the box's shape kept: a picture cut to its best-connected may fall apart.
    .force('x', forceX<Node>(0).strength(0.06 * Math.min(1, box.height / box.width)))
    .force('y', forceY<Node>(0).strength(0.06 * Math.min(1, box.width / box.height)))
    .stop()
    .tick(TICKS - SEPARATING_TICKS)
    // Circles pushed apart only once the shape has formed: the costliest force, needed only at the end.
    .force(
      'collide',
      forceCollide<Node>((node) => node.radius + 2),
    )
    .tick(SEPARATING_TICKS);
  const fit = fitInto(nodes, box);
  return {
    people: nodes.map((node) => ({ index: node.index, radius: node.radius, x: fit.x(node.x ?? 0), y: fit.y(node.y ?? 0) })),
    ties: core.ties.map((tie) => ({ from: tie.from, to: tie.to, width: tieWidthFor(tie.strength, maxStrength) })),
  };
}

/**
 * Scales and centres the simulated positions so every circle lies inside the box, spread to fill it but never
 * more than `MAX_SPREAD` times the simulation's own distances: a small core stays a compact group in the middle.
 */
function fitInto(nodes: readonly Node[], box: Box): { x: (x: number) => number; y: (y: number) => number } {
  const largest = Math.max(RADIUS.min, ...nodes.map((node) => node.radius));
  const inset = largest + MARGIN;
  const xs = nodes.map((node) => node.x ?? 0);
  const ys = nodes.map((node) => node.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(0, ...xs), Math.max(0, ...xs), Math.min(0, ...ys), Math.max(0, ...ys)];
  const room = { width: Math.max(0, box.width - 2 * inset), height: Math.max(0, box.height - 2 * inset) };
  const scale = Math.min(MAX_SPREAD, room.width / Math.max(1, maxX - minX), room.height / Math.max(1, maxY - minY));
  const middle = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  return { x: (x) => box.width / 2 + (x - middle.x) * scale, y: (y) => box.height / 2 + (y - middle.y) * scale };
}

/** A linear congruential generator (the constants of d3's own), so the layout's randomness is the same every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (1664525 * state + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
