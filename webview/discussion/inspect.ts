import type { DiscussionDomSummary } from '../../src/discussionView/protocol';
import type { ReplyBox } from './replyBox';

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * What the page shows, read back from the DOM (not from the page model), so a test sees what a user sees. `injected`
 * counts what the sanitiser must have removed: anything but 0 is a hole.
 */
export function inspectPage(root: HTMLElement, replyBox: ReplyBox): DiscussionDomSummary {
  const posts = Array.from(root.querySelectorAll<HTMLElement>('article.post'), (post) => ({
    id: post.dataset['postId'] ?? '',
    kind: post.dataset['kind'] ?? '',
    author: text(post.querySelector('.post-header .author')),
    isAnswer: post.classList.contains('answer'),
    status: post.dataset['status'] ?? '',
    text: text(post.querySelector('.post-content')),
    roles: Array.from(post.querySelectorAll(':scope > .post-header .role'), text),
  }));
  return {
    title: text(root.querySelector('h1 .title')),
    state: text(root.querySelector('#discussion-state')),
    labels: Array.from(root.querySelectorAll('.page-header .labels .label-chip'), text),
    posts,
    actions: Array.from(root.querySelectorAll('button.action'), text),
    helpers: Array.from(root.querySelectorAll<HTMLElement>('.helper'), (helper) => helper.dataset['login'] ?? ''),
    similar: Array.from(root.querySelectorAll<HTMLElement>('.similar-item'), (item) => Number(item.dataset['number'])),
    authorFacts: Array.from(root.querySelectorAll('.author-history dt'), (term) => `${text(term)}: ${text(term.nextElementSibling)}`),
    replyBox: replyBox.state,
    injected: injected(root),
  };
}

function injected(root: HTMLElement): DiscussionDomSummary['injected'] {
  const all = Array.from(root.querySelectorAll('*'));
  const bodies = Array.from(root.querySelectorAll('.markdown-body, .markdown-body *'));
  return {
    scripts: root.querySelectorAll('script').length,
    inlineHandlers: all.filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.toLowerCase().startsWith('on'))).length,
    frames: root.querySelectorAll('iframe, frame, frameset, object, embed').length,
    // Label chips carry their colour as a style of our own making; only GitHub text may not bring one.
    styles: root.querySelectorAll('style, link').length + bodies.filter((element) => element.hasAttribute('style')).length,
    unsafeImages: Array.from(root.querySelectorAll('img')).filter((image) => !image.getAttribute('src')?.startsWith('https://')).length,
    javascriptLinks: Array.from(root.querySelectorAll('a[href]')).filter((link) => !/^(https?|mailto):/i.test(link.getAttribute('href') ?? '')).length,
  };
}
