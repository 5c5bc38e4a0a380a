/**
 * Evidence for generated NetworkPolicies (issue 16): one test per source (env values in every form, bare Service
 * names in any variable, container args, envFrom ConfigMaps, every route kind, Gateway proxies, existing policies),
 * the withheld default deny, and the closed loop: the generated policies keep every evidenced connection allowed,
 * asked of the reachability model on the workspace with the policies added.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClosedLoop } from '../../server/src/engine/fixes/closedLoop';
import { formatEdges, generatePolicies } from '../../server/src/engine/fixes/index';
import { referencesOf } from '../../server/src/engine/model/references';
import type { Workload } from '../../server/src/engine/model/resources';
import { reachModelOf, verdictBetween, workloadPeer } from '../../server/src/engine/reach/index';
import { apply, fixtureWorkspace, workspaceOf, type Workspace } from './support';

const deployment = (name: string, namespace: string, container: string, labels = `{app: ${name}}`) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
      containers:
${container}
`;
const service = (name: string, namespace: string, port: number, targetPort: number, protocol = 'TCP') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}, targetPort: ${targetPort}, protocol: ${protocol}}]
`;

/** The verdict of the reachability model between two workloads of the workspace (ids `ns/name`). */
function verdict(ws: Workspace, from: string, to: string, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): string {
  const model = reachModelOf(ws.analysis.index, ws.ctx.profile);
  const peer = (id: string) => {
    const [namespace, name] = id.split('/');
    const workload = [...ws.analysis.index.workloads()].find((w) => w.namespace === namespace && w.name === name) as Workload;
    return workloadPeer(model.netpol.peerOfWorkload(workload)!);
  };
  return verdictBetween(model, peer(from), peer(to), protocol, port).verdict;
}

/** The workspace with the generated change applied, refreshed. */
function after(ws: Workspace, change: Parameters<typeof apply>[1]): Workspace {
  const next = workspaceOf(apply(ws, change));
  next.analysis.refresh();
  return next;
}

test('a bare Service name in any variable is evidence (REDIS=azure-vote-back); name-holding variables are not', () => {
  const ws = fixtureWorkspace(`# file: vote.yaml
${deployment('azure-vote-front', 'vote', `        - name: front
          image: front
          env:
            - {name: REDIS, value: azure-vote-back}
            - {name: OTEL_SERVICE_NAME, value: azure-vote-back}`)}
---
${deployment('azure-vote-back', 'vote', '        - {name: back, image: redis, ports: [{containerPort: 6379}]}')}
---
${service('azure-vote-back', 'vote', 6379, 6379)}
`);
  const front = [...ws.analysis.index.workloads()].find((w) => w.name === 'azure-vote-front')!;
  assert.deepEqual(referencesOf(ws.analysis.index, front).map((r) => `${r.envName}: ${r.serviceName} ${r.form}`), ['REDIS: azure-vote-back bareService']);
  const result = generatePolicies(ws.ctx);
  assert.deepEqual(formatEdges(result.edges).filter((l) => !l.startsWith(' ')), ['vote/azure-vote-front[Deployment] -> vote/azure-vote-back[Deployment] : TCP 6379']);
  assert.equal(result.refused, false);
  assert.equal(verdict(after(ws, result.change), 'vote/azure-vote-front', 'vote/azure-vote-back', 6379), 'allowed');
});

