import * as z from 'zod';
import type { RepoRef } from '../github/contracts';
import { formatRepoRef, parseRepoRef } from '../github/repoRef';
import { GITHUB_API_URL } from '../github/webLinks';
import { DEFAULT_SAVED_REPLIES, type SavedReply } from '../community/assist/savedReplies';
import { DEFAULT_METRIC_SETTINGS, type CategoryAdviceThresholds, type LeaderThresholds, type ScoreWeights } from '../community/metrics/settings';
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
  /**
   * `communityPulse.asOf` for the current repository, as epoch ms: every view judges the community as it stood then.
   * null: now. (`ConfiguredSettings` holds the setting as written, which may name a moment per repository.)
   */
  readonly asOf: number | null;
  /** The window shown until one is chosen for the workspace. */
  readonly defaultWindow: WindowChoice;
  /** Leader-candidate thresholds (docs/metrics.md "Leader candidates"); keys not set keep the engine's defaults. */
  readonly leaderThresholds: LeaderThresholds;
  /** Weights of the leader score's components. */
  readonly leaderScoreWeights: ScoreWeights;
  /** When a category is flagged over Dunbar's number, thin or dormant (docs/metrics.md "Category advice"). */
  readonly categoryAdvice: CategoryAdviceThresholds;
  /** The reply box's saved replies (title + Markdown body with `{author}`, `{number}`, `{maintainer}`). */
  readonly savedReplies: readonly SavedReply[];
}

/**
 * `communityPulse.asOf` as written: one moment for every repository (null: now), or moments by repository, keyed by
 * `owner/name` in lower case (a repository not named: now).
 */
export type AsOfSetting = number | null | { readonly byRepository: ReadonlyMap<string, number> };

/** The settings as configured, before `settingsFor` picks the current repository's `asOf`. */
export interface ConfiguredSettings extends Omit<PulseSettings, 'asOf'> {
  readonly asOf: AsOfSetting;
}

export const SETTINGS_SECTION = 'communityPulse';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true, local: true });
const hasZone = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

const MOMENT = 'an ISO date such as 2023-03-31 or a date-time such as 2023-03-31T12:00:00Z';

/**
 * An ISO date (midnight UTC) or date-time (UTC when it names no zone, so every machine reads the same moment) as
 * epoch ms; null when empty (now); undefined when the text is no such moment.
 */
function readMoment(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (isoDate.safeParse(trimmed).success) return Date.parse(`${trimmed}T00:00:00Z`);
  if (isoDateTime.safeParse(trimmed).success) return Date.parse(hasZone.test(trimmed) ? trimmed : `${trimmed}Z`);
  return undefined;
}

/** Moments by `owner/name`: every bad entry is named (not only the first), since the whole setting then falls back. */
function readMomentsByRepository(entries: Record<string, unknown>): { byRepository: Map<string, number>; mistakes: string[] } {
  const byRepository = new Map<string, number>();
  const named = new Set<string>();
  const mistakes: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const repository = parseRepoRef(key);
    const moment = typeof value === 'string' ? readMoment(value) : undefined;
    const name = repository && formatRepoRef(repository).toLowerCase();
    if (!name) mistakes.push(`${JSON.stringify(key)} is not owner/name`);
    else if (moment === undefined) mistakes.push(`${JSON.stringify(key)}: ${JSON.stringify(value)} is not such a moment`);
    else if (named.has(name)) mistakes.push(`${JSON.stringify(key)} is named twice (names are compared case-insensitively)`);
    else if (moment !== null) byRepository.set(name, moment);
    if (name) named.add(name);
  }
  return { byRepository, mistakes };
}

const asOfSetting = z.unknown().transform((value, context): AsOfSetting => {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { byRepository, mistakes } = readMomentsByRepository(value as Record<string, unknown>);
    if (mistakes.length === 0) return { byRepository };
    context.addIssue({ code: 'custom', message: `expected ${MOMENT} for each owner/name: ${mistakes.join('; ')}` });
    return z.NEVER;
  }
  const moment = typeof value === 'string' ? readMoment(value) : undefined;
  if (moment !== undefined) return moment;
  context.addIssue({ code: 'custom', message: `expected ${MOMENT}, an object of such moments by owner/name, or empty for now` });
  return z.NEVER;
});

/**
 * An object setting whose keys each default to the engine's value; unknown keys are a mistake worth naming. `item`
 * validates every key, or each key its own.
 */
function numbersOver<T extends object>(defaults: T, item: z.ZodNumber | { readonly [K in keyof T]: z.ZodNumber }) {
  const itemOf = (key: string) => (item instanceof z.ZodNumber ? item : item[key as keyof T]);
  const shape = Object.fromEntries(Object.keys(defaults).map((key) => [key, itemOf(key).optional()])) as { [K in keyof T]: z.ZodOptional<z.ZodNumber> };
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
  asOf: asOfSetting,
  defaultWindow: z.enum(WINDOW_CHOICES, { error: `expected one of ${WINDOW_CHOICES.map((choice) => `"${choice}"`).join(', ')}` }),
  leaderThresholds: numbersOver(DEFAULT_METRIC_SETTINGS.leader, z.number().int('expected whole numbers').min(0, 'expected numbers ≥ 0')),
  leaderScoreWeights: numbersOver(DEFAULT_METRIC_SETTINGS.scoreWeights, z.number().min(0, 'expected weights ≥ 0')),
  categoryAdvice: numbersOver(DEFAULT_METRIC_SETTINGS.categoryAdvice, {
    overDunbarParticipants: z.number().int('overDunbarParticipants: expected a whole number').min(1, 'overDunbarParticipants: expected at least 1 participant'),
    thinKnowSomeoneRate: z
      .number()
      .min(0, 'thinKnowSomeoneRate: expected a share from 0 to 1, such as 0.5')
      .max(1, 'thinKnowSomeoneRate: expected a share from 0 to 1, such as 0.5'),
    thinDiscussions: z.number().int('thinDiscussions: expected a whole number').min(0, 'thinDiscussions: expected 0 or more discussions'),
  }),
  savedReplies,
} satisfies { [K in keyof ConfiguredSettings]: z.ZodType<ConfiguredSettings[K]> };

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
  categoryAdvice: DEFAULT_METRIC_SETTINGS.categoryAdvice,
  savedReplies: DEFAULT_SAVED_REPLIES,
};

export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as (keyof ConfiguredSettings)[];

export interface SettingsReading {
  readonly settings: ConfiguredSettings;
  /** One message per invalid setting, naming it, what is wrong and the default used instead. */
  readonly problems: readonly string[];
}

/** Validates raw setting values (undefined = not set); invalid ones fall back to their defaults. */
export function parseSettings(raw: Partial<Record<keyof ConfiguredSettings, unknown>>): SettingsReading {
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
  return { settings: settings as unknown as ConfiguredSettings, problems };
}

/** The moment `communityPulse.asOf` sets for this repository (names compared case-insensitively); null: now. */
export function asOfFor(asOf: AsOfSetting, repository: RepoRef | null): number | null {
  if (asOf === null || typeof asOf === 'number') return asOf;
  return repository ? (asOf.byRepository.get(formatRepoRef(repository).toLowerCase()) ?? null) : null;
}

/** The settings every view reads for this repository: `asOf` is its own moment. */
export function settingsFor(settings: ConfiguredSettings, repository: RepoRef | null): PulseSettings {
  return { ...settings, asOf: asOfFor(settings.asOf, repository) };
}
