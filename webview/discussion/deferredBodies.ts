import type { BodySanitiser } from './sanitise';

/** Bodies sanitised before the first paint: about a screenful of posts. */
const EAGER_BODIES = 20;
/** Bodies per task afterwards: small enough to keep typing and scrolling smooth. */
const BODIES_PER_TASK = 25;

/**
 * Sanitising is most of the cost of drawing a long thread, so only the first screenful of bodies (and any body
 * already sanitised for the previous drawing) is filled before the first paint; the rest follow in small tasks
 * straight after, each body still sanitised once. Whoever needs them all now (the inspection, a jump to a post far
 * down) flushes them.
 */
export class DeferredBodies {
  private queue: { container: HTMLElement; html: string }[] = [];
  private eagerLeft = EAGER_BODIES;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly sanitiser: BodySanitiser) {}

  /** A new drawing: what was queued for the previous one is dropped (its containers are gone). */
  start(): void {
    clearTimeout(this.timer);
    this.queue = [];
    this.eagerLeft = EAGER_BODIES;
  }

  fill(container: HTMLElement, html: string): void {
    if (this.eagerLeft > 0 || this.sanitiser.has(html)) {
      this.eagerLeft--;
      container.append(this.sanitiser.sanitise(html));
    } else {
      container.setAttribute('aria-busy', 'true');
      this.queue.push({ container, html });
    }
  }

  /** Fills the rest in the background, from the top down. */
  drain(): void {
    clearTimeout(this.timer);
    if (this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.fillNext(BODIES_PER_TASK);
      this.drain();
    }, 0);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.fillNext(this.queue.length);
  }

  private fillNext(count: number): void {
    for (const { container, html } of this.queue.splice(0, count)) {
      container.append(this.sanitiser.sanitise(html));
      container.removeAttribute('aria-busy');
    }
  }
}
