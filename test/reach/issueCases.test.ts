/**
 * The cases of issue 15 ("one answer to who can reach whom"), through the CLI as a user runs it (bin/netlens.js,
 * built by `npm test`): check, explain and connectivity give one answer. The same cases through the language server
 * are in test/protocol/reach.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const FIXTURES = path.join(REPO_ROOT, 'test', 'reach', 'fixtures');
const CALICO = path.join(FIXTURES, 'calico-ipblock');
const EMPTY = path.join(FIXTURES, 'empty-selector');

function netlens(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'netlens.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function findings(dir: string, ...args: string[]): { ruleId: string; message: string; file: string }[] {
  const run = netlens('check', dir, '--format', 'json', '--fail-on', 'never', ...args);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { findings: { rule: string; message: string; file: string }[] }).findings.map((f) => ({ ...f, ruleId: f.rule }));
}

test('the application routing NGINX runs in app-routing-system: explain ALLOWED, the connectivity line, and check silent', () => {
  const explain = netlens('explain', '{ingress-controller}', 'shop/storefront', EXAMPLES, '--port', '8080');
  assert.equal(explain.code, 0, explain.stdout);
  assert.match(explain.stdout, /^the application routing NGINX controller \(app-routing-system\) → Deployment shop\/storefront on TCP 8080: ALLOWED\n/);
  assert.ok(explain.stdout.includes('`storefront-from-ingress` ingress rule 1 admits every pod of namespaces kubernetes.io/metadata.name=app-routing-system on TCP 8080'), explain.stdout);
  const byIngress = netlens('explain', 'ingress:shop/shop', 'shop/storefront', EXAMPLES, '--port', '8080');
  assert.equal(byIngress.code, 0, byIngress.stdout);
  const list = netlens('connectivity', EXAMPLES);
  assert.ok(list.stdout.includes('{ingress-controller} => shop/storefront[Deployment] : TCP 8080\n'), list.stdout);
  assert.ok(!findings(EXAMPLES).some((f) => f.ruleId === 'netpol-blocks-ingress-controller'));
});

test('Calico and an ipBlock over the pod CIDR: ipblock-covers-pods, explain ALLOWED, the connectivity line, no dependency warning; Cilium: all DENIED', () => {
  const calico = ['--profile', path.join(CALICO, 'calico.netlens.yaml')];
  const found = findings(path.join(CALICO, 'app.yaml'), ...calico).map((f) => f.ruleId);
  assert.deepEqual(found, ['ipblock-covers-pods']);
  const explain = netlens('explain', 'shop/api', 'shop/db', path.join(CALICO, 'app.yaml'), ...calico, '--port', '5432');
  assert.equal(explain.code, 0, explain.stdout);
  assert.ok(explain.stdout.includes('`db-from-pods` ingress rule 1 admits addresses 10.244.0.0/16 on TCP 5432'), explain.stdout);
  assert.ok(netlens('connectivity', path.join(CALICO, 'app.yaml'), ...calico).stdout.includes('shop/api[Deployment] => shop/db[Deployment] : TCP 5432\n'));

  const cilium = ['--profile', path.join(CALICO, 'cilium.netlens.yaml')];
  assert.deepEqual(findings(path.join(CALICO, 'app.yaml'), ...cilium).map((f) => f.ruleId).sort(), ['netpol-blocks-declared-dependency', 'netpol-engine-unsupported']);
  assert.equal(netlens('explain', 'shop/api', 'shop/db', path.join(CALICO, 'app.yaml'), ...cilium, '--port', '5432').code, 1);
  assert.ok(!netlens('connectivity', path.join(CALICO, 'app.yaml'), ...cilium).stdout.includes('shop/api[Deployment] => shop/db[Deployment]'));

  // No profile: the engine decides, and the profile does not say which: UNKNOWN (exit 3), no line, no warning.
  const open = netlens('explain', 'shop/api', 'shop/db', path.join(CALICO, 'app.yaml'), '--port', '5432');
  assert.equal(open.code, 3, open.stdout);
  assert.match(open.stdout, /: UNKNOWN \(depends on what is noted below\)\n/);
  assert.ok(open.stdout.includes('depends on the network policy engine (Calico and Azure NPM match them, Cilium does not)'), open.stdout);
  assert.ok(!findings(path.join(CALICO, 'app.yaml')).some((f) => f.ruleId === 'netpol-blocks-declared-dependency'));
});

test('examples: Redis on a public load balancer behind a default-deny: the diagnostic and explain give the same answer per engine', () => {
  const sensitive = findings(EXAMPLES).find((f) => f.ruleId === 'service-sensitive-port-public')!;
  assert.ok(sensitive.message.includes('under Azure NPM or Calico: admitted; under Cilium: not settled'), sensitive.message);
  const explain = netlens('explain', 'lb:shop/cache', 'shop/cache', EXAMPLES, '--port', '6379');
  assert.equal(explain.code, 3, explain.stdout);
  assert.ok(explain.stdout.includes("SNATed to the IP of the pod's own node (connections that node received): TCP 6379"), explain.stdout);
  for (const [engine, code] of [['calico', 0], ['cilium', 3]] as const) {
    const profile = path.join(FIXTURES, `${engine}.netlens.yaml`);
    assert.equal(netlens('explain', 'internet', 'shop/cache', EXAMPLES, '--profile', profile, '--port', '6379').code, code, engine);
  }
});

test('examples: storefront → orders is ALLOWED packet-wise, and explain says its name lookups fail and no Service selects orders', () => {
  const explain = netlens('explain', 'shop/storefront', 'shop/orders', EXAMPLES, '--port', '8080');
  assert.equal(explain.code, 0, explain.stdout);
  assert.ok(explain.stdout.includes('note: Deployment shop/storefront cannot look names up: its egress admits no DNS'), explain.stdout);
  assert.ok(explain.stdout.includes('note: no Service selects the pods of Deployment shop/orders'), explain.stdout);
  const dns = netlens('explain', 'shop/storefront', 'dns', EXAMPLES, '--protocol', 'UDP', '--port', '53');
  assert.equal(dns.code, 1, dns.stdout);
});

test('a podSelector left empty and an allow-list naming nobody: the data store admits no source, and check says so', () => {
  const found = findings(EMPTY);
  assert.deepEqual(found.map((f) => f.ruleId).sort(), ['netpol-admits-no-source', 'netpol-blocks-declared-dependency', 'netpol-peer-selects-nothing', 'netpol-selector-left-empty']);
  assert.ok(found.find((f) => f.ruleId === 'netpol-selector-left-empty')!.message.includes('its name `redis-cart` names StatefulSet `redis-cart`'));
  const explain = netlens('explain', 'store/cart', 'store/redis-cart', EMPTY, '--port', '6379');
  assert.equal(explain.code, 1, explain.stdout);
});
