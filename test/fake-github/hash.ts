import { createHash } from 'node:crypto';

/** A short stable token for building node ids that stay unique across repositories. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url').replace(/[-_]/g, '').slice(0, 8);
}
