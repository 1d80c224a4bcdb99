import { strict as assert } from 'node:assert';
import type { DiscussionPage } from '../../../src/discussionView/protocol';
import { discussionAssist } from '../../../src/viewModels/discussionAssist';
import { comment, discussion } from '../../support/discussionNodes';
import { assistCase, NOW } from '../community/assist/support';

describe('Discussion view context panel (text)', () => {
  it('words the author history, the helpers’ evidence and the similar discussions’ detail', () => {
    // #1 Q&A by alice @0, answered by bob @10 (10 h); #9 "How do I configure webhooks" by alice @700, now @720.
    const { index, byNumber } = assistCase(
      [
        discussion(1, 'alice', 0, { title: 'Configuring webhooks', comments: [comment('bob', 10, { isAnswer: true })] }),
        discussion(9, 'alice', 700, { title: 'How do I configure webhooks?' }),
      ],
      { leaderCandidates: ['bob'], maintainers: ['bob'] },
    );
    const page: Pick<DiscussionPage, 'author' | 'helpers' | 'similar'> = discussionAssist(index, byNumber(9), NOW);
    assert.deepEqual(page.author, {
      login: 'alice',
      facts: [
        { label: 'Before this one', value: '1 discussion, 0 comments' },
        { label: 'Questions answered', value: '1 of 1 · median 10 h' },
        { label: 'Last active', value: '20 hours ago' },
      ],
      helpedBy: ['bob'],
    });
    // bob: 1 response (@10, 710 h = 29.6 d ago: +1), accepted (+3), helped alice (+5).
    assert.deepEqual(page.helpers, [
      {
        login: 'bob',
        roles: ['maintainer', 'leaderCandidate'],
        evidence: 'answered 1 in Q&A in the last 90 days, 1 accepted, helped @alice before, active 29 days ago',
      },
    ]);
    assert.deepEqual(page.similar, [
      {
        number: 1,
        title: 'Configuring webhooks',
        url: 'https://github.com/octo/repo/discussions/1',
        answerPostId: byNumber(1).answerId,
        detail: 'answered by @bob, 29 days ago',
      },
    ]);
  });

  it('says "First post here" for a first-time poster', () => {
    const { index, byNumber } = assistCase([discussion(2, 'newbie', 719)]);
    assert.deepEqual(discussionAssist(index, byNumber(2), NOW).author.facts, [
      { label: 'History', value: 'First post here' },
      { label: 'Last active', value: '1 hour ago' },
    ]);
  });
});
