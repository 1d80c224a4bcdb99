import * as assert from 'node:assert/strict';
import { NO_MAINTAINER_KNOWN } from '../../../../src/community/metrics/explain';
import { comment, discussion, reply } from '../../../support/discussionNodes';
import { reportOf } from './support';

describe('metrics: participation', () => {
  // bob 4 responses, carol 2, dave 1, erin 1: 8 responses by 4 responders.
  const nodes = [
    discussion(1, 'alice', 0, { comments: [comment('bob', 1, { replies: [reply('alice', 2), reply('bob', 3)] }), comment('carol', 4)] }),
    discussion(2, 'zed', 0, { comments: [comment('bob', 1), comment('bob', 2, { replies: [reply('carol', 3)] }), comment('dave', 5)] }),
    discussion(3, 'yan', 0, { comments: [comment('erin', 1), comment('yan', 2), comment('renovate[bot]', 3)] }),
    discussion(4, 'xia', -100, { comments: [comment('bob', -90)] }), // before the window
  ];

  it('counts responses in the window, the people who made them, and how concentrated they are', () => {
    const p = reportOf(nodes).participation;
    assert.equal(p.responses, 8);
    assert.equal(p.responders, 4);
    assert.equal(p.absenceFactor, 1); // bob alone made 4 of 8
    assert.equal(p.top10Share, 4 / 8); // ⌈0.4⌉ = 1 responder
    // counts [4, 2, 1, 1]: Σ|xi − xj| over ordered pairs = 2·(2+3+3+1+1+0) = 20, over 2·n²·mean = 2·16·2 = 64
    assert.equal(p.gini, 20 / 64);
  });

  it('maintainer share is null with the reason without a known maintainer, and the share with one', () => {
    const unknown = reportOf(nodes).participation;
    assert.equal(unknown.maintainerShare, null);
    assert.equal(unknown.reasons['maintainerShare'], NO_MAINTAINER_KNOWN);
    assert.equal(reportOf(nodes, { maintainers: ['carol'] }).participation.maintainerShare, 2 / 8);
  });

  it('an empty window has responders 0 and explained nulls, not zeros', () => {
    const p = reportOf(nodes, { sinceHours: 1_000, untilHours: 1_100 }).participation;
    assert.equal(p.responses, 0);
    assert.equal(p.absenceFactor, null);
    assert.equal(p.gini, null);
    assert.equal(p.reasons['gini'], 'no response was posted in the window');
  });
});
