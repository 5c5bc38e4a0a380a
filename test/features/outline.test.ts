import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentSymbols, workspaceSymbols } from '../../server/src/engine/features/symbols';
import { exposureOf, formatExposurePath } from '../../server/src/engine/exposure/exposure';
import type { Workload } from '../../server/src/engine/model/resources';
import { SHOP } from './fixtures';
import { CURSOR, cursorIn, lensesAt, openFixture } from './support';

test('document symbols: one entry per object; a List holds its items', () => {
  const f = openFixture(`${SHOP}
# file: list.yaml
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: one, namespace: a}
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: two, namespace: a}${CURSOR}
`);
  const web = documentSymbols(f.host, 'web.yaml', f.texts.get('web.yaml')!);
  assert.deepEqual(web.map((s) => `${s.name} (${s.detail})`), ['web (Deployment · shop)', 'web (Service · shop)']);
  const list = documentSymbols(f.host, 'list.yaml', f.texts.get('list.yaml')!);
  assert.equal(list.length, 1);
  assert.equal(list[0]!.name, 'List');
  assert.deepEqual(list[0]!.children.map((c) => `${c.kind} ${c.name}`), ['Service one', 'ConfigMap two']);
});

test('workspace symbols: best matches first, substring and in-order letters, bounded', () => {
  const f = openFixture(cursorIn(SHOP, 'web.yaml', 'web'));
  assert.deepEqual(workspaceSymbols(f.host, 'web').map((s) => `${s.kind} ${s.name}`), ['Deployment web', 'Ingress web', 'Service web', 'Service web-lb', 'NetworkPolicy api-from-web']);
  assert.deepEqual(workspaceSymbols(f.host, 'shop/a-f-w').map((s) => s.name), ['api-from-web']);
  assert.equal(workspaceSymbols(f.host, '', 3).length, 3);
  assert.deepEqual(workspaceSymbols(f.host, 'zzz'), []);
});

test('code lenses on a Service, a NetworkPolicy and a workload, each with its locations', () => {
  assert.deepEqual(lensesAt(cursorIn(SHOP, 'web.yaml', 'web')), [
    { title: 'reachable from 0 workloads', targets: [] },
    { title: 'public via Ingress (blocked)', targets: ['ingress.yaml: web'] },
    { title: 'public via LoadBalancer (blocked)', targets: ['lb.yaml: web-lb'] },
    { title: 'selects 3 pods', targets: ['web.yaml: web'] },
    { title: 'routed by Ingress shop/web', targets: ['ingress.yaml: web'] },
  ]);
  const open = SHOP.replace('  podSelector: {}\n  policyTypes: [Ingress]', '  podSelector: {matchLabels: {app: none}}\n  policyTypes: [Ingress]');
  assert.deepEqual(lensesAt(cursorIn(open, 'web.yaml', 'web'))[0], { title: 'reachable from everywhere (not isolated)', targets: [] });
  assert.deepEqual(lensesAt(cursorIn(SHOP, 'policies.yaml', 'api')), [
    { title: 'isolates 5 pods (ingress)', targets: ['api.yaml: api', 'web.yaml: web'] },
    { title: 'admits no sources', targets: [] },
    { title: 'isolates 2 pods (ingress)', targets: ['api.yaml: api'] },
    { title: 'admits 1 source', targets: ['web.yaml: web'] },
  ]);
  assert.deepEqual(lensesAt(cursorIn(SHOP, 'api.yaml', 'api')).slice(0, 1), [{ title: 'reachable from 1 workload', targets: ['web.yaml: web'] }]);
});

test('exposure: LoadBalancer, NodePort, Ingress and Gateway paths as data and text', () => {
  const f = openFixture(`${SHOP}
# file: np.yaml
apiVersion: v1
kind: Service
metadata: {name: api-np, namespace: shop}
spec:
  type: NodePort
  selector: {app: api}
  ports: [{port: 80, targetPort: http, nodePort: 30080}]
# file: gw.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{name: public}]
  hostnames: [api.example.com]
  rules: [{matches: [{path: {type: PathPrefix, value: /v1}}], backendRefs: [{name: api, port: 80}]}]${CURSOR}
`);
  const index = f.host.analysis.index;
  const api = index.workloadsIn('shop').find((w) => w.name === 'api') as Workload;
  assert.deepEqual(exposureOf(index, api).map(formatExposurePath).sort(), [
    "Internet → Gateway `shop/public` (`approuting-istio`):80 → HTTPRoute `shop/api` host `api.example.com` `/v1` → Service `api`:`http` → :9000",
    "any client that reaches a node → every node's IP:30080 (NodePort `shop/api-np`) → :9000",
  ]);
  const web = index.workloadsIn('shop').find((w) => w.name === 'web') as Workload;
  const paths = exposureOf(index, web);
  const lb = paths.find((p) => p.hops[0]!.kind === 'load-balancer')!;
  assert.equal(lb.entry, 'internet');
  assert.deepEqual(lb.hops.map((h) => h.kind), ['load-balancer', 'pods']);
  const viaIngress = paths.find((p) => p.hops[0]!.kind === 'ingress-controller')!;
  assert.deepEqual(viaIngress.hops.map((h) => h.kind), ['ingress-controller', 'ingress', 'service', 'pods']);
  const controller = viaIngress.hops[0]!;
  assert.ok(controller.kind === 'ingress-controller' && controller.controller.family === 'aks-app-routing-nginx' && controller.controller.hosting === 'in-cluster');
});
