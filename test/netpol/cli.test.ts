/**
 * `netlens connectivity` and `netlens explain`, run as a user runs them (the built bin/netlens.js; `npm test` builds
 * first): stdout and exit codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from './helpers';

const SHOP = path.join(REPO_ROOT, 'test', 'netpol', 'fixtures', 'shop');

function netlens(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'netlens.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('connectivity --format txt is byte-identical to np-guard on a conformance case', () => {
  const dir = path.join(FIXTURES, 'npguard', 'ipblockstest');
  const run = netlens('connectivity', path.join(dir, 'manifests'), '--format', 'txt');
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
});

test('connectivity defaults to txt and lists the shop fixture', () => {
  const run = netlens('connectivity', SHOP);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stdout,
    [
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
      'shop/api[Deployment] => 0.0.0.0-9.255.255.255[External] : All Connections',
      'shop/api[Deployment] => 10.0.0.0-10.255.255.255[External] : All Connections',
      'shop/api[Deployment] => 11.0.0.0-255.255.255.255[External] : All Connections',
      'shop/api[Deployment] => shop/web[Deployment] : All Connections',
      'shop/web[Deployment] => 0.0.0.0-9.255.255.255[External] : TCP 443',
      'shop/web[Deployment] => 11.0.0.0-255.255.255.255[External] : TCP 443',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
      '{ingress-controller} => shop/web[Deployment] : TCP 8000',
      '',
    ].join('\n'),
  );
});

test('connectivity --format json, md, csv and dot', () => {
  const json = netlens('connectivity', SHOP, '--format', 'json', '--focus-workload', 'shop/api');
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { version: number; connections: { src: string; dst: string; conn: string; srcPeer: Record<string, string>; allowed: Record<string, unknown> }[] };
  assert.equal(parsed.version, 1);
  const webToApi = parsed.connections.find((c) => c.src === 'shop/web[Deployment]')!;
  assert.deepEqual(webToApi.srcPeer, { type: 'workload', namespace: 'shop', name: 'web', kind: 'Deployment' });
  assert.deepEqual(webToApi.allowed, { all: false, SCTP: [], TCP: [{ from: 8080, to: 8080 }], UDP: [] });
  assert.equal(webToApi.conn, 'TCP 8080');
  assert.ok(parsed.connections.every((c) => c.src === 'shop/api[Deployment]' || c.dst === 'shop/api[Deployment]'));

  const md = netlens('connectivity', SHOP, '--format', 'md');
  assert.match(md.stdout, /^\| src \| dst \| conn \|\n\|-----\|-----\|------\|\n/);
  assert.ok(md.stdout.includes('| shop/web[Deployment] | shop/api[Deployment] | TCP 8080 |\n'));

  const csv = netlens('connectivity', path.join(FIXTURES, 'npguard', 'semanticDiff-same-topologies-new1', 'manifests'), '--format', 'csv');
  assert.ok(csv.stdout.startsWith('src,dst,conn\n'));
  assert.ok(csv.stdout.includes('demo/cog-agents-bank-ui[DaemonSet],demo/cog-agents-account-command[DaemonSet],"TCP 8080,9090,UDP 8080"\n'));

  const dot = netlens('connectivity', SHOP, '--format', 'dot');
  assert.ok(dot.stdout.startsWith('digraph {\n'));
  assert.ok(dot.stdout.includes('subgraph "cluster_shop" {'));
  assert.ok(dot.stdout.includes('"shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 8080"'));
  assert.ok(dot.stdout.trimEnd().endsWith('}'));
});

test('connectivity usage errors exit 2', () => {
  const format = netlens('connectivity', SHOP, '--format', 'yaml');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /unknown --format `yaml`/);
  const focus = netlens('connectivity', SHOP, '--focus-workload', 'shop/wbe');
  assert.equal(focus.code, 2);
  assert.match(focus.stderr, /no workload `shop\/wbe` in the input \(did you mean `shop\/web`\?\)/);
  assert.equal(focus.stdout, '');
});

test('explain: allowed exits 0 and says which rule admits what', () => {
  const run = netlens('explain', 'shop/web', 'shop/api', SHOP, '--port', '8080');
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stdout,
    [
      'Deployment shop/web → Deployment shop/api on TCP 8080: ALLOWED',
      '  allowed: TCP 8080',
      'note: Deployment shop/web cannot look names up: its egress admits no DNS to cluster DNS (kube-dns: pods with k8s-app=kube-dns in kube-system) on UDP 53, so a connection made by Service name fails before it starts (only the pod IPs work)',
      'note: no Service selects the pods of Deployment shop/api: clients reach them only by pod IP',
      'egress of Deployment shop/web: isolated by `web-egress`',
      '  `web-egress` egress rule 1 admits every pod of namespace shop on every port',
      '  `web-egress` egress rule 2 may match this destination: it admits addresses 0.0.0.0/0 except 10.0.0.0/8 on TCP 443',
      '  note: whether an ipBlock matches pod IPs depends on the network policy engine (Calico and Azure NPM match them, Cilium does not), which the cluster profile does not state, and the profile does not say where pod IPs come from',
      'ingress of Deployment shop/api: isolated by `api-allow-web`',
      '  `api-allow-web` ingress rule 1 admits pods app=web of namespace shop on TCP 8080',
      '  `api-allow-web` ingress rule 2 does not match this source: it admits every pod of namespaces team=monitoring',
      '',
    ].join('\n'),
  );
});

test('explain: denied exits 1 and names the port no rule admits', () => {
  const run = netlens('explain', 'web', 'api', SHOP, '--default-namespace', 'shop', '--port', '9090');
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /^Deployment shop\/web → Deployment shop\/api on TCP 9090: DENIED\n/);
  assert.ok(run.stdout.includes('  TCP 9090 is admitted by no ingress rule\n'));
});

test('explain: external addresses and the ingress controller', () => {
  const out = netlens('explain', 'shop/web', '8.8.8.8', SHOP, '--port', '443');
  assert.equal(out.code, 0, out.stdout);
  assert.ok(out.stdout.includes('`web-egress` egress rule 2 admits addresses 0.0.0.0/0 except 10.0.0.0/8 on TCP 443'));
  assert.ok(out.stdout.includes('ingress of address 8.8.8.8: not a pod, no NetworkPolicy applies'));
  const internal = netlens('explain', 'shop/web', '10.1.1.1', SHOP);
  assert.equal(internal.code, 1);
  const controller = netlens('explain', '{ingress-controller}', 'shop/web', SHOP, '--port', '8000');
  assert.equal(controller.code, 0, controller.stdout);
  assert.ok(controller.stdout.includes('route: Ingress `shop/shop` routes through Service `web` port 80 to pod port TCP 8000'), controller.stdout);
  assert.ok(controller.stdout.includes('placed as np-guard places it'), controller.stdout);
  const notRouted = netlens('explain', '{ingress-controller}', 'shop/api', SHOP);
  assert.equal(notRouted.code, 1);
  assert.ok(notRouted.stdout.includes('routes nothing to Deployment shop/api, so it opens no connection there'), notRouted.stdout);
});

test('explain: usage errors exit 2 with a clear message', () => {
  const unknown = netlens('explain', 'shop/wbe', 'shop/api', SHOP);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /source: no workload `shop\/wbe` in the workspace \(did you mean `shop\/web`\?\)/);
  const missing = netlens('explain', 'shop/web');
  assert.equal(missing.code, 2);
  const port = netlens('explain', 'shop/web', 'shop/api', SHOP, '--port', '70000');
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port takes a number from 1 to 65535/);
  const protocol = netlens('explain', 'shop/web', 'shop/api', SHOP, '--protocol', 'ICMP');
  assert.equal(protocol.code, 2);
});
