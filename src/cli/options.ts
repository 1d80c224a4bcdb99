import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RepoRef } from '../github/contracts';
import { parseRepoRef } from '../github/repoRef';
import { UsageError } from './usage';

/** Parsers for the flag values every command shares; each failure names the flag and what it expects. */

export function parseRepository(value: string | undefined): RepoRef {
  const ref = value === undefined ? null : parseRepoRef(value);
  if (!ref) throw new UsageError(`expected OWNER/REPO (such as octo-org/octo-repo), got ${value === undefined ? 'nothing' : `"${value}"`}`);
  return ref;
}

export function parseList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function parseInstant(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--${flag} expects an ISO 8601 date or date-time (such as 2024-06-30T00:00:00Z), got "${value}"`);
  return time;
}

export function parsePositiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new UsageError(`--${flag} expects a number ≥ 0, got "${value}"`);
  return number;
}

/** A whole number ≥ `minimum`; undefined when the flag is absent (the engine's default applies). */
export function parseWholeNumber(flag: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) throw new UsageError(`--${flag} expects a whole number ≥ ${minimum}, got "${value}"`);
  return number;
}

/** A share from 0 to 1; undefined when the flag is absent (the engine's default applies). */
export function parseShare(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1)
    throw new UsageError(`--${flag} expects a share from 0 to 1 (such as 0.5), got "${value}"`);
  return number;
}

export function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T {
  if (value === undefined) return choices[0]!;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} expects one of ${choices.join(', ')}, got "${value}"`);
}

/** Where the CLI keeps one snapshot per repository unless told otherwise. */
export function storeDirectory(flag: string | undefined): string {
  return flag ?? process.env['COMMUNITY_PULSE_STORE'] ?? join(process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'community-pulse');
}
