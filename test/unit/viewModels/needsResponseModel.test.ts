import { strict as assert } from 'node:assert';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { triage } from '../../../src/community/triage';
import { buildNeedsResponseModel, describeLastSync, describeStatus } from '../../../src/viewModels/needsResponse';
import { comment, discussion, reply, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;

function modelAt(nowHours: number, nodes: Parameters<typeof normalizeCommunity>[1], responseTargetHours = 48) {
  const community = normalizeCommunity('octo/repo', nodes);
  const now = T0 + nowHours * HOUR;
  const result = triage(community, classifyPeople(community), { now, staleDays: 7 });
  return buildNeedsResponseModel(result, { now, asOf: null, staleDays: 7, responseTargetHours });
}

describe('Needs Response view model', () => {
  const nodes = [
    discussion(1, 'alice', 0),
    discussion(2, 'bob', 24, { comments: [comment('carol', 25, { replies: [reply('bob', 30)] })] }),
    discussion(3, 'dave', 48, { comments: [comment('carol', 49)] }),
    discussion(4, 'erin', 100, { category: null }),
  ];

  it('lists every bucket in triage order with its count in the label', () => {
    const model = modelAt(30 * 24, nodes);
    assert.deepEqual(
      model.sections.map((section) => section.label),
      ['No response (2)', 'Author replied (1)', 'Answer not marked (1)'],
    );
    assert.equal(model.total, 4);
    assert.equal(model.badgeTooltip, '4 discussions need a response');
  });

  it('describes each row as number, wait, author and category, longest waiting first', () => {
    const model = modelAt(30 * 24, nodes);
    assert.deepEqual(
      model.sections[0]!.rows.map((row) => row.description),
      ['#1 · 4w · @alice · Q&A', '#4 · 3w · @erin'],
    );
    assert.equal(model.sections[1]!.rows[0]!.description, '#2 · 4w · @bob · Q&A');
  });

  it('says in the tooltip why a discussion is listed', () => {
    const model = modelAt(5 * 24, nodes);
    const [noResponse, awaitingReply] = model.sections;
    assert.deepEqual(noResponse!.rows[0]!.tooltip, [
      '#1 Discussion 1',
      'No response since 2024-01-01 — 5 days.',
      'Opened by @alice in Q&A on 2024-01-01.',
      'Past the 48-hour response target.',
    ]);
    assert.equal(awaitingReply!.rows[0]!.tooltip[1], '@bob replied on 2024-01-02 and has been waiting on the team for 3 days.');
    assert.equal(model.sections[2]!.rows.length, 0, 'carol replied to #3 only 3 days ago: not stale yet');
  });

  it('explains an unmarked answer by who replied and when', () => {
    const model = modelAt(30 * 24, nodes);
    assert.match(model.sections[2]!.rows[0]!.tooltip[1]!, /^@carol replied on 2024-01-03 \(27 days ago\) and no answer is marked/);
    assert.equal(model.sections[2]!.rows[0]!.overdue, false, 'the response target is about first replies, not unmarked answers');
  });

  it('flags rows waiting past the response target', () => {
    const within = modelAt(47, [discussion(1, 'alice', 0)]);
    const past = modelAt(49, [discussion(1, 'alice', 0)]);
    assert.equal(within.sections[0]!.rows[0]!.overdue, false);
    assert.equal(past.sections[0]!.rows[0]!.overdue, true);
  });

  it('keeps the discussion node id as the row id and the URL to open', () => {
    const row = modelAt(30 * 24, nodes).sections[0]!.rows[0]!;
    assert.equal(row.id, 'D_1');
    assert.equal(row.url, 'https://github.com/octo/repo/discussions/1');
  });

  it('has a total of zero and singular wording when appropriate', () => {
    assert.equal(modelAt(1, []).total, 0);
    assert.equal(modelAt(1, [discussion(1, 'alice', 0)]).badgeTooltip, '1 discussion needs a response');
  });

  it('says when the list is of a past moment (communityPulse.asOf), in the badge and each row', () => {
    const community = normalizeCommunity('octo/repo', [discussion(1, 'alice', 0)]);
    const asOf = Date.UTC(2024, 0, 3);
    const model = buildNeedsResponseModel(triage(community, classifyPeople(community), { now: asOf, staleDays: 7 }), {
      now: asOf,
      asOf,
      staleDays: 7,
      responseTargetHours: 48,
    });
    assert.equal(model.badgeTooltip, '1 discussion needed a response as of 2024-01-03');
    const row = model.sections[0]!.rows[0]!;
    assert.equal(row.description, '#1 · 2d · @alice · Q&A', 'waiting counted to the as-of moment');
    assert.equal(row.tooltip.at(-1), 'Waiting time counted to 2024-01-03 (the communityPulse.asOf setting), not to now.');
  });

  it('says in the badge that the count is partial while the first sync has not finished', () => {
    const community = normalizeCommunity('octo/repo', nodes);
    const now = T0 + 30 * 24 * HOUR;
    const result = triage(community, classifyPeople(community), { now, staleDays: 7 });
    const model = buildNeedsResponseModel(result, { now, asOf: null, staleDays: 7, responseTargetHours: 48, partial: { stored: 4, total: 20_000 } });
    assert.equal(model.badgeTooltip, '4 discussions need a response (partial: 4 of 20,000 discussions, newest activity first)');
    const complete = buildNeedsResponseModel(result, { now, asOf: null, staleDays: 7, responseTargetHours: 48, partial: null });
    assert.equal(complete.badgeTooltip, '4 discussions need a response');
  });
});

describe('describeLastSync', () => {
  const now = T0 + 1000 * HOUR;
  it('says how long ago the last sync was', () => {
    assert.equal(describeLastSync(now, null), 'not synced yet');
    assert.equal(describeLastSync(now, now - 30_000), 'synced just now');
    assert.equal(describeLastSync(now, now - 3 * 60_000), 'synced 3 min ago');
    assert.equal(describeLastSync(now, now - 5 * HOUR), 'synced 5 h ago');
    assert.equal(describeLastSync(now, now - 50 * HOUR), 'synced 2 d ago');
  });

  it('puts the repository, the as-of moment when set, and the last sync above the tree', () => {
    assert.equal(describeStatus('payloadcms/payload', null, now, now - 3 * 60_000), 'payloadcms/payload · synced 3 min ago');
    assert.equal(
      describeStatus('payloadcms/payload', Date.UTC(2023, 2, 31), now, now - 3 * 60_000),
      'payloadcms/payload · as of 2023-03-31 · synced 3 min ago',
    );
    assert.equal(describeStatus('o/r', Date.UTC(2023, 2, 31, 12, 30), now, null), 'o/r · as of 2023-03-31 12:30 UTC · not synced yet');
  });

  it('says first that a snapshot no sync pass has completed is partial, and keeps saying it beside a problem', () => {
    const partial = { stored: 4_200, total: 20_000 };
    assert.equal(describeStatus('o/r', null, now, null, { partial }), 'partial: 4,200 of 20,000 discussions, newest activity first · o/r');
    assert.equal(
      describeStatus('o/r', null, now, null, { partial, problem: 'Sync of o/r failed: network' }),
      'partial: 4,200 of 20,000 discussions, newest activity first · Sync of o/r failed: network',
    );
    assert.equal(describeStatus('o/r', null, now, null, { problem: 'Sync of o/r failed: network' }), 'Sync of o/r failed: network');
  });
});
