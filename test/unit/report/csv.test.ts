import * as assert from 'node:assert/strict';
import type { DiscussionRow } from '../../../src/community/metrics/discussionRows';
import { renderCsv } from '../../../src/report/csv';

const HEADER = 'number,title,url,author,category,created,first_response_seconds,first_maintainer_response_seconds,answered,time_to_answer_seconds,people,ties';
const URL_CELL = 'https://github.com/octo/repo/discussions/7';

function row(overrides: Partial<DiscussionRow> = {}): DiscussionRow {
  return {
    number: 7,
    title: 'How do I deploy?',
    url: URL_CELL,
    author: 'alice',
    category: 'Q&A',
    createdAt: Date.UTC(2024, 0, 2, 3, 4, 5),
    firstResponseSeconds: 3_600,
    firstMaintainerResponseSeconds: null,
    answered: false,
    timeToAnswerSeconds: null,
    people: 2,
    ties: 1,
    ...overrides,
  };
}

/** The one data line after the header. */
const lineOf = (overrides: Partial<DiscussionRow>) => renderCsv([row(overrides)]).split('\r\n')[1]!;

/** The title cell as written, between the number and the url. */
function titleCell(title: string): string {
  const line = lineOf({ title });
  return line.slice('7,'.length, line.indexOf(`,${URL_CELL}`));
}

describe('report CSV', () => {
  it('writes a header and one CRLF-ended line per discussion, an empty cell for a figure that is missing', () => {
    assert.equal(
      renderCsv([row(), row({ number: 8, category: null, answered: true, timeToAnswerSeconds: 90.5, firstMaintainerResponseSeconds: 60, people: 1, ties: 0 })]),
      [
        HEADER,
        `7,How do I deploy?,${URL_CELL},alice,Q&A,2024-01-02T03:04:05.000Z,3600,,false,,2,1`,
        `8,How do I deploy?,${URL_CELL},alice,,2024-01-02T03:04:05.000Z,3600,60,true,90.5,1,0`,
        '',
      ].join('\r\n'),
    );
    assert.equal(renderCsv([]), `${HEADER}\r\n`);
  });

  it('quotes a cell holding a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    assert.equal(titleCell('a, b'), '"a, b"');
    assert.equal(titleCell('say "hi"'), '"say ""hi"""');
    assert.equal(titleCell('two\nlines'), '"two\nlines"');
    assert.equal(titleCell('one\rline'), '"one\rline"');
  });

  it('keeps text a spreadsheet would run as a formula as text, with a leading apostrophe', () => {
    for (const title of ['=SUM(A1:A9)', '+1', '-1', '@cmd', '\t=1']) assert.equal(titleCell(title), `'${title}`, JSON.stringify(title));
    // A leading carriage return too: defused, then quoted for the line break.
    assert.equal(titleCell('\r=1'), `"'\r=1"`);
    // Every text cell, not only the title.
    assert.match(lineOf({ author: '=evil', category: '@home' }), /,'=evil,'@home,/);
  });

  it('leaves alone text holding those characters further on, and numbers', () => {
    assert.equal(titleCell('a=b - c + d @e'), 'a=b - c + d @e');
    assert.equal(titleCell(' =1'), ' =1');
    assert.match(lineOf({ answered: true, timeToAnswerSeconds: -5 }), /,true,-5,2,1$/);
  });
});
