import type { SyncErrorKind } from '../github/contracts';
import { MOVE_DAMAGED_ASIDE } from '../store/damagedSnapshot';
import type { PulseState } from './pulseState';

/** Buttons a failure message offers; the controller maps each to its command. */
export type FailureAction = 'signIn' | 'signInWithToken' | 'chooseRepository' | 'retry' | 'showLog' | 'moveDamagedAside';

export interface FailurePresentation {
  readonly message: string;
  readonly actions: readonly FailureAction[];
  /** The state whose welcome text says what to do. */
  readonly state: PulseState;
}

type Failure = Exclude<SyncErrorKind, 'cancelled'>;

const ACTIONS: Record<Failure, readonly FailureAction[]> = {
  auth: ['signIn', 'signInWithToken', 'showLog'],
  notFound: ['chooseRepository', 'signIn', 'showLog'],
  discussionsDisabled: ['chooseRepository'],
  rateLimited: ['retry', 'showLog'],
  network: ['retry', 'showLog'],
  validation: ['showLog', 'retry'],
};

const STATES: Record<Failure, PulseState> = {
  auth: 'signedOut',
  notFound: 'notFound',
  discussionsDisabled: 'noDiscussions',
  rateLimited: 'error',
  network: 'error',
  validation: 'error',
};

/**
 * What the user is told when a sync fails, and what they can do about it. The sync layer's message
 * already says what is wrong and what to do; a rejected token also says which token it was, since the
 * extension has several sources. Cancelling is not a failure (null).
 */
export function presentSyncFailure(kind: SyncErrorKind, message: string, tokenSource: string): FailurePresentation | null {
  if (kind === 'cancelled') return null;
  return {
    message: kind === 'auth' ? `${message} (The token used is the one ${tokenSource}.)` : message,
    actions: ACTIONS[kind],
    state: STATES[kind],
  };
}

/** A damaged snapshot stops every sync until it is moved aside: one button does that and syncs afresh. */
export function presentDamagedSnapshot(message: string): FailurePresentation {
  return {
    message: `${message} Choose "${MOVE_DAMAGED_ASIDE}": it is kept under a dated name beside it and a fresh sync rebuilds the snapshot.`,
    actions: ['moveDamagedAside', 'showLog'],
    state: 'error',
  };
}
