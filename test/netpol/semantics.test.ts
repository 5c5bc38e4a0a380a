/**
 * NetworkPolicy semantics, one small inline fixture per point of the Kubernetes API reference (and its footguns).
 * Pods: `a` and `b` talk; the policy under test is the last document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, docs, namespace, pod, reachOf } from './fixtureHelpers';
import { loadYaml } from './helpers';

const TWO_PODS = docs(pod('shop', 'a', { app: 'a' }), pod('shop', 'b', { app: 'b' }, [{ name: 'http', port: 8080 }, { name: 'dns', port: 53, protocol: 'UDP' }]));

function policy(spec: string, ns = 'shop', name = 'p'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${spec}`;
}

test('no policy: everything is allowed both ways, to and from outside', () => {
  const a = loadYaml(TWO_PODS);
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'All Connections');
  assert.equal(allowed(a, '8.8.8.8', 'shop/b'), 'All Connections');
  assert.equal(allowed(a, 'shop/a', '8.8.8.8'), 'All Connections');
});

test('`ingress: []` admits nothing but still isolates; `ingress: [{}]` admits everything', () => {
  const none = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress: []'));
  assert.equal(allowed(none, 'shop/a', 'shop/b'), 'No Connections');
  assert.equal(allowed(none, '8.8.8.8', 'shop/b'), 'No Connections');
  assert.equal(allowed(none, 'shop/b', 'shop/a'), 'All Connections', 'egress of b and ingress of a are not isolated');
  const absent = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}'));
  assert.equal(allowed(absent, 'shop/a', 'shop/b'), 'No Connections', 'a missing ingress list isolates too (policyTypes defaults to [Ingress])');
  const all = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress: [{}]'));
  assert.equal(allowed(all, 'shop/a', 'shop/b'), 'All Connections');
  assert.equal(allowed(all, '203.0.113.9', 'shop/b'), 'All Connections', 'an empty rule admits external sources too');
});

test('egress rules of a policy whose explicit policyTypes leave Egress out are ignored', () => {
  const a = loadYaml(
    TWO_PODS,
    policy('  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Ingress]\n  ingress: [{}]\n  egress:\n  - to: [{podSelector: {matchLabels: {app: nobody}}}]'),
  );
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'All Connections', 'a is not isolated for egress');
  assert.equal(allowed(a, 'shop/a', '8.8.8.8'), 'All Connections');
});

test('policyTypes defaulting: egress rules present and no policyTypes isolate egress too; an explicit empty list defaults the same way', () => {
  const egress = 'egress:\n  - to: [{podSelector: {matchLabels: {app: b}}}]\n    ports: [{port: 8080}]';
  for (const types of ['', '  policyTypes: []\n']) {
    const a = loadYaml(TWO_PODS, policy(`  podSelector: {matchLabels: {app: a}}\n${types}  ${egress}`));
    assert.equal(allowed(a, 'shop/a', 'shop/b'), 'TCP 8080', `policyTypes ${types || 'absent'}`);
    assert.equal(allowed(a, 'shop/a', '8.8.8.8'), 'No Connections');
    assert.equal(allowed(a, 'shop/b', 'shop/a'), 'No Connections', 'ingress of a is isolated (Ingress is always in the default) and has no rule');
  }
  const egressOnly = loadYaml(TWO_PODS, policy(`  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Egress]\n  ${egress}`));
  assert.equal(allowed(egressOnly, 'shop/b', 'shop/a'), 'All Connections');
});

test('a connection needs the source egress AND the destination ingress', () => {
  const a = loadYaml(
    TWO_PODS,
    policy('  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: 8080}, {port: 9090}]', 'shop', 'a-out'),
    policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 8080}, {port: 7070}]', 'shop', 'b-in'),
  );
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'TCP 8080');
});

test('policies are additive', () => {
  const a = loadYaml(
    TWO_PODS,
    policy('  podSelector: {matchLabels: {app: b}}\n  ingress: []', 'shop', 'deny'),
    policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: a}}}]\n    ports: [{port: 80}]', 'shop', 'allow-80'),
    policy('  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]\n    ports: [{port: 443}]', 'shop', 'allow-443'),
  );
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'TCP 80,443');
});

test('podSelector {} selects every pod of the policy namespace and no other', () => {
  const a = loadYaml(TWO_PODS, pod('other', 'c', { app: 'b' }), policy('  podSelector: {}\n  ingress: []'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'No Connections');
  assert.equal(allowed(a, 'shop/b', 'shop/a'), 'No Connections');
  assert.equal(allowed(a, 'shop/a', 'other/c'), 'All Connections');
});

test('peer podSelector alone means the policy namespace; namespaceSelector alone means every pod of matching namespaces', () => {
  const base = docs(TWO_PODS, namespace('team', { env: 'prod' }), pod('team', 'c', { app: 'a' }), pod('team', 'd', { app: 'z' }));
  const podsOnly = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: a}}}]'));
  assert.equal(allowed(podsOnly, 'shop/a', 'shop/b'), 'All Connections');
  assert.equal(allowed(podsOnly, 'team/c', 'shop/b'), 'No Connections', 'same labels, other namespace');
  const nsOnly = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {env: prod}}}]'));
  assert.equal(allowed(nsOnly, 'team/c', 'shop/b'), 'All Connections');
  assert.equal(allowed(nsOnly, 'team/d', 'shop/b'), 'All Connections');
  assert.equal(allowed(nsOnly, 'shop/a', 'shop/b'), 'No Connections', 'the policy namespace is not labelled env=prod');
});

test('namespaceSelector and podSelector in one peer are ANDed; in two peers they are ORed', () => {
  const base = docs(TWO_PODS, namespace('team', { env: 'prod' }), pod('team', 'c', { app: 'a' }), pod('team', 'd', { app: 'z' }));
  const and = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {env: prod}}\n      podSelector: {matchLabels: {app: a}}'));
  assert.equal(allowed(and, 'team/c', 'shop/b'), 'All Connections');
  assert.equal(allowed(and, 'team/d', 'shop/b'), 'No Connections');
  assert.equal(allowed(and, 'shop/a', 'shop/b'), 'No Connections');
  const or = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {env: prod}}\n    - podSelector: {matchLabels: {app: a}}'));
  assert.equal(allowed(or, 'team/c', 'shop/b'), 'All Connections');
  assert.equal(allowed(or, 'team/d', 'shop/b'), 'All Connections');
  assert.equal(allowed(or, 'shop/a', 'shop/b'), 'All Connections');
});

test('NotIn and DoesNotExist match pods that lack the key; Exists does not', () => {
  const base = docs(pod('shop', 'b', { app: 'b' }), pod('shop', 'plain', {}), pod('shop', 'dev', { env: 'dev' }), pod('shop', 'prod', { env: 'prod' }));
  const notIn = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}}]'));
  assert.equal(allowed(notIn, 'shop/plain', 'shop/b'), 'All Connections');
  assert.equal(allowed(notIn, 'shop/dev', 'shop/b'), 'All Connections');
  assert.equal(allowed(notIn, 'shop/prod', 'shop/b'), 'No Connections');
  const doesNotExist = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {matchExpressions: [{key: env, operator: DoesNotExist}]}}]'));
  assert.equal(allowed(doesNotExist, 'shop/plain', 'shop/b'), 'All Connections');
  assert.equal(allowed(doesNotExist, 'shop/dev', 'shop/b'), 'No Connections');
  const exists = loadYaml(base, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {matchExpressions: [{key: env, operator: Exists}]}}]'));
  assert.equal(allowed(exists, 'shop/plain', 'shop/b'), 'No Connections');
  assert.equal(allowed(exists, 'shop/prod', 'shop/b'), 'All Connections');
});

test('namespaces carry kubernetes.io/metadata.name implicitly, declared or not', () => {
  const from = (ns: string) => policy(`  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${ns}}}}]`);
  const declaredWithoutLabel = loadYaml(TWO_PODS, namespace('team'), pod('team', 'c', {}), from('team'));
  assert.equal(allowed(declaredWithoutLabel, 'team/c', 'shop/b'), 'All Connections');
  const notDeclared = loadYaml(TWO_PODS, pod('ghost', 'c', {}), from('ghost'));
  assert.equal(allowed(notDeclared, 'ghost/c', 'shop/b'), 'All Connections', 'a namespace only referenced by a pod still exists');
  assert.equal(allowed(notDeclared, 'shop/a', 'shop/b'), 'No Connections');
});

test('a namespace that no manifest declares is matched by namespaceSelector {} and by its name label', () => {
  const a = loadYaml(TWO_PODS, pod('nowhere', 'c', { app: 'a' }), policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: a}}}]'));
  assert.equal(allowed(a, 'nowhere/c', 'shop/b'), 'All Connections');
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'All Connections');
});

test('ipBlock: cidr minus except, addresses outside the cluster only (never pods)', () => {
  const a = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]'));
  assert.equal(allowed(a, '8.8.8.8', 'shop/b'), 'All Connections');
  assert.equal(allowed(a, '10.1.2.3', 'shop/b'), 'No Connections');
  assert.equal(allowed(a, '11.0.0.0/8', 'shop/b'), 'All Connections');
  assert.equal(allowed(a, '0.0.0.0/0', 'shop/b'), 'No Connections', 'not every address of 0.0.0.0/0 is admitted');
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'No Connections', 'an ipBlock of 0.0.0.0/0 does not admit pods');
});

test('an empty from admits every source, pods of every namespace and external addresses', () => {
  const a = loadYaml(TWO_PODS, pod('other', 'c', {}), policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 8080}]'));
  assert.equal(allowed(a, 'other/c', 'shop/b'), 'TCP 8080');
  assert.equal(allowed(a, '8.8.8.8', 'shop/b'), 'TCP 8080');
  assert.equal(allowed(a, '2001:db8::1', 'shop/b'), 'TCP 8080', 'IPv6 sources are outside the cluster too');
});

test('ports: protocol defaults to TCP; UDP and SCTP; no ports means every port of every protocol', () => {
  const a = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 80}, {port: 53, protocol: UDP}, {port: 7000, protocol: SCTP}, {protocol: UDP, port: 54}]'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'SCTP 7000,TCP 80,UDP 53-54');
  const all = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {}}]'));
  assert.equal(allowed(all, 'shop/a', 'shop/b'), 'All Connections');
  const wholeProtocol = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{protocol: UDP}]'));
  assert.equal(allowed(wholeProtocol, 'shop/a', 'shop/b'), 'UDP 1-65535');
});

test('endPort makes a range', () => {
  const a = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 32000, endPort: 32768}, {port: 100, endPort: 100}]'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'TCP 100,32000-32768');
});

test('named ports resolve against the destination pod with the same protocol', () => {
  const a = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: http}, {port: dns, protocol: UDP}]'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'TCP 8080,UDP 53');
  const wrongProtocol = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: http, protocol: UDP}, {port: dns}]'));
  assert.equal(allowed(wrongProtocol, 'shop/a', 'shop/b'), 'No Connections', 'http is TCP and dns is UDP on b: neither resolves');
  const result = reachOf(wrongProtocol, 'shop/a', 'shop/b');
  const problems = result.legs[0]!.verdict.ingress.rules[0]!.portProblems.map((p) => p.reason);
  assert.deepEqual(problems, ['named port `http` is 8080/TCP on the destination, not UDP', 'named port `dns` is 53/UDP on the destination, not TCP']);
});

test('named ports of egress rules resolve against the destination pod; toward an external address they give nothing', () => {
  const a = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: http}]'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'TCP 8080');
  assert.equal(allowed(a, 'shop/a', '8.8.8.8'), 'No Connections');
  assert.equal(allowed(a, 'shop/b', 'shop/a'), 'All Connections');
});

/**
 * A policy the API server rejects does not exist in the cluster: it is in effect nowhere here either (it isolates
 * nothing), whatever part of it is wrong. netpol-invalid-field reports why (docs/netpol.md).
 */
