/**
 * Escapes text from GitHub (titles, logins) for a MarkdownString: every ASCII punctuation character that
 * markdown could read as syntax gets a backslash (CommonMark allows escaping any of them). Unlike
 * MarkdownString.appendText, spaces stay spaces, so long tooltip lines still wrap.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:=]/g, '\\$&').replace(/\r?\n/g, ' ');
}
