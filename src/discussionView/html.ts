import { webviewPageHtml, type WebviewShell } from '../shared/webviewHtml';

/**
 * A Discussion tab's page (shared/webviewHtml.ts): images from https (what GitHub's bodies link to) and the
 * extension, nothing else beyond the shell's rules.
 */
export function discussionHtml(shell: WebviewShell): string {
  return webviewPageHtml(shell, { title: 'Discussion', loadingText: 'Loading the discussion…', imageSources: `https: ${shell.cspSource}` });
}
