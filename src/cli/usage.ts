/** Thrown for bad usage or bad input: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  community-pulse sync OWNER/REPO [--api-url URL] [--out FILE] [--store DIR] [--full] [--no-wait] [--move-damaged]
  community-pulse triage (OWNER/REPO | --input FILE) [--until ISO] [--format table|json]
                         [--maintainers a,b] [--ignore-users a,b] [--stale-days N] [--store DIR]
  community-pulse report (OWNER/REPO | --input FILE) [--since ISO] [--until ISO] [--format md|json|csv]
                         [--maintainers a,b] [--ignore-users a,b] [--out FILE] [--store DIR]
                         [--stale-days N] [--response-target-hours N] [--api-url URL]
                         [--over-dunbar-participants N] [--thin-discussions N] [--thin-know-someone-rate R]

  sync reads the token from GITHUB_TOKEN. Snapshots are stored in --store DIR, else $COMMUNITY_PULSE_STORE,
  else ~/.local/share/community-pulse (one file per repository); --out FILE writes one snapshot file instead.
  When GitHub's hourly budget is spent, sync saves what it fetched and waits for the reset, printing a line a
  minute, then continues; with --no-wait it stops at once (exit status 3) and the next sync continues from there.
  While another process (a VS Code window, another sync) syncs the same repository, sync waits for it with a line
  saying so (Ctrl+C stops the wait), then continues from what it stored. --move-damaged keeps a damaged snapshot under a
  dated name beside it (OWNER__REPO.damaged-DATE.json) and syncs afresh.
  --input reads GitHub Discussion nodes (an array, an object with a "discussions" array, \`gh api graphql\`
  output) or a snapshot written by sync. report links people to their profiles on the GitHub of --api-url, else
  of the stored snapshot, else github.com. Category advice (docs/metrics.md "Category advice"): a category with more
  than --over-dunbar-participants (150) participants in the window is over Dunbar's number; one with at least one but
  fewer than --thin-discussions (10) new discussions, and under --thin-know-someone-rate (0.5) of its participants
  knowing someone, is thin; one with no new discussion is dormant.

  Exit status: 0 done, 1 GitHub or the network failed, 2 bad usage or input, 3 sync --no-wait stopped because
  GitHub's hourly budget is spent (resumable after the reset).`;
