import { test } from 'node:test';
import { ciliumEgressBlocksDns } from '../../server/src/engine/rules/ciliumEgressBlocksDns';
import { checkFixture } from '../support/fixture';

const rules = [ciliumEgressBlocksDns];
const cilium = { profile: { networkPolicyEngine: 'cilium' as const } };

const APP = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: i}]}
---`;

// https://docs.cilium.io/en/stable/security/policy/language/ "Egress Default Deny" (egress: [{}]).
test('cilium-egress-blocks-dns fires when a Cilium rule isolates egress without DNS', () => {
  checkFixture(`
# file: app.yaml
${APP}
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^ error[cilium-egress-blocks-dns]: \`deny-egress\` puts Deployment \`web\` in default deny for egress, and no egress rule of theirs admits DNS
  egress:
  - toEntities: [world]
`, { rules, settings: cilium });
});

test('cilium-egress-blocks-dns stays silent when DNS is admitted, when egress is not isolated, or off Cilium', () => {
  const admitted = `${APP}
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: with-dns, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  egress:
  - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}}]
    toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: "*"}]}}]
  - toFQDNs: [{matchName: api.github.com}]
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: ingress-only, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress: [{}]
`;
  checkFixture(admitted, { rules, settings: cilium });
  checkFixture(`${APP}
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  egress: [{}]
`, { rules, settings: { profile: { networkPolicyEngine: 'calico' as const } } });
});
