// `npm run demo`: Community Pulse on its bundled sample community, in a real VS Code (code-server) you open in
// your browser. Nothing asks to sign in and nothing reaches the internet:
// - a fake GitHub on 127.0.0.1 serves two repositories: the real sample (answered Q&A threads of
//   payloadcms/payload, test/fixtures/, without bodies) and a seeded synthetic community
//   (community-pulse-demo/synthetic-community, labelled synthetic by its name) that also has unanswered threads, so
//   every view has something to show, Markdown bodies and labels, and one 300-post thread;
// - the synthetic community runs up to today (generated with "now" = today, midnight UTC, so one day's runs are
//   identical): a reply made in the demo counts at once and its discussion leaves "No response". Only the real
//   sample keeps a fixed "now" (communityPulse.asOf for payloadcms/payload alone), at the end of its dates;
// - the viewer, demo-maintainer, is a maintainer of the synthetic repository (the fake grants MAINTAIN, and the
//   community has a few of its posts as MEMBER), so every action of the Discussion view is there to try;
// - code-server runs the packaged .vsix, preconfigured with the fake GitHub's address and a demo token (through the
//   environment, never a setting);
// - the workspace is a git repository whose remotes point at both repositories ("Choose Repository" switches);
// - the folder (.cache/demo) is kept between runs, with the extension's snapshots: the fake GitHub listens on the
//   same address each time, so a second run opens with its figures at once and syncs incrementally. What you did in
//   a demo (replies, answers marked) lived in the fake GitHub's memory only; `--fresh` starts from nothing.
//
//   npm run demo [-- --port N] [--fresh] [--fake-port N]        Ctrl-C stops everything.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCodeServer, startCodeServer } from './lib/code-server.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { writeUserSettings } from './lib/test-environment.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const demoDir = path.join(repoRoot, '.cache', 'demo');
const SAMPLE = path.join(repoRoot, 'test', 'fixtures', 'payload-discussions.json');
const SYNTHETIC_REPOSITORY = 'community-pulse-demo/synthetic-community';
const SAMPLE_REPOSITORY = 'payloadcms/payload';
// The sample's last discussion is from 2023-03-16: "now" a little after it keeps its figures in view.
const SAMPLE_AS_OF = '2023-03-31';
// The fake GitHub's fixed port: the snapshots kept from the last run are of this API address.
const DEFAULT_FAKE_PORT = '47841';
// The synthetic community's "now": today at midnight UTC, still seeded, so the same day gives the same community.
const SYNTHETIC_NOW = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
const VIEWER = 'demo-maintainer';
const DEMO_TOKEN = 'community-pulse-demo-token';

const { values } = parseArgs({
  options: { port: { type: 'string' }, fresh: { type: 'boolean', default: false }, 'fake-port': { type: 'string', default: DEFAULT_FAKE_PORT } },
});
const log = (/** @type {string} */ line) => console.log(`[demo] ${line}`);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').ExecFileSyncOptions} [options]
 */
function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

/**
 * Starts a long-running child and resolves with the first match of `pattern` in its stdout.
 * @param {string} command
 * @param {string[]} args
 * @param {RegExp} pattern
 * @param {string} name
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, match: RegExpExecArray, output: string }>}
 */
