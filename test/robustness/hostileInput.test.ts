/**
 * Hostile input to the engine (issue 14): shapes written on purpose to crash, hang or fool the reader, the model and
 * the profile. Each test failed on the commit before the fix (a crash, a hang cut by the test's timeout, or a wrong
 * reading); none may depend on timing to pass, only to fail (a hang).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { importAksJson } from '../../server/src/engine/profile/importAks';
import { parseProfile } from '../../server/src/engine/profile/parseProfile';
import { profileFromSettings } from '../../server/src/engine/profile/fromSettings';
import { fastReadYamlText } from '../../server/src/engine/syntax/fastRead';
import { parseYamlText, MAX_NESTING } from '../../server/src/engine/syntax/parse';
import { closestName } from '../../server/src/engine/util/closestName';
import { decodeText, readRegularFile } from '../../server/src/io/readFile';
import { readManifest } from '../../server/src/io/scanFiles';

/** A hang fails the test instead of the suite. */
const BOUNDED = { timeout: 30000 };

function analyse(files: Record<string, string>): Analysis {
  const analysis = new Analysis({ onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${(error as Error).stack}`) });
  for (const [name, text] of Object.entries(files)) analysis.setFile(name, text);
  return analysis;
}

const SERVICE_WITHOUT_PODS = 'apiVersion: v1\nkind: Service\nmetadata: {name: lonely}\nspec: {selector: {app: nobody}, ports: [{port: 80}]}\n';

test('a List whose item aliases the List itself: one clear error, no crash, the other files still analysed', BOUNDED, () => {
  const analysis = analyse({
    'list.yaml': '&net\napiVersion: v1\nkind: List\nitems:\n  - *net\n',
    'other.yaml': SERVICE_WITHOUT_PODS,
  });
  const findings = analysis.allFindings();
  const list = findings.filter((f) => f.file === 'list.yaml');
  assert.deepEqual(list.map((f) => f.ruleId), ['yaml-syntax']);
  assert.match(list[0]!.message, /Alias \*net refers to a node that contains it/);
  assert.ok(findings.some((f) => f.file === 'other.yaml' && f.ruleId === 'service-selects-nothing'));
});

test('an alias cycle anywhere leaves an acyclic tree (every walk over it ends)', BOUNDED, () => {
  const parsed = parseYamlText('a: &m {b: [1, {c: *m}], d: &s [*s]}\n');
  assert.equal(parsed.issues.filter((i) => /contains it/.test(i.message)).length, 2);
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    assert.ok(depth < 50, 'the tree has a cycle');
    if (!node || typeof node !== 'object') return;
    seen.add(node);
    const n = node as { kind?: string; pairs?: { value: unknown }[]; items?: unknown[] };
    for (const pair of n.pairs ?? []) walk(pair.value, depth + 1);
    for (const item of n.items ?? []) walk(item, depth + 1);
  };
  walk(parsed.documents[0]!.root, 0);
});

test('a List alias bomb yields each object once, not once per path (9^6 paths here)', BOUNDED, () => {
  let text = 'apiVersion: v1\nkind: List\nitems:\n  - &l0 {apiVersion: v1, kind: ConfigMap, metadata: {name: leaf}}\n';
  for (let level = 1; level <= 6; level++) text += `  - &l${level} {apiVersion: v1, kind: List, items: [${Array(9).fill(`*l${level - 1}`).join(', ')}]}\n`;
  const analysis = analyse({ 'bomb.yaml': text });
  assert.equal([...analysis.index.all()].length, 1);
});

test(`nesting deeper than ${MAX_NESTING} levels: one clear error at the first level too deep, the other documents read`, BOUNDED, () => {
  for (const depth of [MAX_NESTING + 1, 1500, 20000]) {
    const prefix = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ';
    const deep = `${prefix}${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const parsed = parseYamlText(`${deep}---\n${SERVICE_WITHOUT_PODS}`);
    assert.deepEqual(parsed.issues.map((i) => i.message), [`Nesting deeper than ${MAX_NESTING} levels (maps and lists inside one another): this document is not read`]);
    // The document's map is level 1, so the first level too deep is the MAX_NESTING-th bracket.
    assert.equal(parsed.issues[0]!.span.start, prefix.length + MAX_NESTING - 1);
    assert.equal(parsed.documents.length, 2);
    assert.equal(parsed.documents[0]!.root, null);
    assert.equal(parsed.documents[1]!.root?.kind, 'map');
  }
  // At the limit: read.
  const ok = parseYamlText(`a: ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n`);
  assert.deepEqual(ok.issues, []);
  // The fast reader answers the same or declines, on either side of the limit.
  for (const depth of [MAX_NESTING - 2, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1]) {
    for (const text of [`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, `a: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`]) {
      const fast = fastReadYamlText(text);
      if (fast) assert.deepEqual(fast, parseYamlText(text), `depth ${depth}`);
    }
  }
});

test('lone carriage returns are line breaks (as in YAML and the editors): no syntax error, same findings and lines as LF', BOUNDED, () => {
  const lf = analyse({ 'a.yaml': SERVICE_WITHOUT_PODS }).allFindings();
  const cr = analyse({ 'a.yaml': SERVICE_WITHOUT_PODS.replace(/\n/g, '\r') }).allFindings();
  assert.deepEqual(cr.map((f) => [f.ruleId, f.span]), lf.map((f) => [f.ruleId, f.span]));
  assert.deepEqual(cr.map((f) => f.ruleId), ['service-selects-nothing']);
});

test('duplicate keys: reported, and every reader takes the last value (name and selector alike)', BOUNDED, () => {
  const analysis = analyse({
    'dup.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: first\n  name: second\nspec:\n  selector: {app: a}\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: x}]}\n',
  });
  assert.equal(analysis.index.lookupAny('Service', 'default', 'second').length, 1, 'metadata.name reads the last value');
  assert.equal(analysis.index.lookupAny('Service', 'default', 'first').length, 0);
  const findings = analysis.allFindings();
  assert.ok(findings.some((f) => f.ruleId === 'yaml-syntax' && /unique/.test(f.message)));
  assert.ok(!findings.some((f) => f.ruleId === 'service-selects-nothing'), 'the selector reads the last value too (app: web)');
});

test('selector and label keys that are Object.prototype names are plain keys: no function body in a message, __proto__ kept', BOUNDED, () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: x}]}\n';
  const analysis = analyse({
    'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {toString: x, constructor: y, hasOwnProperty: z}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: p}\nspec: {selector: {__proto__: z}, ports: [{port: 80}]}\n',
    'web.yaml': deployment,
  });
  const findings = analysis.allFindings();
  for (const f of findings) assert.doesNotMatch(f.message, /native code|function /, f.message);
  // `{__proto__: z}` is a selector with one key, which no pod has (it used to vanish: a selector that selects all).
  const proto = findings.find((f) => f.ruleId === 'service-selects-nothing' && /Service `p`/.test(f.message));
  assert.ok(proto, JSON.stringify(findings.map((f) => f.message)));
  assert.match(proto.message, /__proto__=z/);
});

test('a 1 MB label value gives a bounded finding (ellipsis and length), fast: no quadratic did-you-mean', BOUNDED, () => {
  const value = 'a'.repeat(1_000_000);
  const analysis = analyse({
    'svc.yaml': `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: ${value}}, ports: [{port: 80}]}\n`,
    'web.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: ${value}b}}\n  template:\n    metadata: {labels: {app: ${value}b}}\n    spec: {containers: [{name: c, image: x}]}\n`,
  });
  const findings = analysis.allFindings();
  assert.ok(findings.length > 0);
  for (const f of findings) {
    assert.ok(f.message.length < 5000, `${f.ruleId}: ${f.message.length} characters`);
    for (const r of f.related) assert.ok(r.message.length < 5000);
  }
  assert.ok(findings.some((f) => /a{200,}… \(\d{6} more characters\)/.test(f.message)), findings.map((f) => f.message.slice(0, 300)).join('\n'));
  // The did-you-mean on such strings compares them for equality only.
  assert.equal(closestName(value, [`${value}b`]), undefined);
});

