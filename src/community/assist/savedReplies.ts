/** A reply kept for reuse (`communityPulse.savedReplies`): a title for the picker and a Markdown body. */
export interface SavedReply {
  readonly title: string;
  readonly body: string;
}

/** Used while `communityPulse.savedReplies` is not set. */
export const DEFAULT_SAVED_REPLIES: readonly SavedReply[] = [
  {
    title: 'Welcome a first-time poster',
    body:
      'Welcome, @{author}, and thanks for opening #{number}! Someone from the community or the team will take a look soon. ' +
      'In the meantime, adding the version you use and what you have tried so far helps others answer.\n\n— {maintainer}',
  },
  {
    title: 'Ask for a reproduction',
    body:
      'Thanks @{author}! To look into this we need to see it happen. Could you share a minimal reproduction: the smallest ' +
      'project or snippet that shows the problem, the steps to run it, what you expected and what happened instead, ' +
      'and the versions involved?\n\n— {maintainer}',
  },
  {
    title: 'Point to an answered discussion',
    body:
      'Hi @{author}, this looks like it was answered in #NUMBER (replace with the discussion’s number). ' +
      'Could you check whether that solves it for you? If not, tell us what is different in your case.\n\n— {maintainer}',
  },
];

/** Fills `{author}`, `{number}` and `{maintainer}`; any other `{word}` is left as written. */
export function fillPlaceholders(body: string, values: { author: string; number: number; maintainer: string }): string {
  const byName: Record<string, string> = { author: values.author, number: String(values.number), maintainer: values.maintainer };
  return body.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(byName, name) ? byName[name]! : placeholder));
}
