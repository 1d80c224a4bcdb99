import type * as vscode from 'vscode';
import type { RepoRef } from '../github/contracts';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { createQueryRunner, type QueryRunner } from '../github/queryRunner';
import { formatRepoRef } from '../github/repoRef';
import type { ReadyTarget } from './syncTarget';

/** The Octokit client of a target, made the one way a sync and the Discussion view make it (throttled, retried, logged). */
export function gitHubClientFor(target: ReadyTarget, log: vscode.LogOutputChannel): GitHubClient {
  return createGitHubClient({ baseUrl: target.settings.apiUrl, token: target.credential.token }, { log: (line) => log.info(line) });
}

/** What the Discussion view needs to read and change one repository on GitHub, for the target current when asked. */
export interface GitHubConnection {
  /** `owner/name`. */
  readonly repository: string;
  readonly repositoryRef: RepoRef;
  readonly apiUrl: string;
  readonly client: GitHubClient;
  readonly runner: QueryRunner;
  /** The signed-in account's login, asked of GitHub once per token. */
  viewerLogin(): Promise<string>;
}

/**
 * Makes connections and remembers the viewer's login per API and token, so opening ten tabs asks GitHub
 * `viewer { login }` once. A failed lookup is forgotten, so the next tab asks again.
 */
export class GitHubConnections {
  private viewer: { readonly key: string; readonly login: Promise<string> } | null = null;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  connect(target: ReadyTarget): GitHubConnection {
    const client = gitHubClientFor(target, this.log);
    const repository = formatRepoRef(target.repository);
    const key = `${target.settings.apiUrl}\n${target.credential.token}`;
    return {
      repository,
      repositoryRef: target.repository,
      apiUrl: target.settings.apiUrl,
      client,
      runner: createQueryRunner(client, repository),
      viewerLogin: () => {
        if (this.viewer?.key !== key) {
          const login = client.viewerLogin();
          const entry = { key, login };
          this.viewer = entry;
          login.catch(() => {
            if (this.viewer === entry) this.viewer = null;
          });
        }
        return this.viewer.login;
      },
    };
  }
}
