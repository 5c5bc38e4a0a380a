/**
 * The guard every writer passes (fixes/yamlGuard.ts): generated text and edited files must read back as exactly the
 * data meant; anything else is refused with a reason. Here the guard is given wrong texts on purpose.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeOfDocuments } from '../../server/src/engine/fixes/generatedOutput';
import { verifyEdits, verifyGenerated, type IntendedEdit } from '../../server/src/engine/fixes/yamlGuard';
import { commentLine, renderComments, renderDocuments } from '../../server/src/engine/fixes/yamlRender';
import { workspaceOf } from './support';

const POLICY = { kind: 'NetworkPolicy', spec: { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] } };

test('generated text: accepted when it reads back as the documents, refused otherwise', () => {
  assert.equal(verifyGenerated(renderDocuments([POLICY, { kind: 'B' }]), [POLICY, { kind: 'B' }]), undefined);
  assert.match(verifyGenerated('kind: NetworkPolicy\nspec:\n  ingress:\n    - {}\n    - from: [{podSelector: {matchLabels: {app: web}}}]\n', [POLICY]) ?? '', /document 1 reads back differently as YAML 1.2 at spec\.ingress/);
  assert.match(verifyGenerated('kind: A\n---\nkind: B\n', [{ kind: 'A' }]) ?? '', /reads as 2 document\(s\) in YAML 1\.2, 1 intended/);
  assert.match(verifyGenerated('a: yes\n', [{ a: 'yes' }]) ?? '', /reads back differently as YAML 1\.1 at a/);
  assert.match(verifyGenerated('a: &x [1]\nb: *x\n', [{ a: [1], b: [1] }]) ?? '', /cannot be read back/);
  assert.match(verifyGenerated('# note\u0085a: 1\nb: 2\n', [{ b: 2 }]) ?? '', /raw U\+0085/);
  assert.match(verifyGenerated('a: "x\u2028y"\n', [{ a: 'x\u2028y' }]) ?? '', /raw U\+2028/);
  assert.match(verifyGenerated('a: [1\n', [{ a: [1] }]) ?? '', /does not parse as YAML 1\.2/);
});

test('comment lines: no manifest string ends a comment line', () => {
  for (const text of ['a\nb', 'a\rb', 'a\r\nb', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a\u000bb', 'a\u000cb', 'a\u001bb', 'a\u202eb', '\ufeffa']) {
    const line = commentLine(text);
    assert.ok(!/[\n\r\u2028\u2029\u0085\u000b\u000c\u001b\u202e\ufeff]/.test(line), JSON.stringify(line));
  }
  assert.equal(commentLine('path /x\n    - {}'), 'path /x\\n    - {}');
  assert.equal(commentLine('a\u2028b'), 'a\\u2028b');
  assert.equal(commentLine('x'.repeat(3000)), `${'x'.repeat(1000)}… (2000 more characters)`);
  assert.equal(renderComments(['one', '', 'two\nthree']), '# one\n#\n# two\\nthree\n');
});

const FILE = 'kind: A\nspec:\n  list: [x]\n  name: old\n---\nkind: B\n';

function edit(span: [number, number], newText: string, intent: IntendedEdit['intent']): IntendedEdit {
  return { span: { start: span[0], end: span[1] }, newText, intent };
}

const LIST = { start: FILE.indexOf('[x]'), end: FILE.indexOf('[x]') + 3 };
const SPEC = { start: FILE.indexOf('list'), end: FILE.indexOf('---') };

test('edits: accepted when the edited object is the object before with exactly the intended change', () => {
  const at = FILE.indexOf('x]') + 1;
  assert.equal(verifyEdits(FILE, [edit([at, at], ', z', { kind: 'append', seq: LIST, value: 'z' })]), undefined);
  // `y` is true to a YAML 1.1 reader: written plain, it is not the string meant.
  assert.match(verifyEdits(FILE, [edit([at, at], ', y', { kind: 'append', seq: LIST, value: 'y' })]) ?? '', /YAML 1\.1\) at spec\.list\[1\]/);
  const name = FILE.indexOf('old');
  assert.equal(verifyEdits(FILE, [edit([name, name + 3], 'new', { kind: 'set', at: { start: name, end: name + 3 }, value: 'new' })]), undefined);
  assert.equal(verifyEdits(FILE, [edit([FILE.length, FILE.length], '---\nkind: C\n', { kind: 'appendDocuments', values: [{ kind: 'C' }] })]), undefined);
});

test('edits: refused when they change more or other than they say', () => {
  const at = FILE.indexOf('x]') + 1;
  // One more item than meant.
  assert.match(verifyEdits(FILE, [edit([at, at], ', z, {}', { kind: 'append', seq: LIST, value: 'z' })]) ?? '', /would not read back as intended/);
  // A key that was not meant (an injected line).
  const end = FILE.indexOf('---');
  assert.match(verifyEdits(FILE, [edit([end, end], '  extra: true\n', { kind: 'setKey', map: SPEC, key: 'other', value: 1 })]) ?? '', /would not read back as intended/);
  // A document that was not meant.
  assert.match(verifyEdits(FILE, [edit([at, at], ', z]\n---\nkind: Evil\nx: [', { kind: 'append', seq: LIST, value: 'z' })]) ?? '', /document\(s\)/);
  // Another document changed besides the one meant.
  const b = FILE.indexOf('kind: B');
  const name = FILE.indexOf('old');
  assert.match(
    verifyEdits(FILE, [edit([name, name + 3], 'new', { kind: 'set', at: { start: name, end: name + 3 }, value: 'new' }), edit([b, b + 7], 'kind: C', { kind: 'set', at: { start: name, end: name + 3 }, value: 'new' })]) ?? '',
    /changes another document of the file \(document 2/,
  );
  // A raw NEL inserted.
  assert.match(verifyEdits(FILE, [edit([at, at], ', "y\u0085"', { kind: 'append', seq: LIST, value: 'y\u0085' })]) ?? '', /raw U\+0085/);
  // A span that is no node.
  assert.match(verifyEdits(FILE, [edit([at, at], ', z', { kind: 'append', seq: { start: 1, end: 3 }, value: 'z' })]) ?? '', /does not point at a node/);
});

test('generated files and appended documents that do not read back as their objects are not written', () => {
  const ws = workspaceOf(new Map([['app.yaml', 'kind: A\n']]));
  const document = { namespace: 'shop', file: 'new.yaml', append: false, text: 'kind: B\n---\nkind: Evil\n', objects: [{ kind: 'B' }], policies: [] };
  assert.match(String((changeOfDocuments(ws.ctx, [document]) as { error: string }).error), /new\.yaml is not written: it reads as 2 document\(s\)/);
  const appended = { ...document, file: 'app.yaml', append: true };
  assert.match(String((changeOfDocuments(ws.ctx, [appended]) as { error: string }).error), /nothing is appended: the edited file reads as 3 document\(s\)/);
  const fine = changeOfDocuments(ws.ctx, [{ ...appended, text: 'kind: B\n' }]);
  assert.ok('change' in fine && fine.change.edits[0]!.newText === '---\nkind: B\n');
});
