import type * as vscode from 'vscode';
import type { Credentials } from '../auth/credentials';
import type { AnalysisService } from '../controller/analysisService';
import type { PulseController } from '../controller/pulseController';
import type { Snooze } from '../community/assist/snooze';
import type { DiscussionSnoozes } from '../controller/discussionSnoozes';
import type { Dashboard } from '../dashboard/dashboard';
import type { DiscussionTabs } from '../discussionView/discussionTabs';
import type { ChosenRepository } from '../repository/chosenRepository';
import type { CommandId } from '../shared/contributionIds';
import type { NeedsResponseView } from '../views/needsResponseView';
import type { PeopleView } from '../views/peopleView';

/** A command and its handler; the registry registers each. Handlers return their work's promise so callers (and tests) can await it. */
export interface PulseCommand {
  readonly id: CommandId;
  run(...args: unknown[]): unknown;
}

/** What command handlers act on: built once in activate(). */
export interface CommandServices {
  readonly controller: PulseController;
  readonly credentials: Credentials;
  readonly chosenRepository: ChosenRepository;
  readonly analysis: AnalysisService;
  readonly needsResponse: NeedsResponseView;
  readonly people: PeopleView;
  readonly dashboard: Dashboard;
  readonly discussions: DiscussionTabs;
  readonly snoozes: DiscussionSnoozes<Snooze>;
  readonly log: vscode.LogOutputChannel;
}

export type CommandFactory = (services: CommandServices) => PulseCommand;
