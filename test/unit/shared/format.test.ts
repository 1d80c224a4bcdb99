import { strict as assert } from 'node:assert';
import { countOf, formatChange, formatDurationLong, formatFigure, formatPercentBeside, formatTimeAgo } from '../../../src/shared/format';

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('formatDurationLong', () => {
  it('uses minutes under an hour, hours under two days, then days', () => {
    assert.equal(formatDurationLong(0), '1 minute');
    assert.equal(formatDurationLong(59 * MINUTE), '59 minutes');
    assert.equal(formatDurationLong(HOUR), '1 hour');
    assert.equal(formatDurationLong(47 * HOUR), '47 hours');
    assert.equal(formatDurationLong(48 * HOUR), '2 days');
  });
});

describe('formatTimeAgo', () => {
  it('says how long ago, in whole minutes, hours or days', () => {
    assert.equal(formatTimeAgo(30_000), 'just now');
    assert.equal(formatTimeAgo(-5 * MINUTE), 'just now', 'a clock running behind reads as now');
    assert.equal(formatTimeAgo(3 * MINUTE), '3 min ago');
    assert.equal(formatTimeAgo(5 * HOUR), '5 h ago');
    assert.equal(formatTimeAgo(50 * HOUR), '2 d ago');
  });

  it('says months from 60 days, years from two years', () => {
    const DAY = 24 * HOUR;
    assert.equal(formatTimeAgo(59 * DAY), '59 d ago');
    assert.equal(formatTimeAgo(60 * DAY), '1 mo ago');
    assert.equal(formatTimeAgo(706 * DAY), '23 mo ago');
    assert.equal(formatTimeAgo(730 * DAY), '23 mo ago', '730 days are not yet two years of 365.25 days');
    assert.equal(formatTimeAgo(731 * DAY), '2 y ago');
  });
});

describe('countOf', () => {
  it('puts the noun in the singular for exactly one, and groups thousands', () => {
    assert.equal(countOf(1, 'request'), '1 request');
    assert.equal(countOf(0, 'request'), '0 requests');
    assert.equal(countOf(1_200, 'person helped', 'people helped'), '1,200 people helped');
  });
});

describe('formatFigure and formatChange', () => {
  it('format each kind of figure', () => {
    assert.equal(formatFigure('duration', 5_400), '1.5 h');
    assert.equal(formatFigure('share', 0.25), '25%');
    assert.equal(formatFigure('count', 4.25), '4.3');
    assert.equal(formatFigure('count', null), '—');
  });

  it('give a change with its sign, a share’s in percentage points, and none when it would read as zero', () => {
    assert.equal(formatChange('duration', -1_800), '−30 min');
    assert.equal(formatChange('share', 0.05), '+5 pts');
    assert.equal(formatChange('count', -0.5), '−0.5');
    assert.equal(formatChange('count', 0.04), null, 'a mean that moved by less than 0.05');
    assert.equal(formatChange('share', -0.004), null, 'less than half a point');
    assert.equal(formatChange('duration', 0.4), null);
  });
});

describe('formatPercentBeside', () => {
  it('keeps a decimal where whole percents would show two different shares alike', () => {
    assert.equal(formatPercentBeside(0.496, 0.5), '49.6%');
    assert.equal(formatPercentBeside(0.504, 0.5), '50.4%');
  });
  it('shows whole percents when they already differ, or when the shares are the same', () => {
    assert.equal(formatPercentBeside(0.42, 0.5), '42%');
    assert.equal(formatPercentBeside(0.5, 0.5), '50%');
    assert.equal(formatPercentBeside(null, 0.5), '—');
  });
});
