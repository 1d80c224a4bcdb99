import { classifyGitHubFailure, firstMessage, resetNote, retryAfterNote, type GraphqlErrorItem } from './gitHubFailure';

export type MutationErrorKind =
  'forbidden' | 'locked' | 'notFound' | 'bodyTooLong' | 'bodyBlank' | 'rateLimited' | 'network' | 'auth' | 'validation' | 'unknown';

/** Why a change to a discussion was not made (or may not have been). The message names the action and says what to do. */
export class MutationError extends Error {
  override readonly name = 'MutationError';

  constructor(
    readonly kind: MutationErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where a mutation failed, for the message. */
export interface MutationContext {
  /** `reply to discussion D_kw…`: what the user asked for, as the object of "Could not …". */
  readonly action: string;
  readonly repository: string;
  /** The API's base URL (never the token). */
  readonly apiUrl: string;
}

const REFRESH = 'Refresh the discussion to see whether the change was made before trying again.';

/** Turns whatever Octokit, fetch or an abort threw while running a mutation into a MutationError. */
export function mutationErrorFrom(error: unknown, context: MutationContext, signal?: AbortSignal): MutationError {
  if (error instanceof MutationError) return error;
  const failed = `Could not ${context.action} in ${context.repository}`;
  const make = (kind: MutationErrorKind, message: string): MutationError => new MutationError(kind, message, { cause: error });
  const failure = classifyGitHubFailure(error, signal);
  switch (failure.kind) {
    case 'cancelled':
      return make('network', `${failed}: it was cancelled before GitHub answered. ${REFRESH}`);
    case 'secondaryRateLimit':
      return make(
        'rateLimited',
        `${failed}: GitHub's secondary rate limit (too many requests in a short time)${retryAfterNote(failure)}. Wait a few minutes, then try again.`,
      );
    case 'rateLimit':
      return make('rateLimited', `${failed}: GitHub's rate limit for this account is used up${resetNote(failure)}. Try again after the reset.`);
    case 'graphql':
      return graphqlRefusal(failure.errors, failed, context.apiUrl, make);
    case 'refused':
      if (failure.status === 401) {
        return make(
          'auth',
          `${failed}: GitHub at ${context.apiUrl} rejected the sign-in (401 ${failure.detail}): the token is missing, expired or revoked. Sign in again, then try again.`,
        );
      }
      if (failure.status === 403) {
        return make('forbidden', `${failed}: GitHub refused it (403 ${failure.detail}). Sign in with an account that may make this change.`);
      }
      return make('network', `${failed}: ${context.apiUrl} has no GitHub GraphQL API (404). Check the API URL setting.`);
    case 'network':
      return make(
        'network',
        `${failed}: ${failure.detail}${failure.status === null ? '' : ` (HTTP ${failure.status})`}, even after retrying. Check the connection. ${REFRESH}`,
      );
  }
}

function graphqlRefusal(
  errors: readonly GraphqlErrorItem[],
  failed: string,
  apiUrl: string,
  make: (kind: MutationErrorKind, message: string) => MutationError,
): MutationError {
  const ofType = (type: string): GraphqlErrorItem | undefined => errors.find((item) => item.type === type);
  const says = (item: GraphqlErrorItem): string => `GitHub says: ${item.message ?? item.type ?? 'no reason given'}`;
  const notFound = ofType('NOT_FOUND');
  if (notFound) return make('notFound', `${failed}: it no longer exists (${says(notFound)}). It may have been deleted meanwhile; refresh the discussion.`);
  const forbidden = ofType('FORBIDDEN');
  if (forbidden && /\block/i.test(forbidden.message ?? '')) {
    return make('locked', `${failed}: the discussion is locked (${says(forbidden)}). Only people with write access can change it until it is unlocked.`);
  }
  if (forbidden) {
    return make('forbidden', `${failed}: the signed-in account may not do this (${says(forbidden)}). Ask a maintainer, or sign in with an account that may.`);
  }
  const scopes = ofType('INSUFFICIENT_SCOPES');
  if (scopes) return make('auth', `${failed}: the token may not change discussions (${says(scopes)}). Sign in again and grant the "repo" scope.`);
  const unprocessable = ofType('UNPROCESSABLE');
  if (unprocessable && /too long|maximum/i.test(unprocessable.message ?? '')) {
    return make('bodyTooLong', `${failed}: the text is too long (${says(unprocessable)}). Shorten it, then send again.`);
  }
  if (unprocessable && /blank|empty/i.test(unprocessable.message ?? '')) {
    return make('bodyBlank', `${failed}: the text is empty (${says(unprocessable)}). Write something, then send again.`);
  }
  if (unprocessable) return make('validation', `${failed}: GitHub refused it (${says(unprocessable)}).`);
  const typed = errors.find((item) => item.type !== undefined);
  if (typed) return make('unknown', `${failed}: ${says(typed)} (${typed.type}). Refresh the discussion and try again.`);
  // Without a type, GitHub rejected the document itself: a field or argument it does not know.
  return make(
    'validation',
    `${failed}: GitHub at ${apiUrl} rejected the request: ${firstMessage(errors)}. An old GitHub Enterprise Server may lack this action; otherwise please report this.`,
  );
}
