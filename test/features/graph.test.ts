/** The connectivity graph's data (engine/features/graph.ts): nodes, exact policy edges, collapse, exposure, dependencies, bounds. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Analysis } from '../../server/src/engine/analysis';
import { connectivityGraph, type GraphData, type GraphEdge } from '../../server/src/engine/features/graph';
import { connectivityList, reachModelOf } from '../../server/src/engine/reach/index';
import { formatConnections } from '../../server/src/engine/netpol/portSet';
import { loadFixture } from '../support/fixture';
import { REPO_ROOT } from '../support/lspClient';
import { SHOP } from './fixtures';
import { analysisOf } from '../support/workspace';

function graphOf(fixture: string, namespace?: string): GraphData {
  return connectivityGraph(loadFixture(fixture).analysis.index, namespace === undefined ? {} : { namespace });
}

/** `kind src -> dst: label` per edge, sorted, for readable comparisons. */
function edges(graph: GraphData, kind?: GraphEdge['kind']): string[] {
  return graph.edges
    .filter((e) => !kind || e.kind === kind)
    .map((e) => `${e.kind} ${e.source} -> ${e.target}: ${e.label}`)
    .sort();
}

const deployment = (ns: string, name: string, labels: string, port: number, env = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {${labels}}}
  template:
    metadata: {labels: {${labels}}}
    spec:
      containers:
        - name: ${name}
          image: x
          ports: [{name: http, containerPort: ${port}}]
${env}---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {${labels}}
  ports: [{name: http, port: 80, targetPort: http}]
---
`;

test('SHOP: workloads by namespace with isolation and exposure; entry points; exact policy edge; allowed dependency', () => {
  const graph = graphOf(SHOP);
  const web = graph.nodes.find((n) => n.id === 'shop/web[Deployment]');
  assert.ok(web && web.type === 'workload');
  assert.equal(web.parent, 'ns:shop');
  assert.equal(web.pods, '3 pods');
  assert.deepEqual(web.isolated, { ingress: true, egress: false });
  assert.equal(web.exposure, 'public');
  assert.equal(web.place.file, 'web.yaml');
  assert.deepEqual(web.ports, [{ port: 8080, protocol: 'TCP', name: 'http' }]);
  assert.deepEqual(
    graph.nodes.filter((n) => n.type !== 'workload').map((n) => `${n.type} ${n.id}`),
    ['namespace ns:shop', 'internet internet', 'ingress-controller ingress-controller:webapprouting.kubernetes.azure.com', 'load-balancer lb:shop/web-lb'],
  );
  assert.deepEqual(edges(graph), [
    'dependency shop/web[Deployment] -> shop/api[Deployment]: api:80',
    'exposure ingress-controller:webapprouting.kubernetes.azure.com -> shop/web[Deployment]: shop.example.com/ → 8080 (blocked)',
    'exposure internet -> ingress-controller:webapprouting.kubernetes.azure.com: HTTP(S)',
    'exposure internet -> lb:shop/web-lb: TCP 443',
    'exposure lb:shop/web-lb -> shop/web[Deployment]: 443 → 8443 (blocked)',
    'policy shop/web[Deployment] -> shop/api[Deployment]: TCP 9000',
  ]);
  const dependency = graph.edges.find((e) => e.kind === 'dependency');
  assert.ok(dependency?.kind === 'dependency');
  assert.equal(dependency.status, 'allowed');
  assert.deepEqual(dependency.explain, { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', protocol: 'TCP', port: 9000 });
  // The ingress controller (app-routing-system, the namespace of the only class in use) is not admitted by default-deny.
  const controller = graph.edges.find((e) => e.source.startsWith('ingress-controller:') && e.target === 'shop/web[Deployment]');
  assert.deepEqual(controller?.explain, { source: 'ingress-controller:webapprouting.kubernetes.azure.com', destination: 'shop/web[Deployment]', port: 8080, protocol: 'TCP' });
  assert.equal(graph.stats.openPairs, 0, 'both workloads are isolated for ingress');
});

test('policy edges are exactly the netpol engine’s connectivity for pairs with an isolated side; open pairs are counted', () => {
  const fixture = `
