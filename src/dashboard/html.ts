import { webviewPageHtml, type WebviewShell } from '../shared/webviewHtml';

/** The dashboard's page (shared/webviewHtml.ts): its script preloads its drawing chunks; no images at all. */
export function dashboardHtml(shell: WebviewShell): string {
  return webviewPageHtml(shell, { title: 'Community Pulse', loadingText: 'Loading the dashboard…', imageSources: "'none'" });
}
