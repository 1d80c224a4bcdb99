import { en } from 'zod/locales';
import type * as z from 'zod/mini';

/** A message checked against a webview protocol: the typed message, or why it was dropped. */
export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

// zod/mini has no messages of its own ("Invalid input" for everything): name the problem in English wherever this runs.
const inEnglish = en().localeError;

/** Validates a message that crossed between a webview and its host; `from` names the sender in the error. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, raw: unknown, from: string): ParseResult<T> {
  const parsed = schema.safeParse(raw, { error: inEnglish });
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : '?';
  return {
    ok: false,
    error: `invalid "${type}" message from the ${from} at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`,
  };
}
