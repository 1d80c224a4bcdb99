/** Shared argument checks of the fake GitHub's command lines: a bad value is one clear line and exit 2. */

import { errorMessage } from '../../src/shared/errorMessage';

export class UsageError extends Error {}

export function integerOption(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

export function required<T>(name: string, value: T | undefined): T {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** Runs a command line: usage errors and bad input print one line and exit 2. */
export function runCli(usage: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = errorMessage(error);
    console.error(error instanceof UsageError ? `${message}\n${usage}` : message);
    process.exit(2);
  });
}
