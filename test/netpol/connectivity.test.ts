/** Connectivity lists: peers (grouping, external atoms, ingress controller), omissions, focus, rows and columns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConnlistText } from '../../server/src/cli/format/connlistText';
import { formatConnections } from '../../server/src/engine/netpol/portSet';
import { connectivityList as connectivity, focusExists, peerId, peerOfWorkloadDefinition, reachableFrom, reachModelOf, whoCanReach, type ReachPeer } from '../../server/src/engine/reach/index';
import { isWorkload } from '../../server/src/engine/model/resources';
import { isEmptyConnections } from '../../server/src/engine/netpol/portSet';
import { docs, endpointOf, pod } from './fixtureHelpers';
import { loadYaml } from './helpers';

function lines(...texts: string[]): string[] {
  return formatConnlistText(connectivity(reachModelOf(loadYaml(...texts).index))).split('\n').filter(Boolean);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: example
        ports: [{containerPort: 8080, name: http}]`;

test('a pod to itself, or a workload to its own replicas, is not listed', () => {
  assert.deepEqual(lines(DEPLOYMENT), [
    '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
    'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
  ]);
  assert.deepEqual(lines(pod('shop', 'solo', {})), [
    '0.0.0.0-255.255.255.255[External] => shop/solo[Pod] : All Connections',
    'shop/solo[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
  ]);
});

test('nothing is listed when no manifest runs pods', () => {
  assert.deepEqual(lines('apiVersion: v1\nkind: Namespace\nmetadata: {name: empty}'), []);
});

test('pods are grouped under their controller owner; Node-owned static pods and bare pods are themselves', () => {
  const owned = (name: string, ownerKind: string, owner: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: kube-system\n  labels: {app: ${owner}}\n  ownerReferences: [{apiVersion: v1, kind: ${ownerKind}, name: ${owner}, controller: true, uid: x}]\nspec:\n  containers: [{name: c, image: i}]`;
  const out = lines(owned('dns-a', 'ReplicaSet', 'coredns-5d'), owned('dns-b', 'ReplicaSet', 'coredns-5d'), owned('etcd-node1', 'Node', 'node1'));
  assert.deepEqual(out, [
    '0.0.0.0-255.255.255.255[External] => kube-system/coredns-5d[ReplicaSet] : All Connections',
    '0.0.0.0-255.255.255.255[External] => kube-system/etcd-node1[Pod] : All Connections',
    'kube-system/coredns-5d[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'kube-system/coredns-5d[ReplicaSet] => kube-system/etcd-node1[Pod] : All Connections',
    'kube-system/etcd-node1[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'kube-system/etcd-node1[Pod] => kube-system/coredns-5d[ReplicaSet] : All Connections',
  ]);
});

test('external peers: sources are cut at ingress ipBlocks, destinations at egress ipBlocks', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
  egress:
  - to: [{ipBlock: {cidr: 192.168.0.0/16}}]
    ports: [{port: 443}]`;
  assert.deepEqual(lines(pod('shop', 'a', {}), policy), [
    '10.0.0.0-10.0.255.255[External] => shop/a[Pod] : All Connections',
    '10.2.0.0-10.255.255.255[External] => shop/a[Pod] : All Connections',
    'shop/a[Pod] => 192.168.0.0-192.168.255.255[External] : TCP 443',
  ]);
});

test('ipBlocks written in ignored rules still cut the address space (as np-guard does)', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {app: nobody}
  policyTypes: [Egress]
  ingress:
  - from: [{ipBlock: {cidr: 128.0.0.0/1}}]`;
  assert.deepEqual(lines(pod('shop', 'a', {}), policy).filter((l) => l.endsWith('[Pod] : All Connections') && !l.startsWith('shop/')), [
    '0.0.0.0-127.255.255.255[External] => shop/a[Pod] : All Connections',
    '128.0.0.0-255.255.255.255[External] => shop/a[Pod] : All Connections',
  ]);
});

test('IPv6 ipBlocks add IPv6 external peers, cut the same way', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from: [{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]`;
  assert.deepEqual(lines(pod('shop', 'a', {}), policy).filter((l) => l.includes('=> shop/a')), [
    // Byte order of the printed ids, as for IPv4 (`2001:db8:2::` sorts before `2001:db8::`).
    '2001:db8:2::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] => shop/a[Pod] : All Connections',
    '2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff[External] => shop/a[Pod] : All Connections',
  ]);
});

const INGRESS = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: admin, port: 81, targetPort: 9000}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
      - {path: /admin, pathType: Prefix, backend: {service: {name: web, port: {number: 81}}}}`;

test('{ingress-controller} reaches the pods an Ingress routes to, on their target ports (named or numeric, declared or not)', () => {
  const out = lines(DEPLOYMENT, INGRESS);
  assert.ok(out.includes('{ingress-controller} => shop/web[Deployment] : TCP 8080,9000'), out.join('\n'));
});

test('{ingress-controller} is judged by the destination ingress policies, as a pod of a namespace of its own', () => {
  const allowFromNamespaces = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-any-namespace, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{namespaceSelector: {}}]
    ports: [{port: 8080}]`;
  assert.ok(lines(DEPLOYMENT, INGRESS, allowFromNamespaces).includes('{ingress-controller} => shop/web[Deployment] : TCP 8080'));
  const sameNamespaceOnly = allowFromNamespaces.replace('namespaceSelector: {}', 'podSelector: {}');
  assert.ok(!lines(DEPLOYMENT, INGRESS, sameNamespaceOnly).some((l) => l.startsWith('{ingress-controller}')));
  const ipBlock = allowFromNamespaces.replace('namespaceSelector: {}', 'ipBlock: {cidr: 0.0.0.0/0}');
  assert.ok(!lines(DEPLOYMENT, INGRESS, ipBlock).some((l) => l.startsWith('{ingress-controller}')));
});

test('pods of one owner that policies tell apart: the union is listed and the pair says what every pod gets', () => {
  const owned = (name: string, tier: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: {app: api, tier: ${tier}}\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-1, controller: true, uid: x}]\nspec:\n  containers: [{name: c, image: i}]`;
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {matchLabels: {tier: blue}}
  ingress: [{ports: [{port: 80}]}]`;
  const model = reachModelOf(loadYaml(owned('api-a', 'blue'), owned('api-b', 'green'), pod('shop', 'client', {}), policy).index);
  const pair = connectivity(model).find((c) => c.src.id === 'shop/client[Pod]' && c.dst.id === 'shop/api-1[ReplicaSet]')!;
  assert.equal(formatConnections(pair.allowed), 'All Connections');
  assert.equal(formatConnections(pair.allowedForEveryPod!), 'TCP 80');
});

test('focus workload: by name or ns/name; pairs with the workload on one side only', () => {
  const analysis = loadYaml(DEPLOYMENT, pod('shop', 'a', {}), pod('other', 'b', {}));
  const model = reachModelOf(analysis.index);
  const byName = formatConnlistText(connectivity(model, { focusWorkload: 'a' }));
  assert.equal(byName, formatConnlistText(connectivity(model, { focusWorkload: 'shop/a' })));
  for (const line of byName.split('\n').filter(Boolean)) assert.match(line, /shop\/a\[Pod\]/);
  assert.equal(byName.split('\n').filter(Boolean).length, 6);
  assert.ok(focusExists(model, 'shop/web'));
  assert.ok(!focusExists(model, 'shop/nope'));
});

test('whoCanReach and reachableFrom are exactly a column and a row of the connectivity list', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{podSelector: {matchLabels: {role: client}}}, {ipBlock: {cidr: 1.2.3.0/24}}], ports: [{port: http}]}]
  egress: [{to: [{namespaceSelector: {}}]}]`;
  const analysis = loadYaml(DEPLOYMENT, INGRESS, policy, pod('shop', 'client', { role: 'client' }), pod('shop', 'other', {}), pod('team', 'c', { role: 'client' }));
  const model = reachModelOf(analysis.index);
  const all = connectivity(model);
  const web = [...analysis.index.workloads()].find((w) => isWorkload(w) && w.name === 'web')!;
  const column = whoCanReach(model, peerOfWorkloadDefinition(model, web)!)
    .filter((r) => !isEmptyConnections(r.answer.allowed))
    .map((r) => `${connlistId(r.peer)} : ${formatConnections(r.answer.allowed)}`)
    .sort();
  const expectedColumn = all.filter((c) => c.dst.id === 'shop/web[Deployment]').map((c) => `${c.src.id} : ${formatConnections(c.allowed)}`);
  assert.deepEqual(column, expectedColumn);
  // The ingress controller is routed to web but is neither role=client in shop nor in 1.2.3.0/24.
  assert.deepEqual(column, ['1.2.3.0-1.2.3.255[External] : TCP 8080', 'shop/client[Pod] : TCP 8080']);
  const row = reachableFrom(model, endpointOf(model, 'shop/web') as Extract<ReachPeer, { kind: 'workload' }>)
    .filter((r) => r.peer.kind === 'workload' || r.peer.kind === 'addresses')
    .map((r) => `${connlistId(r.peer)} : ${formatConnections(r.answer.allowed)}`);
  assert.deepEqual(row, all.filter((c) => c.src.id === 'shop/web[Deployment]').map((c) => `${c.dst.id} : ${formatConnections(c.allowed)}`));
  assert.deepEqual(row, ['shop/client[Pod] : All Connections', 'shop/other[Pod] : All Connections', 'team/c[Pod] : All Connections']);
});

test('whoCanReach on a 10k-resource workspace answers without walking all pairs', () => {
  const texts: string[] = [];
  for (let n = 0; n < 100; n++) {
    const ns = `ns${n}`;
    const items: string[] = [];
    for (let i = 0; i < 80; i++) items.push(pod(ns, `app${i}`, { app: `app${i}`, tier: i % 2 ? 'back' : 'front' }, [{ name: 'http', port: 8080 }]));
    for (let i = 0; i < 20; i++) {
      items.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p${i}, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: app${i}}}
  ingress: [{from: [{podSelector: {matchLabels: {tier: front}}}, {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns${(n + 1) % 100}}}}], ports: [{port: http}]}]`);
    }
    texts.push(docs(...items));
  }
  const analysis = loadYaml(...texts);
  assert.equal(analysis.index.resourceCount, 10000);
  const model = reachModelOf(analysis.index);
  const target = analysis.index.workloadsIn('ns5').find((w) => w.name === 'app3')!;
  const started = performance.now();
  const sources = whoCanReach(model, peerOfWorkloadDefinition(model, target)!);
  const first = performance.now() - started;
  const again = performance.now();
  whoCanReach(model, peerOfWorkloadDefinition(model, analysis.index.workloadsIn('ns7').find((w) => w.name === 'app4')!)!);
  const second = performance.now() - again;
  // 40 front pods of ns5 (app3 itself excluded when it is one) and all 80 pods of ns6.
  assert.equal(sources.filter((s) => s.peer.kind === 'workload').length, 40 + 80);
  assert.ok(first < 2000 && second < 1000, `whoCanReach took ${first.toFixed(0)} ms, then ${second.toFixed(0)} ms`);
});

/** The id np-guard's list prints for a row's peer. */
function connlistId(peer: ReachPeer): string {
  return peer.kind === 'workload' ? peer.peer.id : peer.kind === 'addresses' ? `${peerId(peer)}[External]` : peerId(peer);
}
