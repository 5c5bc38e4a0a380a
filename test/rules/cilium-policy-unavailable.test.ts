import { test } from 'node:test';
import { ciliumPolicyUnavailable } from '../../server/src/engine/rules/ciliumPolicyUnavailable';
import { checkFixture } from '../support/fixture';

const rules = [ciliumPolicyUnavailable];

test('cilium-policy-unavailable fires when the profile names another engine, and says so as info when it names none', () => {
  checkFixture(`
# file: cilium.yaml
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: l3-rule, namespace: shop}
#                ^^^^^^^ warning[cilium-policy-unavailable]: CiliumNetworkPolicy \`l3-rule\` is not enforced: only Cilium enforces it, and the cluster profile says the engine is Azure NPM (cluster.networkPolicyEngine: azure-npm)
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress: [{fromEndpoints: [{matchLabels: {role: frontend}}]}]
`, { rules, settings: { profile: { networkPolicyEngine: 'azure-npm' } } });
  checkFixture(`
# file: cilium.yaml
apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: default-deny}
#                ^^^^^^^^^^^^ info[cilium-policy-unavailable]: CiliumClusterwideNetworkPolicy \`default-deny\` is not evaluated: only Cilium enforces it, and the cluster profile does not state the network policy engine
spec:
  endpointSelector: {}
  egress: [{}]
`, { rules, settings: { profile: {} } });
});

test('cilium-policy-unavailable stays silent under Cilium and for other kinds of cilium.io', () => {
  checkFixture(`
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: l3-rule, namespace: shop}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress: [{fromEndpoints: [{matchLabels: {role: frontend}}]}]
---
apiVersion: cilium.io/v2
kind: CiliumEndpoint
metadata: {name: x, namespace: shop}
`, { rules, settings: { profile: { networkPolicyEngine: 'cilium' } } });
  checkFixture(`
apiVersion: cilium.io/v2alpha1
kind: CiliumNetworkPolicy
metadata: {name: other-version, namespace: shop}
spec: {}
`, { rules, settings: { profile: { networkPolicyEngine: 'calico' } } });
});
