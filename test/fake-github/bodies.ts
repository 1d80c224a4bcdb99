import { renderGitHubMarkdown } from '../../src/shared/githubMarkdown';
import type { StoredBody, StoredRepository } from './model';

interface RenderedBody {
  readonly body: string;
  readonly html: string;
}

const rendered = new WeakMap<StoredBody, RenderedBody>();

/**
 * A post's `bodyHTML` as GitHub renders its Markdown body (mentions to the profile, `#123` to the repository),
 * rendered when first asked for and kept until the body changes: a sync never asks, so it never pays for it.
 */
export function bodyHTML(post: StoredBody, repository: StoredRepository): string {
  const cached = rendered.get(post);
  if (cached?.body === post.body) return cached.html;
  const html = post.body === '' ? '' : renderGitHubMarkdown(post.body, { repositoryUrl: repository.url, webUrl: new URL(repository.url).origin });
  rendered.set(post, { body: post.body, html });
  return html;
}

/** GitHub's `bodyText`: the rendered text without markup. */
export function bodyText(post: StoredBody, repository: StoredRepository): string {
  return bodyHTML(post, repository)
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
