import { join } from 'node:path';
import type { DiscussionOpenMeasurement, DiscussionOpenResults } from '../vscode/bench/discussionOpen.test';
import type { Benchmark, BenchReporter } from './reporter';
import { measureInVSCode, printMedianOpening } from './vscodeSessions';

const KB = 1024;
/** Issue #9: from the click to the painted thread, the fetch from the fake included. */
const TARGET_MS = 400;
const SESSIONS = 5;

/**
 * Issue #9: a 300-post thread with Markdown bodies opened inside VS Code (code-server in headless Chromium, test/vscode/bench/
 * discussionOpen.test.ts), from the command a Needs Response click runs to the page's report of the whole thread
 * painted, VS Code's creation of the webview and the fetch from the fake GitHub included; split into where the time went.
 */
export default {
  title: 'Discussion tab (issue #9)',
  async run(report) {
    const sessions = await measureInVSCode<DiscussionOpenResults>({
      grep: '^Discussion open at size',
      resultsFile: join('test-results', 'discussion-open.json'),
      sessions: SESSIONS,
    });
    report.note(`inside VS Code (code-server in headless Chromium), a thread of ${sessions[0]!.first.posts} posts with Markdown bodies, ${SESSIONS} sessions:`);
    printOpening(
      report,
      'first Discussion tab of the window',
      sessions.map((session) => session.first),
    );
    printOpening(
      report,
      'another long thread next, same window',
      sessions.map((session) => session.second),
    );
  },
} satisfies Benchmark;

/** The median session's opening, moment by moment after the command, with the other sessions' totals beside it. */
function printOpening(report: BenchReporter, label: string, openings: readonly DiscussionOpenMeasurement[]): void {
  const median = printMedianOpening(report, `  ${label}: command to the painted thread, median`, openings, (opening) => opening.elapsedMs, TARGET_MS);
  const total = median.elapsedMs ?? Number.NaN;
  const { requestedAt, timeline } = median;
  const since = (moment: number | null) => (moment === null || requestedAt === null ? Number.NaN : moment - requestedAt);
  // The page's own moments, on its clock: it received the show `renderMs` before the paint, built the DOM in `drawMs`.
  const paintedAt = requestedAt === null ? null : requestedAt + total;
  const receivedAt = paintedAt === null ? null : paintedAt - median.renderMs;
  const moments: [string, number | null][] = [
    ['the panel is created (the command ran)', timeline.panelCreatedAt],
    ["the page's script runs (its `ready` reaches the host)", timeline.pageReadyAt],
    ['the whole thread is fetched from the fake GitHub', timeline.fetchedAt],
    ['the page model is built', timeline.builtAt],
    ['the `show` is posted', timeline.showSentAt],
    ['the page receives it', receivedAt],
    ['the page has checked it and built the DOM', receivedAt === null ? null : receivedAt + median.drawMs],
    ['the thread is laid out and painted', paintedAt],
  ];
  for (const [moment, at] of moments) report.figure(`    ${moment}, at`, since(at), 'ms');
  report.figure('    the `show` message', median.messageBytes / KB, 'KB');
}