# file: a.yaml
${deployment('a', 'one', 'app: one', 8080)}${deployment('a', 'two', 'app: two', 9090)}${deployment('b', 'three', 'app: three', 7070)}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: two, namespace: a}
spec:
  podSelector: {matchLabels: {app: two}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: one}}}]
      ports: [{port: 9090}, {port: 53, protocol: UDP}]
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}]
      ports: [{port: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: three-egress, namespace: b}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
      ports: [{port: 443}]
`;
  const { analysis } = loadFixture(fixture);
  const graph = connectivityGraph(analysis.index);
  const expected = connectivityList(reachModelOf(analysis.index))
    .filter((c) => c.src.type === 'workload' && c.dst.type === 'workload')
    .filter((c) => {
      const open = (peer: typeof c.src, direction: 'Ingress' | 'Egress') => peer.type === 'workload' && peer.classes.every((cls) => reachModelOf(analysis.index).netpol.policiesSelecting(cls, direction).length === 0);
      return !(open(c.src, 'Egress') && open(c.dst, 'Ingress'));
    })
    .map((c) => `policy ${c.src.id} -> ${c.dst.id}: ${formatConnections(c.allowed)}`)
    .sort();
  assert.deepEqual(
    edges(graph, 'policy').filter((e) => !e.includes('external')),
    expected.map((e) => e.replace(/: All Connections$/, ': all')),
  );
  assert.ok(edges(graph, 'policy').includes('policy a/one[Deployment] -> a/two[Deployment]: TCP 9090,UDP 53'));
  assert.ok(edges(graph, 'policy').includes('policy b/three[Deployment] -> external: TCP 443'), 'egress to addresses outside the cluster');
  // one -> three, two -> one, two -> three, three? no: three is egress-isolated. Open pairs: one->three? three's ingress
  // is open and one's egress is open: yes. two->one, two->three, one->two? (two isolated) no.
  assert.equal(graph.stats.openPairs, 3);
});

test('a namespace admitted as a whole collapses onto the namespace, "allow from same namespace" onto a loop', () => {
  const apps = ['a', 'b', 'c'].map((n, i) => deployment('shop', n, `app: ${n}`, 8000 + i)).join('');
  const fixture = `
# file: shop.yaml
${apps}${deployment('ops', 'probe', 'app: probe', 9000)}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: same-namespace, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from: [{podSelector: {}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-ops, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}}]
      ports: [{port: 8000, endPort: 8100}]
`;
  const graph = graphOf(fixture);
  assert.deepEqual(edges(graph, 'policy'), ['policy ns:shop -> ns:shop: all', 'policy ops/probe[Deployment] -> ns:shop: TCP 8000-8100']);
  const loop = graph.edges.find((e) => e.id === 'policy:ns:shop>ns:shop');
  assert.ok(loop?.kind === 'policy');
  assert.equal(loop.pairs, 6);
  assert.equal(loop.explain, undefined, 'a namespace is not one connection to explain');
  assert.equal(graph.stats.allowedPairs, 9);
});

test('a declared dependency the policies do not admit is DENIED, with its place and the explain query', () => {
  const fixture = `
# file: app.yaml
${deployment('shop', 'web', 'app: web', 8080, `          env:\n            - {name: ORDERS_URL, value: "http://orders:80"}\n`)}${deployment('shop', 'orders', 'app: orders', 9000)}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
`;
  const graph = graphOf(fixture);
  const denied = graph.edges.filter((e) => e.kind === 'dependency');
  assert.equal(denied.length, 1);
  const edge = denied[0]!;
  assert.ok(edge.kind === 'dependency');
  assert.equal(edge.status, 'denied');
  assert.equal(edge.label, '✕ orders:80');
  assert.match(edge.detail, /env ORDERS_URL of container web.*pod port TCP 9000.*DENIED/);
  assert.equal(edge.place.file, 'app.yaml');
  assert.deepEqual(edge.explain, { source: 'shop/web[Deployment]', destination: 'shop/orders[Deployment]', protocol: 'TCP', port: 9000 });
  assert.equal(graph.stats.deniedDependencies, 1);
});

test('one namespace: its workloads, plus the peers of other namespaces that connect to them (out of scope)', () => {
  const fixture = `
# file: a.yaml
${deployment('a', 'web', 'app: web', 8080)}${deployment('b', 'api', 'app: api', 9000)}${deployment('c', 'lonely', 'app: lonely', 1000)}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: b}
spec:
  podSelector: {}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: a}}}]
`;
  const graph = graphOf(fixture, 'b');
  assert.equal(graph.namespace, 'b');
  assert.deepEqual(graph.allNamespaces, ['a', 'b', 'c']);
  assert.deepEqual(
    graph.nodes.filter((n) => n.type === 'workload').map((n) => `${n.id} ${n.type === 'workload' && n.inScope}`),
    ['b/api[Deployment] true', 'a/web[Deployment] false'],
  );
  assert.deepEqual(edges(graph, 'policy'), ['policy a/web[Deployment] -> b/api[Deployment]: all']);
  assert.deepEqual(graph.nodes.filter((n) => n.type === 'namespace').map((n) => `${n.id} ${n.type === 'namespace' && n.inScope}`), ['ns:a false', 'ns:b true']);
});

test('internal load balancers come from the VNet; Gateways and NodePorts are entry points too', () => {
  const fixture = `
# file: app.yaml
${deployment('shop', 'web', 'app: web', 8080)}apiVersion: v1
kind: Service
metadata:
  name: web-internal
  namespace: shop
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 443, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-np, namespace: shop}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: azure-alb-external
  listeners: [{name: https, port: 443, protocol: HTTPS}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;
  const graph = graphOf(fixture);
  assert.deepEqual(edges(graph, 'exposure'), [
    'exposure gateway:shop/public -> shop/web[Deployment]: HTTPRoute web → 8080',
    'exposure internet -> gateway:shop/public: HTTPS 443',
    'exposure lb:shop/web-internal -> shop/web[Deployment]: 443 → 8080',
    'exposure nodes -> shop/web[Deployment]: NodePort 30080 → 8080',
    'exposure vnet -> lb:shop/web-internal: TCP 443',
  ]);
  const gateway = graph.nodes.find((n) => n.id === 'gateway:shop/public');
  assert.ok(gateway && gateway.type === 'gateway');
  assert.equal(gateway.namespace, 'shop');
  assert.match(gateway.detail, /azure-alb-external \(Azure-hosted\)/);
  const web = graph.nodes.find((n) => n.id === 'shop/web[Deployment]');
  assert.equal(web?.type === 'workload' && web.exposure, 'public');
});

