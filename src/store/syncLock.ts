import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { errorMessage } from '../shared/errorMessage';
import { formatMoment } from '../shared/format';

/** Who holds a sync lock: written into the lock file, so a waiting process can say who it waits for. */
export interface SyncLockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO date-time the holder took the lock. */
  readonly startedAt: string;
  /** Random per acquisition: tells this holder's lock from a later one of the same process. */
  readonly token: string;
}

export interface SyncLockTiming {
  /** How often the holder touches the lock file while it runs. */
  readonly refreshMs: number;
  /** A lock file untouched this long belongs to a process that hung or died on another host: it is taken over. */
  readonly staleMs: number;
  /** How often a waiting process looks at the lock again. */
  readonly pollMs: number;
}

/** A holder touches its lock every 5 s; six missed touches mean it is gone. */
export const SYNC_LOCK_TIMING: SyncLockTiming = { refreshMs: 5_000, staleMs: 30_000, pollMs: 250 };

export interface SyncLockOptions {
  /** Aborting it stops the wait (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Called once, when another process holds the lock and this one starts waiting for it. */
  readonly onWait?: (holder: SyncLockHolder) => void;
  readonly timing?: SyncLockTiming;
}

/** The lock file of a snapshot file: beside it, so every process that shares the snapshot shares the lock. */
export function syncLockFileOf(snapshotFile: string): string {
  return `${snapshotFile}.lock`;
}

/**
 * Runs `task` while holding the lock file `file` (created exclusively, holding pid, host and start time), so one
 * process at a time syncs a repository across VS Code windows and the CLI. Waits while another live process holds
 * it; a lock whose process is gone (same host) or that was not refreshed for `staleMs` is taken over, so a crashed
 * process cannot leave it behind for ever. `file` undefined (a store with no file on disk) runs `task` unlocked.
 */
export async function withSyncLock<T>(file: string | undefined, options: SyncLockOptions, task: () => Promise<T>): Promise<T> {
  if (file === undefined) return task();
  const timing = options.timing ?? SYNC_LOCK_TIMING;
  const holder = await acquire(file, options, timing);
  const refresh = setInterval(() => void touch(file, holder), timing.refreshMs);
  try {
    return await task();
  } finally {
    clearInterval(refresh);
    await release(file, holder);
  }
}

/** Says who holds a lock, for the waiting message: "pid 4242 on build-box, since 14:05". */
export function describeSyncLockHolder(holder: SyncLockHolder): string {
  const host = holder.host === hostname() ? '' : ` on ${holder.host}`;
  const since = Date.parse(holder.startedAt);
  return `pid ${holder.pid}${host}${Number.isNaN(since) ? '' : `, since ${formatMoment(since)}`}`;
}

async function acquire(file: string, options: SyncLockOptions, timing: SyncLockTiming): Promise<SyncLockHolder> {
  const mine: SyncLockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let waiting = false;
  // The first sync of a new store (a fresh VS Code profile's storage folder) takes its lock before any snapshot exists.
  await mkdir(dirname(file), { recursive: true });
  for (;;) {
    options.signal?.throwIfAborted();
    if (await createExclusively(file, mine)) return mine;
    const current = await readLock(file);
    if (current === 'gone') continue;
    if (await isStale(file, current, timing)) {
      // Another waiter may judge the same lock stale at the same moment; only one removal matches what was read.
      await removeIfUnchanged(file, current);
      continue;
    }
    if (!waiting && current !== 'unreadable') {
      waiting = true;
      options.onWait?.(current);
    }
    await delay(timing.pollMs, options.signal);
  }
}

async function createExclusively(file: string, holder: SyncLockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw new Error(`Cannot create the sync lock ${file}: ${errorMessage(error)}. Check the folder's permissions.`, { cause: error });
  }
  try {
    await handle.writeFile(JSON.stringify(holder), 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder in the lock file; 'gone' when it was released meanwhile; 'unreadable' when it is not a lock we wrote. */
async function readLock(file: string): Promise<SyncLockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 'gone';
    throw new Error(`Cannot read the sync lock ${file}: ${errorMessage(error)}. Check the folder's permissions.`, { cause: error });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isHolder(parsed) ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** An unreadable lock (being written, or left half-written by a crash) is judged by its age alone. */
async function isStale(file: string, holder: SyncLockHolder | 'unreadable', timing: SyncLockTiming): Promise<boolean> {
  if (holder !== 'unreadable' && holder.host === hostname() && !isAlive(holder.pid)) return true;
  const age = await ageOf(file);
  return age !== null && age > timing.staleMs;
}

async function removeIfUnchanged(file: string, judged: SyncLockHolder | 'unreadable'): Promise<void> {
  const now = await readLock(file);
  if (now === 'gone') return;
  const same = judged === 'unreadable' ? now === 'unreadable' : now !== 'unreadable' && now.token === judged.token;
  if (same) await unlink(file).catch((error: unknown) => (isErrno(error, 'ENOENT') ? undefined : Promise.reject(error)));
}

/** Touches the lock so waiting processes see its holder is alive; a lock taken over meanwhile is not touched. */
async function touch(file: string, holder: SyncLockHolder): Promise<void> {
  if (!(await stillHeld(file, holder))) return;
  const now = new Date();
  await utimes(file, now, now).catch(() => undefined);
}

/** Removes the lock unless another process took it over (this one looked gone to it): that lock is not ours to remove. */
async function release(file: string, holder: SyncLockHolder): Promise<void> {
  if (await stillHeld(file, holder)) await unlink(file).catch(() => undefined);
}

async function stillHeld(file: string, holder: SyncLockHolder): Promise<boolean> {
  const current = await readLock(file).catch(() => 'unreadable' as const);
  return typeof current === 'object' && current.token === holder.token;
}

/** Milliseconds since the file was last modified; null when it is gone. */
async function ageOf(file: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrno(error, 'EPERM');
  }
}

function isHolder(value: unknown): value is SyncLockHolder {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    Number.isInteger(record['pid']) && typeof record['host'] === 'string' && typeof record['startedAt'] === 'string' && typeof record['token'] === 'string'
  );
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const aborted = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('The wait for the sync lock was cancelled.'));
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === code;
}
