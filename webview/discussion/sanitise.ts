import DOMPurify, { type Config } from 'dompurify';

/**
 * Every piece of HTML the page shows from outside (GitHub's `bodyHTML`, the reply preview) goes through here, even
 * though GitHub sanitises its own: defence in depth, under a CSP that would block most of it anyway.
 *
 * What stays: GitHub's HTML profile (no SVG or MathML) minus anything that runs, restyles, frames, submits or loads
 * from elsewhere. Links keep only http(s), mailto and relative addresses, resolved against the repository so the host
 * can open them; media keep only https sources, any other image is removed with its element.
 */
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'template',
  ],
  FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'action', 'formaction', 'ping', 'target'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Set by this module after DOMPurify has filtered the attributes (so a body cannot set it to spare an element).
const REMOVE_MARK = 'data-cp-remove';

/** An address that may leave the page: resolved against `base`, or null when it is not http(s) or mailto. */
export function resolveLink(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function isHttps(source: string): boolean {
  try {
    return new URL(source.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

export class BodySanitiser {
  private readonly purifier = DOMPurify(window);
  /** Where relative links point: the repository's address with a trailing slash. */
  private base = 'https://github.com/';
  /** Sanitised bodies of the last page, by base and HTML: a re-drawn page (after an action) sanitises only what changed. */
  private cache = new Map<string, DocumentFragment>();
  private used = new Map<string, DocumentFragment>();

  constructor() {
    this.purifier.addHook('afterSanitizeAttributes', (node) => this.restrict(node));
  }

  /** Call once per drawn page: bodies not asked for since the previous call are forgotten. */
  startPage(repositoryUrl: string): void {
    this.base = repositoryUrl.endsWith('/') ? repositoryUrl : `${repositoryUrl}/`;
    this.cache = this.used;
    this.used = new Map();
  }

  /** The HTML as nodes ready to append, each call a fresh copy. */
  sanitise(html: string): DocumentFragment {
    const key = `${this.base}\n${html}`;
    let clean = this.used.get(key) ?? this.cache.get(key);
    if (!clean) {
      clean = this.purifier.sanitize(html, CONFIG);
      clean.querySelectorAll(`[${REMOVE_MARK}]`).forEach((element) => element.remove());
    }
    this.used.set(key, clean);
    return clean.cloneNode(true) as DocumentFragment;
  }

  private restrict(node: Element): void {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      const resolved = href === null ? null : resolveLink(href, this.base);
      if (resolved) node.setAttribute('href', resolved);
      else node.removeAttribute('href');
      node.setAttribute('rel', 'noreferrer noopener');
    }
    // An image (or video, audio, source) from anywhere but https is dropped whole: a broken picture says nothing.
    if (node.hasAttribute('src') && !isHttps(node.getAttribute('src') ?? '')) node.setAttribute(REMOVE_MARK, '');
    if (node.tagName === 'IMG') {
      if (!node.hasAttribute('src')) node.setAttribute(REMOVE_MARK, '');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
    // GitHub's task lists: a checkbox that shows the state, never a control.
    if (node.tagName === 'INPUT') {
      if (node.getAttribute('type') === 'checkbox') node.setAttribute('disabled', '');
      else node.setAttribute(REMOVE_MARK, '');
    }
  }
}
