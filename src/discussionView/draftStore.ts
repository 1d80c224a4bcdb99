import type * as vscode from 'vscode';
import type { DiscussionPage } from './protocol';

export type Draft = NonNullable<DiscussionPage['draft']>;

/**
 * The reply box's text per repository and discussion, in the workspace's state: it survives closing the tab and
 * restarting VS Code, stays after a failed send, and is cleared only after a reply was posted.
 */
export class DraftStore {
  constructor(private readonly memento: vscode.Memento) {}

  get(repository: string, number: number): Draft | null {
    const stored = this.memento.get<unknown>(keyOf(repository, number));
    return isDraft(stored) ? stored : null;
  }

  /** Empty text forgets the draft. */
  async set(repository: string, number: number, draft: Draft): Promise<void> {
    await this.memento.update(keyOf(repository, number), draft.text === '' ? undefined : draft);
  }

  async clear(repository: string, number: number): Promise<void> {
    await this.memento.update(keyOf(repository, number), undefined);
  }
}

function keyOf(repository: string, number: number): string {
  return `communityPulse.draft:${repository.toLowerCase()}#${number}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const { text, replyToId } = value as Record<string, unknown>;
  return typeof text === 'string' && (replyToId === null || typeof replyToId === 'string');
}
