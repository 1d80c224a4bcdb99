import type * as vscode from 'vscode';
import type { Credentials } from '../auth/credentials';
import type { PulseController } from '../controller/pulseController';
import type { ChosenRepository } from '../repository/chosenRepository';
import type { NeedsResponseView } from '../views/needsResponseView';

/** A command and its handler; activate() registers each. Handlers return their work's promise so callers (and tests) can await it. */
export interface PulseCommand {
  readonly id: string;
  run(...args: unknown[]): unknown;
}

/** What command handlers act on. */
export interface CommandServices {
  readonly controller: PulseController;
  readonly credentials: Credentials;
  readonly chosenRepository: ChosenRepository;
  readonly needsResponse: NeedsResponseView;
  readonly log: vscode.LogOutputChannel;
}
