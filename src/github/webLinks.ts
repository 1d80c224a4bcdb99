/**
 * Links to GitHub's web pages from the API URL setting: `https://api.github.com` → `https://github.com`,
 * GitHub Enterprise Server `https://HOST/api/v3` → `https://HOST`, anything else (the fake GitHub) as is.
 */
/** github.com's API URL: the default wherever no other GitHub is configured. */
export const GITHUB_API_URL = 'https://api.github.com';

export function webBaseUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '')}`;
}

export function profileUrl(apiUrl: string, login: string): string {
  return `${webBaseUrl(apiUrl)}/${encodeURIComponent(login)}`;
}

/** Only http(s) links from data are opened: a discussion URL is data, and data must not pick a URI handler. */
export function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
