import type { Fault } from '../fake-github/server';

/**
 * Every fault of the fake GitHub that a sync survives by retrying, for a client that abandons an attempt after
 * `requestTimeoutMs`. Rate limits reset a second later (the client waits them out); 'corrupt' is left out: valid
 * JSON of the wrong shape is GitHub's schema changing, and the sync rightly stops for it.
 */
export function retriedFaults(requestTimeoutMs: number): readonly Fault[] {
  return [
    { kind: 'status', status: 500 },
    { kind: 'status', status: 502 },
    { kind: 'status', status: 503 },
    { kind: 'rateLimit', status: 403, resetAfterSeconds: 1 },
    { kind: 'rateLimit', status: 429, resetAfterSeconds: 1 },
    { kind: 'rateLimit', status: 200, resetAfterSeconds: 1 },
    { kind: 'secondaryRateLimit', retryAfterSeconds: 1 },
    { kind: 'timeout', ms: requestTimeoutMs * 4 },
    { kind: 'drop' },
    { kind: 'brokenBody' },
    { kind: 'notJson', body: 'proxyPage' },
    { kind: 'notJson', body: 'truncated' },
  ];
}
