/**
 * The Cilium FQDN generator (issue 22): the egress inventory's hosts become a CiliumNetworkPolicy per workload,
 * checked by the closed loop (the workspace plus the policies, read again: every declared host ALLOWED on its port,
 * DNS ALLOWED, in-cluster reach unchanged), and no new finding of our own rules.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateCiliumFqdnPolicies } from '../../server/src/engine/fixes/ciliumFqdnPolicies';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { reachBetween, reachModelOf, resolvePeer, verdictOf } from '../../server/src/engine/reach/index';
import { apply, fixtureWorkspace, workspaceOf } from './support';

const SHOP = `# file: shop.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: checkout, namespace: shop}
spec:
  selector: {matchLabels: {app: checkout}}
  template:
    metadata: {labels: {app: checkout}}
    spec:
      containers:
      - name: c
        image: i
        env:
        - {name: PAYMENTS_URL, value: "https://api.stripe.com/v1"}
        - {name: CART_URL, value: "http://cart.shop.svc.cluster.local:8080"}
        - {name: METRICS_HOST, value: "203.0.113.7:9000"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  selector: {matchLabels: {app: cart}}
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports: [{port: 8080}]
`;

const FQDN: ClusterProfile = { networkPolicyEngine: 'cilium', advancedNetworkPolicies: 'FQDN', kubernetesVersion: '1.31' };

test('one CiliumNetworkPolicy per workload with declared hosts: DNS rule, cluster left alone, the hosts on their ports, with evidence', () => {
  const ws = fixtureWorkspace(SHOP, { profile: FQDN });
  const result = generateCiliumFqdnPolicies(ws.ctx);
  assert.deepEqual(result.notes, []);
  assert.equal(result.documents.length, 1);
  const text = result.documents[0]!.text;
  for (const part of ['kind: CiliumNetworkPolicy', 'name: checkout-egress-fqdn', 'matchName: api.stripe.com', 'port: "443"', 'toCIDR:', '203.0.113.7/32', 'port: "9000"', 'k8s:k8s-app: kube-dns', 'matchPattern: "*"', '- cluster', '# api.stripe.com port 443 (the default of its scheme):', '#   env PAYMENTS_URL (shop.yaml:13)']) {
    assert.ok(text.includes(part), `${part} in:\n${text}`);
  }
  assert.ok(!text.includes('cart.shop'), 'in-cluster Services are not external hosts');
  // Closed loop, again from outside: apply the change and ask the model.
  const after = workspaceOf(apply(ws, result.change), { profile: FQDN });
  const model = reachModelOf(after.analysis.index, FQDN);
  const peer = (text: string) => {
    const r = resolvePeer(model, text);
    assert.ok('peer' in r, text);
    return r.peer;
  };
  const verdict = (src: string, dst: string, protocol: 'TCP' | 'UDP', port: number) => verdictOf(reachBetween(model, peer(src), peer(dst), false), { protocol, port });
  assert.equal(verdict('shop/checkout', 'host:api.stripe.com', 'TCP', 443), 'allowed');
  assert.equal(verdict('shop/checkout', 'host:api.stripe.com', 'TCP', 80), 'denied');
  assert.equal(verdict('shop/checkout', 'host:evil.example.com', 'TCP', 443), 'denied');
  assert.equal(verdict('shop/checkout', '203.0.113.7', 'TCP', 9000), 'allowed');
  assert.equal(verdict('shop/checkout', 'shop/cart', 'TCP', 8080), 'allowed');
  assert.equal(verdict('shop/checkout', 'dns', 'UDP', 53), 'allowed');
  // No new finding of our own rules (the Cilium rules included).
  const before = new Set(ws.analysis.allFindings().map((f) => `${f.ruleId}|${f.message}`));
  const added = after.analysis.allFindings().filter((f) => !before.has(`${f.ruleId}|${f.message}`) && f.severity !== 'info');
  assert.deepEqual(added.map((f) => `${f.ruleId}: ${f.message}`), []);
});

test('the generator refuses without Cilium and FQDN policies in the profile, saying what is missing', () => {
  for (const [profile, words] of [
    [{}, 'need the Cilium engine'],
    [{ networkPolicyEngine: 'azure-npm' }, 'networkPolicyEngine: azure-npm'],
    [{ networkPolicyEngine: 'cilium' }, 'advancedNetworkPolicies FQDN or L7'],
    [{ networkPolicyEngine: 'cilium', advancedNetworkPolicies: 'None' }, 'says None'],
  ] as const) {
    const ws = fixtureWorkspace(SHOP, { profile: profile as ClusterProfile });
    const result = generateCiliumFqdnPolicies(ws.ctx);
    assert.equal(result.documents.length, 0);
    assert.ok(result.notes.some((n) => n.severity === 'error' && n.message.includes(words)), JSON.stringify(result.notes));
  }
});

test('the closed loop leaves out a policy whose pods another Cilium rule would keep from a declared host', () => {
  const deny = `${SHOP}---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: no-stripe, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: checkout}}
  enableDefaultDeny: {egress: false}
  egressDeny:
  - toPorts: [{ports: [{port: "443", protocol: TCP}]}]
`;
  const result = generateCiliumFqdnPolicies(fixtureWorkspace(deny, { profile: FQDN }).ctx);
  assert.equal(result.documents.length, 0);
  assert.deepEqual(result.notes.map((n) => n.message), ['Deployment shop/checkout: its policy is not written, because with it api.stripe.com port 443 would not be allowed']);
});
