/** Hovers and completion on Cilium policies (issue 22): field docs with their sources, entity values, keys. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectivityGraph } from '../../server/src/engine/features/graph';
import { loadFixture } from '../support/fixture';
import { assertHover, assertHoverWith, completionLabels, CURSOR, cursorIn } from './support';

const POLICY = `# file: cilium.yaml
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: to-fqdn, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  egress:
  - toEndpoints:
    - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}
    toPorts:
    - ports: [{port: "53", protocol: ANY}]
      rules:
        dns: [{matchPattern: "*"}]
  - toFQDNs: [{matchName: api.github.com}]
  - toEntities: [world]
`;

test('hover on Cilium fields: what it does, with the docs.cilium.io source', () => {
  assertHover(cursorIn(POLICY, 'cilium.yaml', 'toFQDNs', 2), 'Destinations by DNS name', 'rules: dns', 'docs.cilium.io');
  assertHover(cursorIn(POLICY, 'cilium.yaml', 'endpointSelector', 2), 'The pods this rule applies to', 'k8s:io.kubernetes.pod.namespace');
  assertHover(cursorIn(POLICY, 'cilium.yaml', 'toEntities', 2), 'by what they are', 'remote-node');
});

test('completion offers Cilium keys and entity values', () => {
  const keys = completionLabels(POLICY.replace('  - toEntities: [world]\n', `  - toEntities: [world]\n    ${CURSOR}\n`));
  for (const key of ['toEndpoints', 'toEntities', 'toCIDR', 'toCIDRSet', 'toFQDNs', 'toPorts', 'toServices']) assert.ok(keys.includes(key), `${key} in ${keys.join(', ')}`);
  const entities = completionLabels(POLICY.replace('  - toEntities: [world]\n', `  - toEntities:\n    - ${CURSOR}\n`));
  for (const entity of ['world', 'cluster', 'host', 'remote-node', 'kube-apiserver', 'all']) assert.ok(entities.includes(entity), `${entity} in ${entities.join(', ')}`);
});

test('hover on a Cilium policy: enforcement, the pods each rule selects, what each item admits, L7 as data', () => {
  const fixture = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts:
    - ports: [{port: "80", protocol: TCP}]
      rules:
        http: [{method: GET, path: "/api/*"}]
  ingressDeny:
  - fromEntities: [world]
`;
  assertHoverWith({ profile: { networkPolicyEngine: 'cilium' } }, cursorIn(fixture, 'app.yaml', 'api-in', 2),
    '**CiliumNetworkPolicy shop\\/api\\-in**',
    '**Enforced by** Cilium',
    '`spec` selects 2 pods (Deployment `shop/api`); default deny for ingress.',
    '- `spec.ingressDeny[0]` denies entity world on all ports',
  );
  assertHoverWith({ profile: { networkPolicyEngine: 'cilium' } }, cursorIn(fixture, 'app.yaml', 'fromEndpoints', 2),
    '`spec.ingress[0]` admits endpoints app\\=web of namespace shop on TCP 80; allowed: http\\: GET \\/api\\/\\* only',
    'Allowed sources that are pods',
  );
  assertHoverWith({}, cursorIn(fixture, 'app.yaml', 'api-in', 2), 'not evaluated');
});

test('the graph under Cilium: Cilium isolation marks the workload, and only what Cilium admits is drawn', () => {
  const fixture = `# file: app.yaml
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: i}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: shop, labels: {app: other}}
spec: {containers: [{name: c, image: i}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
`;
  const { analysis } = loadFixture(fixture);
  const graph = connectivityGraph(analysis.index, { profile: { networkPolicyEngine: 'cilium', kubernetesVersion: '1.31' } });
  const api = graph.nodes.find((n) => n.type === 'workload' && n.name === 'api') as { isolated: { ingress: boolean; egress: boolean } };
  assert.deepEqual(api.isolated, { ingress: true, egress: false });
  const toApi = graph.edges.filter((e) => e.kind === 'policy' && e.target.endsWith('api[Pod]')).map((e) => `${e.source} ${(e as { connections: string }).connections}`);
  assert.deepEqual(toApi, ['shop/web[Pod] TCP 8080']);
  const off = connectivityGraph(analysis.index, { profile: { networkPolicyEngine: 'calico' } });
  const apiOff = off.nodes.find((n) => n.type === 'workload' && n.name === 'api') as { isolated: { ingress: boolean } };
  assert.equal(apiOff.isolated.ingress, false);
});
