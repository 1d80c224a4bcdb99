import * as vscode from 'vscode';
import type { PulseData } from '../controller/pulseController';
import { formatTimeAgo } from '../shared/format';
import type { DiscussionTarget } from './discussionArgument';

/**
 * "Open Discussion…" from the Command Palette: any stored discussion, found by its number or words of its title,
 * most recently active first.
 */
export async function pickDiscussion(data: PulseData | null): Promise<DiscussionTarget | null> {
  if (!data || data.community.discussions.length === 0) {
    void vscode.window.showInformationMessage('No discussions are stored yet: sync the repository in the Community Pulse view first.');
    return null;
  }
  const now = Date.now();
  const items = [...data.community.discussions]
    .sort((a, b) => b.latestActivityAt - a.latestActivityAt)
    .map((discussion) => ({
      label: `#${discussion.number} ${discussion.title}`,
      description: [discussion.category?.name, discussion.closed ? 'closed' : null, `active ${formatTimeAgo(now - discussion.latestActivityAt)}`]
        .filter((part) => part !== null && part !== undefined)
        .join(' · '),
      number: discussion.number,
    }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Open a discussion of ${data.repository}`,
    placeHolder: 'Type a number or words of the title',
    matchOnDescription: true,
  });
  return picked ? { number: picked.number, postId: null } : null;
}
