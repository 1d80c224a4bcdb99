import * as assert from 'node:assert/strict';
import type { Headline } from '../../../../src/community/reportSchema';
import { reportOf } from './support';
import { CURRENT_FIGURES, CURRENT_WINDOW, PREVIOUS_FIGURES, TWO_WINDOWS_NODES } from '../../../support/twoWindowsCommunity';

const day = (n: number) => n * 24;

/** The figures the test pins, with the seconds to within float rounding (the percentile interpolates). */
function pinned(headline: Headline) {
  return {
    firstResponseP90Seconds: headline.firstResponseP90Seconds === null ? null : Math.round(headline.firstResponseP90Seconds * 1000) / 1000,
    absenceFactor: headline.absenceFactor,
    weeklyActiveParticipants: headline.weeklyActiveParticipants,
  };
}

describe('metrics: headline of each window', () => {
  const report = reportOf(TWO_WINDOWS_NODES, CURRENT_WINDOW);

  it('gives the p90 first response, absence factor and mean weekly active participants of the window', () => {
    assert.deepEqual(pinned(report.headline), CURRENT_FIGURES);
    assert.equal(report.headline.firstResponseP90Seconds, report.firstResponse.p90Seconds, 'the first-response section’s figure');
    assert.equal(report.headline.absenceFactor, report.participation.absenceFactor, 'the participation section’s figure');
  });

  it('gives the same figures of the previous window, as of its own end', () => {
    assert.deepEqual(pinned(report.previous.headline), PREVIOUS_FIGURES);
  });

  it('averages weekly active participants over the partial weeks when the window holds no whole week', () => {
    // Days 29 to 32, all in the week of Jan 29: harry (day 29) and bob (day 31).
    const headline = reportOf(TWO_WINDOWS_NODES, { sinceHours: day(29), untilHours: day(32) }).headline;
    assert.equal(headline.weeklyActiveParticipants, 2);
  });

  it('gives no figure, with the reason, for a window in which nobody posted — not a mean of zeros', () => {
    // The previous window of [day 0, day 30) is before the first post.
    const { previous } = reportOf(TWO_WINDOWS_NODES, { sinceHours: 0, untilHours: day(30) });
    assert.deepEqual(pinned(previous.headline), { firstResponseP90Seconds: null, absenceFactor: null, weeklyActiveParticipants: null });
    assert.equal(previous.headline.reasons['weeklyActiveParticipants'], 'nobody posted in the window');
    assert.equal(previous.headline.reasons['absenceFactor'], 'no response was posted in the window');
    assert.equal(previous.headline.reasons['firstResponseP90Seconds'], 'no discussion was created in the window');
  });
});
