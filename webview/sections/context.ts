import type { WebviewMessage } from '../../src/dashboard/protocol';

/** What a section needs besides its data: the width to draw at and a way to ask the extension for an action. */
export interface RenderContext {
  /** Width of a chart that shares its row with another, in CSS pixels (the whole row when narrow). */
  readonly width: number;
  /** Width of a chart across the whole page. */
  readonly fullWidth: number;
  post(message: WebviewMessage): void;
  /** Runs `draw` once the sections have been painted, so slow work (a force layout) does not hold back the first paint. */
  afterPaint(draw: LaterDrawing): void;
}

/** Drawing left for after the first paint; says how long its layout took. */
export type LaterDrawing = () => { readonly layoutMs: number };
