import * as assert from 'node:assert/strict';
import { coreSentence, parseWebviewMessage } from '../../../src/dashboard/protocol';

/** The dashboard's messages of the "Who knows whom" section (issue #10), as the host receives them. */
describe('dashboard protocol: the network picture', () => {
  it('accepts a click on a person of the picture as showPerson with their login, and nothing without one', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'showPerson', login: 'octocat' }), { ok: true, message: { type: 'showPerson', login: 'octocat' } });
    for (const bad of [
      { type: 'showPerson' },
      { type: 'showPerson', login: '' },
      { type: 'showPerson', login: 42 },
      { type: 'showPerson', login: 'a', extra: 1 },
    ]) {
      assert.equal(parseWebviewMessage(bad).ok, false, JSON.stringify(bad));
    }
  });

  it('takes the layout time with the rendered report, null when there was no picture to lay out', () => {
    const timeline = {
      pageStartAt: 1,
      frameArrivedAt: null,
      scriptStartedAt: 2,
      scriptReadyAt: 2,
      showReceivedAt: 3,
      validatedAt: 4,
      drawnAt: 5,
      paintedAt: 6,
    };
    const rendered = { type: 'rendered', requestedAt: null, elapsedMs: null, renderMs: 3, timeline };
    assert.equal(parseWebviewMessage({ ...rendered, layoutMs: 41.5 }).ok, true);
    assert.equal(parseWebviewMessage({ ...rendered, layoutMs: null }).ok, true);
    assert.equal(parseWebviewMessage(rendered).ok, false, 'a page that does not say whether it laid a picture out');
  });

  it('says the core against Dunbar’s number in words, one person or many', () => {
    assert.equal(coreSentence(42), "core of 42 people; Dunbar's number is about 150");
    assert.equal(coreSentence(1), "core of 1 person; Dunbar's number is about 150");
    assert.equal(coreSentence(1500), "core of 1,500 people; Dunbar's number is about 150");
  });
});
