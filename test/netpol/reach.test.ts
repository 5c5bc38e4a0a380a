/** The reachability model's answers: the decision trail as data, the words, and how peers are named. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConnections } from '../../server/src/engine/netpol/portSet';
import { explainAnswer, peerId, reachBetween, reachModelOf, resolvePeer } from '../../server/src/engine/reach/index';
import { docs, endpointOf, pod, reachOf } from './fixtureHelpers';
import { loadYaml } from './helpers';

const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: other}}}, {podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 8080}, {port: grpc}]
  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-metrics, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - ports: [{port: 9090}]
  egress:
  - {}
  policyTypes: [Ingress]`;

const PODS = docs(pod('shop', 'web', { app: 'web' }), pod('shop', 'api', { app: 'api' }, [{ name: 'http', port: 8080 }]));

test('the trail names the policies, rules and peers that admit, per direction', () => {
  const result = reachOf(loadYaml(PODS, POLICIES), 'shop/web', 'shop/api');
  assert.equal(formatConnections(result.allowed), 'TCP 8080,9090');
  assert.equal(result.legs.length, 1);
  const { egress, ingress } = result.legs[0]!.verdict;
  assert.equal(egress.isolated, false, 'api-metrics has egress rules but policyTypes [Ingress]');
  assert.equal(ingress.isolated, true);
  assert.deepEqual(ingress.policies.map((p) => p.name), ['api-in', 'api-metrics']);
  const rules = ingress.rules.map((r) => ({ policy: r.policy.name, rule: r.rule.index, peers: r.matchedPeers, maybe: r.maybePeers, ports: formatConnections(r.ports), problems: r.portProblems.map((p) => p.index) }));
  // Without a profile, whether the ipBlock 10.0.0.0/8 matches the source pod's IP is the engine's call: maybe.
  assert.deepEqual(rules, [
    { policy: 'api-in', rule: 0, peers: [1], maybe: [], ports: 'TCP 8080', problems: [1] },
    { policy: 'api-in', rule: 1, peers: [], maybe: [0], ports: 'All Connections', problems: [] },
    { policy: 'api-metrics', rule: 0, peers: 'all', maybe: [], ports: 'TCP 9090', problems: [] },
  ]);
  assert.equal(formatConnections(result.possible), 'All Connections');
  // With Cilium (which never matches pod IPs with an ipBlock) it is settled.
  const cilium = reachOf(loadYaml(PODS, POLICIES), 'shop/web', 'shop/api', { networkPolicyEngine: 'cilium' });
  assert.equal(formatConnections(cilium.possible), 'TCP 8080,9090');
});

test('the words say why a port is denied and that ignored egress rules are ignored', () => {
  const analysis = loadYaml(PODS, POLICIES);
  const model = reachModelOf(analysis.index, { networkPolicyEngine: 'cilium' });
  const result = reachBetween(model, endpointOf(model, 'shop/web'), endpointOf(model, 'shop/api'));
  const text = explainAnswer(model, result, { port: 7000 }).lines.join('\n');
  assert.ok(text.startsWith('Pod shop/web → Pod shop/api on TCP 7000: DENIED\n  allowed: TCP 8080,9090\n'), text);
  assert.ok(text.includes("`api-in` ingress rule 1 admits pods app=web of namespace shop on TCP 8080\n    its port 2 gives nothing: the destination has no container port named `grpc`"), text);
  assert.ok(text.includes('`api-in` ingress rule 2 does not match this source: it admits addresses 10.0.0.0/8'), text);
  assert.ok(text.includes('`api-metrics` ingress rule 1 admits every source (it has no `from`) on TCP 9090'), text);
  assert.ok(text.includes('`api-metrics` has egress rules, but its policyTypes leave Egress out: they are ignored'), text);
  assert.ok(text.includes('TCP 7000 is admitted by no ingress rule'), text);
  assert.equal(explainAnswer(model, result, { protocol: 'UDP' }).verdict, 'denied');
  assert.equal(explainAnswer(model, result, { port: 9090 }).allowed, true);
  // No profile: the ipBlock may admit the pod (Calico, Azure NPM): UNKNOWN, saying why.
  const open = reachModelOf(analysis.index);
  const unsettled = explainAnswer(open, reachBetween(open, endpointOf(open, 'shop/web'), endpointOf(open, 'shop/api')), { port: 7000 });
  assert.equal(unsettled.verdict, 'unknown');
  assert.ok(unsettled.lines.join('\n').includes('`api-in` ingress rule 2 may match this source: it admits addresses 10.0.0.0/8'), unsettled.lines.join('\n'));
  assert.ok(unsettled.lines.some((l) => /depends on the network policy engine/.test(l)), unsettled.lines.join('\n'));
});

test('endpoints: ns/name, name in the default namespace, [Kind], a pod of an owner, addresses, errors', () => {
  const owned = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-5d-abc\n  namespace: default\n  labels: {app: web}\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d, controller: true, uid: u}]\nspec: {containers: [{name: c, image: i}]}`;
  const model = reachModelOf(loadYaml(owned, pod('default', 'web-5d', {}), pod('default', 'solo', {})).index);
  const label = (text: string) => {
    const r = resolvePeer(model, text);
    return 'peer' in r ? peerId(r.peer) : `error: ${r.error}${r.suggestion ? ` / ${r.suggestion}` : ''}`;
  };
  assert.equal(label('solo'), 'default/solo[Pod]');
  assert.equal(label('default/solo'), 'default/solo[Pod]');
  assert.equal(label('web-5d'), 'error: `web-5d` is ambiguous: default/web-5d[Pod], default/web-5d[ReplicaSet]; add the kind in brackets');
  assert.equal(label('web-5d[ReplicaSet]'), 'default/web-5d[ReplicaSet]');
  assert.equal(label('default/web-5d-abc'), 'default/web-5d-abc');
  assert.equal(label('8.8.8.8'), '8.8.8.8');
  assert.equal(label('10.0.0.0/8'), '10.0.0.0-10.255.255.255');
  assert.equal(label('{ingress-controller}'), '{ingress-controller}');
  assert.equal(label('default/sol'), 'error: no workload `default/sol` in the workspace / default/solo');
  assert.equal(label('300.1.1.1'), 'error: `300.1.1.1` is not an IP address or CIDR');
  assert.equal(label('a/b/c'), 'error: `a/b/c` is not a workload (ns/name), an IP address, a way in (lb:ns/name, ingress:ns/name, gateway:ns/name) or internet, vnet, nodes, dns');
  assert.equal(label('internet'), 'internet');
  assert.equal(label('dns'), 'dns');
  assert.equal(label('host:db.example.com'), 'host:db.example.com');
  assert.equal(label('lb:default/solo'), 'error: no Service `default/solo` in the workspace');
});

test('notes: both ends outside, the ingress controller as destination, the same workload, hostNetwork pods', () => {
  const host = `apiVersion: v1\nkind: Pod\nmetadata: {name: node-agent, namespace: kube-system}\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: i}]`;
  const model = reachModelOf(loadYaml(PODS, host).index);
  const reach = (src: string, dst: string) => reachBetween(model, endpointOf(model, src), endpointOf(model, dst));
  const outside = reach('1.1.1.1', '8.8.8.8');
  assert.equal(formatConnections(outside.allowed), 'No Connections');
  assert.match(outside.notes[0]!, /both ends are outside the cluster/);
  assert.match(reach('shop/web', '{ingress-controller}').notes[0]!, /modelled as a source only/);
  assert.match(reach('shop/web', 'shop/web').notes[0]!, /same workload/);
  const hostNote = reach('kube-system/node-agent', 'shop/web').notes;
  assert.ok(hostNote.some((n) => /hostNetwork/.test(n)), hostNote.join('\n'));
});

test('a workload whose definitions differ is evaluated per pod class', () => {
  const variant = (tier: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api, tier: ${tier}}}\n    spec: {containers: [{name: c, image: i}]}`;
  const policy = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: gold-only, namespace: shop}\nspec:\n  podSelector: {matchLabels: {tier: gold}}\n  ingress: [{ports: [{port: 443}]}]`;
  const result = reachOf(loadYaml(variant('gold'), variant('silver'), pod('shop', 'client', {}), policy), 'shop/client', 'shop/api');
  assert.equal(result.legs.length, 2);
  assert.equal(formatConnections(result.allowed), 'All Connections');
  assert.equal(formatConnections(result.allowedForEvery), 'TCP 443');
});
