import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { egressCommand } from '../../server/src/cli/commands/egress';
import type { CliIO } from '../../server/src/cli/usage';

function fakeIo(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t), readStdin: async () => '' };
  return io;
}

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  template:
    metadata: {labels: {app: orders}}
    spec:
      containers:
        - name: orders
          image: orders:1
          env:
            - {name: PAYMENT_API, value: "https://api.example.com/v1"}
            - {name: DB, value: "orders-db.postgres.database.azure.com:5432"}
            - {name: ERP, value: "10.50.1.20:8443"}
`;

test('netlens egress lists destinations per workload with evidence and the Azure Firewall rules', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-egress-'));
  try {
    fs.writeFileSync(path.join(dir, 'orders.yaml'), MANIFEST);
    const io = fakeIo(dir);
    assert.equal(await egressCommand.run([], io), 0, io.stderr);
    assert.equal(
      io.stdout,
      `shop/orders [Deployment]
    10.50.1.20:8443/TCP (private)  ->  network rule TCP 8443
        env ERP (container orders) orders.yaml:14:35
    api.example.com:443/TCP (https, default port)  ->  application rule Https:443
        env PAYMENT_API (container orders) orders.yaml:12:51
    orders-db.postgres.database.azure.com:5432/TCP  ->  network rule TCP 5432
        env DB (container orders) orders.yaml:13:34

Azure Firewall:
  application rules (FQDN):
    Https:443  api.example.com
  network rules (FQDN destinations need the firewall DNS proxy):
    TCP 5432  orders-db.postgres.database.azure.com
    TCP 8443  10.50.1.20
`,
    );
    const json = fakeIo(dir);
    assert.equal(await egressCommand.run(['--format', 'json', '.'], json), 0);
    const parsed = JSON.parse(json.stdout);
    assert.deepEqual(parsed.workloads[0].destinations[1], {
      host: 'api.example.com',
      port: 443,
      protocol: 'TCP',
      scheme: 'https',
      address: 'fqdn',
      private: false,
      portImplied: true,
      firewall: { kind: 'application', protocol: 'Https', port: 443 },
      evidence: [{ file: 'orders.yaml', line: 12, column: 51, endLine: 12, endColumn: 66, via: 'env', name: 'PAYMENT_API', container: 'orders' }],
    });
    assert.deepEqual(parsed.firewall.networkRules, [
      { protocol: 'TCP', port: 5432, fqdns: ['orders-db.postgres.database.azure.com'], addresses: [] },
      { protocol: 'TCP', port: 8443, fqdns: [], addresses: ['10.50.1.20'] },
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('netlens egress says so when nothing is declared (no finding is not an error)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-egress-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.yaml'), MANIFEST.replace(/ {12}- \{name: (PAYMENT_API|DB|ERP).*\n/g, '') + '            - {name: X, value: "backend:80"}\n');
    const io = fakeIo(dir);
    assert.equal(await egressCommand.run([], io), 0);
    assert.equal(io.stdout, 'No external destinations declared in 1 file (env values and ConfigMap data name only cluster Services, or nothing).\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('netlens egress --cilium-policies prints checked CiliumNetworkPolicies, and refuses without Cilium FQDN in the profile (issue 22)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-egress-cilium-'));
  try {
    fs.writeFileSync(path.join(dir, 'orders.yaml'), MANIFEST.replace('  template:', '  selector: {matchLabels: {app: orders}}\n  template:'));
    const refused = fakeIo(dir);
    assert.equal(await egressCommand.run(['--cilium-policies', '.'], refused), 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^error: Cilium FQDN policies need the Cilium engine/);
    fs.writeFileSync(path.join(dir, '.netlens.yaml'), 'cluster:\n  networkPolicyEngine: cilium\n  advancedNetworkPolicies: FQDN\n  kubernetesVersion: "1.31"\n');
    const io = fakeIo(dir);
    assert.equal(await egressCommand.run(['--cilium-policies', '.'], io), 0, io.stderr);
    assert.equal(io.stderr, '');
    for (const part of ['kind: CiliumNetworkPolicy', 'name: orders-egress-fqdn', 'matchName: api.example.com', 'matchName: orders-db.postgres.database.azure.com', '10.50.1.20/32', 'port: "5432"', 'env PAYMENT_API (orders.yaml:13)']) {
      assert.ok(io.stdout.includes(part), `${part} in ${io.stdout}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
