/**
 * admin-policy-blocks-dns: a Deny rule of an AdminNetworkPolicy or BaselineAdminNetworkPolicy drops pods' DNS to
 * kube-dns (https://network-policy-api.sigs.k8s.io/reference/spec/: ANP rules by priority and order before
 * NetworkPolicies; the baseline only where no NetworkPolicy isolates the pods).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminPolicyBlocksDns } from '../../server/src/engine/rules/adminPolicyBlocksDns';
import { checkFixture } from '../support/fixture';

const rules = [adminPolicyBlocksDns];

const APP = `
# file: app.yaml
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {tenant: shop}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: i}]}
`;

const DENY_OTHER_TENANTS = `  - name: only-own-tenant
    action: Deny
    to: [{namespaces: {matchExpressions: [{key: tenant, operator: NotIn, values: [shop]}]}}]`;

const DNS_ALLOW = `  - name: dns
    action: Allow
    to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]
    ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]`;

function anp(rulesText: string, priority = 10): string {
  return `
# file: anp.yaml
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: tenant-egress}
spec:
  priority: ${priority}
  subject: {namespaces: {matchLabels: {tenant: shop}}}
  egress:
${rulesText}
`;
}

test('admin-policy-blocks-dns: an ANP egress Deny toward other namespaces drops DNS to kube-system', () => {
  const analysis = checkFixture(`${APP}${anp(`${DENY_OTHER_TENANTS.replace('  - name: only-own-tenant', '  - name: only-own-tenant\n#   ^^^^^^^^^^^^^^^^^^^^^ error[admin-policy-blocks-dns]: The admin policy `tenant-egress` rule `only-own-tenant` denies the egress of Deployment `web` (namespace `shop`) to')}`)}`, { rules });
  const [finding] = analysis.findings('anp.yaml');
  assert.deepEqual(finding!.data, { policy: 'tenant-egress', rule: 'only-own-tenant', side: 'egress', workloads: ['shop/web'] });
});

test('admin-policy-blocks-dns: silent when an Allow for DNS comes first, in the same policy or at a lower priority number', () => {
  checkFixture(`${APP}${anp(`${DNS_ALLOW}\n${DENY_OTHER_TENANTS}`)}`, { rules });
  checkFixture(`${APP}${anp(DENY_OTHER_TENANTS, 20)}
# file: dns.yaml
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: dns-first}
spec:
  priority: 5
  subject: {namespaces: {}}
  egress:
${DNS_ALLOW}
`, { rules });
});

test('admin-policy-blocks-dns: a Deny that does not cover UDP 53, or a rule of another action, is silent', () => {
  checkFixture(`${APP}${anp(`${DENY_OTHER_TENANTS}\n    ports: [{portNumber: {protocol: TCP, port: 443}}]`)}`, { rules });
  checkFixture(`${APP}${anp(DENY_OTHER_TENANTS.replace('action: Deny', 'action: Pass'))}`, { rules });
});

test('admin-policy-blocks-dns: a baseline over every namespace that denies ingress from tenants drops queries at kube-dns', () => {
  checkFixture(`${APP}
# file: banp.yaml
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - name: no-cross-tenant
#   ^^^^^^^^^^^^^^^^^^^^^ error[admin-policy-blocks-dns]: The baseline admin policy \`default\` rule \`no-cross-tenant\` denies queries from Deployment \`web\` (namespace \`shop\`) arriving at
    action: Deny
    from: [{namespaces: {matchLabels: {tenant: shop}}}]
`, { rules });
});

test('admin-policy-blocks-dns: a NetworkPolicy isolating kube-dns that admits DNS takes the baseline out of the decision', () => {
  checkFixture(`${APP}
# file: banp.yaml
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - name: no-cross-tenant
    action: Deny
    from: [{namespaces: {matchLabels: {tenant: shop}}}]
# file: kube-dns.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec: {containers: [{name: c, image: i, ports: [{containerPort: 53, protocol: UDP}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dns, namespace: kube-system}
spec:
  podSelector: {matchLabels: {k8s-app: kube-dns}}
  ingress: [{ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]
`, { rules });
});

test('admin-policy-blocks-dns: silent when the profile says no engine enforces policies', () => {
  checkFixture(`${APP}${anp(DENY_OTHER_TENANTS)}`, { rules, settings: { profile: { networkPolicyEngine: 'none' } } });
});
