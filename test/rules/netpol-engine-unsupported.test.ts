import { test } from 'node:test';
import { netpolEngineUnsupported } from '../../server/src/engine/rules/netpolEngineUnsupported';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { checkFixture } from '../support/fixture';

const rules = [netpolEngineUnsupported];
const cilium: ClusterProfile = { networkModel: 'overlay', podCidr: '10.244.0.0/16', vnetCidrs: ['10.224.0.0/12'], networkPolicyEngine: 'cilium' };

test('netpol-engine-unsupported: Cilium ipBlock over pod/node IPs, hostNetwork pods, endPort before 1.31', () => {
  checkFixture(`
# file: agent.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-agent, namespace: ops}
spec:
  template:
    metadata: {labels: {app: agent}}
    spec: {hostNetwork: true, containers: [{name: a, image: agent}]}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-anywhere, namespace: ops}
spec:
  podSelector: {matchLabels: {app: agent}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-engine-unsupported]: Cilium does not apply NetworkPolicies to pods with hostNetwork: true; this policy selects DaemonSet node-agent
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-engine-unsupported]: Cilium does not match pod or node IPs with ipBlock: 0.0.0.0/0 covers the pod CIDR 10.244.0.0/16 and the VNet range 10.224.0.0/12, yet traffic to pods and nodes there stays blocked
      ports:
        - {port: 30000, endPort: 32767}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[netpol-engine-unsupported]: endPort (30000-32767) needs Cilium 1.16 or later, and AKS runs Cilium 1.16+ only from Kubernetes 1.31 on
`, { rules, settings: { profile: cilium } });
});

test('netpol-engine-unsupported: Azure NPM IPv6, endPort, many ipBlocks, and Windows-only gaps', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: many-blocks, namespace: shop}
#                ^^^^^^^^^^^ info[netpol-engine-unsupported]: has 5 ipBlock sections
spec:
  podSelector:
    matchExpressions: [{key: debug, operator: DoesNotExist}]
#   ^ warning[netpol-engine-unsupported]: negative selectors (NotIn, DoesNotExist): spec.podSelector
  ingress:
    - from:
        - ipBlock: {cidr: "2001:db8::/64"}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-engine-unsupported]: Azure NPM does not support IPv6
        - ipBlock: {cidr: 20.0.0.0/8, except: [20.1.0.0/16]}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-engine-unsupported]: ipBlock \`except\`
        - ipBlock: {cidr: 30.0.0.0/8}
        - ipBlock: {cidr: 40.0.0.0/8}
        - ipBlock: {cidr: 50.0.0.0/8}
      ports:
        - {port: http}
#         ^^^^^^^^^^^^ warning[netpol-engine-unsupported]: named ports
        - {protocol: TCP, port: 8000, endPort: 8100}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[netpol-engine-unsupported]: Azure NPM has been reported by its maintainers to ignore endPort (8000-8100)
`, { rules, settings: { profile: { networkPolicyEngine: 'azure-npm', windowsNodes: true } } });
});

test('netpol-engine-unsupported stays silent with the documented workaround, Kubernetes 1.31+, Linux-only NPM, Calico and unknown engines', () => {
  const fixture = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0}
        - namespaceSelector: {}
      ports: [{port: 30000, endPort: 32767}, {port: http}]
    - to: [{ipBlock: {cidr: 8.8.8.8/32}}]
`;
  checkFixture(fixture, { rules, settings: { profile: { ...cilium, kubernetesVersion: '1.31.2' } } });
  checkFixture(fixture.replace(', endPort: 32767', ''), { rules, settings: { profile: { networkPolicyEngine: 'azure-npm', windowsNodes: false } } });
  checkFixture(fixture, { rules, settings: { profile: { networkPolicyEngine: 'calico', windowsNodes: true } } });
  checkFixture(fixture, { rules, settings: { profile: {} } });
});

test('netpol-engine-unsupported: part of the pod CIDR is reported without offering namespaceSelector: {}, which would admit every pod', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-batch, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from:
        - ipBlock: {cidr: 10.244.8.0/24}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-engine-unsupported]: 10.244.8.0/24 covers the pod CIDR 10.244.0.0/16, yet traffic from pods and nodes there stays blocked by this rule; select the pods meant here with a \`namespaceSelector\`/\`podSelector\` peer in the rule's \`from\` (the workaround AKS documents); \`namespaceSelector: {}\` would admit every pod of the cluster.
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-vnet, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from:
        - ipBlock: {cidr: 10.0.0.0/8}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-engine-unsupported]: covers the pod CIDR 10.244.0.0/16 and the VNet range 10.224.0.0/12, yet traffic from pods and nodes there stays blocked by this rule; add \`namespaceSelector: {}\` to the rule's \`from\` to admit pods (the workaround AKS documents; the ipBlock already takes in every pod address). Node IPs cannot be admitted by a NetworkPolicy under Cilium at all.
`, { rules, settings: { profile: cilium } });
});

test('netpol-engine-unsupported stays silent for the Application Gateway for Containers subnet and other non-pod VNet ranges', () => {
  const agc: ClusterProfile = { ...cilium, ingressControllers: [{ class: 'azure-alb-external', subnetCidr: '10.225.0.0/24' }] };
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-agc, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from: [{ipBlock: {cidr: 10.225.0.0/24}}]
    - from: [{ipBlock: {cidr: 10.226.4.0/24}}]
`, { rules, settings: { profile: agc } });
  // Flat model: pods take VNet addresses, but a part of the VNet may be anything; only the whole VNet is reported.
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-private-endpoint, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ipBlock: {cidr: 10.230.1.16/28}}]
`, { rules, settings: { profile: { networkModel: 'flat', vnetCidrs: ['10.224.0.0/12'], networkPolicyEngine: 'cilium' } } });
});
