import { Marked, type TokenizerAndRendererExtension } from 'marked';

/**
 * GitHub-flavoured Markdown to HTML, the one renderer for both sides of the wire: the fake GitHub renders a post's
 * `bodyHTML` with it (as GitHub renders a body), and the Discussion view's reply preview renders a draft with it, so
 * the preview shows what the posted reply will look like. The HTML is not sanitised here: GitHub's `bodyHTML` and a
 * draft are both sanitised again with DOMPurify in the webview before they reach the page.
 *
 * Beyond GFM (tables, task lists, strikethrough, autolinks), like github.com: `@login` links to the profile and
 * `#123` to the repository's issue or discussion 123; neither inside code spans, code blocks or links.
 */
export interface GitHubMarkdownContext {
  /** The web address of the repository, e.g. `https://github.com/owner/name`: where `#123` points. */
  readonly repositoryUrl: string;
  /** The web address of GitHub itself, e.g. `https://github.com`: where `@login` points. */
  readonly webUrl: string;
}

// A GitHub login: letters, digits and single hyphens, not starting with a hyphen, at most 39 characters.
const MENTION = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![A-Za-z0-9_/-])/;
const REFERENCE = /^#(\d{1,9})(?![\w-])/;

export function renderGitHubMarkdown(markdown: string, context: GitHubMarkdownContext): string {
  return rendererFor(context).parse(markdown, { async: false });
}

const renderers = new Map<string, Marked>();

/** One configured instance per repository (a Marked instance keeps its extensions; building one costs more than a render). */
function rendererFor(context: GitHubMarkdownContext): Marked {
  const key = `${context.webUrl}\n${context.repositoryUrl}`;
  let marked = renderers.get(key);
  if (!marked) {
    marked = new Marked({ gfm: true, breaks: false, extensions: [mentionExtension(context), referenceExtension(context)] });
    renderers.set(key, marked);
  }
  return marked;
}

function mentionExtension(context: GitHubMarkdownContext): TokenizerAndRendererExtension {
  return {
    name: 'githubMention',
    level: 'inline',
    // Only at a word start: `me@example.com` is an address, not a mention.
    start: (source) => indexAtWordStart(source, '@'),
    tokenizer(source) {
      const match = this.lexer.state.inLink ? null : MENTION.exec(source);
      return match ? { type: 'githubMention', raw: match[0], login: match[1] } : undefined;
    },
    renderer: (token) => {
      const login = String(token['login']);
      return `<a class="user-mention" href="${escapeHtml(`${trimSlash(context.webUrl)}/${login}`)}">@${escapeHtml(login)}</a>`;
    },
  };
}

function referenceExtension(context: GitHubMarkdownContext): TokenizerAndRendererExtension {
  return {
    name: 'githubReference',
    level: 'inline',
    start: (source) => indexAtWordStart(source, '#'),
    tokenizer(source) {
      const match = this.lexer.state.inLink ? null : REFERENCE.exec(source);
      return match ? { type: 'githubReference', raw: match[0], number: match[1] } : undefined;
    },
    // GitHub links `#123` to /issues/123 and redirects there to the discussion when 123 is one.
    renderer: (token) => {
      const number = String(token['number']);
      return `<a class="issue-link" href="${escapeHtml(`${trimSlash(context.repositoryUrl)}/issues/${number}`)}">#${number}</a>`;
    },
  };
}

/** The first index of `marker` that starts a word (string start or after a non-word character), or undefined. */
function indexAtWordStart(source: string, marker: string): number | undefined {
  let index = source.indexOf(marker);
  while (index !== -1) {
    if (index === 0 || !/[\w`]/.test(source.charAt(index - 1))) return index;
    index = source.indexOf(marker, index + 1);
  }
  return undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
