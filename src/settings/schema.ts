import * as z from 'zod';
import type { RepoRef } from '../github/contracts';
import { parseRepoRef } from '../github/repoRef';
import { GITHUB_API_URL } from '../github/webLinks';
import { DEFAULT_SAVED_REPLIES, type SavedReply } from '../community/assist/savedReplies';
import { DEFAULT_METRIC_SETTINGS, type LeaderThresholds, type ScoreWeights } from '../community/metrics/settings';
import { DEFAULT_WINDOW_CHOICE, WINDOW_CHOICES, type WindowChoice } from '../shared/timeWindow';

/**
 * The `communityPulse.*` settings as the extension uses them. Each setting is validated on its own so
 * one bad value falls back to its default with a message naming it, and the others still apply.
 * package.json `contributes.configuration` declares the same keys and defaults for the Settings UI.
 */
export interface PulseSettings {
  readonly apiUrl: string;
  /** `communityPulse.repository`; null when empty (detect from git remotes). */
  readonly repository: RepoRef | null;
  readonly maintainers: readonly string[];
  readonly ignoreUsers: readonly string[];
  readonly staleDays: number;
  readonly responseTargetHours: number;
  /** 0 turns automatic sync off. */
  readonly autoSyncMinutes: number;
  /** `communityPulse.asOf` as epoch ms: every view judges the community as it stood then. null: now. */
  readonly asOf: number | null;
  /** The window shown until one is chosen for the workspace. */
  readonly defaultWindow: WindowChoice;
  /** Leader-candidate thresholds (docs/metrics.md "Leader candidates"); keys not set keep the engine's defaults. */
  readonly leaderThresholds: LeaderThresholds;
  /** Weights of the leader score's components. */
  readonly leaderScoreWeights: ScoreWeights;
  /** The reply box's saved replies (title + Markdown body with `{author}`, `{number}`, `{maintainer}`). */
  readonly savedReplies: readonly SavedReply[];
}

export const SETTINGS_SECTION = 'communityPulse';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true, local: true });
const hasZone = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** An ISO date (midnight UTC) or date-time (UTC when it names no zone, so every machine reads the same moment). */
const moment = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text === '') return null;
    if (isoDate.safeParse(text).success) return Date.parse(`${text}T00:00:00Z`);
    if (isoDateTime.safeParse(text).success) return Date.parse(hasZone.test(text) ? text : `${text}Z`);
    context.addIssue({ code: 'custom', message: 'expected an ISO date such as 2023-03-31 or a date-time such as 2023-03-31T12:00:00Z, or empty for now' });
    return z.NEVER;
  });

/** An object setting whose keys each default to the engine's value; unknown keys are a mistake worth naming. */
function numbersOver<T extends object>(defaults: T, item: z.ZodNumber) {
  const shape = Object.fromEntries(Object.keys(defaults).map((key) => [key, item.optional()])) as { [K in keyof T]: z.ZodOptional<z.ZodNumber> };
  return z
    .strictObject(shape)
    .transform((given) => ({ ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }) as T);
}

const savedReply = z.strictObject({ title: z.string().trim().min(1), body: z.string() });

/** Saved replies: every entry a `{ title, body }` of strings; a bad entry is named by its place and title. */
const savedReplies = z.array(z.unknown()).transform((entries, context) => {
  const replies: SavedReply[] = [];
  entries.forEach((entry, index) => {
    const parsed = savedReply.safeParse(entry);
    if (parsed.success) return void replies.push(parsed.data);
    const title = typeof (entry as { title?: unknown } | null)?.title === 'string' ? ` ("${(entry as { title: string }).title}")` : '';
    context.addIssue({ code: 'custom', message: `entry ${index + 1}${title} needs a non-empty "title" and a "body", both strings, and nothing else` });
  });
  return replies;
});

const logins = z.array(z.string().trim().min(1, 'a login cannot be empty'));

const SETTING_SCHEMAS = {
  apiUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://api.github.com' }).transform((url) => url.replace(/\/+$/, '')),
  repository: z
    .string()
    .trim()
    .transform((text, context) => {
      if (text === '') return null;
      const ref = parseRepoRef(text);
      if (!ref) context.addIssue({ code: 'custom', message: 'expected owner/name, such as payloadcms/payload' });
      return ref;
    }),
  maintainers: logins,
  ignoreUsers: logins,
  staleDays: z.number().int('expected a whole number of days').min(1, 'expected at least 1 day'),
  responseTargetHours: z.number().positive('expected a number of hours above 0'),
  autoSyncMinutes: z.number().int('expected a whole number of minutes').min(0, 'expected 0 (off) or more minutes'),
  asOf: moment,
  defaultWindow: z.enum(WINDOW_CHOICES, { error: `expected one of ${WINDOW_CHOICES.map((choice) => `"${choice}"`).join(', ')}` }),
  leaderThresholds: numbersOver(DEFAULT_METRIC_SETTINGS.leader, z.number().int('expected whole numbers').min(0, 'expected numbers ≥ 0')),
  leaderScoreWeights: numbersOver(DEFAULT_METRIC_SETTINGS.scoreWeights, z.number().min(0, 'expected weights ≥ 0')),
  savedReplies,
} satisfies { [K in keyof PulseSettings]: z.ZodType<PulseSettings[K]> };

export const DEFAULT_SETTINGS: PulseSettings = {
  apiUrl: GITHUB_API_URL,
  repository: null,
  maintainers: [],
  ignoreUsers: [],
  staleDays: 7,
  responseTargetHours: 48,
  autoSyncMinutes: 30,
  asOf: null,
  defaultWindow: DEFAULT_WINDOW_CHOICE,
  leaderThresholds: DEFAULT_METRIC_SETTINGS.leader,
  leaderScoreWeights: DEFAULT_METRIC_SETTINGS.scoreWeights,
  savedReplies: DEFAULT_SAVED_REPLIES,
};

export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as (keyof PulseSettings)[];

export interface SettingsReading {
  readonly settings: PulseSettings;
  /** One message per invalid setting, naming it, what is wrong and the default used instead. */
  readonly problems: readonly string[];
}

/** Validates raw setting values (undefined = not set); invalid ones fall back to their defaults. */
export function parseSettings(raw: Partial<Record<keyof PulseSettings, unknown>>): SettingsReading {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  for (const key of SETTING_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    const parsed = SETTING_SCHEMAS[key].safeParse(value);
    if (parsed.success) {
      settings[key] = parsed.data;
    } else {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      problems.push(
        // null defaults (repository, asOf) are the empty string in the Settings UI.
        `Setting ${SETTINGS_SECTION}.${key} is invalid (${reason}; got ${JSON.stringify(value)}); using the default ${JSON.stringify(DEFAULT_SETTINGS[key] ?? '')} instead.`,
      );
    }
  }
  return { settings: settings as unknown as PulseSettings, problems };
}