test('container args are evidence: --backend-url=http://backend:9898/echo, with the span of the host and port', () => {
  const text = `# file: podinfo.yaml
${deployment('frontend', 'test', `        - name: podinfo
          image: podinfo
          command: [./podinfo]
          args: ["--port=9898", "--backend-url=http://backend:9898/echo", "--level=info"]`)}
---
${deployment('backend', 'test', '        - {name: podinfo, image: podinfo, ports: [{containerPort: 9898}]}')}
---
${service('backend', 'test', 9898, 9898)}
`;
  const ws = fixtureWorkspace(text);
  const frontend = [...ws.analysis.index.workloads()].find((w) => w.name === 'frontend')!;
  const refs = referencesOf(ws.analysis.index, frontend);
  assert.equal(refs.length, 1);
  assert.equal(refs[0]!.via, 'arg');
  const source = ws.texts.get('podinfo.yaml')!;
  assert.equal(source.slice(refs[0]!.span.start, refs[0]!.span.end), 'backend:9898');
  const result = generatePolicies(ws.ctx);
  assert.deepEqual(formatEdges(result.edges), [
    'test/frontend[Deployment] -> test/backend[Deployment] : TCP 9898',
    '    command-line item "--backend-url=http://backend:9898/echo" (container podinfo) (podinfo.yaml:13)',
  ]);
  assert.equal(verdict(after(ws, result.change), 'test/frontend', 'test/backend', 9898), 'allowed');
});

test('every written form of an address names the Service: svc, svc:port, svc.ns, svc.ns.svc, FQDN, URLs with default ports', () => {
  const forms: [string, string, number | undefined][] = [
    ['DB_HOST', 'db', undefined],
    ['DB', 'db:5432', 5432],
    ['DB_ADDR', 'db.data', undefined],
    ['DB_SVC', 'db.data.svc:5432', 5432],
    ['DB_FQDN', 'db.data.svc.cluster.local:5432', 5432],
    ['DB_URL', 'postgres://user@db.data.svc.cluster.local/app', 5432],
    ['WEB_URL', 'http://db.data', 80],
  ];
  const env = forms.map(([name, value]) => `            - {name: ${name}, value: "${value}"}`).join('\n');
  const ws = fixtureWorkspace(`# file: app.yaml
${deployment('app', 'data', `        - name: app
          image: app
          env:
${env}`)}
---
${deployment('db', 'data', '        - {name: db, image: postgres, ports: [{containerPort: 5432}]}')}
---
${service('db', 'data', 5432, 5432)}
`);
  const app = [...ws.analysis.index.workloads()].find((w) => w.name === 'app')!;
  const refs = referencesOf(ws.analysis.index, app);
  assert.deepEqual(
    refs.map((r) => [r.envName, r.serviceName, r.namespace, r.port]),
    forms.map(([name, , port]) => [name, 'db', 'data', port]),
  );
});

test('envFrom: a ConfigMap value read through envFrom is evidence', () => {
  const ws = fixtureWorkspace(`# file: app.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {CACHE: "cache:6379"}
---
${deployment('web', 'shop', `        - name: web
          image: web
          envFrom: [{configMapRef: {name: cfg}}]`)}
---
${deployment('cache', 'shop', '        - {name: cache, image: redis, ports: [{containerPort: 6379}]}')}
---
${service('cache', 'shop', 6379, 6379)}
`);
  const result = generatePolicies(ws.ctx);
  assert.deepEqual(formatEdges(result.edges), [
    'shop/web[Deployment] -> shop/cache[Deployment] : TCP 6379',
    '    ConfigMap cfg key CACHE = cache:6379 (read through envFrom) (app.yaml:4)',
  ]);
});

for (const [kind, apiVersion, protocol] of [
  ['HTTPRoute', 'v1', 'TCP'],
  ['GRPCRoute', 'v1', 'TCP'],
  ['TLSRoute', 'v1alpha2', 'TCP'],
  ['TCPRoute', 'v1alpha2', 'TCP'],
  ['UDPRoute', 'v1alpha2', 'UDP'],
] as const) {
  test(`${kind} backends are evidence (from the Gateway's proxies, ${protocol})`, () => {
    const ws = fixtureWorkspace(`# file: app.yaml
${deployment('api', 'shop', `        - {name: api, image: api, ports: [{containerPort: 7000, protocol: ${protocol}}]}`)}
---
${service('api', 'shop', 70, 7000, protocol)}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [{name: l, protocol: ${protocol === 'UDP' ? 'UDP' : 'TCP'}, port: 7000}]
---
apiVersion: gateway.networking.k8s.io/${apiVersion}
kind: ${kind}
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: api, port: 70}]}]
`);
    const result = generatePolicies(ws.ctx);
    const lines = formatEdges(result.edges).filter((l) => !l.startsWith(' '));
    assert.ok(lines.includes(`Gateway shop/gw (istio) proxy pods -> shop/api[Deployment] : ${protocol} 7000`), lines.join('\n'));
  });
}

