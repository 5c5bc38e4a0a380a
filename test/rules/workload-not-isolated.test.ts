import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workloadNotIsolated } from '../../server/src/engine/rules/workloadNotIsolated';
import { checkFixture } from '../support/fixture';

const rules = [workloadNotIsolated];
const settings = { rules: { 'workload-not-isolated': 'info' as const } };

test('workload-not-isolated (when enabled) fires per direction a workload is open in', () => {
  const analysis = checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: open, namespace: shop}
#                ^^^^ info[workload-not-isolated]: Deployment \`open\` is not isolated for ingress and egress: no NetworkPolicy in namespace \`shop\` selects its pods with either policy type, so any pod or address may connect to it, and it may connect anywhere
spec:
  template:
    metadata: {labels: {app: open}}
    spec: {containers: [{name: c, image: c}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
#                ^^^ info[workload-not-isolated]: Deployment \`web\` is not isolated for egress: no NetworkPolicy in namespace \`shop\` selects its pods with policyType Egress, so it may connect anywhere (ingress is isolated by \`web\`)
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{podSelector: {}}]}]
  egress: [{}]
  policyTypes: [Ingress]
`, { rules, settings });
  assert.deepEqual(analysis.findings('fixture.yaml').map((f) => f.data), [
    { workload: 'shop/open', namespace: 'shop', directions: ['Ingress', 'Egress'] },
    { workload: 'shop/web', namespace: 'shop', directions: ['Egress'] },
  ]);
});

test('workload-not-isolated stays silent by default, and for workloads isolated both ways', () => {
  const open = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: open, namespace: shop}
spec:
  template:
    metadata: {labels: {app: open}}
    spec: {containers: [{name: c, image: c}]}
`;
  checkFixture(open, { rules });
  checkFixture(`${open}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`, { rules, settings });
});

test('under Cilium, a Cilium policy isolates too; off Cilium it does not', () => {
  const manifests = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: c}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress: [{fromEntities: [cluster]}]
`;
  const under = (profile: Record<string, unknown>) => {
    const analysis = checkFixture(manifests.replace('metadata: {name: web, namespace: shop}', 'metadata: {name: web, namespace: shop}\n#                ^^^ warning[workload-not-isolated]: is not isolated for ' + (profile.networkPolicyEngine === 'cilium' ? 'egress: no NetworkPolicy in namespace `shop` and no Cilium policy selects its pods with policyType Egress, so it may connect anywhere (ingress is isolated by CiliumNetworkPolicy `shop/web-in`)' : 'ingress and egress')), { rules, settings: { rules: { 'workload-not-isolated': 'warning' }, profile } });
    return analysis.findings('fixture.yaml').map((f) => f.data);
  };
  assert.deepEqual(under({ networkPolicyEngine: 'cilium' }), [{ workload: 'shop/web', namespace: 'shop', directions: ['Egress'] }]);
  assert.deepEqual(under({ networkPolicyEngine: 'calico' }), [{ workload: 'shop/web', namespace: 'shop', directions: ['Ingress', 'Egress'] }]);
});
