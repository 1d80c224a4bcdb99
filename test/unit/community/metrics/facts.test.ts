import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFacts, lastPostPerPerson, NEVER, POST_KIND_CODES, releaseFacts, rowsOfDays, type CommunityFacts } from '../../../../src/community/metrics/facts';
import { computeReport } from '../../../../src/community/report';
import { answeredAt, communityAsOf } from '../../../../src/community/metrics/asOf';
import type { Community } from '../../../../src/community/model';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople, type People } from '../../../../src/community/people';
import { firstResponse, isResponse, isVisibleHumanPost } from '../../../../src/community/responses';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { generateCommunity } from '../../../fake-github/generator';
import { at, comment, discussion } from '../../../support/discussionNodes';

const DAY = 86_400_000;

function realCommunity(): Community {
  const raw = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/payload-discussions.json'), 'utf8')) as {
    repository: string;
    discussions: DiscussionNode[];
  };
  return normalizeCommunity(raw.repository, raw.discussions);
}

function syntheticCommunity(): Community {
  const generated = generateCommunity({ bodies: false, seed: 11, discussions: 400, now: '2025-06-01T00:00:00Z' });
  return normalizeCommunity(generated.repository, generated.discussions as DiscussionNode[]);
}

/** The facts' fast per-person classification must give exactly responses.ts's answers, post by post. */
function assertSameAsDefinitions(community: Community, people: People): void {
  const facts = buildFacts(community, people);
  const counted = community.discussions.filter((d) => !people.isBotPost(d.opening));
  assert.equal(facts.perDiscussion.length, counted.length);
  assert.equal(facts.discussions.length, counted.length);
  // Each discussion's rows, in row order (a discussion's posts keep their order among the rows).
  const rowsOf = counted.map((): number[] => []);
  for (let row = 0; row < facts.posts.length; row++) rowsOf[facts.posts.discussion[row]!]!.push(row);
  const firstPost = new Map<string, number>();
  const lastPost = new Map<string, number>();
  counted.forEach((discussion, index) => {
    const fact = facts.discussions[index]!;
    assert.equal(fact.discussion, discussion);
    assert.equal(facts.perDiscussion.discussion[index], discussion);
    const first = firstResponse(discussion, people);
    assert.equal(fact.firstResponseAt, first?.createdAt ?? null, `first response of #${discussion.number}`);
    assert.equal(facts.perDiscussion.firstResponseAt[index], first?.createdAt ?? NEVER);
    assert.equal(fact.firstResponder, first ? facts.logins.indexOf(first.author) : -1);
    const byMaintainer = firstResponse(discussion, people, (post) => people.isMaintainer(post.author));
    assert.equal(fact.firstMaintainerResponseAt, byMaintainer?.createdAt ?? null, `first maintainer response of #${discussion.number}`);
    assert.equal(fact.answeredAt, answeredAt(discussion), `answered at, #${discussion.number}`);
    assert.deepEqual(fact.category, discussion.category);
    const visible = [discussion.opening, ...discussion.posts].filter((post) => isVisibleHumanPost(post, people));
    assert.equal(rowsOf[index]!.length, visible.length, `every post of #${discussion.number} that counts as activity, and no other`);
    visible.forEach((post, k) => {
      const row = rowsOf[index]![k]!;
      assert.equal(facts.logins[facts.posts.author[row]!], post.author);
      assert.equal(facts.posts.createdAt[row], post.createdAt);
      assert.equal(facts.posts.kind[row], POST_KIND_CODES[post.kind]);
      assert.equal(facts.posts.isResponse[row], isResponse(post, discussion, people) ? 1 : 0, `post at row ${post.row}`);
      // Whom it answers: nobody for the opening post, its author for a comment, the comment's author for a reply (if that comment counts).
      const answered = post === discussion.opening ? null : post.inReplyTo === null ? discussion.opening : post.inReplyTo;
      const answers = answered === null || !isVisibleHumanPost(answered, people) ? -1 : facts.logins.indexOf(answered.author);
      assert.equal(facts.posts.answers[row], answers, `whom the post at row ${post.row} answers`);
      firstPost.set(post.author, Math.min(firstPost.get(post.author) ?? Infinity, post.createdAt));
      lastPost.set(post.author, Math.max(lastPost.get(post.author) ?? -Infinity, post.createdAt));
    });
  });
  facts.logins.forEach((login, person) => assert.equal(facts.firstPostAt[person], firstPost.get(login) ?? Infinity, `first post of ${login}`));
  facts.logins.forEach((login, person) => assert.equal(facts.lastPostAt[person], lastPost.get(login) ?? -Infinity, `latest post of ${login}`));
  // Per person, the latest post before until: after every post (the shortcut), and in the middle of the data (a pass over the posts).
  const latest = Math.max(...lastPost.values());
  const middle = (Math.min(...firstPost.values()) + latest) / 2;
  for (const until of [latest + 1, middle]) {
    const before = new Map<string, number>();
    for (const discussion of counted) {
      for (const post of [discussion.opening, ...discussion.posts]) {
        if (isVisibleHumanPost(post, people) && post.createdAt < until) before.set(post.author, Math.max(before.get(post.author) ?? -Infinity, post.createdAt));
      }
    }
    const last = lastPostPerPerson(facts, until);
    facts.logins.forEach((login, person) => assert.equal(last[person], before.get(login) ?? -Infinity, `latest post of ${login} before ${until}`));
  }
  assertDayOrder(facts);
}

