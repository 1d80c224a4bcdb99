import { createHash } from 'node:crypto';
import type { DiscussionNode } from '../github/schemas';

/** A digest of everything stored about a discussion, independent of key order. */
export function contentFingerprint(node: DiscussionNode): string {
  return createHash('sha256').update(canonicalJson(node)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