function rejected(spec: string): void {
  const a = loadYaml(TWO_PODS, policy(spec));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'All Connections', spec);
  assert.equal(allowed(a, '8.8.8.8', 'shop/b'), 'All Connections', spec);
}

test('a policy the API server rejects is not in effect: ports, protocols, endPorts', () => {
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 80, protocol: ICMP}, {port: 443}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 80, protocol: tcp}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 32000, endPort: 32768}, {port: 100, endPort: 90}]');
  for (const port of ['80.5', 'true', 'on', '.nan', '0', '70000', '-1', '4294967296', '"80"', '"HTTP"', '"http--alt"', '"a-very-long-port-name"', '[80]']) {
    rejected(`  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: ${port}}]`);
  }
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: http, endPort: 90}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{endPort: 90}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 80, endPort: 90.5}]');
});

test('values the API server accepts at the edges are in effect', () => {
  const ports = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - ports: [{port: 1}, {port: 65535, endPort: 65535}, {port: 0x50}, {port: a-15-char-name1}]'));
  assert.equal(allowed(ports, 'shop/a', 'shop/b'), 'TCP 1,80,65535');
  // Host bits set mean the network (Go's parser, as the API server's ipBlock validation reads it without the
  // StrictIPCIDRValidation feature gate); IPv6 works alike.
  const blocks = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{ipBlock: {cidr: 8.8.8.8/24}}, {ipBlock: {cidr: "2001:db8::/32"}}]'));
  assert.equal(allowed(blocks, '8.8.8.8', 'shop/b'), 'All Connections');
  assert.equal(allowed(blocks, 'shop/a', 'shop/b'), 'No Connections');
});

