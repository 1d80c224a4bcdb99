import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DiscussionNodeSchema, type DiscussionNode } from '../../../src/github/schemas';
import { generateCommunity, type GeneratedDiscussion } from '../../fake-github/generator';
import { loadDatasetFile } from '../../fake-github/server';

const NOW = '2025-06-01T00:00:00Z';
const MAINTAINER = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

function postsOf(discussion: GeneratedDiscussion) {
  return discussion.comments.nodes.flatMap((comment) => [comment, ...comment.replies.nodes]);
}

describe('synthetic community generator', () => {
  const community = generateCommunity({ seed: 42, discussions: 2000, now: NOW, repository: 'acme/widgets' });
  const discussions = community.discussions;

  it('is deterministic: the same seed gives the same community, another seed another', () => {
    assert.deepEqual(generateCommunity({ seed: 42, discussions: 2000, now: NOW, repository: 'acme/widgets' }), community);
    assert.notDeepEqual(generateCommunity({ seed: 43, discussions: 2000, now: NOW, repository: 'acme/widgets' }).discussions, discussions);
  });

  it("produces complete GitHub Discussion nodes that pass the sync's schema", () => {
    const nodes: DiscussionNode[] = discussions;
    for (const node of nodes) {
      const parsed = DiscussionNodeSchema.safeParse(node);
      assert.ok(parsed.success, `#${node.number}: ${parsed.error?.message}`);
    }
    const keys = [
      'id',
      'number',
      'title',
      'url',
      'createdAt',
      'updatedAt',
      'closed',
      'locked',
      'author',
      'authorAssociation',
      'category',
      'isAnswered',
      'answerChosenAt',
      'answerChosenBy',
      'answer',
      'upvoteCount',
      'comments',
    ];
    for (const node of discussions) assert.deepEqual(Object.keys(node).sort(), [...keys].sort());
    assert.equal(
      new Set(discussions.flatMap((node) => [node.id, ...postsOf(node).map((post) => post.id)])).size,
      discussions.length + discussions.reduce((sum, node) => sum + postsOf(node).length, 0),
      'ids are unique',
    );
  });

  it('sets updatedAt to the latest activity and never goes past now', () => {
    for (const node of discussions) {
      const times = [node.createdAt, node.answerChosenAt, ...postsOf(node).map((post) => post.createdAt)].filter((time): time is string => time !== null);
      assert.equal(node.updatedAt, times.sort().at(-1), `#${node.number}`);
      assert.ok(node.updatedAt <= NOW);
      for (const post of postsOf(node)) assert.ok(post.createdAt >= node.createdAt, `#${node.number} post before its discussion`);
    }
    const created = discussions.map((node) => node.createdAt);
    assert.deepEqual(created, [...created].sort(), 'numbers follow creation order');
  });

  it('has the variety triage needs: silent, answered, unanswered, author-last, closed, locked, deleted, minimized, bots, ghosts', () => {
    const count = (predicate: (node: GeneratedDiscussion) => boolean) => discussions.filter(predicate).length;
    const answerable = discussions.filter((node) => node.category.isAnswerable);
    assert.ok(count((node) => node.comments.totalCount === 0) > 100, 'threads without any response');
    assert.ok(answerable.filter((node) => node.isAnswered).length > 200);
    assert.ok(answerable.filter((node) => !node.isAnswered && node.comments.totalCount > 0).length > 200);
    assert.ok(
      count((node) => {
        const posts = postsOf(node).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        return posts.length > 1 && posts.at(-1)!.author?.login === node.author?.login;
      }) > 50,
      'author came back last',
    );
    assert.ok(count((node) => node.closed) > 20 && count((node) => node.locked) > 20);
    const posts = discussions.flatMap(postsOf);
    assert.ok(posts.filter((post) => post.deletedAt !== null).length > 50);
    assert.ok(posts.filter((post) => post.isMinimized).length > 50);
    assert.ok(posts.some((post) => post.author?.__typename === 'Bot'));
    assert.ok(posts.some((post) => post.author?.login.endsWith('[bot]')));
    assert.ok(
      posts.some((post) => post.author === null),
      'deleted accounts',
    );
    assert.deepEqual(new Set(discussions.map((node) => node.category.name)), new Set(['Q&A', 'General', 'Ideas', 'Show and tell', 'Announcements']));
    assert.ok(discussions.every((node) => node.category.isAnswerable === (node.category.name === 'Q&A')));
    for (const node of discussions.filter((candidate) => candidate.answer)) {
      const answer = node.comments.nodes.find((comment) => comment.isAnswer)!;
      assert.equal(answer.id, node.answer!.id);
      assert.ok(node.answerChosenAt! >= answer.createdAt);
    }
  });

  it('has a few very active responders, maintainers among them, and a long tail', () => {
    const postsBy = new Map<string, number>();
    const threadsOf = new Map<string, Set<number>>();
    const maintainers = new Set<string>();
    for (const node of discussions) {
      for (const post of [node, ...postsOf(node)]) {
        if (!post.author) continue;
        postsBy.set(post.author.login, (postsBy.get(post.author.login) ?? 0) + 1);
        threadsOf.set(post.author.login, (threadsOf.get(post.author.login) ?? new Set()).add(node.number));
        if (MAINTAINER.has(post.authorAssociation)) maintainers.add(post.author.login);
      }
    }
    const ranked = [...postsBy.values()].sort((a, b) => b - a);
    const total = ranked.reduce((sum, posts) => sum + posts, 0);
    assert.ok(ranked.slice(0, 5).reduce((sum, posts) => sum + posts, 0) > total * 0.25, 'the top 5 write over a quarter of all posts');
    const occasional = [...threadsOf.values()].filter((threads) => threads.size <= 2).length;
    assert.ok(occasional > threadsOf.size * 0.6, 'most people take part in one or two discussions');
    assert.ok(maintainers.size >= 3);
  });

  it('includes threads longer than an inline page: over 30 comments and over 10 replies on a comment', () => {
    const long = discussions.filter((node) => node.comments.totalCount > 30);
    assert.equal(long.length, 10, 'one per 200 discussions by default');
    for (const node of long) assert.ok(node.comments.nodes.some((comment) => comment.replies.totalCount > 10));
    const few = generateCommunity({ seed: 1, discussions: 5, now: NOW, overflowThreads: 2 });
    assert.equal(few.discussions.filter((node) => node.comments.totalCount > 30).length, 2);
  });

  it('aims at the requested average of posts per discussion', () => {
    const average = (postsPerDiscussion: number) => {
      const generated = generateCommunity({ seed: 5, discussions: 3000, now: NOW, postsPerDiscussion });
      return generated.discussions.reduce((sum, node) => sum + postsOf(node).length, 0) / generated.discussions.length;
    };
    const tenish = average(10);
    assert.ok(tenish > 8.5 && tenish < 11.5, `default-like 10 → ${tenish}`);
    const fourish = average(4);
    assert.ok(fourish > 3 && fourish < 5, `4 → ${fourish}`);
  });
});

