import type * as vscode from 'vscode';
import type { RepoRef } from '../github/contracts';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../github/client';
import { createQueryRunner, type QueryRunner } from '../github/queryRunner';
import { formatRepoRef } from '../github/repoRef';
import type { ReadyTarget } from './syncTarget';

/** The Octokit client of a target, made the one way a sync and the Discussion view make it (throttled, retried, logged). */
export function gitHubClientFor(target: ReadyTarget, log: vscode.LogOutputChannel, options: Omit<GitHubClientOptions, 'log'> = {}): GitHubClient {
  return createGitHubClient({ baseUrl: target.settings.apiUrl, token: target.credential.token }, { ...options, log: (line) => log.info(line) });
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
 * The connection of the current target, made once per API, token and repository and then reused: every tab and
 * action shares one client (so GitHub's second between changes holds across tabs) and asks `viewer { login }` once.
 * A failed login lookup is forgotten, so the next caller asks again.
 */
export class GitHubConnections {
  private current: { readonly key: string; readonly connection: GitHubConnection } | null = null;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  connect(target: ReadyTarget): GitHubConnection {
    const repository = formatRepoRef(target.repository);
    const key = `${target.settings.apiUrl}\n${target.credential.token}\n${repository.toLowerCase()}`;
    if (this.current?.key !== key) this.current = { key, connection: this.newConnection(target, repository) };
    return this.current.connection;
  }

  private newConnection(target: ReadyTarget, repository: string): GitHubConnection {
    const client = gitHubClientFor(target, this.log);
    let viewer: Promise<string> | null = null;
    return {
      repository,
      repositoryRef: target.repository,
      apiUrl: target.settings.apiUrl,
      client,
      runner: createQueryRunner(client, repository),
      viewerLogin: () => {
        if (!viewer) {
          const login = client.viewerLogin();
          viewer = login;
          login.catch(() => {
            if (viewer === login) viewer = null;
          });
        }
        return viewer;
      },
    };
  }
}
