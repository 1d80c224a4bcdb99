import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';

/**
 * The .vsix carries only what .vscodeignore lets through (vsce reads it with minimatch, last matching line wins).
 * A bundle the extension loads at run time but the package leaves out works in the tests (they run from the
 * repository) and fails for every user: the Discussion tab once stayed on "Loading…" in the packaged demo.
 */

const ROOT = join(__dirname, '..', '..', '..');

function packaged(file: string): boolean {
  let included = true;
  for (const raw of readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (minimatch(file, negated ? line.slice(1) : line, { dot: true })) included = negated;
  }
  return included;
}

describe('.vscodeignore', () => {
  it('packages the extension and both webviews (dashboard and Discussion tab), scripts and styles', () => {
    for (const file of [
      'dist/extension.js',
      'dist/reportHelperThread.js',
      'dist/webview.js',
      'dist/webview.css',
      'dist/discussion.js',
      'dist/discussion.css',
    ]) {
      assert.ok(packaged(file), `${file} is left out of the .vsix`);
    }
  });

  it('packages every script and style the build writes for the extension (not the CLI, the tests or source maps)', function () {
    const dist = join(ROOT, 'dist');
    if (!existsSync(dist)) this.skip(); // `npm test` builds before the unit tests; a bare mocha run may not have.
    const bundles = readdirSync(dist).filter((file) => /\.(js|css)$/.test(file) && file !== 'cli.js');
    // The extension, and each webview's one script and style sheet (delivered inside its page).
    assert.ok(bundles.length >= 5, `only ${bundles.join(', ')} in dist/`);
    for (const file of bundles) assert.ok(packaged(`dist/${file}`), `dist/${file} is left out of the .vsix`);
  });

  it('leaves out what users do not run: sources, tests, source maps, the CLI', () => {
    for (const file of ['src/extension.ts', 'test/fake-github/server.ts', 'dist/extension.js.map', 'dist/cli.js', 'node_modules/zod/package.json']) {
      assert.ok(!packaged(file), `${file} would be packaged`);
    }
  });
});
