import { strict as assert } from 'node:assert';
import { escapeMarkdown } from '../../../src/views/markdownEscape';

describe('escapeMarkdown', () => {
  it('neutralizes links, images, emphasis, HTML and headings in untrusted text', () => {
    const hostile = '# [click](command:workbench.action.terminal.new) ![x](http://e/x.png) **b** <img src=x> `c`';
    const escaped = escapeMarkdown(hostile);
    assert.equal(escaped.replace(/\\(.)/g, '$1'), hostile, 'unescaping gives back the text');
    const unescaped = escaped.replace(/\\./g, '');
    assert.doesNotMatch(unescaped, /[[\]()!*<>`#]/, 'no markdown or HTML syntax character is left unescaped');
  });

  it('keeps spaces so lines wrap, and folds newlines', () => {
    assert.equal(escapeMarkdown('a b\nc'), 'a b c');
  });
});
