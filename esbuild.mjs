// Bundles the extension (CommonJS, `vscode` external), the CLI, the VS Code test suites and the webview.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

// Each VS Code suite is bundled on its own; test/vscode/index.ts hands every dist/test/vscode/suite/**/*.test.js to
// mocha. The fake GitHub inside the suites reads its schema from node_modules, so graphql stays external too.
function vscodeSuiteEntryPoints() {
  const dir = 'test/vscode/suite';
  const files = existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  return Object.fromEntries(
    files.filter((file) => file.endsWith('.test.ts')).map((file) => [`${dir}/${file.slice(0, -'.ts'.length)}`, `${dir}/${file}`]),
  );
}
// A deleted suite must not keep running from a stale bundle. Only stale bundles go: a VS Code test run may be
// loading the others right now.
function removeStaleSuiteBundles(entryPoints) {
  const dir = 'dist/test/vscode/suite';
  const current = new Set(Object.keys(entryPoints).map((name) => `dist/${name}.js`));
  for (const file of existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []) {
    const bundle = `${dir}/${file.replace(/\.map$/, '')}`;
    if (bundle.endsWith('.test.js') && !current.has(bundle)) rmSync(`${dir}/${file}`);
  }
}
const suiteEntryPoints = vscodeSuiteEntryPoints();
removeStaleSuiteBundles(suiteEntryPoints);

const nodeTargets = [
  { entryPoints: { extension: 'src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  {
    entryPoints: { 'test/vscode/index': 'test/vscode/index.ts', ...suiteEntryPoints },
    external: ['vscode', 'mocha', 'graphql', '@octokit/graphql-schema'],
  },
].filter((target) => Object.values(target.entryPoints).every((file) => existsSync(file)));

const builds = nodeTargets.map((target) => ({
  ...common,
  ...target,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  metafile: true,
}));

if (existsSync('webview/main.ts')) {
  builds.push({
    ...common,
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    metafile: true,
  });
}

if (watch) {
  await Promise.all(builds.map(async (options) => (await esbuild.context(options)).watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
