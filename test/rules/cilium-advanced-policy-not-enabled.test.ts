import { test } from 'node:test';
import { ciliumAdvancedPolicyNotEnabled } from '../../server/src/engine/rules/ciliumAdvancedPolicyNotEnabled';
import { checkFixture } from '../support/fixture';

const rules = [ciliumAdvancedPolicyNotEnabled];

const POLICY = `
# file: policy.yaml
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: api}}
  egress:
  - toFQDNs: [{matchName: api.github.com}]
  ingress:
  - fromEndpoints: [{matchLabels: {app: web}}]
    toPorts:
    - ports: [{port: "80", protocol: TCP}]
      rules:
        http: [{method: GET, path: /public}]
`;

test('cilium-advanced-policy-not-enabled fires on toFQDNs with ACNS off and on L7 rules with FQDN only', () => {
  checkFixture(POLICY.replace('  - toFQDNs: [{matchName: api.github.com}]\n', '  - toFQDNs: [{matchName: api.github.com}]\n#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[cilium-advanced-policy-not-enabled]: `api` filters egress by name (toFQDNs), but the cluster profile says FQDN policies are not enabled (advancedNetworkPolicies: None)\n')
    .replace('        http: [{method: GET, path: /public}]\n', '        http: [{method: GET, path: /public}]\n#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[cilium-advanced-policy-not-enabled]: L7 policies need advancedNetworkPolicies L7\n'), { rules, settings: { profile: { networkPolicyEngine: 'cilium', advancedNetworkPolicies: 'None' } } });
  checkFixture(POLICY.replace('        http: [{method: GET, path: /public}]\n', '        http: [{method: GET, path: /public}]\n#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[cilium-advanced-policy-not-enabled]: has an L7 rule (`rules: http`), but the cluster profile says advancedNetworkPolicies is FQDN\n'), { rules, settings: { profile: { networkPolicyEngine: 'cilium', advancedNetworkPolicies: 'FQDN' } } });
});

test('cilium-advanced-policy-not-enabled stays silent with L7 enabled, or when the profile does not say', () => {
  for (const profile of [{ networkPolicyEngine: 'cilium' as const, advancedNetworkPolicies: 'L7' as const }, { networkPolicyEngine: 'cilium' as const }, {}]) {
    checkFixture(POLICY, { rules, settings: { profile } });
  }
});
