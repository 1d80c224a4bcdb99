/**
 * The ids this extension contributes in package.json, typed: code names a command or view through these constants,
 * never through a string typed out again. test/unit/commands/registry.test.ts holds them equal to package.json.
 */

export const COMMAND_IDS = {
  refresh: 'communityPulse.refresh',
  fullRecheck: 'communityPulse.fullRecheck',
  signIn: 'communityPulse.signIn',
  signInWithToken: 'communityPulse.signInWithToken',
  signOut: 'communityPulse.signOut',
  chooseRepository: 'communityPulse.chooseRepository',
  openInBrowser: 'communityPulse.openInBrowser',
  copyLink: 'communityPulse.copyLink',
  showLog: 'communityPulse.showLog',
  openDashboard: 'communityPulse.openDashboard',
  chooseWindow: 'communityPulse.chooseWindow',
  exportReport: 'communityPulse.exportReport',
  openProfile: 'communityPulse.openProfile',
  copyLogin: 'communityPulse.copyLogin',
  markMaintainer: 'communityPulse.markMaintainer',
  ignoreUser: 'communityPulse.ignoreUser',
  openDiscussion: 'communityPulse.openDiscussion',
  snoozeDiscussion: 'communityPulse.snoozeDiscussion',
  wakeDiscussion: 'communityPulse.wakeDiscussion',
  /** Reveals a person's entry in the People view; argument: their login (the dashboard's network picture sends it). */
  showPerson: 'communityPulse.showPerson',
  /** "Move aside and sync again", offered when the stored snapshot is damaged. */
  moveDamagedSnapshotAside: 'communityPulse.moveDamagedSnapshotAside',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];

export const VIEW_IDS = {
  needsResponse: 'communityPulse.needsResponse',
  health: 'communityPulse.health',
  people: 'communityPulse.people',
} as const;

/** The dashboard's webview panel type: the serializer restores it, `onWebviewPanel:` in package.json activates for it. */
export const DASHBOARD_VIEW_TYPE = 'communityPulse.dashboard';

/** A Discussion tab's webview panel type (one tab per discussion): restored by its serializer, activates the extension. */
export const DISCUSSION_VIEW_TYPE = 'communityPulse.discussion';

export type ViewId = (typeof VIEW_IDS)[keyof typeof VIEW_IDS];

/** VS Code's own command that reveals and focuses a view: `<view id>.focus`. */
export function focusViewCommand(view: ViewId): string {
  return `${view}.focus`;
}