test('a profile with a self-alias: a clear profile error, no crash', BOUNDED, () => {
  const parsed = parseProfile('cluster: &c {networkModel: overlay, x: *c}\n');
  assert.ok(parsed.issues.some((i) => i.severity === 'error' && /contains it/.test(i.message)), JSON.stringify(parsed.issues));
});

test('a 400-byte alias bomb in .netlens.yaml: a clear error, bounded work', BOUNDED, () => {
  let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  text += 'cluster: {networkModel: overlay, podCidr: *i}\n';
  assert.ok(text.length < 600);
  const parsed = parseProfile(text);
  assert.ok(parsed.issues.some((i) => i.severity === 'error' && /more than 10000 values/.test(i.message)), JSON.stringify(parsed.issues.slice(0, 3)));
});

test('settings nested 100,000 deep or very wide: read without a stack overflow, an error for the excess', BOUNDED, () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 100000; i++) deep = { a: deep };
  assert.doesNotThrow(() => profileFromSettings({ cluster: { networkModel: 'overlay' }, other: deep }));
  const wide = profileFromSettings({ cluster: { networkModel: 'overlay' }, rules: Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [`r${i}`, 'off'])) });
  assert.ok(wide.issues.some((i) => /more than 10000 values/.test(i.message)));
});

test('an ARM template with a self-alias or aliased resources: an error or a bounded walk, never a crash', BOUNDED, () => {
  const cycle = importAksJson('&t {"resources": [{"type": "Microsoft.Network/virtualNetworks", "resources": *t}]}', 'arm.json');
  assert.ok(cycle.issues.some((i) => i.severity === 'error'), JSON.stringify(cycle.issues));
  // Resources whose nested `resources` alias the previous level, 9 wide and 9 deep: 9^9 paths, 10 distinct lists.
  let text = 'r0: &r0 [{type: Microsoft.Network/virtualNetworks, properties: {addressSpace: {addressPrefixes: [10.0.0.0/8]}}}]\n';
  for (let level = 1; level <= 9; level++) text += `r${level}: &r${level} [${Array(9).fill(`{type: x, resources: *r${level - 1}}`).join(', ')}]\n`;
  text += 'resources: *r9\n';
  const bomb = importAksJson(text, 'arm.json');
  assert.ok(bomb.issues.some((i) => /without a Microsoft.ContainerService\/managedClusters/.test(i.message)), JSON.stringify(bomb.issues));
});