/** Rows ascend by UTC day, and `rowsOfDays` gives exactly the rows of the days a span touches. */
function assertDayOrder(facts: CommunityFacts): void {
  const day = (row: number): number => Math.floor(facts.posts.createdAt[row]! / DAY);
  for (let row = 1; row < facts.posts.length; row++) assert.ok(day(row - 1) <= day(row), `row ${row} is not before the previous row's day`);
  const times = Array.from(facts.posts.createdAt.subarray(0, facts.posts.length));
  const spans: [number, number][] = [
    [-Infinity, Infinity],
    [Math.min(...times) + 5 * DAY + 3_600_000, Math.min(...times) + 40 * DAY],
    [Math.max(...times), Infinity],
    [-Infinity, Math.min(...times)],
  ];
  for (const [from, to] of spans) {
    const { first, end } = rowsOfDays(facts, from, to);
    const inside = (row: number): boolean => day(row) >= Math.floor(from / DAY) && day(row) <= Math.ceil(to / DAY) - 1;
    for (let row = 0; row < facts.posts.length; row++) assert.equal(row >= first && row < end, inside(row), `row ${row} for [${from}, ${to})`);
  }
}

describe('metrics: shared facts', () => {
  it('classify every post of the real sample exactly as responses.ts defines it', () => {
    const community = realCommunity();
    assertSameAsDefinitions(community, classifyPeople(community, { maintainers: ['jmikrut', 'DanRibbens'] }));
  });

  it('classify every post of a synthetic community (bots, maintainers, deleted and minimized posts) exactly as responses.ts does', () => {
    const community = syntheticCommunity();
    const facts = buildFacts(community, classifyPeople(community));
    assert.ok(facts.maintainerKnown, 'the generator gives maintainers an association');
    assert.ok(
      community.discussions.some((d) => d.posts.some((p) => p.deleted || p.minimized || p.authorIsBotActor)),
      'the sample exercises the exclusions',
    );
    assertSameAsDefinitions(community, classifyPeople(community, { ignoreUsers: [community.discussions[0]!.opening.author] }));
  });

  it('number people at load: every post names its author by an id of Community.logins, one id per login, and people answer by id as by login', () => {
    const community = syntheticCommunity();
    const people = classifyPeople(community, { maintainers: [community.logins[1]!.toUpperCase()], ignoreUsers: [community.logins[2]!] });
    assert.equal(new Set(community.logins).size, community.logins.length, 'one id per login');
    for (const discussion of community.discussions) {
      for (const post of [discussion.opening, ...discussion.posts]) assert.equal(community.logins[post.authorId], post.author, `post at row ${post.row}`);
    }
    community.logins.forEach((login, id) => {
      assert.equal(people.isBotId(id), people.isBot(login), `bot: ${login}`);
      assert.equal(people.isMaintainerId(id), people.isMaintainer(login), `maintainer: ${login}`);
    });
    assert.ok(people.isMaintainerId(1) && people.isBotId(2), 'the options apply to ids too');
    assert.ok(community.logins.some((_, id) => people.isBotId(id)) && community.logins.some((_, id) => people.isMaintainerId(id) && id !== 1));
    assert.throws(() => buildFacts(syntheticCommunity(), people), /classified from another community/);
  });

  it('as of until: later discussions, posts and answer choices do not exist yet', () => {
    const community = normalizeCommunity('octo/repo', [
      discussion(1, 'alice', 0, { comments: [comment('bob', 5), comment('carol', 50, { isAnswer: true })], answerChosenAt: at(60) }),
      discussion(2, 'alice', 40),
      discussion(3, 'alice', 1, { comments: [comment('bob', 2, { isAnswer: true })], answerChosenAt: at(3) }),
    ]);
    const early = communityAsOf(community, Date.parse(at(20)));
    assert.deepEqual(
      early.discussions.map((d) => d.number),
      [1, 3],
    );
    const first = early.discussions[0]!;
    assert.deepEqual(
      first.posts.map((p) => p.author),
      ['bob'],
    );
    assert.equal(first.answerId, null);
    assert.equal(first.answerChosenAt, null);
    assert.equal(early.discussions[1], community.discussions[2], 'a discussion with nothing later is kept as it is');
    assert.equal(first.latestActivityAt, Date.parse(at(5)), 'its latest event is what is left of it');
    assert.equal(early.latestActivityAt, Date.parse(at(5)));
    assert.equal(community.latestActivityAt, Date.parse(at(60)), 'the answer choice is the latest event in the data');
    assert.equal(communityAsOf(community, Date.parse(at(100))), community, 'nothing later: the same community');
  });
});

