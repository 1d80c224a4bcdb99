import type { WebviewMessage } from '../../src/shared/dashboardProtocol';

/** What a section needs besides its data: the width to draw at and a way to ask the extension for an action. */
export interface RenderContext {
  /** Usable width of a chart, in CSS pixels. */
  readonly width: number;
  post(message: WebviewMessage): void;
}
