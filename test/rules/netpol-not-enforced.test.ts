import { test } from 'node:test';
import { netpolNotEnforced } from '../../server/src/engine/rules/netpolNotEnforced';
import { checkFixture } from '../support/fixture';

const rules = [netpolNotEnforced];

test('netpol-not-enforced fires once per policy when the profile says no engine runs', () => {
  checkFixture(`
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
#                ^^^^^^^^ warning[netpol-not-enforced]: NetworkPolicy \`deny-all\` is not enforced: the cluster runs no network policy engine (cluster.networkPolicyEngine: none, from .netlens.yaml: cluster.networkPolicyEngine)
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-web, namespace: shop}
#                ^^^^^^^^^ warning[netpol-not-enforced]: every pod it selects still accepts and opens any connection
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{}]
`, { rules, settings: { profile: { networkPolicyEngine: 'none', origins: { networkPolicyEngine: '.netlens.yaml: cluster.networkPolicyEngine' } } } });
});

test('netpol-not-enforced stays silent with an engine, or when the profile does not say', () => {
  const fixture = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec:
  podSelector: {}
`;
  for (const profile of [{}, { networkPolicyEngine: 'cilium' as const }, { networkPolicyEngine: 'azure-npm' as const }, { networkPolicyEngine: 'calico' as const }]) {
    checkFixture(fixture, { rules, settings: { profile } });
  }
});