describe('metrics: the facts’ memory, reused (sharedColumns.ts)', () => {
  function generated(seed: number): Community {
    const nodes = generateCommunity({ bodies: false, seed, discussions: 3_000, now: '2025-06-01T00:00:00Z' });
    return normalizeCommunity(nodes.repository, nodes.discussions as DiscussionNode[]);
  }

  it('gives the memory of released facts to the next facts built, zeroed: their report is the same as from new memory', () => {
    const community = generated(21);
    const people = classifyPeople(community);
    const options = { until: community.latestActivityAt + 1 };
    const fromNewMemory = computeReport(community, people, options, buildFacts(community, people));
    // Facts of the same size, released with something else in every column.
    const released = buildFacts(community, people);
    for (const column of Object.values(released.posts)) if (ArrayBuffer.isView(column)) (column as Uint8Array).fill(7);
    const usedMemory = released.posts.createdAt.buffer;
    releaseFacts(released);
    const reused = buildFacts(community, people);
    assert.equal(reused.posts.createdAt.buffer, usedMemory, 'the released memory served the next facts');
    assert.deepEqual(computeReport(community, people, options, reused), fromNewMemory);
  });

  it('makes new memory for facts while earlier facts are still held, and releases a report’s own facts after it', () => {
    const community = generated(23);
    const people = classifyPeople(community);
    const held = buildFacts(community, people);
    const next = buildFacts(community, people);
    assert.notEqual(next.posts.createdAt.buffer, held.posts.createdAt.buffer, 'held facts keep their memory');
    const options = { until: community.latestActivityAt + 1 };
    const expected = computeReport(community, people, options, held);
    // `computeReport` without facts builds its own and releases them once the report is made: the next facts reuse it.
    assert.deepEqual(computeReport(community, people, options), expected);
    const afterReport = buildFacts(community, people);
    assert.notEqual(afterReport.posts.createdAt.buffer, held.posts.createdAt.buffer);
    assert.notEqual(afterReport.posts.createdAt.buffer, next.posts.createdAt.buffer);
    assert.deepEqual(computeReport(community, people, options, afterReport), expected);
  });
});
