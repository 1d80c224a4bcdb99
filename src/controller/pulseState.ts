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

export const CONTEXT_KEYS = {
  state: 'communityPulse.state',
  signedIn: 'communityPulse.signedIn',
  syncing: 'communityPulse.syncing',
  /** `communityPulse.asOf` is set: the views show a past moment, and say so. */
  asOf: 'communityPulse.asOf',
} as const;
