// Bundles the extension (CommonJS, `vscode` external), the CLI, the VS Code test suites and the webview.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const nodeTargets = [
  { entryPoints: { extension: 'src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'test/vscode/index': 'test/vscode/index.ts' }, external: ['vscode', 'mocha'] },
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
