/**
 * The `communityPulse.state` context key: which welcome text the views show when they have nothing
 * to list (package.json `viewsWelcome`).
 */
export type PulseState =
  | 'notSynced' // nothing stored yet, and no sync running
  | 'loading' // the first sync is running
  | 'signedOut'
  | 'noRepository'
  | 'notFound'
  | 'noDiscussions'
  | 'error'
  | 'ready';

/** What the state is worked out from. */
export interface StateFacts {
  /** How far the target resolved: no token, no repository, or both. */
  readonly target: 'signedOut' | 'noRepository' | 'ready';
  /** The state the last sync's failure calls for (its welcome text says what to do), if that sync failed. */
  readonly failure: PulseState | null;
  readonly hasData: boolean;
  readonly syncing: boolean;
}

/**
 * Which welcome text applies: what stops a sync first (no token, no repository), then why the last sync failed;
 * stored data is shown even while a sync runs; only with nothing stored does a running sync show "loading".
 */
export function pulseStateOf(facts: StateFacts): PulseState {
  if (facts.target !== 'ready') return facts.target;
  if (facts.failure) return facts.failure;
  if (facts.hasData) return 'ready';
  if (facts.syncing) return 'loading';
  return 'notSynced';
}
