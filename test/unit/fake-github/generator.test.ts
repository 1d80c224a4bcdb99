import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DiscussionNodeSchema, type DiscussionNode } from '../../../src/github/schemas';
import { renderGitHubMarkdown } from '../../../src/shared/githubMarkdown';
import { generateCommunity, generateLongThread, type GeneratedDiscussion } from '../../fake-github/generator';
import { loadDatasetFile } from '../../fake-github/server';

const NOW = '2025-06-01T00:00:00Z';
const MAINTAINER = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

function postsOf(discussion: GeneratedDiscussion) {
  return discussion.comments.nodes.flatMap((comment) => [comment, ...comment.replies.nodes]);
}

describe('synthetic community generator', () => {
  // Bodies are tested below on a smaller community: the structure is the same without them.
  const community = generateCommunity({ seed: 42, discussions: 2000, now: NOW, repository: 'acme/widgets', bodies: false });
  const discussions = community.discussions;

  it('is deterministic: the same seed gives the same community, another seed another', () => {
    assert.deepEqual(generateCommunity({ seed: 42, discussions: 2000, now: NOW, repository: 'acme/widgets', bodies: false }), community);
    assert.notDeepEqual(generateCommunity({ seed: 43, discussions: 2000, now: NOW, repository: 'acme/widgets', bodies: false }).discussions, discussions);
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
      'labels',
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
    const few = generateCommunity({ seed: 1, discussions: 5, now: NOW, overflowThreads: 2, bodies: false });
    assert.equal(few.discussions.filter((node) => node.comments.totalCount > 30).length, 2);
  });

  it('aims at the requested average of posts per discussion', () => {
    const average = (postsPerDiscussion: number) => {
      const generated = generateCommunity({ seed: 5, discussions: 3000, now: NOW, postsPerDiscussion, bodies: false });
      return generated.discussions.reduce((sum, node) => sum + postsOf(node).length, 0) / generated.discussions.length;
    };
    const tenish = average(10);
    assert.ok(tenish > 8.5 && tenish < 11.5, `default-like 10 → ${tenish}`);
    const fourish = average(4);
    assert.ok(fourish > 3 && fourish < 5, `4 → ${fourish}`);
  });
});

