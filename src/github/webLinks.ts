/**
 * Links to GitHub's web pages from the API URL setting: `https://api.github.com` → `https://github.com`,
 * GitHub Enterprise Server `https://HOST/api/v3` → `https://HOST`, anything else (the fake GitHub) as is.
 */
/** github.com's API URL: the default wherever no other GitHub is configured. */
export const GITHUB_API_URL = 'https://api.github.com';

export function webBaseUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return GITHUB_WEB;
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '')}`;
}

export function profileUrl(apiUrl: string, login: string): string {
  return `${webBaseUrl(apiUrl)}/${encodeURIComponent(login)}`;
}

const GITHUB_WEB = 'https://github.com';

/**
 * The link to open, or null when it must not be opened. A discussion URL comes from data (a snapshot, an `--input`
 * file), and data must not pick a URI handler (`command:`, `file:`, `vscode:`) nor send the user to another site:
 * only https pages of the configured GitHub's web host pass. A loopback API (the fake GitHub, a local test server)
 * also passes its own origin, plain http included, and github.com, whose links the fake serves as GitHub does.
 */
export function safeWebUrl(url: string, apiUrl: string): string | null {
  let link: URL;
  let web: URL;
  try {
    link = new URL(url);
    web = new URL(webBaseUrl(apiUrl));
  } catch {
    return null;
  }
  if (isLoopbackHost(web.hostname)) {
    if (link.origin === web.origin || link.origin === GITHUB_WEB) return url;
    return null;
  }
  return link.protocol === 'https:' && link.host === web.host ? url : null;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
