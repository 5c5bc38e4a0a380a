/** `netlens diff OLD NEW`, run as a user runs it: formats, side names, exit codes (0 same, 1 differences, 2 errors). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNetlens } from '../support/cli';

const DEPLOYMENT = (name: string, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: c, image: x, ports: [{containerPort: ${port}}]}]
`;

const POLICY = (port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: ${port}}]
`;

/** old: web, api (web -> api on 8080 only); new: api admits 9090 instead, and a workload `audit` is added. */
function sides(): { old: string; new: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-diff-'));
  const old = path.join(root, 'old');
  const next = path.join(root, 'new');
  fs.mkdirSync(old);
  fs.mkdirSync(next);
  fs.writeFileSync(path.join(old, 'app.yaml'), [DEPLOYMENT('web', 80), DEPLOYMENT('api', 8080), POLICY(8080)].join('---\n'));
  fs.writeFileSync(path.join(next, 'app.yaml'), [DEPLOYMENT('web', 80), DEPLOYMENT('api', 8080), DEPLOYMENT('audit', 7000), POLICY(9090)].join('---\n'));
  return { old, new: next };
}

test('diff txt: changed and added lines in np-guard order, exit 1', () => {
  const dirs = sides();
  const run = runNetlens(['diff', dirs.old, dirs.new]);
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'Connectivity diff:');
  assert.equal(lines[1], 'diff-type: changed, source: shop/web[Deployment], destination: shop/api[Deployment], ref1: TCP 8080, ref2: TCP 9090');
  assert.ok(lines.includes('diff-type: added, source: shop/audit[Deployment], destination: shop/web[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/audit[Deployment] added'), run.stdout);
  assert.ok(lines.includes('diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination: shop/audit[Deployment], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/audit[Deployment] added'), run.stdout);
  // changed before added, each group sorted
  const added = lines.filter((l) => l.startsWith('diff-type: added'));
  assert.deepEqual(added, [...added].sort());
  assert.equal(run.stdout.endsWith('\n'), true);
});

test('diff with the same folder twice prints nothing and exits 0', () => {
  const dirs = sides();
  const run = runNetlens(['diff', dirs.old, dirs.old]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const json = runNetlens(['diff', '--dir1', dirs.old, '--dir2', dirs.old, '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), { version: 1, ref1: 'ref1', ref2: 'ref2', diffs: [] });
});

test('diff --arg-names names the sides in txt, md and csv', () => {
  const dirs = sides();
  const txt = runNetlens(['diff', dirs.old, dirs.new, '--arg-names', 'old,new']);
  assert.match(txt.stdout, /destination: shop\/api\[Deployment\], old: TCP 8080, new: TCP 9090\n/);
  const md = runNetlens(['diff', dirs.old, dirs.new, '--arg-names', 'old,new', '--format', 'md']);
  assert.equal(md.status, 1, md.stderr);
  const mdLines = md.stdout.split('\n');
  assert.equal(mdLines[0], '| diff-type | source | destination | old | new | workloads-diff-info |');
  assert.equal(mdLines[1], '|-----------|--------|-------------|------|------|---------------------|');
  assert.equal(mdLines[2], '| changed | shop/web[Deployment] | shop/api[Deployment] | TCP 8080 | TCP 9090 |  |');
  const csv = runNetlens(['diff', dirs.old, dirs.new, '--format', 'csv']);
  assert.equal(csv.status, 1, csv.stderr);
  const csvLines = csv.stdout.split('\n');
  assert.equal(csvLines[0], 'diff-type,source,destination,ref1,ref2,workloads-diff-info');
  assert.equal(csvLines[1], 'changed,shop/web[Deployment],shop/api[Deployment],TCP 8080,TCP 9090,');
});

test('diff --format json: the txt strings and the sets, in txt order', () => {
  const dirs = sides();
  const run = runNetlens(['diff', dirs.old, dirs.new, '--format', 'json']);
  assert.equal(run.status, 1, run.stderr);
  const parsed = JSON.parse(run.stdout) as { diffs: { diffType: string; src: string; dst: string; ref1: string; ref2: string; workloadsDiffInfo: string; ref2Allowed: { TCP: unknown } }[] };
  const first = parsed.diffs[0]!;
  assert.deepEqual([first.diffType, first.src, first.dst, first.ref1, first.ref2, first.workloadsDiffInfo], ['changed', 'shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080', 'TCP 9090', '']);
  assert.deepEqual(first.ref2Allowed.TCP, [{ from: 9090, to: 9090 }]);
  const txt = runNetlens(['diff', dirs.old, dirs.new]);
  assert.equal(parsed.diffs.length, txt.stdout.split('\n').length - 2);
});

test('diff usage errors and a missing folder exit 2', () => {
  const dirs = sides();
  assert.equal(runNetlens(['diff', dirs.old]).status, 2);
  assert.equal(runNetlens(['diff', dirs.old, dirs.new, '--format', 'dot']).status, 2);
  assert.equal(runNetlens(['diff', dirs.old, dirs.new, '--arg-names', 'only-one']).status, 2);
  const missing = runNetlens(['diff', dirs.old, path.join(dirs.new, 'nope')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope/);
});
