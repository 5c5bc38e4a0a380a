/**
 * The fast reader (js-yaml events -> our plain tree) must give exactly what parseYamlText (the `yaml` package) gives,
 * spans included, or decline. Proven here on every corpus and conformance manifest, on mutated manifests (the fuzz
 * cases: NETLENS_FUZZ_CASES / NETLENS_FUZZ_SEED as in test/robustness/fuzz.test.ts) and on the shapes that led to each
 * of its rules. The benchmark checks the same on its generated workspaces.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { fastReadYamlText } from '../../server/src/engine/syntax/fastRead';
import { parseYamlText } from '../../server/src/engine/syntax/parse';
import { SHARED_ROOT, corpusTexts, manifestFilesUnder } from '../support/corpus';
import { mutate } from '../support/mutate';
import { Random } from '../support/random';
import * as fs from 'node:fs';

const CASES = Number(process.env['NETLENS_FUZZ_CASES'] ?? 2000) * 5;
const SEED = Number(process.env['NETLENS_FUZZ_SEED'] ?? 20261126);

/** 'same' when the fast reader answered and agrees, 'declined' when it left the text to `yaml`; throws otherwise. */
function compare(text: string, what: string): 'same' | 'declined' {
  const fast = fastReadYamlText(text);
  if (fast === null) return 'declined';
  assert.deepStrictEqual(fast, parseYamlText(text), `${what}: the fast reader differs from parseYamlText`);
  return 'same';
}

test('every corpus and conformance manifest: the same tree as parseYamlText, and most are answered', () => {
  const files = [...new Set([...corpusTexts().map((c) => c.file), ...manifestFilesUnder(path.join(SHARED_ROOT, 'conformance'))])];
  let answered = 0;
  for (const file of files) if (compare(fs.readFileSync(file, 'utf8'), file) === 'same') answered++;
  // At the time of writing 188 of 193 real files are answered: the rest have indented comments after a collection's
  // last item. Far fewer would mean the reader has stopped doing its job.
  assert.ok(answered >= files.length * 0.85, `the fast reader answered only ${answered} of ${files.length} files`);
});

test(`${CASES} mutated manifests: the fast reader agrees with parseYamlText or declines`, () => {
  const corpus = corpusTexts();
  const random = new Random(SEED);
  let answered = 0;
  for (let i = 0; i < CASES; i++) {
    const base = random.pick(corpus);
    let text = base.text;
    const mutations = 1 + random.int(4);
    for (let m = 0; m < mutations; m++) text = mutate(text, random);
    if (compare(text, `case ${i} (seed ${SEED}, from ${base.file})`) === 'same') answered++;
  }
  // Most mutations break the YAML (then `yaml` must word the error), but a fair share stay valid.
  assert.ok(answered >= CASES * 0.1, `only ${answered} of ${CASES} mutated manifests were answered`);
});

/** Shapes the fast reader answers: each one once gave a different span or value before the rule that handles it. */
const ANSWERED: Record<string, string> = {
  'block map and sequence': 'a: b\nc:\n  - x  # hi\n  - "y"\nd: {}\ne:\n',
  'flow JSON': '[{"a": 1}, {"b": [2]}]\n',
  'compact sequence in a map': 'a:\n- x\n- y\n',
  'empty value then more': 'a:   \nb: 1',
  'empty value with a comment': 'a:   # c\nb: 1',
  'document ends on an empty value': 'apiVersion: v1\nkind: Pod\nmetadata:\n',
  'nested empty last value': 'a:\n  b:\n',
  'block scalar, clip': 'a: |\n  x\n\n\nb: 1\n',
  'block scalar, keep': 'a: |+\n  x\n\n\nb: 1\n',
  'block scalar, strip': 'a: |-\n  x\n\n\nb: 1\n',
  'folded block scalar': 'a: >\n  x\n  y\n\nb: 1\n',
  'block scalar as a sequence item': 'a:\n- |\n  x\n- y\n',
  'block scalar last in a nested map': 'a:\n  b: |\n    x\n\n  c: 1\n',
  'CRLF line breaks': 'a: 1\r\n---\r\nb:\r\n  c: |\r\n    x\r\n  d: 2\r\n',
  'documents': '# c\n---\na: 1\n---\nb: 2\n',
  'leading comment before the first document': '# licence\n# more\napiVersion: v1\nkind: Namespace\n',
  'trailing document marker': 'a: 1\n---\nb: 2\n---\n',
  'double document marker': 'a: 1\n---\n---\nb: 1\n',
  'comments at column 0 after the last item': 'a:\n  - x\n# c\n# d\n',
  'YAML 1.2 core values': 'k: 0x1F\nn: .inf\nm: -.Inf\no: 0o17\np: 1e3\nq: +1\nr: 007\ns: Yes\nt: ~\nu: NULL\nv: 1_000\nw: 1.50\nx: 12345678901234567890\ny: true\nz: -0\n',
  'quoted escapes': `a: "tab\\tnewline\\n\\u00e9"\nb: 'it''s'\nc: ""\n`,
  'numeric keys': '80: http\n"443": https\n',
  'flow mapping with an empty value': 'a: {b: c, d: }\n',
  'multi-line flow sequence': 'a: [1, 2,\n  3]\n',
  'multi-line plain scalar': 'a: one\n  two\n',
  'multi-line plain scalar in a sequence': 'a:\n  - one\n    two\n\n    three\n  - x\n',
  'multi-line quoted scalars': 'a: "one\n  two \\\n  three"\nb: \'x\n\n  y\'\n',
};

