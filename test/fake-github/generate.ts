import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { integerOption, required, runCli, UsageError } from './cliArgs';
import { generateCommunity } from './generator';

const USAGE =
  'usage: tsx test/fake-github/generate.ts --seed N --discussions N --now ISO --out FILE [--repository OWNER/NAME] [--span-days N] [--posts-per-discussion N] [--long-thread-posts N] [--member-login LOGIN] [--no-bodies]';

/** Writes a seeded synthetic community as a dataset file the fake GitHub and the CLI read. */
runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      discussions: { type: 'string' },
      now: { type: 'string' },
      out: { type: 'string' },
      repository: { type: 'string' },
      'span-days': { type: 'string' },
      'posts-per-discussion': { type: 'string' },
      'long-thread-posts': { type: 'string' },
      'member-login': { type: 'string' },
      'no-bodies': { type: 'boolean' },
    },
    strict: true,
  });
  const now = required('now', values.now);
  if (Number.isNaN(Date.parse(now))) throw new UsageError(`--now must be an ISO 8601 date-time, got "${now}"`);
  const out = required('out', values.out);
  const options = {
    seed: required('seed', integerOption('seed', values.seed, 0, 2 ** 32 - 1)),
    discussions: required('discussions', integerOption('discussions', values.discussions, 0)),
    now,
    ...(values.repository !== undefined && { repository: values.repository }),
    ...(values['span-days'] !== undefined && { spanDays: integerOption('span-days', values['span-days'], 1) }),
    ...(values['posts-per-discussion'] !== undefined && {
      postsPerDiscussion: integerOption('posts-per-discussion', values['posts-per-discussion'], 1),
    }),
    ...(values['long-thread-posts'] !== undefined && { longThreadPosts: integerOption('long-thread-posts', values['long-thread-posts'], 1) }),
    ...(values['member-login'] !== undefined && { memberLogin: values['member-login'] }),
    ...(values['no-bodies'] === true && { bodies: false }),
  };
  const community = generateCommunity(options);
  // `synthetic` marks the file as generated (the demo labels it so); readers ignore unknown fields.
  writeFileSync(out, JSON.stringify({ repository: community.repository, synthetic: options, discussions: community.discussions }));
  console.error(`${out}: ${community.discussions.length} synthetic discussions of ${community.repository} (seed ${options.seed})`);
});
