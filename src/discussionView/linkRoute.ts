import { safeWebUrl } from '../github/webLinks';

/** Where a link clicked in a Discussion tab goes. */
export type LinkRoute =
  | { readonly kind: 'discussion'; readonly number: number }
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'ignored'; readonly reason: string };

export interface LinkContext {
  /** `https://github.com/owner/name`: relative links and this repository's discussions resolve against it. */
  readonly repositoryUrl: string;
  /** `communityPulse.apiUrl`: only pages of its web host are opened. */
  readonly apiUrl: string;
  /** Whether the stored snapshot holds this discussion number. */
  readonly hasDiscussion: (number: number) => boolean;
}

/**
 * A link from GitHub's text routed: a discussion (or issue number, which GitHub redirects to the discussion of that
 * number) of this repository that the snapshot holds opens in its tab; any other page of the configured GitHub opens
 * in the browser; anything else (another site, `command:`, `file:`, `javascript:`) is dropped with the reason.
 */
export function routeLink(href: string, context: LinkContext): LinkRoute {
  const repository = new URL(`${context.repositoryUrl.replace(/\/+$/, '')}/`);
  let url: URL;
  try {
    url = new URL(href, repository);
  } catch {
    return { kind: 'ignored', reason: `"${href}" is not a link` };
  }
  const inRepository = url.origin === repository.origin && url.pathname.toLowerCase().startsWith(repository.pathname.toLowerCase());
  const numbered = inRepository ? /^(?:discussions|issues)\/(\d+)\/?$/.exec(url.pathname.slice(repository.pathname.length)) : null;
  if (numbered && context.hasDiscussion(Number(numbered[1]))) return { kind: 'discussion', number: Number(numbered[1]) };
  const safe = safeWebUrl(url.href, context.apiUrl);
  return safe ? { kind: 'external', url: safe } : { kind: 'ignored', reason: `${url.protocol}//${url.host} is not a page of the configured GitHub` };
}
