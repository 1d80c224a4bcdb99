/**
 * What every webview page of the extension (the dashboard, the Discussion tab) builds its HTML shell from: one
 * nonce per load, a Content-Security-Policy written as a list of directives, and attribute escaping for the
 * addresses VS Code hands over.
 */

/** 128 bits from a CSPRNG, base64: a nonce an attacker cannot guess. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The `content` of a CSP meta tag: directives joined as the header joins them. */
export function contentSecurityPolicy(directives: readonly string[]): string {
  return directives.join('; ');
}

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
