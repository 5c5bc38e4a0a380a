/**
 * util/markdown.ts against a real CommonMark parser: whatever the value, `code` renders as one code span holding the
 * value (control characters shown as escapes) and `escapeText` as exactly the value's characters, with no link, image,
 * HTML or block made from it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneLine, visibleControls } from '../../server/src/engine/util/displayText';
import { code, escapeMessage, escapeText, linkDestination } from '../../server/src/engine/util/markdown';
import { Random } from '../support/random';
import { assertInert, renderMarkdown } from '../support/renderedMarkdown';

const HOSTILE = [
  '/![x](https://attacker.example/beacon.png)[Click to fix](https://attacker.example/phish)',
  '`', '``', 'a`b', '`a', 'a`', '` a `', 'a``b```c', '```', ' ', '  ', ' a', 'a ', ' a ', '  a  ',
  '<img src="https://attacker.example/i.png">', '<script>alert(1)</script>', '&lt;b&gt; &amp; &#60;',
  'https://attacker.example/auto', 'www.attacker.example', 'evil@attacker.example', 'mailto:evil@attacker.example',
  'x\n\n# Owned\n<img src=x>\n- [link](https://attacker.example)', 'a\r\nb', 'line\u2028sep\u2029para', 'tab\there',
  '\u001b[2K\r\u001b[32mall good', '\u202Eevil\u202C', 'a | b |\n|---|---|', '*em* _em_ **strong** ~~del~~',
  '[ref]: https://attacker.example', '\\`not escaped\\`', '1. item', '# heading', '> quote', '---', '    indented',
  '$(alert) ${x}', '{{ .Values.x }}', '"quoted" \'single\'', 'trailing\\', 'ünïcödé 🙂 名前',
];

function render(markdown: string) {
  return assertInert(`Before ${markdown} after.`);
}

test('code: one code span holding the value, whatever backticks, spaces, HTML or links it holds', () => {
  for (const value of HOSTILE) {
    const rendered = render(code(value));
    assert.deepEqual(rendered.codeSpans, [visibleControls(value)], JSON.stringify(value));
  }
});

test('escapeText: renders as exactly the characters written, and nothing active', () => {
  for (const value of HOSTILE) {
    const rendered = render(escapeText(value));
    assert.equal(rendered.text, `Before ${visibleControls(value)} after.`, JSON.stringify(value));
    assert.deepEqual(rendered.codeSpans, []);
  }
});

test('random strings over markdown\'s special characters: code and escapeText round-trip through the parser', () => {
  const random = new Random(14);
  const alphabet = ['`', '`', ' ', '\\', '[', ']', '(', ')', '!', '<', '>', '*', '_', '&', '#', '|', '~', ':', '/', '.', '@', 'a', 'w', 'h', '\n', '-', '1', '"', "'", ';', '=', '{', '}'];
  for (let i = 0; i < 3000; i++) {
    let value = '';
    const length = 1 + random.int(24);
    for (let j = 0; j < length; j++) value += alphabet[random.int(alphabet.length)];
    assert.deepEqual(render(code(value)).codeSpans, [visibleControls(value)], JSON.stringify(value));
    assert.equal(render(escapeText(value)).text, `Before ${visibleControls(value)} after.`, JSON.stringify(value));
  }
});

test('long values are cut: a megabyte becomes a few hundred characters that say how much was left out', () => {
  const value = 'v'.repeat(1_000_000);
  assert.equal(code(value), `\`${'v'.repeat(256)}\`… (999744 more characters)`);
  assert.equal(escapeText(value).length, 256 + '… (999744 more characters)'.length + 2);
  assert.ok(escapeMessage('m'.repeat(5000)).startsWith('m'.repeat(1000) + '… \\(4000 more'));
  // Never inside a surrogate pair.
  assert.equal(oneLine('🙂'.repeat(300)), `${'🙂'.repeat(256)}… (44 more characters)`);
});

test('control characters become visible escapes; an empty value is shown as empty', () => {
  assert.equal(oneLine('a\nb\rc\td\u001be\u0085f\u2028g\u202Eh\u0000'), 'a\\nb\\rc\\td\\x1Be\\x85f\\u2028g\\u202Eh\\x00');
  assert.equal(code(''), '*(empty)*');
});

test('linkDestination: with the text escaped, the text shown as written, one link to the destination percent-encoded, nothing else active', () => {
  for (const value of HOSTILE) {
    const rendered = renderMarkdown(`Before [${escapeText(value)}:3](${linkDestination(`w/${value}#L3`)}) after.`);
    assert.equal(rendered.text, `Before ${visibleControls(`${value}:3`)} after.`, JSON.stringify(value));
    assert.equal(rendered.links.length, 1, JSON.stringify(value));
    assert.deepEqual({ images: rendered.images, html: rendered.html, blocks: rendered.blocks }, { images: [], html: [], blocks: [] }, JSON.stringify(value));
  }
  // The destination is the URI given: its escapes kept, what a URI may not hold encoded, the line after `#L`.
  const file = 'file:///w/a%20b/x (1)&amp;<y>`.yaml';
  const href = linkDestination(`${file}#L3`);
  assert.equal(href, 'file:///w/a%20b/x%20%281%29%26amp;%3Cy%3E%60.yaml#L3');
  assert.equal(decodeURIComponent(href), 'file:///w/a b/x (1)&amp;<y>`.yaml#L3');
});
