import assert from 'node:assert/strict';
import { test } from 'node:test';
import { netpolAdmitsNoSource } from '../../server/src/engine/rules/netpolAdmitsNoSource';
import { checkFixture } from '../support/fixture';

const rules = [netpolAdmitsNoSource];

const APPS = `
# file: apps.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis, namespace: shop}
#                ^^^^^ warning[netpol-admits-no-source]: StatefulSet \`redis\` is exposed on 6379/TCP by Service \`redis\`, but its ingress policies admit no source that exists or could exist there: \`redis-policy\`: its ingress rule 1 admits pods app=api of namespace shop, and no such pod exists in namespace shop, whose workloads the workspace holds
spec:
  template:
    metadata: {labels: {app: redis}}
    spec: {containers: [{name: redis, image: redis, ports: [{containerPort: 6379}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: cart, image: cart, ports: [{containerPort: 7070}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: redis, namespace: shop}
spec: {selector: {app: redis}, ports: [{port: 6379}]}
`;

test('netpol-admits-no-source: a podSelector left empty with an allow-list naming a peer that matches nothing (the case of issue 15)', () => {
  const analysis = checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: redis-policy, namespace: shop}
spec:
  podSelector:
    matchLabels:
  ingress:
    - from: [{podSelector: {matchLabels: {app: api}}}]
      ports: [{port: 6379}]
`, { rules });
  assert.deepEqual(analysis.findings('apps.yaml')[0]!.data, { workload: 'shop/redis', ports: [{ port: 6379, protocol: 'TCP' }], services: ['redis'], policies: ['redis-policy'] });
});

test('netpol-admits-no-source: a default-deny without an allow rule, and rules for other ports', () => {
  checkFixture(APPS.replace(/#.*warning\[netpol-admits-no-source\].*\n/, '#                ^^^^^ warning[netpol-admits-no-source]: `cart-only`: its ingress rule 1 admits other ports only; `default-deny` has no ingress rules\n') + `
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: cart-only, namespace: shop}
spec:
  podSelector: {}
  ingress: [{ports: [{port: 7070}]}]
`, { rules });
});

test('netpol-admits-no-source stays silent when some source exists or could exist', () => {
  const clean = APPS.replace(/#.*warning\[netpol-admits-no-source\].*\n/, '');
  const policy = (from: string) => `
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: redis-policy, namespace: shop}
spec:
  podSelector: {matchLabels: {app: redis}}
  ingress: [{from: [${from}], ports: [{port: 6379}]}]
`;
  // An existing client; any address; pods of a namespace the workspace does not hold; a label-selected namespace.
  checkFixture(clean + policy('{podSelector: {matchLabels: {app: cart}}}'), { rules });
  checkFixture(clean + policy('{ipBlock: {cidr: 10.0.0.0/8}}'), { rules });
  checkFixture(clean + policy('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}'), { rules });
  checkFixture(clean + policy('{namespaceSelector: {matchLabels: {team: ops}}}'), { rules });
  // The application routing NGINX, where it runs.
  checkFixture(clean + policy('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: app-routing-system}}}'), { rules });
  // One port admits its clients, another (a management port) is left closed: a choice.
  checkFixture(clean.replace('ports: [{port: 6379}]}', 'ports: [{port: 6379}, {name: admin, port: 8001}]}') + policy('{podSelector: {matchLabels: {app: cart}}}'), { rules });
  // No engine enforces policies.
  checkFixture(clean + policy('{podSelector: {matchLabels: {app: nobody}}}'), { rules, settings: { profile: { networkPolicyEngine: 'none' } } });
  // Not isolated.
  checkFixture(clean, { rules });
});
