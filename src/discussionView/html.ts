import { contentSecurityPolicy, escapeAttribute } from '../shared/webviewHtml';

/**
 * A Discussion tab's page: no content of its own (the script draws everything from messages) under a strict
 * Content-Security-Policy. Nothing by default; the script only with this page's nonce; styles and fonts only from
 * the extension (no inline style, so a post cannot restyle the page); images from https (what GitHub's bodies link
 * to) and the extension; no frames, no connections, no forms, no `<base>`.
 */
export interface DiscussionPageShell {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh for every page load. */
  readonly nonce: string;
  /** `asWebviewUri` of dist/discussion.js and dist/discussion.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function discussionHtml(shell: DiscussionPageShell): string {
  const csp = contentSecurityPolicy([
    "default-src 'none'",
    `script-src 'nonce-${shell.nonce}'`,
    `style-src ${shell.cspSource}`,
    `font-src ${shell.cspSource}`,
    `img-src https: ${shell.cspSource}`,
    "frame-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="referrer" content="no-referrer">
<link rel="stylesheet" href="${escapeAttribute(shell.styleUri)}">
<title>Discussion</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="note">Loading the discussion…</p></main>
<script type="module" nonce="${shell.nonce}" src="${escapeAttribute(shell.scriptUri)}"></script>
</body>
</html>`;
}
