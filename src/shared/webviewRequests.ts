/**
 * Asking a webview something it answers later (`inspect` → `inspection`, echoing the request's id), as both webview
 * hosts do for the tests that read their pages back.
 */
export class WebviewRequests<Answer> {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  /** `what` names the asker in the timeout's error: `the dashboard webview did not answer inspect #3…`. */
  constructor(
    private readonly what: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Sends a request through `send` with a fresh id; resolves with its answer, rejects if none comes in time. */
  ask(send: (requestId: number) => void): Promise<Answer> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error(`${this.what} did not answer request #${requestId} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting.set(requestId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      send(requestId);
    });
  }

  /** An answer arrived; one for no pending request (late, or forged) is dropped. */
  answer(requestId: number, answer: Answer): void {
    this.waiting.get(requestId)?.(answer);
    this.waiting.delete(requestId);
  }
}

/** Resolves with the next value an event (VS Code's `Event` shape) fires. */
export function nextEvent<T>(event: (listener: (value: T) => unknown) => { dispose(): void }): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      subscription.dispose();
      resolve(value);
    });
  });
}
