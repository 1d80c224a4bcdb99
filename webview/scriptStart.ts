/**
 * When the page's script began to run (epoch ms, the webview's clock): main.ts imports this module first, so it is
 * evaluated before the rest of the bundle (the protocol's schemas, the charts).
 */
export const scriptStartedAt = performance.timeOrigin + performance.now();