describe('synthetic bodies, labels, the member and the long thread', () => {
  const options = { seed: 42, discussions: 600, now: NOW, repository: 'acme/widgets' };
  const discussions = generateCommunity(options).discussions;
  const posts = discussions.flatMap((node) => [node, ...postsOf(node)]);
  const bodies = posts.map((post) => post.body ?? '');
  const share = (pattern: RegExp) => bodies.filter((body) => pattern.test(body)).length / bodies.length;
  const withoutText = (node: GeneratedDiscussion) => {
    const { body: _body, labels: _labels, ...rest } = node;
    return {
      ...rest,
      comments: node.comments.nodes.map(({ body: _comment, ...comment }) => ({
        ...comment,
        replies: comment.replies.nodes.map(({ body: _reply, ...reply }) => reply),
      })),
    };
  };

  it('gives every opening post, comment and reply a Markdown body, the same for the same seed; deleted posts an empty one; bodies: false none, all else equal', () => {
    assert.deepEqual(generateCommunity(options).discussions, discussions);
    for (const post of posts) {
      if ('deletedAt' in post && post.deletedAt !== null) assert.equal(post.body, '');
      else assert.ok((post.body ?? '').trim().length > 0, `${post.id} has a body`);
    }
    const plain = generateCommunity({ ...options, bodies: false }).discussions;
    assert.ok(plain.flatMap((node) => [node, ...postsOf(node)]).every((post) => post.body === undefined));
    assert.deepEqual(plain.map(withoutText), discussions.map(withoutText), 'the structure does not depend on the bodies');
    assert.ok(
      bodies.every((body) => [...body].every((character) => character.charCodeAt(0) < 128)),
      'plain ASCII (one byte a character in V8)',
    );
  });

  it('mixes the Markdown people write: code in four languages, inline code, links, images, quotes, lists, tables', () => {
    for (const language of ['ts', 'js', 'json', 'shell']) assert.ok(share(new RegExp(`^\`\`\`${language}$`, 'm')) > 0.02, `\`\`\`${language} blocks`);
    assert.ok(share(/[^`]`[^`\n]+`[^`]/) > 0.3, 'inline code');
    assert.ok(share(/(^|[^(])https:\/\/github\.com\//) > 0.02, 'links');
    assert.ok(share(/^> \S/m) > 0.02, 'block quotes');
    assert.ok(discussions.filter((node) => /^- \S/m.test(node.body!)).length > discussions.length / 2, 'lists in most opening posts');
    assert.ok(share(/^\| --- \| --- \|$/m) > 0.005, 'tables');
    const images = bodies.flatMap((body) => [...body.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!));
    assert.ok(images.length > 20);
    for (const image of images) assert.match(image, /^https:\/\/user-images\.githubusercontent\.com\/\d+\/[0-9a-f-]+\.png$/);
    assert.ok(share(/^(Thanks|Thank you|That fixed it)/) > 0.02, 'short thank-you replies');
  });

  it('renders through the shared GitHub renderer into code blocks, https images, mentions and references', () => {
    const html = bodies
      .slice(0, 400)
      .map((body) => renderGitHubMarkdown(body, { repositoryUrl: 'https://github.com/acme/widgets', webUrl: 'https://github.com' }))
      .join('\n');
    assert.match(html, /<pre><code class="language-ts">/);
    assert.match(html, /<table>/);
    assert.match(html, /<a class="user-mention" href="https:\/\/github\.com\/[\w-]+">@/);
    assert.match(html, /<a class="issue-link" href="https:\/\/github\.com\/acme\/widgets\/issues\/\d+">#\d+<\/a>/);
    for (const [, src] of html.matchAll(/<img src="([^"]+)"/g)) assert.match(src!, /^https:\/\//);
  });

  it('mentions only people of the thread, refers (#N) only to earlier discussions, quotes only the thread', () => {
    let mentions = 0;
    let references = 0;
    for (const node of discussions) {
      const people = new Set([node, ...postsOf(node)].flatMap((post) => (post.author ? [post.author.login] : [])));
      const thread = [node, ...postsOf(node)];
      const texts = thread.map((post) => post.body ?? '');
      for (const text of texts) {
        const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
        for (const [, login] of prose.matchAll(/(?:^|\s)@([\w-]+)/g)) {
          mentions += 1;
          assert.ok(people.has(login!), `#${node.number} mentions @${login}, who is not in the thread`);
        }
        for (const [, number] of prose.matchAll(/(?:^|\s)#(\d+)\b/g)) {
          references += 1;
          assert.ok(Number(number) < node.number, `#${node.number} refers to #${number}, not an earlier discussion`);
        }
        for (const [, quoted] of text.matchAll(/^> (.+)$/gm)) {
          const line = quoted!.replace(/\.\.\.$/, '');
          assert.ok(
            texts.some((other) => other !== text && other.split('\n').some((candidate) => candidate.startsWith(line))),
            `#${node.number} quotes a line that is not in the thread: ${quoted}`,
          );
        }
      }
    }
    assert.ok(mentions > 100 && references > 100, `${mentions} mentions, ${references} references`);
  });

  it('writes Q&A questions that ask, and answers that answer with the option, a code block and often "see #N"', () => {
    const questions = discussions.filter((node) => node.category.name === 'Q&A');
    for (const node of questions) assert.match(node.body!.trim().split('\n').at(-1)!, /\?$/, `#${node.number} ends with a question`);
    const answers = questions.flatMap((node) => node.comments.nodes.filter((comment) => comment.isAnswer && comment.deletedAt === null));
    assert.ok(answers.length > 50);
    for (const answer of answers) {
      assert.match(answer.body!, /You need to set `[\w.]+`/);
      assert.match(answer.body!, /```ts\n/);
    }
    assert.ok(answers.filter((answer) => /See also #\d+/.test(answer.body!)).length > answers.length / 2);
  });

  it("labels some discussions with GitHub's default labels, ideas as enhancements", () => {
    const names = new Set(['question', 'bug', 'enhancement', 'documentation', 'good first issue', 'help wanted']);
    const labelled = discussions.filter((node) => node.labels.nodes.length > 0);
    assert.ok(labelled.length > discussions.length * 0.1 && labelled.length < discussions.length * 0.5, `${labelled.length} labelled`);
    for (const label of discussions.flatMap((node) => node.labels.nodes)) {
      assert.ok(names.has(label.name), label.name);
      assert.match(label.color, /^[0-9a-f]{6}$/);
    }
    const ideas = discussions.filter((node) => node.category.name === 'Ideas');
    assert.ok(ideas.filter((node) => node.labels.nodes.some((label) => label.name === 'enhancement')).length > ideas.length / 3);
  });

  it('gives a few maintainer comments to memberLogin, as a MEMBER, and changes nothing else', () => {
    const withMember = generateCommunity({ ...options, memberLogin: 'demo-maintainer', bodies: false }).discussions;
    const plain = generateCommunity({ ...options, bodies: false }).discussions;
    const theirs = withMember.flatMap(postsOf).filter((post) => post.author?.login === 'demo-maintainer');
    assert.ok(theirs.length >= 5 && theirs.length <= 40, `${theirs.length} posts`);
    assert.ok(theirs.every((post) => post.authorAssociation === 'MEMBER'));
    const byId = new Map(plain.flatMap(postsOf).map((post) => [post.id, post]));
    for (const post of theirs) assert.ok(['OWNER', 'MEMBER', 'COLLABORATOR'].includes(byId.get(post.id)!.authorAssociation), 'it was a maintainer comment');
    const anonymous = (nodes: GeneratedDiscussion[]) =>
      JSON.stringify(nodes).replace(/\{"__typename":"User","login":"[^"]+"\},"authorAssociation":"(OWNER|MEMBER|COLLABORATOR)"/g, 'maintainer');
    assert.equal(anonymous(withMember), anonymous(plain));
  });

  it('makes one discussion a long thread of exactly longThreadPosts posts, about 10 days old, and leaves the others as they were', () => {
    const plain = generateCommunity({ ...options, bodies: false }).discussions;
    const withLong = generateCommunity({ ...options, bodies: false, longThreadPosts: 300 }).discussions;
    const changed = withLong.filter((node, index) => JSON.stringify(node) !== JSON.stringify(plain[index]));
    assert.equal(changed.length, 1);
    const long = changed[0]!;
    assert.equal(postsOf(long).length, 300);
    assert.equal(long.category.name, 'Q&A');
    assert.ok(Math.abs(Date.parse(NOW) - 10 * 86_400_000 - Date.parse(long.createdAt)) < 3 * 86_400_000);
    assert.ok(DiscussionNodeSchema.safeParse(long).success);
  });

  it('generateLongThread builds one thread of exactly that many posts with bodies, past one page of comments, before now', () => {
    const thread = generateLongThread({ seed: 9, posts: 300, now: NOW, repository: 'acme/widgets', number: 7 });
    assert.deepEqual(generateLongThread({ seed: 9, posts: 300, now: NOW, repository: 'acme/widgets', number: 7 }), thread);
    assert.equal(thread.number, 7);
    assert.equal(thread.url, 'https://github.com/acme/widgets/discussions/7');
    assert.equal(postsOf(thread).length, 300);
    assert.ok(thread.comments.totalCount > 100, 'more comments than one page of 100');
    assert.equal(thread.createdAt, '2025-05-22T00:00:00Z');
    for (const post of [thread, ...postsOf(thread)]) {
      assert.ok(post.createdAt >= thread.createdAt && post.createdAt < NOW);
      assert.equal(typeof post.body, 'string');
    }
    assert.ok(DiscussionNodeSchema.safeParse(thread).success);
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
