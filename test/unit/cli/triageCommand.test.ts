import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { comment, discussion, reply } from '../../support/discussionNodes';

const SAMPLE = join(__dirname, '..', '..', 'fixtures', 'payload-discussions.json');

function writeInput(nodes: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cp-cli-')), 'discussions.json');
  writeFileSync(file, JSON.stringify(nodes));
  return file;
}

describe('community-pulse triage', () => {
  const input = writeInput({
    repository: 'octo/repo',
    discussions: [
      discussion(1, 'alice', 0),
      discussion(2, 'bob', 24, { comments: [comment('carol', 25, { replies: [reply('bob', 30)] })] }),
      discussion(3, 'dave', 48, { comments: [comment('carol', 49)] }),
      discussion(4, 'erin', 72, { comments: [comment('carol', 73, { isAnswer: true })] }),
    ],
  });

  it('prints the three buckets as JSON with the documented fields', async () => {
    const run = await runCli(['triage', '--input', input, '--until', '2024-01-31T00:00:00Z', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(json), ['noResponse', 'awaitingReply', 'unmarkedAnswer']);
    assert.deepEqual(json.noResponse[0], {
      number: 1,
      title: 'Discussion 1',
      url: 'https://github.com/octo/repo/discussions/1',
      author: 'alice',
      category: 'Q&A',
      waitingSince: '2024-01-01T00:00:00.000Z',
      waitingSeconds: 30 * 86_400,
      waitingOn: 'alice',
    });
    assert.equal(json.awaitingReply[0].number, 2);
    assert.equal(json.awaitingReply[0].waitingSince, '2024-01-02T06:00:00.000Z');
    assert.equal(json.unmarkedAnswer[0].number, 3);
  });

  it('honours --stale-days and --ignore-users', async () => {
    const run = await runCli([
      'triage',
      '--input',
      input,
      '--until',
      '2024-01-31T00:00:00Z',
      '--format',
      'json',
      '--stale-days',
      '60',
      '--ignore-users',
      'carol',
    ]);
    const json = JSON.parse(run.stdout);
    // carol ignored: #2 and #3 have no response at all; #4's chosen answer still closes it.
    assert.deepEqual(
      json.noResponse.map((i: { number: number }) => i.number),
      [1, 2, 3],
    );
    assert.equal(json.unmarkedAnswer.length, 0);
  });

  it('prints a readable table by default', async () => {
    const run = await runCli(['triage', '--input', input, '--until', '2024-01-31T00:00:00Z']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^No response \(1\)\n\s+4w\s+#1\s+Discussion 1\s+@alice\s+Q&A$/m);
    assert.match(run.stdout, /3 discussions need a response\.$/m);
  });

  it('finds nothing waiting in the real sample, where every thread has a chosen answer', async () => {
    const run = await runCli(['triage', '--input', SAMPLE, '--until', '2023-04-01T00:00:00Z', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { noResponse: [], awaitingReply: [], unmarkedAnswer: [] });
  });

  it('exits 2 with a one-line message on bad usage or bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['triage'], /give either OWNER\/REPO .* or --input FILE/],
      [['triage', '--input', input, '--format', 'xml'], /--format expects one of table, json, got "xml"/],
      [['triage', '--input', input, '--until', 'soon'], /--until expects an ISO 8601 date/],
      [['triage', '--input', input, '--bogus'], /Unknown option '--bogus'/],
      [['triage', '--input', writeInput({ nothing: true })], /no discussions found/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${argv.join(' ')}`);
      assert.equal(run.stdout, '');
    }
  });
});
