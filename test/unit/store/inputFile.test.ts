import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputFileError, parseDiscussionsJson, readDiscussionsFile } from '../../../src/store/inputFile';
import { discussion } from '../../support/discussionNodes';

const SAMPLE = join(__dirname, '..', '..', 'fixtures', 'payload-discussions.json');

describe('Input file reader', () => {
  it('reads the bundled real sample with its repository and every discussion', async () => {
    const file = await readDiscussionsFile(SAMPLE);
    assert.equal(file.repository, 'payloadcms/payload');
    assert.equal(file.discussions.length, 241);
    const comments = file.discussions.reduce((sum, d) => sum + (d.comments?.nodes.length ?? 0), 0);
    const replies = file.discussions.reduce((sum, d) => sum + (d.comments?.nodes ?? []).reduce((s, c) => s + (c.replies?.nodes.length ?? 0), 0), 0);
    assert.equal(comments, 378);
    assert.equal(replies, 465);
  });

  it('accepts a bare array, taking the repository from the discussion URLs', () => {
    const file = parseDiscussionsJson('x.json', JSON.stringify([discussion(1, 'alice', 0)]));
    assert.equal(file.repository, 'octo/repo');
    assert.equal(file.discussions.length, 1);
  });

  it('accepts `gh api graphql` output', () => {
    const json = { data: { repository: { nameWithOwner: 'a/b', discussions: { nodes: [discussion(7, 'alice', 0)] } } } };
    const file = parseDiscussionsJson('gh.json', JSON.stringify(json));
    assert.equal(file.repository, 'a/b');
    assert.equal(file.discussions[0]!.number, 7);
  });

  it('ignores unknown fields such as bodies', () => {
    const node = { ...discussion(1, 'alice', 0), body: 'secret text', bodyHTML: '<p>' };
    const file = parseDiscussionsJson('x.json', JSON.stringify([node]));
    assert.equal('body' in file.discussions[0]!, false);
  });

  it('names the file and the path of a malformed field', () => {
    const bad = discussion(1, 'alice', 0);
    (bad as { createdAt: string }).createdAt = 'yesterday';
    assert.throws(
      () => parseDiscussionsJson('bad.json', JSON.stringify({ discussions: [discussion(2, 'bob', 0), bad] })),
      (error: unknown) => error instanceof InputFileError && /^bad\.json: discussions\[1\]\.createdAt: expected an ISO 8601 date-time/.test(error.message),
    );
  });

  it('says what is expected when the JSON is invalid or holds no discussions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-input-'));
    writeFileSync(join(dir, 'broken.json'), '{"discussions": [');
    await assert.rejects(readDiscussionsFile(join(dir, 'broken.json')), /broken\.json: not valid JSON .*expected GitHub Discussion nodes/);
    assert.throws(() => parseDiscussionsJson('other.json', '{"issues": []}'), /other\.json: no discussions found/);
    await assert.rejects(readDiscussionsFile(join(dir, 'missing.json')), /missing\.json: cannot read the file \(ENOENT\)/);
  });
});