test('no NetworkPolicy: nothing to draw between workloads, and a note says why', () => {
  const graph = graphOf(`\n# file: a.yaml\n${deployment('a', 'one', 'app: one', 1)}${deployment('a', 'two', 'app: two', 2)}`);
  assert.deepEqual(edges(graph, 'policy'), []);
  assert.equal(graph.stats.openPairs, 2);
  assert.match(graph.notes.join('\n'), /No NetworkPolicy in the workspace/);
});

test('the graph is kept until its inputs change', () => {
  const { analysis } = loadFixture(SHOP);
  const first = connectivityGraph(analysis.index);
  assert.equal(connectivityGraph(analysis.index), first, 'asked again: the same object');
  analysis.setFile('extra.yaml', deployment('shop', 'extra', 'app: extra', 1234));
  assert.notEqual(connectivityGraph(analysis.index), first);
  assert.ok(connectivityGraph(analysis.index).nodes.some((n) => n.id === 'shop/extra[Deployment]'));
});

async function generated(count: number): Promise<Analysis> {
  const modulePath = path.join(REPO_ROOT, 'test', 'e2e', 'lib', 'generateWorkspace.mjs');
  const { generateGraphWorkspace } = (await import(pathToFileURL(modulePath).href)) as { generateGraphWorkspace: (n: number) => Map<string, string> };
  const analysis = analysisOf(generateGraphWorkspace(count));
  analysis.refresh();
  return analysis;
}

test('200 workloads: every workload drawn, denied dependencies found, built quickly', async () => {
  const analysis = await generated(200);
  const started = performance.now();
  const graph = connectivityGraph(analysis.index);
  const ms = performance.now() - started;
  assert.equal(graph.stats.workloads, 200);
  assert.equal(graph.nodes.filter((n) => n.type === 'workload').length, 200);
  assert.equal(graph.nodes.filter((n) => n.type === 'namespace').length, 8);
  assert.ok(graph.stats.deniedDependencies > 0 && graph.stats.deniedDependencies < graph.stats.dependencies);
  assert.equal(graph.stats.omittedEdges, 0);
  assert.ok(ms < 3000, `built in ${Math.round(ms)} ms`);
});

test('2,000 workloads are computable; over the bounds, what is left out is counted and said', async () => {
  const analysis = await generated(2000);
  let started = performance.now();
  const graph = connectivityGraph(analysis.index);
  const ms = performance.now() - started;
  assert.equal(graph.stats.workloads, 2000);
  assert.ok(ms < 20000, `built in ${Math.round(ms)} ms`);
  started = performance.now();
  const one = connectivityGraph(analysis.index, { namespace: graph.allNamespaces[3]! });
  assert.equal(one.stats.workloads, 25);
  assert.ok(performance.now() - started < 10000);

  const bounded = connectivityGraph(analysis.index, {}, { maxWorkloads: 100, maxEdges: 50 });
  assert.equal(bounded.stats.workloads, 100);
  assert.equal(bounded.stats.omittedWorkloads, 1900);
  assert.equal(bounded.edges.length, 50);
  assert.ok(bounded.stats.omittedEdges > 0);
  assert.match(bounded.notes.join('\n'), /Showing 100 of 2000 workloads/);
  assert.match(bounded.notes.join('\n'), /edges are not shown \(at most 50\)/);
});

test('workload nodes carry their exposure inside the cluster beyond the workspace (issue 21)', () => {
  const fixture = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: open, namespace: shop}
spec:
  selector: {matchLabels: {app: open}}
  template: {metadata: {labels: {app: open}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ops-only, namespace: shop}
spec:
  selector: {matchLabels: {app: ops-only}}
  template: {metadata: {labels: {app: ops-only}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: closed, namespace: shop}
spec:
  selector: {matchLabels: {app: closed}}
  template: {metadata: {labels: {app: closed}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ops-only, namespace: shop}
spec:
  podSelector: {matchLabels: {app: ops-only}}
  ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: closed, namespace: shop}
spec:
  podSelector: {matchLabels: {app: closed}}
  ingress: [{from: [{podSelector: {matchLabels: {app: open}}}]}]
`;
  const nodes = graphOf(fixture).nodes;
  const exposure = (name: string) => nodes.find((n) => n.type === 'workload' && n.name === name)?.type === 'workload' ? (nodes.find((n) => n.type === 'workload' && n.name === name) as { clusterExposure: string }).clusterExposure : undefined;
  assert.equal(exposure('open'), 'entire-cluster');
  assert.equal(exposure('ops-only'), 'selectors');
  assert.equal(exposure('closed'), 'none');
});
