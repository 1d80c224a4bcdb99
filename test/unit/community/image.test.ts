import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommunityImageError, decodeCommunity, encodeCommunity } from '../../../src/community/image';
import type { Community } from '../../../src/community/model';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { computeReport } from '../../../src/community/report';
import type { DiscussionNode } from '../../../src/github/schemas';
import { generateCommunity } from '../../fake-github/generator';
import { comment, discussion, reply } from '../../support/discussionNodes';

const FIXTURE = JSON.parse(readFileSync(join(__dirname, '../../fixtures/payload-discussions.json'), 'utf8')) as {
  repository: string;
  discussions: DiscussionNode[];
};

/** The image's sections, as the store reads them back, each into a buffer of its own. */
function imageOf(community: Community): Buffer[] {
  return encodeCommunity(community).map((chunks) => Buffer.concat(chunks));
}

/** Everything a reader of the community sees, each discussion's posts included (made from the table on demand). */
function assertSameCommunity(decoded: Community, normalized: Community): void {
  assert.equal(decoded.repository, normalized.repository);
  assert.deepEqual(decoded.logins, normalized.logins);
  assert.deepEqual(decoded.firstPosts, normalized.firstPosts);
  assert.equal(decoded.latestActivityAt, normalized.latestActivityAt);
  assert.deepEqual(decoded.posts, normalized.posts, 'the table, column by column');
  assert.equal(decoded.discussions.length, normalized.discussions.length);
  decoded.discussions.forEach((each, index) => {
    const expected = normalized.discussions[index]!;
    assert.deepEqual({ ...each }, { ...expected }, `discussion #${expected.number}'s own fields`);
    assert.deepEqual(each.posts, expected.posts, `discussion #${expected.number}'s posts`);
  });
}

describe('community image', () => {
  it('decodes into the community normalizing gives, for a generated community (bots, answers, deleted and hidden posts, categories)', () => {
    const generated = generateCommunity({ bodies: false, seed: 5, discussions: 300, now: '2025-06-01T00:00:00Z' });
    const normalized = normalizeCommunity(generated.repository, generated.discussions as DiscussionNode[]);
    const [discussions, posts] = imageOf(normalized) as [Buffer, Buffer];
    assertSameCommunity(decodeCommunity([discussions, posts]), normalized);
    // Bytes that do not start at a multiple of 8 in their memory (a buffer from Node's pool may not) are copied, not viewed.
    const misaligned = Buffer.alloc(posts.length + 1).subarray(1);
    posts.copy(misaligned);
    assertSameCommunity(decodeCommunity([discussions, misaligned]), normalized);
  });

  it('decodes the real sample into the same community, and every figure of its report is the same', () => {
    const normalized = normalizeCommunity(FIXTURE.repository, FIXTURE.discussions);
    const decoded = decodeCommunity(imageOf(normalized));
    assertSameCommunity(decoded, normalized);
    const options = { since: Date.parse('2022-01-01T00:00:00Z'), until: Date.parse('2023-01-01T00:00:00Z') };
    assert.deepEqual(computeReport(decoded, classifyPeople(decoded), options), computeReport(normalized, classifyPeople(normalized), options));
  });

  it('keeps what a small community spells out: no category, no answer, a closed and locked discussion, unicode, an empty community', () => {
    const nodes = [
      discussion(1, 'ålice', 0, {
        comments: [comment(null, 2, { replies: [reply('bob', 3)] })],
        category: null,
        closed: true,
        locked: true,
        title: 'Ünïcode 💬',
      }),
      discussion(2, 'bob', 5),
    ];
    const normalized = normalizeCommunity('octo/repo', nodes);
    assertSameCommunity(decodeCommunity(imageOf(normalized)), normalized);
    const empty = normalizeCommunity('octo/empty', []);
    assertSameCommunity(decodeCommunity(imageOf(empty)), empty);
  });

  it('refuses bytes that cannot be an image: cut short, with bytes after it, a section missing, or pointing outside the community', () => {
    const [discussions, posts] = imageOf(normalizeCommunity(FIXTURE.repository, FIXTURE.discussions)) as [Buffer, Buffer];
    for (const cut of [0, 3, 100, discussions.length - 1]) {
      assert.throws(() => decodeCommunity([discussions.subarray(0, cut), posts]), CommunityImageError, `discussions cut at ${cut}`);
    }
    assert.throws(() => decodeCommunity([discussions, posts.subarray(0, posts.length - 1)]), CommunityImageError, 'posts cut short');
    assert.throws(() => decodeCommunity([discussions, Buffer.concat([posts, Buffer.from([0])])]), CommunityImageError, 'bytes after the posts');
    assert.throws(() => decodeCommunity([discussions]), CommunityImageError, 'a section missing');
    const community = normalizeCommunity(FIXTURE.repository, FIXTURE.discussions);
    const withColumn = (name: 'association' | 'author', value: number): Community => {
      const column = community.posts[name].slice();
      column[5] = value;
      return { ...community, posts: { ...community.posts, [name]: column } };
    };
    assert.throws(() => decodeCommunity(imageOf(withColumn('association', 200))), /post 5 has an unknown kind or association/);
    assert.throws(() => decodeCommunity(imageOf(withColumn('author', community.logins.length))), /post 5 points outside the community/);
  });
});
