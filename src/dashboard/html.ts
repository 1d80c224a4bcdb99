import { contentSecurityPolicy, escapeAttribute } from '../shared/webviewHtml';

/**
 * The dashboard's page: no content of its own (the script draws everything from messages), a strict
 * Content-Security-Policy — nothing by default; the script only from the extension's `dist` with this
 * page's nonce; styles and fonts only from `dist` (no inline style); no images, frames or connections.
 */
export interface DashboardPage {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh for every page load. */
  readonly nonce: string;
  /** `asWebviewUri` of dist/webview.js and dist/webview.css. */
  readonly scriptUri: string;
  /** `asWebviewUri` of the chunks webview.js imports (dist/webview-*.js): fetched at once, beside it. */
  readonly chunkUris: readonly string[];
  readonly styleUri: string;
}

export function dashboardHtml(page: DashboardPage): string {
  const csp = contentSecurityPolicy([
    "default-src 'none'",
    `script-src 'nonce-${page.nonce}'`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
${page.chunkUris.map((uri) => `<link rel="modulepreload" nonce="${page.nonce}" href="${escapeAttribute(uri)}">`).join('\n')}
<title>Community Pulse</title>
</head>
<body>
<main id="root" aria-live="polite" aria-busy="true"><p class="note">Loading the dashboard…</p></main>
<script type="module" nonce="${page.nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>`;
}
