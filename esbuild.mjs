// Bundles the extension (CommonJS, `vscode` external), the CLI, the VS Code test suites and the two webviews (the
// dashboard, the Discussion tab).
// `--production` minifies and drops source maps; `--watch` rebuilds on change; `--outdir DIR` writes somewhere
// other than dist/ (the benchmark measures the shipped bundles' sizes that way without touching dist/).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { production: { type: 'boolean', default: false }, watch: { type: 'boolean', default: false }, outdir: { type: 'string', default: 'dist' } },
});
const { production, watch, outdir } = args;

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

// Each VS Code suite is bundled on its own; test/vscode/index.ts hands every dist/test/vscode/suite/**/*.test.js (or
// bench/, for `npm run bench`) to mocha. The fake GitHub inside the suites reads its schema from node_modules, so
// graphql stays external too.
const suiteFolders = ['test/vscode/suite', 'test/vscode/bench'];
function vscodeSuiteEntryPoints() {
  return Object.fromEntries(
    suiteFolders.flatMap((dir) =>
      (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [])
        .filter((file) => file.endsWith('.test.ts'))
        .map((file) => [`${dir}/${file.slice(0, -'.ts'.length)}`, `${dir}/${file}`]),
    ),
  );
}
// A deleted suite must not keep running from a stale bundle. Only stale bundles go: a VS Code test run may be
// loading the others right now.
/** @param {Record<string, string>} entryPoints */
function removeStaleSuiteBundles(entryPoints) {
  const current = new Set(Object.keys(entryPoints).map((name) => `${outdir}/${name}.js`));
  for (const dir of suiteFolders.map((folder) => `${outdir}/${folder}`)) {
    for (const file of existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []) {
      const bundle = `${dir}/${file.replace(/\.map$/, '')}`;
      if (bundle.endsWith('.test.js') && !current.has(bundle)) rmSync(`${dir}/${file}`);
    }
  }
}
const suiteEntryPoints = vscodeSuiteEntryPoints();
removeStaleSuiteBundles(suiteEntryPoints);

const nodeTargets = /** @type {{ entryPoints: Record<string, string>, external?: string[], banner?: { js: string } }[]} */ ([
  { entryPoints: { extension: 'src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  // The report's helper thread (community/reportHelper.ts), beside the extension and the CLI that start it.
  { entryPoints: { reportHelperThread: 'src/community/reportHelperThread.ts' } },
  {
    entryPoints: { 'test/vscode/index': 'test/vscode/index.ts', ...suiteEntryPoints },
    external: ['vscode', 'mocha', 'graphql', '@octokit/graphql-schema'],
  },
]).filter((target) => Object.values(target.entryPoints).every((file) => existsSync(file)));

/** @type {import('esbuild').BuildOptions[]} */
const builds = nodeTargets.map((target) => ({
  ...common,
  ...target,
  outdir,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  metafile: true,
}));

// The webview is minified in every build (its source map still links it to the sources): the VS Code suites measure
// the dashboard's load and render time, and that should be the time of the bundle that ships.
// One ES module with no imports: the panel delivers it inside the page under the CSP nonce (shared/webviewHtml.ts), so
// the page has nothing to fetch. Builds before that split the drawing code into dist/webview-*.js chunks: drop any left
// so dist/ (and the packaged extension) holds only what the page uses.
function removeWebviewChunks() {
  for (const file of existsSync(outdir) ? readdirSync(outdir) : []) {
    if (/^webview-.+\.js(\.map)?$/.test(file)) rmSync(`${outdir}/${file}`);
  }
}

if (existsSync('webview/main.ts')) {
  removeWebviewChunks();
  builds.push({
    ...common,
    minify: true,
    entryPoints: { webview: 'webview/main.ts' },
    outdir,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
  });
}

// The Discussion tab's page: one ES module too, inlined the same way, its CSS beside it as dist/discussion.css.
// Minified for the same reason as the dashboard: the browser test and the benchmark time the bundle that ships.
if (existsSync('webview/discussion/main.ts')) {
  builds.push({
    ...common,
    minify: true,
    entryPoints: { discussion: 'webview/discussion/main.ts' },
    outdir,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
  });
}

if (watch) {
  await Promise.all(builds.map(async (options) => (await esbuild.context(options)).watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
