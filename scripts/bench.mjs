// `npm run bench`: bundles the benchmarks with esbuild, as the extension and the CLI are bundled, and runs them. The
// figures are then those of the code as it ships: run from separate modules (tsx), every use of a constant or
// function imported from another module is a property read through a getter, which cost the report about a
// quarter of its time in hot loops and is not in the bundle. Arguments go to test/bench/run.ts (bench names).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

// Inside this checkout (dist/ is its own in every worktree), where the external packages resolve from node_modules.
const outfile = 'dist/bench/run.js';
/**
 * Each bundled file keeps its own `__dirname`, so paths the benchmarks build from it stay as they are in the source.
 * @type {import('esbuild').Plugin}
 */
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /[\\/]test[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('__dirname', JSON.stringify(dirname(args.path))),
      loader: 'ts',
    }));
  },
};
await esbuild.build({
  // The report's helper thread beside the benchmarks, as beside the extension and the CLI (community/reportHelper.ts).
  entryPoints: { run: 'test/bench/run.ts', reportHelperThread: 'src/community/reportHelperThread.ts' },
  outdir: dirname(outfile),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // The fake GitHub reads GitHub's schema from node_modules at run time.
  external: ['graphql', '@octokit/graphql-schema', 'playwright-core'],
  plugins: [ownDirname],
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
