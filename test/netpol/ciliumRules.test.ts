/**
 * The rules that ask the reachability model see Cilium policies (issue 22): a declared dependency, a declared
 * external host and an ingress controller blocked by a Cilium policy alone are reported, under Cilium only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { RULES } from '../../server/src/engine/rules/catalogue';
import { analysisOf } from '../support/workspace';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c
        image: i
        ports: [{containerPort: 8080}]
        env:
        - {name: API_URL, value: "http://api:8080"}
        - {name: PAYMENTS_URL, value: "https://api.stripe.com/v1"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`;

// Cilium's "Ingress/Egress Default Deny" pages: an egress section that admits only DNS, an ingress section that
// admits only the namespace's own pods.
const LOCKDOWN = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: lockdown, namespace: shop}
spec:
  endpointSelector: {}
  ingress:
  - fromEndpoints: [{}]
  egress:
  - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}}]
    toPorts: [{ports: [{port: "53", protocol: ANY}]}]
`;

function findings(profile: ClusterProfile, ...texts: string[]) {
  return analysisOf(
    texts.map((t, i) => [`/w/f${i}.yaml`, t] as const),
    { settings: { profile }, rules: RULES },
  ).allFindings();
}

function ruleIds(profile: ClusterProfile, ...texts: string[]): string[] {
  return [...new Set(findings(profile, ...texts).map((f) => f.ruleId))].sort();
}

const CILIUM: ClusterProfile = { networkPolicyEngine: 'cilium', kubernetesVersion: '1.31' };

test('declared dependency, declared egress and the ingress controller blocked by a Cilium policy are reported under Cilium', () => {
  const ids = ruleIds(CILIUM, APP, LOCKDOWN);
  for (const id of ['netpol-blocks-declared-dependency', 'netpol-blocks-declared-egress', 'netpol-blocks-ingress-controller']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  const dependency = findings(CILIUM, APP, LOCKDOWN).find((f) => f.ruleId === 'netpol-blocks-declared-dependency')!;
  assert.ok(dependency.message.includes('the egress policies of Deployment `web` (CiliumNetworkPolicy `shop/lockdown`) admit nothing to it on 8080/TCP'), dependency.message);
});

test('the same workspace gets no such finding (stays silent) when the engine is not Cilium', () => {
  const ids = ruleIds({ networkPolicyEngine: 'calico' }, APP, LOCKDOWN);
  for (const id of ['netpol-blocks-declared-dependency', 'netpol-blocks-declared-egress', 'netpol-blocks-ingress-controller']) assert.ok(!ids.includes(id), `${id} in ${ids.join(', ')}`);
  assert.ok(ids.includes('cilium-policy-unavailable'));
});
