import type * as vscode from 'vscode';
import type { RepoRef } from '../github/contracts';
import { formatRepoRef, parseRepoRef } from '../github/repoRef';

const KEY = 'communityPulse.chosenRepository';

/** The repository picked with "Choose Repository", remembered per workspace. */
export class ChosenRepository {
  constructor(private readonly workspaceState: vscode.Memento) {}

  get(): RepoRef | null {
    const stored = this.workspaceState.get<string>(KEY);
    return stored ? parseRepoRef(stored) : null;
  }

  set(repository: RepoRef): Thenable<void> {
    return this.workspaceState.update(KEY, formatRepoRef(repository));
  }
}