test('Gateway proxies get a policy: clients in on the listener ports, out to the backends; the loop keeps the app reachable', () => {
  const ws = fixtureWorkspace(`# file: app.yaml
${deployment('web', 'shop', '        - {name: web, image: web, ports: [{containerPort: 8080}]}')}
---
${service('web', 'shop', 80, 8080)}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80}, {name: https, protocol: HTTPS, port: 443}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`);
  const result = generatePolicies(ws.ctx);
  assert.deepEqual(result.withheld, []);
  const document = result.documents[0]!;
  assert.ok(document.policies.includes('default-deny') && document.policies.includes('public-proxy'), document.policies.join(', '));
  const proxy = (document.objects as { metadata: { name: string }; spec: Record<string, unknown> }[]).find((o) => o.metadata.name === 'public-proxy')!;
  assert.deepEqual(proxy.spec.podSelector, { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'public' } });
  const rules = (list: unknown) => (list as { value: { ports: unknown[] } }[]).map((r) => r.value); // each rule carries its evidence comment
  assert.deepEqual(
    rules(proxy.spec.ingress).flatMap((r) => r.ports),
    [
      { protocol: 'TCP', port: 80 },
      { protocol: 'TCP', port: 443 },
    ],
  );
  assert.deepEqual(rules(proxy.spec.egress).flatMap((r) => r.ports), [{ protocol: 'TCP', port: 8080 }]);
});

const SOCK_SHOP = `# file: sock-shop.yaml
${deployment('front-end', 'sock-shop', '        - {name: front-end, image: front-end, ports: [{containerPort: 8079}]}', '{name: front-end}')}
---
${deployment('catalogue', 'sock-shop', '        - {name: catalogue, image: catalogue, ports: [{containerPort: 80}]}', '{name: catalogue}')}
---
${deployment('catalogue-db', 'sock-shop', '        - {name: catalogue-db, image: mysql, ports: [{containerPort: 3306}]}', '{name: catalogue-db}')}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: catalogue-access, namespace: sock-shop}
spec:
  podSelector: {matchLabels: {name: catalogue}}
  ingress: [{from: [{podSelector: {matchLabels: {name: front-end}}}], ports: [{port: 80}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: catalogue-db-access, namespace: sock-shop}
spec:
  podSelector: {matchLabels: {name: catalogue-db}}
  ingress: [{from: [{podSelector: {matchLabels: {name: catalogue}}}], ports: [{port: 3306}]}]
`;

test('existing NetworkPolicies are kept: what they admit stays allowed (front-end -> catalogue:80, catalogue -> catalogue-db:3306)', () => {
  const ws = fixtureWorkspace(SOCK_SHOP);
  ws.analysis.refresh();
  assert.equal(verdict(ws, 'sock-shop/front-end', 'sock-shop/catalogue', 80), 'allowed');
  const result = generatePolicies(ws.ctx);
  assert.deepEqual(formatEdges(result.edges), [
    'sock-shop/catalogue[Deployment] -> sock-shop/catalogue-db[Deployment] : TCP 3306',
    '    existing NetworkPolicy sock-shop/catalogue-db-access admits it (ingress of sock-shop/catalogue-db[Deployment]) (sock-shop.yaml:46)',
    'sock-shop/front-end[Deployment] -> sock-shop/catalogue[Deployment] : TCP 80',
    '    existing NetworkPolicy sock-shop/catalogue-access admits it (ingress of sock-shop/catalogue[Deployment]) (sock-shop.yaml:39)',
  ]);
  assert.equal(result.refused, false);
  assert.deepEqual(result.withheld, []);
  const next = after(ws, result.change);
  assert.equal(verdict(next, 'sock-shop/front-end', 'sock-shop/catalogue', 80), 'allowed');
  assert.equal(verdict(next, 'sock-shop/catalogue', 'sock-shop/catalogue-db', 3306), 'allowed');
  assert.equal(verdict(next, 'sock-shop/front-end', 'sock-shop/catalogue-db', 3306), 'denied');

  // Asked to ignore them, the generator has no evidence: front-end's egress is cut by the default deny... unless withheld.
  const ignoring = generatePolicies(ws.ctx, { ignoreExistingPolicies: true, force: true });
  assert.deepEqual(ignoring.edges, []);
  assert.equal(verdict(after(ws, ignoring.change), 'sock-shop/front-end', 'sock-shop/catalogue', 80), 'denied');
});

