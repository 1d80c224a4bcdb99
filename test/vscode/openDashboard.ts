import * as vscode from 'vscode';
import type { CommunityPulseApi, DashboardHandle } from '../../src/api';
import type { RenderReport } from '../../src/dashboard/dashboardPanel';

/** Opens the dashboard from its command and waits until it has drawn its data; returns the panel and that drawing. */
export async function openDashboardRendered(api: CommunityPulseApi): Promise<{ panel: DashboardHandle; render: RenderReport }> {
  // Listening for the drawing as the panel opens: the webview may finish before the command's promise settles.
  const opened = new Promise<{ panel: DashboardHandle; rendered: Promise<RenderReport> }>((resolve) => {
    const listener = api.dashboard.onDidOpen((panel) => {
      listener.dispose();
      resolve({ panel, rendered: panel.nextRender() });
    });
  });
  await vscode.commands.executeCommand('communityPulse.openDashboard');
  const { panel, rendered } = await opened;
  return { panel, render: await rendered };
}
