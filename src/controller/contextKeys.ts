import * as vscode from 'vscode';
import type { PulseState } from './pulseState';

/** The context keys package.json's `when` clauses read (welcome texts, menus). */
const CONTEXT_KEYS = {
  state: 'communityPulse.state',
  signedIn: 'communityPulse.signedIn',
  syncing: 'communityPulse.syncing',
  /** `communityPulse.asOf` is set: the views show a past moment, and say so. */
  asOf: 'communityPulse.asOf',
  /** The data is of a snapshot no sync pass has completed: an empty list proves nothing yet. */
  partial: 'communityPulse.partial',
} as const;

interface ContextValues {
  readonly state: PulseState;
  readonly signedIn: boolean;
  readonly syncing: boolean;
  readonly asOf: boolean;
  readonly partial: boolean;
}

export function setContextKey<K extends keyof ContextValues>(key: K, value: ContextValues[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', CONTEXT_KEYS[key], value);
}