function startAndWaitFor(command, args, pattern, name) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) resolve({ child, match, output });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (code ${code}) before it was ready:\n${output}`)));
  });
}

/** @param {import('node:child_process').ChildProcess} child */
function stopGroup(child) {
  if (child.pid === undefined) return; // never started: nothing to stop
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/**
 * Resolves when 127.0.0.1:`port` can be listened on; else rejects saying why, and `advice` when something listens
 * there. Checked before anything is built or started, so a second demo fails at once with this message, not with a
 * listener's stack trace half-way through, and touches nothing of the running one.
 * @param {string} port
 * @param {string} what
 * @param {string} advice
 * @returns {Promise<void>}
 */
function ensurePortFree(port, what, advice) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', async (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code !== 'EADDRINUSE') return reject(new Error(`cannot listen on port ${port} (${what}): ${error.message}`));
      // Nothing listening, yet taken: a connection that just ended from that port holds it for up to a minute.
      const reason = (await listensOn(port))
        ? `is in use: ${advice}`
        : 'is held by a connection that just ended (nothing listens on it): try again in a minute, or choose another port.';
      reject(new Error(`port ${port} (${what}) ${reason}`));
    });
    probe.listen(Number(port), '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * @param {string} port
 * @returns {Promise<boolean>}
 */
function listensOn(port) {
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function main() {
  await ensurePortFree(
    values['fake-port'],
    "the demo's fake GitHub, --fake-port",
    'another `npm run demo` is probably running. Stop it (Ctrl-C in its terminal), or run this one beside it on other ' +
      'ports, e.g. `npm run demo -- --port 8081 --fake-port 28841` (it syncs afresh: the snapshots kept are of the usual port).',
  );
  // code-server picks a free port unless --port names one.
  if (values.port) await ensurePortFree(values.port, 'code-server, --port', 'choose another --port, or leave it out to use a free one.');
  ensureSystemPackages();
  const entry = ensureCodeServer({ log });
  if (values.fresh) {
    log(`--fresh: deleting ${demoDir} (the snapshots of the last runs included)`);
    rmSync(demoDir, { recursive: true, force: true });
  }
  mkdirSync(demoDir, { recursive: true });

  log('building and packaging the extension');
  const vsix = path.join(demoDir, 'community-pulse.vsix');
  run('npm', ['run', '--silent', 'package', '--', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

  log('generating the synthetic community');
  const synthetic = path.join(demoDir, 'synthetic-community.json');
  run('node', [
    '--import',
    'tsx',
    'test/fake-github/generate.ts',
    '--seed',
    '7',
    '--discussions',
    '1500',
    '--now',
    SYNTHETIC_NOW,
    '--span-days',
    '800',
    '--repository',
    SYNTHETIC_REPOSITORY,
    '--long-thread-posts',
    '300',
    '--member-login',
    VIEWER,
    '--out',
    synthetic,
  ]);

  const fake = await startAndWaitFor(
    'node',
    [
      ...['--import', 'tsx', 'test/fake-github/main.ts', '--data', SAMPLE, '--data', synthetic, '--token', DEMO_TOKEN],
      ...['--viewer', VIEWER, '--viewer-permission', 'MAINTAIN', '--port', values['fake-port']],
    ],
    /listening on (http:\/\/\S+?) /,
    'the fake GitHub',
  );
  try {
    await startVSCode({ fake, entry, vsix });
  } catch (error) {
    // The fake runs in its own process group: it would outlive this process.
    stopGroup(fake.child);
    throw error;
  }
}

/**
 * The demo's workspace, settings and code-server (`entry`, with the packaged extension `vsix`) against the running
 * fake GitHub; Ctrl-C stops both.
 * @param {{ fake: { child: import('node:child_process').ChildProcess, match: RegExpExecArray }, entry: string, vsix: string }} started
 */
async function startVSCode({ fake, entry, vsix }) {
  const apiUrl = fake.match[1];
  log(`fake GitHub at ${apiUrl}`);

  const workspace = path.join(demoDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  execFileSync('git', ['init', '--quiet', workspace]);
  // The synthetic community opens first: it has threads waiting in every Needs Response bucket, which the
  // real sample (answered threads only) cannot show. Set again on a kept workspace, whatever it had.
  for (const { remote, repository } of [
    { remote: 'origin', repository: SYNTHETIC_REPOSITORY },
    { remote: 'payload', repository: SAMPLE_REPOSITORY },
  ]) {
    const url = `https://github.com/${repository}.git`;
    const known = spawnSync('git', ['-C', workspace, 'remote', 'get-url', remote], { encoding: 'utf8' });
    if (known.status !== 0) execFileSync('git', ['-C', workspace, 'remote', 'add', remote, url]);
    else if (known.stdout.trim() !== url) execFileSync('git', ['-C', workspace, 'remote', 'set-url', remote, url]);
  }
  writeFileSync(
    path.join(workspace, 'README.md'),
    `# Community Pulse demo\n\nOpen the Community Pulse view in the activity bar. This folder's remotes point at ${SYNTHETIC_REPOSITORY}\n(a seeded synthetic community up to today, shown first; you are its maintainer ${VIEWER}) and ${SAMPLE_REPOSITORY}\n(the real sample: answered Q&A threads only, seen as of ${SAMPLE_AS_OF}). Switch with "Community Pulse: Choose Repository".\n`,
  );

  const userDataDir = path.join(demoDir, 'user-data');
  const extensionsDir = path.join(demoDir, 'extensions');
  writeUserSettings(userDataDir, {
    'communityPulse.apiUrl': apiUrl,
    // Only the real sample is seen at a past moment; the synthetic community is live.
    'communityPulse.asOf': { [SAMPLE_REPOSITORY]: SAMPLE_AS_OF },
    'communityPulse.defaultWindow': 'all',
    'workbench.colorTheme': 'Default Light Modern',
  });
  // --force: a kept folder has last run's build of the same version installed, which would otherwise stay.
  run(process.execPath, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const server = await startCodeServer({
    entry,
    userDataDir,
    extensionsDir,
    configFile: path.join(demoDir, 'code-server.yaml'),
    dataHome: path.join(demoDir, 'data'),
    logFile: path.join(demoDir, 'code-server.log'),
    env: { COMMUNITY_PULSE_TOKEN: DEMO_TOKEN },
    args: values.port ? ['--bind-addr', `127.0.0.1:${values.port}`] : [],
  });
  const address = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\nCommunity Pulse demo is running. Open:\n\n  ${address}\n\nThen click the Community Pulse icon in the activity bar. Ctrl-C stops the demo.\n`);

  const shutdown = async () => {
    stopGroup(fake.child);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (!existsSync(SAMPLE)) throw new Error(`missing ${SAMPLE}`);
main().catch((error) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