test('a policy the API server rejects is not in effect: selectors, peers, CIDRs, policyTypes', () => {
  rejected('  podSelector: {matchExpressions: [{key: app, operator: Equals, values: [b]}]}\n  ingress: []');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{podSelector: {matchExpressions: [{key: app, operator: In}]}}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0}, podSelector: {}}]');
  // `from: [{}]` is not `ingress: [{}]`: the rule has one peer, and that peer names nothing ("must specify a peer").
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from:\n    - podSelector:\n');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{ipBlock: {cidr: " 10.0.0.0/8"}}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: ["10.1.0.0/16 "]}}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]');
  rejected('  podSelector: {matchLabels: {app: b}}\n  policyTypes: [Ingress, ingress]\n  ingress: []');
  rejected('  podSelector: {matchLabels: {app: b}}\n  policyTypes: [Ingress, Egress, Ingress]\n  ingress: []');
  // Ignored rules are validated too: the API server rejects the object, not a direction.
  rejected('  podSelector: {matchLabels: {app: b}}\n  policyTypes: [Ingress]\n  ingress: []\n  egress:\n  - ports: [{port: 0}]');
});

test('selection is per namespace: a policy never selects pods of another namespace', () => {
  const a = loadYaml(TWO_PODS, pod('other', 'b', { app: 'b' }), policy('  podSelector: {matchLabels: {app: b}}\n  ingress: []', 'other'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'All Connections');
  assert.equal(allowed(a, 'shop/a', 'other/b'), 'No Connections');
});

test('a peer selector written with no value is "not set" (pointer fields), not `{}`', () => {
  // `namespaceSelector:` with no value next to a podSelector: only the policy's own namespace, like podSelector alone.
  const other = docs(TWO_PODS, pod('other', 'c', { app: 'a' }));
  const nullNamespaces = loadYaml(other, policy('  podSelector: {matchLabels: {app: b}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: a}}\n      namespaceSelector:\n'));
  assert.equal(allowed(nullNamespaces, 'shop/a', 'shop/b'), 'All Connections');
  assert.equal(allowed(nullNamespaces, 'other/c', 'shop/b'), 'No Connections', 'a null namespaceSelector does not mean every namespace');
});

test('an explicit empty policyTypes list is defaulted like a missing one', () => {
  const a = loadYaml(TWO_PODS, policy('  podSelector: {matchLabels: {app: a}}\n  policyTypes: []\n  egress:\n  - to: [{podSelector: {matchLabels: {app: nobody}}}]'));
  assert.equal(allowed(a, 'shop/a', 'shop/b'), 'No Connections', 'egress rules present: Egress is in the defaulted types');
});
