import { strict as assert } from 'node:assert';
import { DEFAULT_SAVED_REPLIES, fillPlaceholders } from '../../../../src/community/assist/savedReplies';

describe('Saved replies', () => {
  it('fills {author}, {number} and {maintainer} wherever they appear and leaves any other {word} as written', () => {
    const body = 'Hi @{author}! See #{number} and {unknown}; {author} again. — {maintainer} {}';
    assert.equal(fillPlaceholders(body, { author: 'alice', number: 42, maintainer: 'bob' }), 'Hi @alice! See #42 and {unknown}; alice again. — bob {}');
  });

  it('offers the three default replies: welcome, reproduction, answered discussion', () => {
    assert.deepEqual(
      DEFAULT_SAVED_REPLIES.map((reply) => reply.title),
      ['Welcome a first-time poster', 'Ask for a reproduction', 'Point to an answered discussion'],
    );
  });
});
