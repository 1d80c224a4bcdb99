// Test counts as the runners report them. A stage that ends without a complete, consistent results file has
// crashed, and a crash must never read as "0 failed".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** @typedef {{ passed: number, failed: number, skipped: number, failures: { title: string, error: string }[] }} SuiteResults */

/**
 * `N passed, N failed`, plus `, N skipped` when tests were skipped.
 * @param {{ passed: number, failed: number, skipped?: number }} counts
 */
export function formatSummary({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/**
 * Reads the `{ passed, failed, skipped, failures }` file a runner wrote and checks it against the runner's exit
 * code; throws (naming `where` to look) when it is missing, malformed or contradicts the exit code.
 * @param {string} file
 * @param {number} exitCode
 * @param {string} where
 * @returns {SuiteResults}
 */
export function readSuiteResults(file, exitCode, where) {
  if (!existsSync(file)) {
    throw new Error(`ended (exit code ${exitCode}) without writing ${path.basename(file)}; see ${where}`);
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const counts = [results.passed, results.failed, results.skipped ?? 0];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0) || !Array.isArray(results.failures ?? [])) {
    throw new Error(`wrote malformed results to ${file}`);
  }
  if (exitCode !== 0 && results.failed === 0) {
    throw new Error(`exited with code ${exitCode} although all ${results.passed} tests passed; see ${where}`);
  }
  return { passed: results.passed, failed: results.failed, skipped: results.skipped ?? 0, failures: results.failures ?? [] };
}
