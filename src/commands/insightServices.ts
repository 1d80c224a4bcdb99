import type * as vscode from 'vscode';
import type { PulseController } from '../controller/pulseController';
import type { Dashboard } from '../dashboard/dashboard';
import type { AnalysisService } from '../views/analysisService';
import type { PeopleView } from '../views/peopleView';

/** What the dashboard's, People view's and window commands act on. */
export interface InsightServices {
  readonly controller: PulseController;
  readonly analysis: AnalysisService;
  readonly dashboard: Dashboard;
  readonly people: PeopleView;
  readonly log: vscode.LogOutputChannel;
}
