/**
 * Attaches the `reasons` map the report promises: one entry per null figure, saying why there is no
 * number. A null without a reason is a bug in the metric, so it throws rather than ship a silent gap.
 */
export function explainNulls<T extends object>(figures: T, why: Partial<Record<keyof T & string, string>>): T & { reasons: Record<string, string> } {
  const reasons: Record<string, string> = {};
  for (const [key, value] of Object.entries(figures)) {
    if (value !== null) continue;
    const reason = why[key as keyof T & string];
    if (reason === undefined) throw new Error(`metric figure "${key}" is null and no reason was given`);
    reasons[key] = reason;
  }
  return { ...figures, reasons };
}

export const NO_MAINTAINER_KNOWN =
  'no maintainer known: the data names no OWNER, MEMBER or COLLABORATOR (imported files often lack authorAssociation); pass --maintainers';

export const NOBODY_POSTED = 'nobody posted in the window';
