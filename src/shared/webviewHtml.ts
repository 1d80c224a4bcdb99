import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HTML shell every webview page of the extension (the dashboard, the Discussion tab) is: no content of its own
 * (its script draws everything from messages) under a strict Content-Security-Policy. Nothing by default; the script
 * and the style sheet only with this load's nonce (no inline style attribute or unsigned `<style>`, so no text from
 * GitHub can restyle the page); images only where the page says; no frames, connections, forms or `<base>`.
 *
 * The page's code and styles come inside the page, under the nonce, instead of as files it fetches: each file a webview
 * fetches goes through VS Code's webview service worker, the workbench and the extension host (in code-server, over
 * the network) before its first line can run; inside the page, the script runs as soon as VS Code writes the page.
 */
export interface WebviewShell {
  /** `webview.cspSource`: where the page's fonts (and a page's own images) may come from. */
  readonly cspSource: string;
  /** Fresh for every page load (`createNonce`). */
  readonly nonce: string;
  /** The page's script: one ES module with no imports (dist/<name>.js). */
  readonly script: string;
  /** The page's style sheet (dist/<name>.css). */
  readonly style: string;
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
    `style-src 'nonce-${shell.nonce}'`,
    `font-src ${shell.cspSource}`,
    `img-src ${page.imageSources}`,
    "frame-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="referrer" content="no-referrer">
<style nonce="${shell.nonce}">${inlineText(shell.style, 'style')}</style>
<title>${escapeAttribute(page.title)}</title>
</head>
<body>
<main id="root" aria-live="polite" aria-busy="true"><p class="note">${escapeAttribute(page.loadingText)}</p></main>
<script type="module" nonce="${shell.nonce}">${inlineText(shell.script, 'script')}</script>
</body>
</html>`;
}

/**
 * The shell of page `name` for one load: dist/<name>.js and dist/<name>.css as they are now (read at each load, so a
 * rebuilt page is served at its next opening) and a fresh nonce.
 */
export function webviewShellFor(name: string, distDirectory: string, cspSource: string): WebviewShell {
  const read = (file: string) => {
    try {
      return readFileSync(join(distDirectory, file), 'utf8');
    } catch (error) {
      const reason = `The ${name} page's ${file} could not be read from ${distDirectory} (${String(error)})`;
      throw new Error(`${reason}: reinstall the extension or run \`npm run build\`.`, { cause: error });
    }
  };
  return { cspSource, nonce: createNonce(), script: read(`${name}.js`), style: read(`${name}.css`) };
}

/** 128 bits from a CSPRNG, base64: a nonce an attacker cannot guess. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * `text` as the content of a `<script>` or `<style>` element. Nothing in it may end the element early: no `</script`
 * (or `</style`), and in a script no `<script` either, which after a `<!--` would make the parser skip the real end
 * tag. esbuild escapes both (a minified bundle keeps `<!--` in strings, harmless without them); a bundle holding one
 * would be cut in two, so it is refused instead of served.
 */
function inlineText(text: string, element: 'script' | 'style'): string {
  const forbidden = element === 'script' ? /<\/?script/i : /<\/style/i;
  const found = forbidden.exec(text);
  if (found)
    throw new Error(`The page's ${element} holds "${found[0]}" at offset ${found.index}, which would end its <${element}> early: it cannot be inlined.`);
  return text;
}

/** Text safe inside a double-quoted HTML attribute (and as element text). */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
