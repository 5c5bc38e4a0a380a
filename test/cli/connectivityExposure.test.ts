/** `netlens connectivity --exposure` and the focus options in every format, run as a user runs them (issue 21). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNetlens } from '../support/cli';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from: [{namespaceSelector: {matchLabels: {team: ops}}}]
    ports: [{port: 8080}]
  - from: [{podSelector: {matchLabels: {app: web}}}]
`;

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-exposure-'));
  fs.writeFileSync(path.join(dir, 'app.yaml'), MANIFESTS);
  return dir;
}

const OPS = '[namespace with {team=ops}]/[all pods]';

test('--exposure txt: the list, then the exposure sections and the unprotected workloads', () => {
  const run = runNetlens(['connectivity', folder(), '--exposure']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    run.stdout,
    [
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
      'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Deployment] => shop/api[Deployment] : All Connections',
      '',
      'Exposure Analysis Result:',
      'Egress Exposure:',
      'shop/web[Deployment] \t=> \t0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Deployment] \t=> \tentire-cluster : All Connections',
      '',
      'Ingress Exposure:',
      `shop/api[Deployment] \t<= \t${OPS} : TCP 8080`,
      'shop/web[Deployment] \t<= \t0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/web[Deployment] \t<= \tentire-cluster : All Connections',
      '',
      'Workloads not protected by network policies:',
      'shop/web[Deployment] is not protected on Egress',
      'shop/web[Deployment] is not protected on Ingress',
      '',
    ].join('\n'),
  );
});

test('--exposure in json, md, csv and dot', () => {
  const dir = folder();
  const json = runNetlens(['connectivity', dir, '--exposure', '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { exposure: { ingress: { src: string; dst: string; conn: string }[]; unprotected: string[] } };
  assert.deepEqual(parsed.exposure.ingress[0], { src: OPS, dst: 'shop/api[Deployment]', conn: 'TCP 8080' });
  assert.equal(parsed.exposure.unprotected.length, 2);
  const md = runNetlens(['connectivity', dir, '--exposure', '--format', 'md']).stdout;
  assert.match(md, /## Exposure Analysis Result:\n### Egress Exposure:\n\| src \| dst \| conn \|/);
  assert.ok(md.includes(`| shop/api[Deployment] | ${OPS} | TCP 8080 |`), md);
  const csv = runNetlens(['connectivity', dir, '--exposure', '--format', 'csv']).stdout;
  assert.ok(csv.includes(`Exposure Analysis Result:,,\n`), csv);
  assert.ok(csv.includes(`shop/api[Deployment],${OPS},TCP 8080\n`), csv);
  const dot = runNetlens(['connectivity', dir, '--exposure', '--format', 'dot']).stdout;
  assert.ok(dot.includes(`"${OPS}" -> "shop/api[Deployment]" [label="TCP 8080"`), dot);
});

test('focus options: workload, peer, direction and connection', () => {
  const dir = folder();
  const egress = runNetlens(['connectivity', dir, '--focus-workload', 'web', '--focus-direction', 'egress']);
  assert.equal(egress.stdout, 'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\nshop/web[Deployment] => shop/api[Deployment] : All Connections\n');
  const peer = runNetlens(['connectivity', dir, '--focus-workload', 'web', '--focus-workload-peer', 'shop/api']);
  assert.equal(peer.stdout, 'shop/web[Deployment] => shop/api[Deployment] : All Connections\n');
  const conn = runNetlens(['connectivity', dir, '--focus-conn', 'tcp-8080', '--exposure']);
  assert.ok(conn.stdout.startsWith('Permitted connections on TCP 8080:\n0.0.0.0-255.255.255.255[External] => shop/web[Deployment]\n'), conn.stdout);
  assert.ok(conn.stdout.includes(`Exposure Analysis Result On TCP 8080:\n`), conn.stdout);
  assert.ok(conn.stdout.includes(`shop/api[Deployment] \t<= \t${OPS}\n`), conn.stdout);
  assert.equal(runNetlens(['connectivity', dir, '--focus-conn', 'http-80']).status, 2);
  assert.equal(runNetlens(['connectivity', dir, '--focus-direction', 'egress']).status, 2);
  assert.equal(runNetlens(['connectivity', dir, '--focus-workload', 'web', '--focus-workload-peer', 'nope']).status, 2);
});

const ADMIN = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: no-vault}
spec:
  priority: 5
  subject: {pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: api}}}}
  egress:
  - {name: deny-vault, action: Deny, to: [{namespaces: {matchLabels: {team: vault}}}], ports: [{portNumber: {protocol: TCP, port: 443}}]}
  - {name: allow-all, action: Allow, to: [{namespaces: {}}]}
`;

test('--exposure with an AdminNetworkPolicy Deny toward a selector no workload matches: entire-cluster keeps it, the selector has its item', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-exposure-anp-'));
  fs.writeFileSync(path.join(dir, 'anp.yaml'), ADMIN);
  const run = runNetlens(['connectivity', dir, '--exposure']);
  assert.equal(run.status, 0, run.stderr);
  const egress = run.stdout.split('Egress Exposure:\n')[1]!.split('\n\n')[0]!.split('\n');
  assert.deepEqual(egress.slice(1), [
    'shop/api[Deployment] \t=> \t[namespace with {team=vault}]/[all pods] : SCTP 1-65535,TCP 1-442,444-65535,UDP 1-65535',
    'shop/api[Deployment] \t=> \tentire-cluster : All Connections',
  ]);
  // On one connection: the selector's item only where the entire cluster does not have it, and no unprotected section.
  const on443 = runNetlens(['connectivity', dir, '--exposure', '--focus-conn', 'tcp-443']).stdout;
  assert.ok(!on443.includes('team=vault') && on443.includes('entire-cluster') && !on443.includes('not protected'), on443);
  const on80 = runNetlens(['connectivity', dir, '--exposure', '--focus-conn', 'tcp-80']).stdout;
  assert.ok(!on80.includes('team=vault') && !on80.includes('not protected'), on80);
});
