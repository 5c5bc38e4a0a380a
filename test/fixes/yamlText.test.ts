/** The text-level pieces fixes are built from: quoting, style detection, insertions, CRLF files, diffs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unifiedDiff } from '../../server/src/cli/commands/fix';
import { applyEdits } from '../../server/src/engine/fixes/types';
import { addPair, appendDocuments, appendItem, detectStyle, mapAt, objectNodeIn, removePair, pathPair, seqAt } from '../../server/src/engine/fixes/yamlEdit';
import { commented, renderBlock, renderDocument, renderFlow, renderScalar } from '../../server/src/engine/fixes/yamlRender';
import { parseYamlText } from '../../server/src/engine/syntax/parse';

test('scalars are quoted whenever a YAML 1.1 or 1.2 reader would read something else', () => {
  const cases: [unknown, string][] = [
    ['web', 'web'],
    ['kubernetes.io/metadata.name', 'kubernetes.io/metadata.name'],
    ['10.225.0.0/24', '10.225.0.0/24'],
    ['https://kv.vault.azure.net/certificates/x', 'https://kv.vault.azure.net/certificates/x'],
    ['5672', '"5672"'],
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['~', '"~"'],
    ['0777', '"0777"'],
    ['1e3', '"1e3"'],
    ['2024-12-01', '"2024-12-01"'],
    ['*.example.com', '"*.example.com"'],
    ['a b', 'a b'],
    ['', '""'],
    ['key:', '"key:"'],
    [53, '53'],
    [true, 'true'],
  ];
  for (const [value, text] of cases) assert.equal(renderScalar(value), text, String(value));
});

test('block and flow rendering, with comment lines before items', () => {
  const value = { a: 1, list: [commented(['why', '  more'], { to: [{ podSelector: {} }], ports: [] }), 'x'], empty: {} };
  assert.equal(
    renderBlock(value, { indent: 2, indentSeq: true }),
    `a: 1
list:
  # why
  #   more
  - to:
      - podSelector: {}
    ports: []
  - x
empty: {}`,
  );
  // The yaml package sets a flush sequence two columns in from its key's indentation step: still valid, and
  // nested maps keep the file's step.
  assert.equal(
    renderBlock({ a: { b: { c: [{ d: 1 }] } } }, { indent: 4, indentSeq: false }),
    `a:
    b:
        c:
          - d: 1`,
  );
  assert.equal(renderFlow(value), '{a: 1, list: [{to: [{podSelector: {}}], ports: []}, x], empty: {}}');
  assert.equal(renderDocument({ kind: 'A' }), 'kind: A\n');
});

test('style detection: indentation step and whether sequences sit under their key', () => {
  assert.deepEqual(detectStyle('a:\n  b:\n  - x\n  c:\n  - y\n'), { indent: 2, indentSeq: false });
  assert.deepEqual(detectStyle('a:\n    b:\n        - x\n'), { indent: 4, indentSeq: true });
  assert.deepEqual(detectStyle(''), { indent: 2, indentSeq: true });
});

test('insertions keep comments, trailing comments and CRLF line ends', () => {
  const text = 'spec:\r\n  podSelector: {}   # all pods\r\n  policyTypes:\r\n    - Ingress   # only\r\n# trailing\r\n';
  const found = objectNodeIn(text, { start: 0, end: text.length })!;
  const style = detectStyle(text);
  const item = appendItem(text, seqAt(found.node, ['spec', 'policyTypes'])!, 'Egress', style);
  assert.equal(applyEdits(text, [item]), 'spec:\r\n  podSelector: {}   # all pods\r\n  policyTypes:\r\n    - Ingress   # only\r\n    - Egress\r\n# trailing\r\n');
  const pair = addPair(text, mapAt(found.node, ['spec'])!, 'egress', [{ to: [] }], style);
  assert.equal(applyEdits(text, [pair]), 'spec:\r\n  podSelector: {}   # all pods\r\n  policyTypes:\r\n    - Ingress   # only\r\n  egress:\r\n    - to: []\r\n# trailing\r\n');
  const first = addPair(text, mapAt(found.node, ['spec'])!, 'ingressClassName', 'x', style, { first: true });
  assert.equal(applyEdits(text, [first]).split('\r\n')[1], '  ingressClassName: x');
  const removed = pathPair(found.node, ['spec', 'policyTypes'])!;
  assert.equal(applyEdits(text, [removePair(text, removed.map, removed.pair)]), 'spec:\r\n  podSelector: {}   # all pods\r\n# trailing\r\n');
  assert.equal(applyEdits(text, [appendDocuments(text, [{ kind: 'B' }])]), `${text}---\r\nkind: B\r\n`);
});

test('flow collections get flow text; a pair removed from a flow map takes its comma', () => {
  const text = 'spec: {podSelector: {}, policyTypes: [Ingress], ingress: []}\n';
  const root = parseYamlText(text).documents[0]!.root!;
  const found = objectNodeIn(text, { start: root.start, end: root.end })!;
  assert.equal(applyEdits(text, [appendItem(text, seqAt(found.node, ['spec', 'policyTypes'])!, 'Egress', detectStyle(text))]), 'spec: {podSelector: {}, policyTypes: [Ingress, Egress], ingress: []}\n');
  assert.equal(applyEdits(text, [appendItem(text, seqAt(found.node, ['spec', 'ingress'])!, { from: [] }, detectStyle(text))]), 'spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{from: []}]}\n');
  const ingress = pathPair(found.node, ['spec', 'ingress'])!;
  assert.equal(applyEdits(text, [removePair(text, ingress.map, ingress.pair)]), 'spec: {podSelector: {}, policyTypes: [Ingress]}\n');
  const types = pathPair(found.node, ['spec', 'policyTypes'])!;
  assert.equal(applyEdits(text, [removePair(text, types.map, types.pair)]), 'spec: {podSelector: {}, ingress: []}\n');
});

test('appending documents: no doubled separator, a missing final newline added', () => {
  assert.equal(applyEdits('kind: A', [appendDocuments('kind: A', [{ kind: 'B' }])]), 'kind: A\n---\nkind: B\n');
  assert.equal(applyEdits('kind: A\n---\n', [appendDocuments('kind: A\n---\n', [{ kind: 'B' }])]), 'kind: A\n---\nkind: B\n');
  assert.equal(applyEdits('', [appendDocuments('', [{ kind: 'B' }])]), 'kind: B\n');
});

test('unified diffs: hunks with three lines of context, separate hunks far apart, no newline at end marked', () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n');
  assert.equal(
    unifiedDiff('f.yaml', before, after),
    `--- a/f.yaml
+++ b/f.yaml
@@ -1,5 +1,5 @@
 line 1
-line 2
+line two
 line 3
 line 4
 line 5
@@ -15,6 +15,6 @@
 line 15
 line 16
 line 17
-line 18
+line eighteen
 line 19
 line 20
`,
  );
  assert.equal(unifiedDiff('f', 'a\nb', 'a\nc'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  assert.equal(unifiedDiff('f', 'same\n', 'same\n'), '');
});

test('flow collections of every shape get new items and keys after their last item (trailing commas, comments, empty, nested)', () => {
  const cases: [string, string[], 'seq' | 'map', string][] = [
    ['x: [a, ]\n', ['x'], 'seq', 'x: [a, b, ]\n'],
    ['x: [a,]\n', ['x'], 'seq', 'x: [a, b,]\n'],
    ['x: []\n', ['x'], 'seq', 'x: [b]\n'],
    ['x: [ ]  # none\n', ['x'], 'seq', 'x: [b ]  # none\n'],
    ['x: [\n  a, # first\n]\n', ['x'], 'seq', 'x: [\n  a, b, # first\n]\n'],
    ['x: [\n  a\n  ,\n]\n', ['x'], 'seq', 'x: [\n  a, b\n  ,\n]\n'],
    ['x: {y: [a, ], }\n', ['x', 'y'], 'seq', 'x: {y: [a, b, ], }\n'],
    ['x: {a: 1, }\n', ['x'], 'map', 'x: {a: 1, k: v, }\n'],
    ['x: {}\n', ['x'], 'map', 'x: {k: v}\n'],
    ['x: { # empty\n}\n', ['x'], 'map', 'x: {k: v # empty\n}\n'],
    ['x: {a: {b: 1}, }\n', ['x'], 'map', 'x: {a: {b: 1}, k: v, }\n'],
  ];
  for (const [text, path, kind, expected] of cases) {
    const root = parseYamlText(text).documents[0]!.root!;
    const found = objectNodeIn(text, { start: root.start, end: root.end })!;
    const edit = kind === 'seq' ? appendItem(text, seqAt(found.node, path)!, 'b', detectStyle(text)) : addPair(text, mapAt(found.node, path)!, 'k', 'v', detectStyle(text));
    const after = applyEdits(text, [edit]);
    assert.equal(after, expected, JSON.stringify(text));
    assert.deepEqual(parseYamlText(after).issues, [], after);
  }
  // A pair removed from a flow map with a trailing comma keeps the map valid.
  const text = 'x: {a: 1, b: 2, }\n';
  const found = objectNodeIn(text, { start: 0, end: text.length })!;
  const b = pathPair(found.node, ['x', 'b'])!;
  assert.equal(applyEdits(text, [removePair(text, b.map, b.pair)]), 'x: {a: 1, }\n');
});
