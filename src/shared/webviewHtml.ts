import { readdirSync } from 'node:fs';

/**
 * The HTML shell every webview page of the extension (the dashboard, the Discussion tab) is: no content of its own
 * (its script draws everything from messages) under a strict Content-Security-Policy. Nothing by default; the script
 * only with this load's nonce; styles and fonts only from the extension (no inline style, so no text from GitHub can
 * restyle the page); images only where the page says; no frames, connections, forms or `<base>`.
 */
export interface WebviewShell {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh for every page load (`createNonce`). */
  readonly nonce: string;
  /** `asWebviewUri` of the page's script and style sheet in dist/. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** `asWebviewUri` of the chunks the script imports: fetched at once, beside it. */
  readonly chunkUris?: readonly string[];
}

export interface WebviewPageOptions {
  readonly title: string;
  /** Shown until the script draws. */
  readonly loadingText: string;
  /** The CSP's `img-src` sources: `'none'`, or where a page's images may come from. */
  readonly imageSources: string;
}

export function webviewPageHtml(shell: WebviewShell, page: WebviewPageOptions): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${shell.nonce}'`,
    `style-src ${shell.cspSource}`,
    `font-src ${shell.cspSource}`,
    `img-src ${page.imageSources}`,
    "frame-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const preloads = (shell.chunkUris ?? []).map((uri) => `<link rel="modulepreload" nonce="${shell.nonce}" href="${escapeAttribute(uri)}">`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="referrer" content="no-referrer">
<link rel="stylesheet" href="${escapeAttribute(shell.styleUri)}">
${preloads.join('\n')}
<title>${escapeAttribute(page.title)}</title>
</head>
<body>
<main id="root" aria-live="polite" aria-busy="true"><p class="note">${escapeAttribute(page.loadingText)}</p></main>
<script type="module" nonce="${shell.nonce}" src="${escapeAttribute(shell.scriptUri)}"></script>
</body>
</html>`;
}

/** How a host names its webview's files: VS Code's `webview.cspSource` and `asWebviewUri` of a file in dist/. */
export interface WebviewResources {
  readonly cspSource: string;
  uriOf(distFile: string): string;
}

/**
 * The shell of page `name` for one load: dist/<name>.js and dist/<name>.css, the chunks esbuild split from its
 * script (dist/<name>-*.js, preloaded beside it) and a fresh nonce.
 */
export function webviewShellFor(name: string, distDirectory: string, resources: WebviewResources): WebviewShell {
  const chunks = readdirSync(distDirectory).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.js'));
  return {
    cspSource: resources.cspSource,
    nonce: createNonce(),
    scriptUri: resources.uriOf(`${name}.js`),
    styleUri: resources.uriOf(`${name}.css`),
    chunkUris: chunks.map((file) => resources.uriOf(file)),
  };
}

/** 128 bits from a CSPRNG, base64: a nonce an attacker cannot guess. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Text safe inside a double-quoted HTML attribute (and as element text). */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
