import { strict as assert } from 'node:assert';
import { DEFAULT_SAVED_REPLIES } from '../../../src/community/assist/savedReplies';
import { parseSettings } from '../../../src/settings/schema';

describe('communityPulse.savedReplies', () => {
  it('uses the default replies when unset, and the given ones when valid', () => {
    assert.deepEqual(parseSettings({}).settings.savedReplies, DEFAULT_SAVED_REPLIES);
    const mine = [{ title: 'Thanks', body: 'Thanks @{author}!' }];
    assert.deepEqual(parseSettings({ savedReplies: mine }), { settings: { ...parseSettings({}).settings, savedReplies: mine }, problems: [] });
  });

  it('names a bad entry by its place and title, and falls back to the defaults', () => {
    const reading = parseSettings({ savedReplies: [{ title: 'Ok', body: 'b' }, { title: 'No body' }, 'text'] });
    assert.deepEqual(reading.settings.savedReplies, DEFAULT_SAVED_REPLIES);
    assert.equal(reading.problems.length, 1);
    assert.match(reading.problems[0]!, /^Setting communityPulse\.savedReplies is invalid \(entry 2 \("No body"\) needs a non-empty "title" and a "body"/);
  });
});
