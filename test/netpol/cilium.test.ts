/**
 * CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy in the reachability model (issue 22). Each case is written
 * from an example of Cilium's documentation (the page is named above it; checked 2026-12-06), with pods added so
 * that the policy has something to select, and checked through the model every surface asks (reach/).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatConnections } from '../../server/src/engine/netpol/portSet';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { explainReach, reachModelOf } from '../../server/src/engine/reach/index';
import { docs, endpointOf, namespace, pod, reachOf } from './fixtureHelpers';
import { loadYaml } from './helpers';

const CILIUM: ClusterProfile = { networkPolicyEngine: 'cilium', kubernetesVersion: '1.31', podCidr: '10.244.0.0/16', vnetCidrs: ['10.224.0.0/12'] };

function allowedUnder(profile: ClusterProfile, src: string, dst: string, ...files: string[]): string {
  return formatConnections(reachOf(loadYaml(...files), src, dst, profile).allowed);
}
function possibleUnder(profile: ClusterProfile, src: string, dst: string, ...files: string[]): string {
  return formatConnections(reachOf(loadYaml(...files), src, dst, profile).possible);
}
const allowed = (src: string, dst: string, ...files: string[]) => allowedUnder(CILIUM, src, dst, ...files);
const possible = (src: string, dst: string, ...files: string[]) => possibleUnder(CILIUM, src, dst, ...files);

const PODS = docs(
  pod('default', 'frontend', { role: 'frontend' }),
  pod('default', 'backend', { role: 'backend' }, [{ name: 'http', port: 80 }]),
  pod('default', 'other', { role: 'other' }),
  pod('ns2', 'client', { role: 'frontend' }),
);

// https://docs.cilium.io/en/stable/security/policy/language/ "Endpoints Based" (l3-rule).
const L3_RULE = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "l3-rule"
spec:
  endpointSelector:
    matchLabels:
      role: backend
  ingress:
  - fromEndpoints:
    - matchLabels:
        role: frontend`;

test('fromEndpoints admits the selected pods of the policy namespace only, and isolates ingress (Endpoints Based)', () => {
  assert.equal(allowed('default/frontend', 'default/backend', PODS, L3_RULE), 'All Connections');
  assert.equal(allowed('default/other', 'default/backend', PODS, L3_RULE), 'No Connections');
  // Same labels in another namespace: a CiliumNetworkPolicy's selector without a namespace means its own.
  assert.equal(allowed('ns2/client', 'default/backend', PODS, L3_RULE), 'No Connections');
  // Egress of backend is not isolated: the rule has no egress section.
  assert.equal(allowed('default/backend', 'default/other', PODS, L3_RULE), 'All Connections');
});

test('Cilium policies are evaluated only when the profile says the engine is Cilium', () => {
  for (const profile of [{}, { networkPolicyEngine: 'azure-npm' as const }, { networkPolicyEngine: 'calico' as const }]) {
    assert.equal(allowedUnder(profile, 'default/other', 'default/backend', PODS, L3_RULE), 'All Connections', JSON.stringify(profile));
  }
});

// https://docs.cilium.io/en/stable/security/policy/language/ "Ingress/Egress Default Deny" and "Allow all ingress"
// (ingress: [{}] denies every ingress; fromEndpoints: [{}] admits every endpoint of the namespace).
test('an empty item isolates and admits nothing; fromEndpoints [{}] admits the namespace', () => {
  const denyAll = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-all-ingress}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - {}`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, denyAll), 'No Connections');
  const egressDeny = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-all-egress}
spec:
  endpointSelector: {matchLabels: {role: frontend}}
  egress:
  - {}`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, egressDeny), 'No Connections');
  assert.equal(allowed('default/other', 'default/backend', PODS, egressDeny), 'All Connections');
  const allowNamespace = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: allow-all-to-victim}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromEndpoints:
    - {}`;
  assert.equal(allowed('default/other', 'default/backend', PODS, allowNamespace), 'All Connections');
  assert.equal(allowed('ns2/client', 'default/backend', PODS, allowNamespace), 'No Connections');
  // An empty list does not apply (the direction is not isolated).
  const emptyList = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: nothing}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress: []`;
  assert.equal(allowed('default/other', 'default/backend', PODS, emptyList), 'All Connections');
});

// https://docs.cilium.io/en/latest/policy/kubernetes/ "Namespaces" (isolate-ns1, cross-namespace with
// k8s:io.kubernetes.pod.namespace) and namespace labels (io.cilium.k8s.namespace.labels).
test('namespace labels in endpoint selectors reach across namespaces', () => {
  const crossNamespace = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: k8s-expose-across-namespace, namespace: default}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromEndpoints:
    - matchLabels:
        k8s:io.kubernetes.pod.namespace: ns2
        k8s:role: frontend`;
  assert.equal(allowed('ns2/client', 'default/backend', PODS, crossNamespace), 'All Connections');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, crossNamespace), 'No Connections');
  const byLabel = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: from-team, namespace: default}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromEndpoints:
    - matchLabels:
        k8s:io.cilium.k8s.namespace.labels.team: blue`;
  assert.equal(allowed('ns2/client', 'default/backend', PODS, namespace('ns2', { team: 'blue' }), byLabel), 'All Connections');
  assert.equal(allowed('ns2/client', 'default/backend', PODS, namespace('ns2', { team: 'red' }), byLabel), 'No Connections');
});

// https://docs.cilium.io/en/stable/security/policy/language/ "Layer 4 Examples" (l4-rule, port ranges, labels-
// dependent layer 4 rule).
test('toPorts: ports, ranges, protocols; an item with toPorts only admits every peer on them', () => {
  const l4 = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "l4-rule"
spec:
  endpointSelector:
    matchLabels:
      role: frontend
  egress:
    - toPorts:
      - ports:
        - port: "80"
          protocol: TCP`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, l4), 'TCP 80');
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, l4), 'TCP 80');
  const range = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "l4-port-range-rule"
spec:
  endpointSelector:
    matchLabels:
      role: frontend
  egress:
    - toPorts:
      - ports:
        - port: "80"
          endPort: 444
          protocol: TCP
        - port: "53"`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, range), 'SCTP 53,TCP 53,80-444,UDP 53');
  // Before Cilium 1.16 (AKS below Kubernetes 1.31) only the first port of a range may be enforced.
  assert.equal(allowedUnder({ networkPolicyEngine: 'cilium', kubernetesVersion: '1.30' }, 'default/frontend', 'default/backend', PODS, range), 'SCTP 53,TCP 53,80,UDP 53');
  const labelsDependent = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "l4-rule"
spec:
  endpointSelector:
    matchLabels:
      role: backend
  ingress:
  - fromEndpoints:
    - matchLabels:
        role: frontend
    toPorts:
    - ports:
      - port: "80"
        protocol: TCP`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, labelsDependent), 'TCP 80');
  assert.equal(allowed('default/other', 'default/backend', PODS, labelsDependent), 'No Connections');
  const named = labelsDependent.replace('port: "80"', 'port: "http"');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, named), 'TCP 80');
});

// https://docs.cilium.io/en/stable/security/policy/language/ "CIDR based" (cidr-rule).
test('toCIDR and toCIDRSet with except match addresses outside the cluster, never pods', () => {
  const cidr = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "cidr-rule"
spec:
  endpointSelector:
    matchLabels:
      role: frontend
  egress:
  - toCIDR:
    - 20.1.1.1/32
  - toCIDRSet:
    - cidr: 10.0.0.0/8
      except:
      - 10.96.0.0/12`;
  assert.equal(allowed('default/frontend', '20.1.1.1', PODS, cidr), 'All Connections');
  assert.equal(allowed('default/frontend', '20.1.1.2', PODS, cidr), 'No Connections');
  assert.equal(allowed('default/frontend', '10.1.2.3', PODS, cidr), 'All Connections');
  assert.equal(allowed('default/frontend', '10.97.0.1', PODS, cidr), 'No Connections');
  // Pods have identities: a CIDR covering the pod range does not select them.
  assert.equal(allowed('default/frontend', 'default/backend', PODS, cidr), 'No Connections');
  const fromCidr = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: from-cidr}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromCIDR: [0.0.0.0/0]`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, fromCidr), 'No Connections');
});

// https://docs.cilium.io/en/stable/security/policy/language/ "Entities Based" (dev-to-host, to-dev-from-nodes-in-
// cluster, from-world-to-role-public).
test('entities: world, cluster, host, remote-node, all', () => {
  const toWorld = (entity: string) => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: to-${entity}}
spec:
  endpointSelector: {matchLabels: {role: frontend}}
  egress:
  - toEntities: [${entity}]`;
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, toWorld('world')), 'All Connections');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, toWorld('world')), 'No Connections');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, toWorld('cluster')), 'All Connections');
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, toWorld('cluster')), 'No Connections');
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, toWorld('all')), 'All Connections');
  assert.equal(allowed('default/frontend', 'host:example.com', PODS, toWorld('world')), 'All Connections');
  // Ingress from nodes: remote-node admits the other nodes; the pod's own node is always admitted.
  const fromNodes = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "to-dev-from-nodes-in-cluster"
spec:
  endpointSelector:
    matchLabels:
      role: backend
  ingress:
    - fromEntities:
      - remote-node`;
  assert.equal(allowed('nodes', 'default/backend', PODS, fromNodes), 'All Connections');
  const fromWorld = fromNodes.replace('remote-node', 'world');
  const answer = reachOf(loadYaml(PODS, fromWorld), 'nodes', 'default/backend', CILIUM);
  // The own node still gets in (allow-localhost); another node does not.
  assert.equal(formatConnections(answer.allowed), 'All Connections');
  assert.equal(formatConnections(answer.allowedForEvery), 'No Connections');
});

// https://docs.cilium.io/en/latest/security/policy/deny/ (external-lockdown: ingressDeny world with ingress all).
test('deny items win over every allow, Cilium and Kubernetes alike', () => {
  const lockdown = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "external-lockdown"
spec:
  endpointSelector: {}
  ingressDeny:
  - fromEntities:
    - "world"
  ingress:
  - fromEntities:
    - "all"`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, lockdown), 'All Connections');
  const denyPort = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-80}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingressDeny:
  - fromEndpoints: [{matchLabels: {role: frontend}}]
    toPorts: [{ports: [{port: "80", protocol: TCP}]}]`;
  const k8sAllowAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all, namespace: default}
spec:
  podSelector: {}
  ingress: [{}]`;
  // A deny-only rule enables default deny for its direction (enableDefaultDeny defaults to true when rules exist).
  assert.equal(allowed('default/other', 'default/backend', PODS, denyPort), 'No Connections');
  assert.equal(allowed('default/other', 'default/backend', PODS, denyPort, k8sAllowAll), 'All Connections');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, denyPort, k8sAllowAll), 'SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
  const denyEgress = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: no-metadata}
spec:
  endpointSelector: {}
  enableDefaultDeny: {egress: false}
  egressDeny:
  - toCIDR: [169.254.169.254/32]`;
  assert.equal(allowed('default/frontend', '169.254.169.254', PODS, denyEgress), 'No Connections');
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, denyEgress), 'All Connections', 'enableDefaultDeny false: not isolated');
});

test('Kubernetes NetworkPolicies and Cilium rules on the same pods: isolation by either, allows united', () => {
  const k8sFromOther = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-other, namespace: default}
spec:
  podSelector: {matchLabels: {role: backend}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: other}}}]
    ports: [{port: 8080}]`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, L3_RULE, k8sFromOther), 'All Connections');
  assert.equal(allowed('default/other', 'default/backend', PODS, L3_RULE, k8sFromOther), 'TCP 8080');
  assert.equal(allowed('ns2/client', 'default/backend', PODS, L3_RULE, k8sFromOther), 'No Connections');
});

// https://docs.cilium.io/en/latest/network/servicemesh/default-deny-ingress-policy/ (a clusterwide default deny that
// admits DNS to kube-dns) and https://docs.cilium.io/en/stable/security/policy/language/ "DNS based" (to-fqdn).
test('a clusterwide policy selects pods of every namespace; toFQDNs matches hosts by name', () => {
  const clusterwide = `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata:
  name: "default-deny"
spec:
  description: "Block all the traffic (except DNS) by default"
  egress:
  - toEndpoints:
    - matchLabels:
        io.kubernetes.pod.namespace: kube-system
        k8s-app: kube-dns
    toPorts:
    - ports:
      - port: '53'
        protocol: UDP
      rules:
        dns:
        - matchPattern: '*'
  endpointSelector:
    matchExpressions:
    - key: io.kubernetes.pod.namespace
      operator: NotIn
      values:
      - kube-system`;
  assert.equal(allowed('default/frontend', 'dns', PODS, clusterwide), 'UDP 53');
  assert.equal(allowed('ns2/client', 'dns', PODS, clusterwide), 'UDP 53');
  assert.equal(allowed('ns2/client', 'default/backend', PODS, clusterwide), 'No Connections');
  const fqdn = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "to-fqdn"
spec:
  endpointSelector:
    matchLabels:
      role: frontend
  egress:
    - toEndpoints:
      - matchLabels:
          "k8s:io.kubernetes.pod.namespace": kube-system
          "k8s:k8s-app": kube-dns
      toPorts:
        - ports:
           - port: "53"
             protocol: ANY
          rules:
            dns:
              - matchPattern: "*"
    - toFQDNs:
        - matchName: "my-remote-service.com"
        - matchPattern: "*.example.com"`;
  assert.equal(allowed('default/frontend', 'host:my-remote-service.com', PODS, fqdn), 'All Connections');
  assert.equal(allowed('default/frontend', 'host:api.example.com', PODS, fqdn), 'All Connections');
  assert.equal(allowed('default/frontend', 'host:a.b.example.com', PODS, fqdn), 'No Connections');
  assert.equal(allowed('default/frontend', 'host:other.org', PODS, fqdn), 'No Connections');
  // An address: which names resolve to it is known at run time only.
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, fqdn), 'No Connections');
  assert.equal(possible('default/frontend', '8.8.8.8', PODS, fqdn), 'All Connections');
  assert.equal(allowed('default/frontend', 'dns', PODS, fqdn), 'TCP 53,UDP 53');
});

// https://docs.cilium.io/en/stable/security/policy/language/ "Layer 7 Examples" (HTTP GET /public).
test('L7 rules are data: the connection on the port is admitted, and explain says which requests', () => {
  const l7 = `apiVersion: "cilium.io/v2"
kind: CiliumNetworkPolicy
metadata:
  name: "rule1"
spec:
  endpointSelector:
    matchLabels:
      role: backend
  ingress:
  - fromEndpoints:
    - matchLabels:
        role: frontend
    toPorts:
    - ports:
      - port: "80"
        protocol: TCP
      rules:
        http:
        - method: "GET"
          path: "/public"`;
  const analysis = loadYaml(PODS, l7);
  const model = reachModelOf(analysis.index, CILIUM);
  const explanation = explainReach(model, endpointOf(model, 'default/frontend'), endpointOf(model, 'default/backend'), { port: 80 });
  const text = explanation.lines.join('\n');
  assert.equal(explanation.verdict, 'allowed', text);
  assert.ok(text.includes('CiliumNetworkPolicy `default/rule1` spec.ingress[0] admits endpoints `role=frontend` of namespace `default` on TCP 80'), text);
  assert.ok(text.includes('http: GET /public'), text);
  const other = explainReach(model, endpointOf(model, 'default/other'), endpointOf(model, 'default/backend'));
  assert.equal(other.verdict, 'denied');
  assert.ok(other.lines.join('\n').includes('ingress of Pod default/backend: isolated by CiliumNetworkPolicy `default/rule1`'), other.lines.join('\n'));
});

test('explain names the Cilium deny that decides', () => {
  const deny = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: no-frontend}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromEntities: [cluster]
  ingressDeny:
  - fromEndpoints: [{matchLabels: {role: frontend}}]`;
  const model = reachModelOf(loadYaml(PODS, deny).index, CILIUM);
  const answer = explainReach(model, endpointOf(model, 'default/frontend'), endpointOf(model, 'default/backend'));
  const text = answer.lines.join('\n');
  assert.equal(answer.verdict, 'denied', text);
  assert.ok(text.includes('CiliumNetworkPolicy `default/no-frontend` spec.ingressDeny[0] denies endpoints `role=frontend` of namespace `default` on all ports: deny wins'), text);
});

test('toServices never selects pods; toward an address it may match', () => {
  const services = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: service-rule}
spec:
  endpointSelector: {matchLabels: {role: frontend}}
  egress:
  - toServices:
    - k8sService: {serviceName: myservice, namespace: default}`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, services), 'No Connections');
  assert.equal(allowed('default/frontend', '20.1.1.1', PODS, services), 'No Connections');
  assert.equal(possible('default/frontend', '20.1.1.1', PODS, services), 'All Connections');
});

// The other direction of each selector, and each under a deny, from the same pages as above: "CIDR based"
// (fromCIDR / fromCIDRSet with except), "Entities Based" (toEntities host), "Endpoints Based" (toEndpoints),
// https://docs.cilium.io/en/latest/security/policy/deny/ (ingressDeny / egressDeny with the same selectors), and
// https://docs.cilium.io/en/stable/network/kubernetes/policy/ "CiliumClusterwideNetworkPolicy" (nodeSelector: the
// policy applies to nodes, so it selects no pod).
test('each selector in the other direction and under a deny: fromCIDR/fromCIDRSet, toEndpoints, toEntities, nodeSelector', () => {
  const fromCidrSet = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: from-cidr-set}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromCIDRSet:
    - cidr: 20.0.0.0/8
      except: [20.1.0.0/16]`;
  assert.equal(allowed('20.2.3.4', 'default/backend', PODS, fromCidrSet), 'All Connections');
  assert.equal(allowed('20.1.3.4', 'default/backend', PODS, fromCidrSet), 'No Connections');
  assert.equal(allowed('30.0.0.1', 'default/backend', PODS, fromCidrSet), 'No Connections');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, fromCidrSet), 'No Connections', 'pods are not selected by CIDRs');
  const denyFromCidr = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-from-cidr}
spec:
  endpointSelector: {matchLabels: {role: backend}}
  ingress:
  - fromEntities: [all]
  ingressDeny:
  - fromCIDR: [20.2.0.0/16]`;
  assert.equal(allowed('20.2.3.4', 'default/backend', PODS, denyFromCidr), 'No Connections');
  assert.equal(allowed('20.3.3.4', 'default/backend', PODS, denyFromCidr), 'All Connections');

  const toEndpoints = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: to-backend}
spec:
  endpointSelector: {matchLabels: {role: frontend}}
  egress:
  - toEndpoints: [{matchLabels: {role: backend}}]`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, toEndpoints), 'All Connections');
  assert.equal(allowed('default/frontend', 'default/other', PODS, toEndpoints), 'No Connections');
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, toEndpoints), 'No Connections');
  const denyToEndpoints = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-to-backend}
spec:
  endpointSelector: {matchLabels: {role: frontend}}
  egress:
  - toEntities: [all]
  egressDeny:
  - toEndpoints: [{matchLabels: {role: backend}}]`;
  assert.equal(allowed('default/frontend', 'default/backend', PODS, denyToEndpoints), 'No Connections');
  assert.equal(allowed('default/frontend', 'default/other', PODS, denyToEndpoints), 'All Connections');

  const denyWorld = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: deny-world}
spec:
  endpointSelector: {matchLabels: {role: frontend}}
  egress:
  - toEntities: [all]
  egressDeny:
  - toEntities: [world]`;
  assert.equal(allowed('default/frontend', '8.8.8.8', PODS, denyWorld), 'No Connections');
  assert.equal(allowed('default/frontend', 'default/backend', PODS, denyWorld), 'All Connections');

  const onNodes = `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: host-firewall}
spec:
  nodeSelector: {matchLabels: {type: ingress-worker}}
  ingress:
  - fromEntities: [cluster]`;
  // Selects nodes, not pods: the backend is not isolated by it.
  assert.equal(allowed('20.2.3.4', 'default/backend', PODS, onNodes), 'All Connections');
});