test('no default deny where an exposed workload has no evidenced client, unless forced; the reason names the workload', () => {
  const ws = fixtureWorkspace(`# file: app.yaml
${deployment('web', 'shop', '        - {name: web, image: web, ports: [{containerPort: 8080}]}')}
---
${service('web', 'shop', 80, 8080)}
`);
  const result = generatePolicies(ws.ctx);
  assert.equal(result.withheld.length, 1);
  assert.match(result.withheld[0]!.reasons[0]!, /^Deployment shop\/web is exposed by Service web but no client of it is evidenced: .*netlens\.io\/allow-from/);
  assert.ok(!result.documents[0]!.policies.includes('default-deny'));
  assert.match(result.documents[0]!.text, /No default deny: some workload of this namespace lacks evidence/);
  assert.ok(result.notes[0]!.message.startsWith('namespace shop: no default deny written: Deployment shop/web'));
  const forced = generatePolicies(ws.ctx, { force: true });
  assert.deepEqual(forced.withheld, []);
  assert.ok(forced.documents[0]!.policies.includes('default-deny'));
});

test('the closed loop: a workload no policy can select loses the default deny, with the connection named', () => {
  // A Pod without labels: no policy can admit its traffic alone, so the default deny would cut web -> db.
  const ws = fixtureWorkspace(`# file: app.yaml
${deployment('web', 'shop', `        - name: web
          image: web
          env: [{name: DB_HOST, value: "db.shop.svc:5432"}]`)}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: shop
  annotations: {netlens.io/allow-from: "shop/web:5432"}
spec:
  containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]
`);
  const result = generatePolicies(ws.ctx);
  assert.equal(result.refused, false);
  assert.equal(result.withheld.length, 1, JSON.stringify(result.notes));
  assert.match(result.withheld[0]!.reasons.join('\n'), /with its default deny, shop\/web\[Deployment\] -> shop\/db\[Pod\] : TCP 5432 would be denied/);
  assert.equal(verdict(after(ws, result.change), 'shop/web', 'shop/db', 5432), 'allowed');
});

test('the closed loop names a connection a change would break, and undoes a trial before the next', () => {
  const ws = fixtureWorkspace(SOCK_SHOP);
  const edges = generatePolicies(ws.ctx).edges;
  const loop = new ClosedLoop(ws.ctx);
  const deny = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: sock-shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
  const result = loop.verify({ edits: [], newFiles: [{ file: 'deny.yaml', text: deny }] }, edges);
  assert.deepEqual(
    result.broken.map((b) => `${b.edge.from.id} -> ${b.edge.to.id} ${b.port} ${b.before} -> ${b.after}`),
    ['sock-shop/catalogue[Deployment] -> sock-shop/catalogue-db[Deployment] 3306 allowed -> denied', 'sock-shop/front-end[Deployment] -> sock-shop/catalogue[Deployment] 80 allowed -> denied'],
  );
  // A second trial starts from the workspace again (the first change undone).
  assert.deepEqual(loop.verify({ edits: [], newFiles: [] }, edges), { broken: [], newFindings: [] });
});