/** Shapes it leaves to `yaml`. */
const DECLINED: Record<string, string> = {
  'syntax error': 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n',
  'duplicate key': 'a: 1\na: 2\n',
  'keys equal by value': 'a:\n  1: x\n  01: y\n',
  'boolean keys equal by value': 'true: x\nTrue: y\n',
  anchor: 'a: &x 1\nb: 2\n',
  alias: 'a: &x 1\nb: *x\n',
  'merge key': 'base: &b {x: 1}\nc:\n  <<: *b\n',
  tag: 'a: !!str 1\n',
  'explicit key': '? a\n: 1\n',
  'empty explicit key in a flow sequence': 'a: [? ]\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'byte order mark': '\ufeffa: 1\n',
  'byte order mark at the start of a later document': 'a: 1\n---\n\ufeffb: 2\n',
  tab: 'a:\t1\n',
  template: 'a: {{ .Values.x }}\n',
  'multi-line quoted scalar at column 0': "a: 'one\ntwo'\n",
  'multi-line plain scalar not indented beyond its map': 'a:\n  b: one\n  two\n',
  'multi-line key': '"a\n b": 1\n',
  'spaces before a line break in a quoted scalar': "a: 'one \n  two'\n",
  'empty sequence item': '- a\n-\n- c\n',
  'comment-only document between markers': 'a: 1\n---\n# c\n---\nb: 1\n',
  'indented comment after the last item': 'a:\n  - name: x\n    #image: y\n---\nb: 1\n',
  'commented-out items after the last one, at its indentation': 'env:\n  - name: A\n    value: "1"\n  # - name: B\n  #   value: "2"\nresources: {}\n',
  'comment after an empty last value': 'a:\n  - from:\n#    - x\n',
  'content on a document marker line': '--- route:\n    - x\n',
  'document end marker': 'a: 1\n...\n',
  'document marker glued to a comment': '---#c\na: 1\n',
  'key over 1024 characters': `${'k'.repeat(1100)}: v\n`,
  'lone carriage return': 'a: x\rb: y\n',
  'comment glued to a flow collection': 'a: {}#\nb: 1\n',
  'comment glued to a quoted scalar': 'a: "x"#\nb: 1\n',
  'block scalar ending in a line of spaces': 'a: >-\n x\n  \nb: 1\n',
  'flow sequence closed at column 0 inside a block map': 'a:\n  b: ["x",\n"y"\n]\n',
  'a scalar document': 'just text\n',
  'empty text': '',
  'block scalar at the end of a text without a final line break': 'a: |\n  x  ',
  // From np-guard's anp_with_banp_new_test/anps.yaml: `yaml` puts the empty value after the spaces, not after `---`.
  'trailing document marker followed by spaces': 'a: 1\r\n---    ',
  'trailing document marker followed by spaces and a line break': 'a: 1\n---  \n',
};

test('shapes the fast reader answers give the same tree as parseYamlText', () => {
  for (const [what, text] of Object.entries(ANSWERED)) assert.equal(compare(text, what), 'same', `${what} was declined`);
});

test('shapes the fast reader leaves to parseYamlText', () => {
  for (const [what, text] of Object.entries(DECLINED)) assert.equal(compare(text, what), 'declined', `${what} was answered`);
});
