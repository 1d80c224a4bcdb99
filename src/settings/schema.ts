import * as z from 'zod';
import type { RepoRef } from '../github/contracts';
import { parseRepoRef } from '../repository/repoRef';

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
}

export const SETTINGS_SECTION = 'communityPulse';

const logins = z.array(z.string().trim().min(1, 'a login cannot be empty'));

const SETTING_SCHEMAS = {
  apiUrl: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://api.github.com' })
    .transform((url) => url.replace(/\/+$/, '')),
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
} satisfies { [K in keyof PulseSettings]: z.ZodType<PulseSettings[K]> };

export const DEFAULT_SETTINGS: PulseSettings = {
  apiUrl: 'https://api.github.com',
  repository: null,
  maintainers: [],
  ignoreUsers: [],
  staleDays: 7,
  responseTargetHours: 48,
  autoSyncMinutes: 30,
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
        `Setting ${SETTINGS_SECTION}.${key} is invalid (${reason}; got ${JSON.stringify(value)}); using the default ${JSON.stringify(DEFAULT_SETTINGS[key])} instead.`,
      );
    }
  }
  return { settings: settings as unknown as PulseSettings, problems };
}