describe('dataset files and the fake GitHub command lines', () => {
  const run = promisify(execFile);
  const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
  const directory = mkdtempSync(join(tmpdir(), 'cp-fake-github-'));

  it('generate.ts writes a dataset the fake GitHub loads, named by its repository field', async () => {
    const out = join(directory, 'synthetic.json');
    await run(tsx, [
      join(__dirname, '../../fake-github/generate.ts'),
      '--seed',
      '3',
      '--discussions',
      '25',
      '--now',
      NOW,
      '--out',
      out,
      '--repository',
      'acme/gadgets',
    ]);
    const dataset = loadDatasetFile(out);
    assert.equal(dataset.nameWithOwner, 'acme/gadgets');
    assert.deepEqual(dataset.discussions, generateCommunity({ seed: 3, discussions: 25, now: NOW, repository: 'acme/gadgets' }).discussions);
  });

  it("reads an array of nodes, naming the repository from --repo or the discussions' URLs", () => {
    const file = join(directory, 'array.json');
    writeFileSync(file, JSON.stringify(generateCommunity({ seed: 3, discussions: 2, now: NOW, repository: 'acme/from-urls' }).discussions));
    assert.equal(loadDatasetFile(file).nameWithOwner, 'acme/from-urls');
    assert.equal(loadDatasetFile(file, 'other/name').nameWithOwner, 'other/name');
    writeFileSync(file, '[]');
    assert.throws(() => loadDatasetFile(file), /does not name its repository; pass one \(--repo OWNER\/NAME\)/);
    writeFileSync(file, '{"discussions": 3}');
    assert.throws(() => loadDatasetFile(file), /expected an array of Discussion nodes/);
  });

  it('main.ts serves a file until SIGTERM and exits cleanly; bad input is one line and exit 2', async () => {
    const { spawn } = await import('node:child_process');
    const server = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../../fake-github/main.ts'),
        '--data',
        join(__dirname, '../../fixtures/payload-discussions.json'),
        '--port',
        '0',
        '--token',
        'T',
        '--viewer-permission',
        'triage',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`fake GitHub exited early with ${code}`)));
    });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer T' },
      body: JSON.stringify({ query: '{ repository(owner: "payloadcms", name: "payload") { viewerPermission discussions(first: 1) { totalCount } } }' }),
    });
    assert.deepEqual(await response.json(), { data: { repository: { viewerPermission: 'TRIAGE', discussions: { totalCount: 241 } } } });
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    assert.equal(await exited, 0);

    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', join(__dirname, '../../fake-github/main.ts'), '--data', join(directory, 'missing.json')]),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /missing\.json: cannot read a JSON dataset/);
        return true;
      },
    );
  });
});
