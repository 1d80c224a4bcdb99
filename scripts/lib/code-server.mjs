// Installs code-server (VS Code in the browser) from the npm registry into .cache/code-server/<version>/ without
// network access beyond the registry, and starts it for tests and the demo.
//
// code-server's own postinstall does not work here: as root it demands npm_config_unsafe_perm, its native module
// kerberos needs libkrb5-dev, and @vscode/ripgrep downloads rg from GitHub. So the install replays that postinstall
// by hand: dependencies without scripts, then explicit rebuilds of the native modules, and Debian's rg placed
// where @vscode/ripgrep looks first (it skips its download when bin/ exists).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The newest code-server on the npm registry whose `engines` accept Node 20 (it ships VS Code 1.100.3).
export const CODE_SERVER_VERSION = '4.100.3';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const codeServerHome = path.join(repoRoot, '.cache', 'code-server', CODE_SERVER_VERSION);
const entryScript = path.join(codeServerHome, 'out', 'node', 'entry.js');
const installedMarker = path.join(codeServerHome, '.installed');
const debianRipgrep = '/usr/bin/rg';
// Native modules VS Code's server loads on Linux; each must load after the rebuild.
const nativeModules = ['kerberos', 'native-watchdog', 'node-pty', '@parcel/watcher', '@vscode/spdlog'];

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 */
function run(command, args, { cwd, env = {} }) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`code-server install: \`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return result.stdout;
}

// node-gyp compiles against the running Node's headers; pointing it at the ones installed beside node keeps it
// from downloading them (it cannot, offline).
const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
/** @type {Record<string, string>} */
const nativeBuildEnv = existsSync(path.join(nodePrefix, 'include', 'node', 'node.h')) ? { npm_config_nodedir: nodePrefix } : {};

/** @param {string} dir */
function installDependencies(dir) {
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir });
}

/** @param {string} vscodeDir */
function verifyNativeModules(vscodeDir) {
  for (const name of nativeModules) {
    run(process.execPath, ['-e', `require(${JSON.stringify(name)})`], { cwd: vscodeDir });
  }
}

/**
 * @param {string} staging
 * @param {(line: string) => void} log
 */
function install(staging, log) {
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, codeServerHome)} (once; takes about a minute)`);
  if (!existsSync(debianRipgrep)) throw new Error(`code-server install needs ${debianRipgrep} (Debian package ripgrep)`);
  mkdirSync(staging, { recursive: true });
  run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', staging, '--silent'], { cwd: staging });
  const tarball = readdirSync(staging).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`code-server install: npm pack left no .tgz in ${staging}`);
  run('tar', ['xzf', tarball, '--strip-components=1'], { cwd: staging });
  rmSync(path.join(staging, tarball));

  installDependencies(staging);
  run('npm', ['rebuild', 'argon2'], { cwd: staging, env: nativeBuildEnv });
  run(process.execPath, ['-e', 'require("argon2")'], { cwd: staging });

  const vscodeDir = path.join(staging, 'lib', 'vscode');
  installDependencies(vscodeDir);
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  copyFileSync(debianRipgrep, path.join(ripgrepBin, 'rg'));
  // node-pty's build script runs `npx node-gyp`, which would otherwise wait for a confirmation.
  run('npm', ['rebuild'], { cwd: vscodeDir, env: { ...nativeBuildEnv, npm_config_yes: 'true', JOBS: 'max' } });
  symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  installDependencies(path.join(vscodeDir, 'extensions'));
  verifyNativeModules(vscodeDir);

  const emptyConfig = path.join(staging, 'verify-config.yaml');
  writeFileSync(emptyConfig, '');
  const version = run(process.execPath, ['out/node/entry.js', '--config', emptyConfig, '--version'], { cwd: staging });
  rmSync(emptyConfig);
  if (!version.includes(`${CODE_SERVER_VERSION} `)) throw new Error(`code-server install: unexpected --version output: ${version}`);
  writeFileSync(path.join(staging, '.installed'), version);
}

/**
 * Returns the path of code-server's entry script, installing code-server first if .cache has no complete install.
 * The install happens in a staging folder that is renamed into place at the end, so an interrupted install is
 * never mistaken for a complete one.
 */
export function ensureCodeServer({ log = console.log } = {}) {
  if (existsSync(installedMarker)) return entryScript;
  const staging = `${codeServerHome}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    install(staging, log);
    rmSync(codeServerHome, { recursive: true, force: true });
    renameSync(staging, codeServerHome);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return entryScript;
}

/**
 * @param {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} child
 * @param {string} logFile
 * @returns {Promise<string>}
 */
function waitForListeningAddress(child, logFile) {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (/** @type {string} */ chunk) => {
      output += chunk;
      const address = /HTTP server listening on (http:\/\/[^\s/]+)\//.exec(output)?.[1];
      if (address !== undefined) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve(address);
      }
    };
    const onExit = (/** @type {number | null} */ code, /** @type {NodeJS.Signals | null} */ signal) =>
      reject(new Error(`code-server exited before listening (exit ${code ?? signal}); its log: ${logFile}\n${output.slice(-3000)}`));
    child.stdout.setEncoding('utf8').on('data', onData);
    child.on('exit', onExit);
  });
}

/**
 * Starts code-server on 127.0.0.1 with a free port and resolves once it listens. Its output goes to `logFile`.
 * `env` is added to its environment, which VS Code's extension host inherits: that is how tests and the demo
 * pass settings to the extension. code-server runs in its own process group so stop() also ends the extension
 * host and the other processes it spawns.
 * @param {{ entry: string, userDataDir: string, extensionsDir: string, configFile: string, dataHome: string, logFile: string, env?: Record<string, string>, args?: string[] }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ entry, userDataDir, extensionsDir, configFile, dataHome, logFile, env = {}, args = [] }) {
  writeFileSync(configFile, '');
  const child = spawn(
    process.execPath,
    // An option and its value stay on one line.
    // prettier-ignore
    [
      entry,
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--config', configFile,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...args,
    ],
    {
      // XDG_DATA_HOME keeps code-server's own logs and heartbeat file out of the user's home.
      env: { ...process.env, XDG_DATA_HOME: dataHome, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killGroup = (/** @type {NodeJS.Signals} */ signal) => {
    if (child.pid === undefined) return; // never started: nothing to stop
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    killGroup('SIGTERM');
    const stillRunning = await Promise.race([exited.then(() => false), delay(5000).then(() => true)]);
    // Whatever survives a polite stop (the extension host may ignore SIGTERM while a test hangs) is killed.
    killGroup('SIGKILL');
    if (stillRunning) await exited;
    log.end();
  };

  try {
    return { url: await waitForListeningAddress(child, logFile), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
