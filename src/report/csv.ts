import type { DiscussionRow } from '../community/metrics/discussionRows';
import { DISCUSSION_FIGURES } from './figures';

const COLUMNS = [
  'number',
  'title',
  'url',
  'author',
  'category',
  'created',
  DISCUSSION_FIGURES.firstResponse.csvColumn,
  DISCUSSION_FIGURES.firstMaintainerResponse.csvColumn,
  'answered',
  DISCUSSION_FIGURES.timeToAnswer.csvColumn,
  DISCUSSION_FIGURES.people.csvColumn,
  DISCUSSION_FIGURES.ties.csvColumn,
] as const;

/**
 * The per-discussion rows as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break), for a spreadsheet. Text that a spreadsheet would run as a formula (starting
 * with = + - @) gets a leading apostrophe. An empty cell is "none by until" (or, for the maintainer
 * column, possibly "no maintainer known").
 */
export function renderCsv(rows: readonly DiscussionRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.number,
        row.title,
        row.url,
        row.author,
        row.category,
        new Date(row.createdAt).toISOString(),
        row.firstResponseSeconds,
        row.firstMaintainerResponseSeconds,
        row.answered,
        row.timeToAnswerSeconds,
        row.people,
        row.ties,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  // A title such as "=HYPERLINK(…)" must stay text in a spreadsheet: a leading apostrophe keeps it so.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