test('UTF-16 with a byte order mark is decoded, as kubectl does; the same findings as UTF-8', BOUNDED, () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SERVICE_WITHOUT_PODS, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SERVICE_WITHOUT_PODS, 'utf16le').swap16()]);
  for (const bytes of [le, be]) {
    const decoded = decodeText(bytes);
    assert.ok('text' in decoded && decoded.text === SERVICE_WITHOUT_PODS);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-utf16-'));
  try {
    fs.writeFileSync(path.join(dir, 'le.yaml'), le);
    const read = readManifest(path.join(dir, 'le.yaml'));
    assert.ok('text' in read, JSON.stringify(read));
    assert.equal(read.encoding, 'utf16le');
    assert.deepEqual(analyse({ 'a.yaml': read.text }).allFindings().map((f) => f.ruleId), ['service-selects-nothing']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('only regular files are read, never past the limit, never blocking: FIFO, /dev/zero, a link, a directory', BOUNDED, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-special-'));
  try {
    const fifo = path.join(dir, 'fifo.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    assert.match(JSON.stringify(readRegularFile(fifo, { maxBytes: 1000 })), /not a regular file \(a FIFO\)/);
    assert.match(JSON.stringify(readRegularFile('/dev/zero', { maxBytes: 1000, followSymlink: true })), /not a regular file \(a character device\)/);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    assert.match(JSON.stringify(readRegularFile(path.join(dir, 'zero.yaml'), { maxBytes: 1000 })), /a symbolic link, not followed/);
    assert.match(JSON.stringify(readRegularFile(dir, { maxBytes: 1000 })), /is a directory/);
    fs.writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(5000));
    assert.deepEqual(readRegularFile(path.join(dir, 'big.yaml'), { maxBytes: 1000 }), { tooLarge: 5000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
