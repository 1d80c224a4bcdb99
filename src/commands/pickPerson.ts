import * as vscode from 'vscode';
import type { PulseAnalysis } from '../viewModels/analysis';
import { buildPeopleGroups } from '../viewModels/people';

/** "Show Person in People" from the Command Palette: one of the core's or the connectors' people, core first. */
export async function pickPerson(analysis: PulseAnalysis | null): Promise<string | null> {
  const groups = analysis ? buildPeopleGroups(analysis).filter((group) => group.id === 'core' || group.id === 'connectors') : [];
  const byLogin = new Map<string, { label: string; description: string; login: string }>();
  for (const person of groups.sort((a, b) => Number(b.id === 'core') - Number(a.id === 'core')).flatMap((group) => group.people)) {
    if (!byLogin.has(person.login)) byLogin.set(person.login, { label: `@${person.login}`, description: person.description, login: person.login });
  }
  const items = [...byLogin.values()];
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Nobody answered another person in this window: there is no core and no connector to show.');
    return null;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Show a person in People',
    placeHolder: 'The core and the connectors: type a login',
    matchOnDescription: true,
  });
  return picked?.login ?? null;
}
