import type { FakeGitHub, FakeGitHubOptions, FakeRepositoryInput } from './types';

export type * from './types';

/** Starts the fake GitHub on 127.0.0.1. (Being implemented; the API is final.) */
export async function startFakeGitHub(_options: FakeGitHubOptions): Promise<FakeGitHub> {
  throw new Error('fake GitHub: not implemented yet');
}

/** Reads an array of Discussion nodes or a `{ repository?, discussions }` file. */
export function loadDatasetFile(_path: string, _repository?: string): FakeRepositoryInput {
  throw new Error('fake GitHub: not implemented yet');
}
