import * as assert from 'node:assert/strict';
import { NO_MAINTAINER_KNOWN } from '../../../../src/community/metrics/explain';
import { at, comment, discussion, reply } from '../../../support/discussionNodes';
import { reportOf } from './support';

const HOUR_S = 3_600;

describe('metrics: first response', () => {
  it('takes the earliest comment or reply by someone other than the author, a bot, deleted or minimized', () => {
    const report = reportOf(
      [
        discussion(1, 'alice', 0, {
          comments: [
            comment('alice', 1, { replies: [reply('bob', 9)] }), // the author's own comment is no response; a reply is
            comment('github-actions', 2, { bot: true }),
            comment('renovate[bot]', 3),
            comment('carol', 4, { deletedAt: at(5) }),
            comment('dave', 5, { isMinimized: true }),
            comment('stalebot', 6),
            comment('erin', 10),
          ],
        }),
      ],
      { ignoreUsers: ['stalebot'] },
    );
    assert.equal(report.firstResponse.count, 1);
    assert.equal(report.firstResponse.medianSeconds, 9 * HOUR_S);
    assert.equal(report.contributors.find((c) => c.login === 'bob')?.firstResponses, 1);
  });

  it('counts discussions created in the window only, and a response only if it came before until', () => {
    const report = reportOf(
      [
        discussion(1, 'alice', -5, { comments: [comment('bob', 1)] }), // before the window
        discussion(2, 'alice', 10, { comments: [comment('bob', 12)] }),
        discussion(3, 'alice', 20, { comments: [comment('bob', 200)] }), // the response comes after until
        discussion(4, 'alice', 100), // created at until: outside [since, until)
      ],
      { untilHours: 100 },
    );
    assert.equal(report.firstResponse.discussions, 2);
    assert.equal(report.firstResponse.count, 1);
    assert.equal(report.firstResponse.noResponse, 1);
    assert.equal(report.firstResponse.medianSeconds, 2 * HOUR_S);
  });

  it('ignores discussions opened by a bot, as triage does', () => {
    const report = reportOf([discussion(1, 'github-actions', 1, { bot: true, comments: [comment('bob', 2)] }), discussion(2, 'alice', 1)]);
    assert.equal(report.firstResponse.discussions, 1);
    assert.equal(report.discussions.total, 1);
  });

  it('withinTargetRate: out of discussions with a response or at least the target old at until', () => {
    // until = 100 h; target 48 h.
    const report = reportOf(
      [
        discussion(1, 'a', 0, { comments: [comment('bob', 48)] }), // exactly at the target: within
        discussion(2, 'b', 0, { comments: [comment('bob', 49)] }), // late: judged, not within
        discussion(3, 'c', 10), // no response, 90 h old: judged, not within
        discussion(4, 'd', 60, { comments: [comment('bob', 61)] }), // young but answered: judged, within
        discussion(5, 'e', 60), // no response, 40 h old: can still make it, not judged
      ],
      { untilHours: 100 },
    );
    assert.equal(report.firstResponse.withinTargetRate, 2 / 4);
    assert.equal(report.firstResponse.noResponse, 2);
  });

  it('follows the responseTargetHours setting', () => {
    const nodes = [discussion(1, 'a', 0, { comments: [comment('bob', 5)] }), discussion(2, 'b', 0, { comments: [comment('bob', 30)] })];
    assert.equal(reportOf(nodes, { settings: { responseTargetHours: 24 } }).firstResponse.withinTargetRate, 0.5);
    assert.equal(reportOf(nodes, { settings: { responseTargetHours: 24 } }).firstResponse.targetHours, 24);
    assert.equal(reportOf(nodes).firstResponse.withinTargetRate, 1);
  });

  it('explains a missing figure instead of reporting 0', () => {
    const empty = reportOf([discussion(1, 'alice', -100)]);
    assert.equal(empty.firstResponse.medianSeconds, null);
    assert.equal(empty.firstResponse.reasons['medianSeconds'], 'no discussion was created in the window');
    assert.equal(empty.firstResponse.withinTargetRate, null);
    const unanswered = reportOf([discussion(1, 'alice', 690)]); // 30 h before until: too young to judge
    assert.equal(unanswered.firstResponse.count, 0);
    assert.equal(unanswered.firstResponse.noResponse, 1);
    assert.match(unanswered.firstResponse.reasons['medianSeconds']!, /none of the 1 discussions created in the window had a response by until/);
    assert.match(unanswered.firstResponse.reasons['withinTargetRate']!, /younger than the 48-hour target/);
  });

  it('first maintainer response is null with the reason when no maintainer is known', () => {
    const report = reportOf([discussion(1, 'alice', 0, { comments: [comment('maint', 3)] })]);
    assert.equal(report.maintainersKnown, false);
    for (const key of ['count', 'medianSeconds', 'noResponse', 'withinTargetRate'] as const) {
      assert.equal(report.firstMaintainerResponse[key], null);
      assert.equal(report.firstMaintainerResponse.reasons[key], NO_MAINTAINER_KNOWN);
    }
    assert.match(NO_MAINTAINER_KNOWN, /--maintainers/);
  });

  it('first maintainer response counts only maintainers: by association or --maintainers', () => {
    const nodes = [
      discussion(1, 'alice', 0, { comments: [comment('bob', 1), comment('Maint', 4), comment('member', 2, { authorAssociation: 'MEMBER' })] }),
      discussion(2, 'carol', 0, { comments: [comment('bob', 1)] }),
    ];
    const report = reportOf(nodes, { maintainers: ['maint'] }); // case-insensitive, as on GitHub
    assert.equal(report.firstMaintainerResponse.count, 1);
    assert.equal(report.firstMaintainerResponse.medianSeconds, 2 * HOUR_S); // `member` at 2 h
    assert.equal(report.firstMaintainerResponse.noResponse, 1);
    assert.equal(report.firstResponse.medianSeconds, HOUR_S);
  });
});
