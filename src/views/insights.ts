import * as vscode from 'vscode';
import { chooseWindowCommand } from '../commands/chooseWindow';
import { copyLoginCommand } from '../commands/copyLogin';
import { exportReportCommand } from '../commands/exportReport';
import { ignoreUserCommand } from '../commands/ignoreUser';
import type { InsightServices } from '../commands/insightServices';
import { markMaintainerCommand } from '../commands/markMaintainer';
import { openDashboardCommand } from '../commands/openDashboard';
import { openProfileCommand } from '../commands/openProfile';
import type { PulseCommand } from '../commands/pulseCommand';
import type { WatchedView } from '../controller/autoSync';
import type { NeedsResponseTriage } from '../controller/needsResponseTriage';
import type { PulseController } from '../controller/pulseController';
import { readSettings } from '../settings/readSettings';
import { Dashboard } from '../dashboard/dashboard';
import { AnalysisService } from './analysisService';
import { HealthView } from './healthView';
import { PeopleView } from './peopleView';
import { NeedsResponseStatusBar } from './statusBar';
import { WindowSelection } from './windowSelection';

/** The Health and People views, the status bar item, the window picker and the dashboard, for tests and other extensions. */
export interface InsightsApi {
  readonly analysis: AnalysisService;
  readonly health: HealthView;
  readonly people: PeopleView;
  readonly statusBar: NeedsResponseStatusBar;
  readonly dashboard: Dashboard;
}

const COMMANDS: readonly ((services: InsightServices) => PulseCommand)[] = [
  openDashboardCommand,
  chooseWindowCommand,
  exportReportCommand,
  openProfileCommand,
  copyLoginCommand,
  markMaintainerCommand,
  ignoreUserCommand,
];

/** Registers everything that shows the metrics; called once from activate(). */
export function registerInsights(
  context: vscode.ExtensionContext,
  {
    controller,
    needsResponse,
    log,
    watchVisibility,
  }: { controller: PulseController; needsResponse: NeedsResponseTriage; log: vscode.LogOutputChannel; watchVisibility: (view: WatchedView) => void },
): InsightsApi {
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const windowSelection = own(new WindowSelection(context.workspaceState, () => readSettings().settings.defaultWindow));
  const analysis = own(new AnalysisService(controller, windowSelection, log));
  const health = own(new HealthView(analysis));
  const people = own(new PeopleView(analysis));
  const statusBar = own(new NeedsResponseStatusBar(controller, needsResponse));
  const dashboard = own(new Dashboard({ extensionUri: context.extensionUri, analysis, needsResponse, controller, log }));
  watchVisibility(health.view);
  watchVisibility(people.view);
  const services: InsightServices = { controller, analysis, dashboard, people, log };
  for (const command of COMMANDS.map((create) => create(services))) own(vscode.commands.registerCommand(command.id, command.run));
  return { analysis, health, people, statusBar, dashboard };
}
