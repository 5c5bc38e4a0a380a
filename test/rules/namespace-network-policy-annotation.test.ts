import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namespaceNetworkPolicyAnnotation } from '../../server/src/engine/rules/namespaceNetworkPolicyAnnotation';
import { checkFixture } from '../support/fixture';

const rules = [namespaceNetworkPolicyAnnotation];

const NAMESPACE = `
# file: ns.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  annotations:
    net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
`;

test('namespace-network-policy-annotation warns that the namespace is not isolated by it', () => {
  const analysis = checkFixture(
    NAMESPACE.replace(/'\n$/, "'\n#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[namespace-network-policy-annotation]: was removed in Kubernetes 1.7 and is ignored: namespace `legacy` is not isolated by it\n"),
    { rules },
  );
  assert.equal(analysis.findings('ns.yaml')[0]!.data!['defaultDeny'], null);
});

test('namespace-network-policy-annotation is an info where a default-deny already isolates the namespace', () => {
  checkFixture(
    NAMESPACE.replace(/'\n$/, "'\n#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[namespace-network-policy-annotation]: NetworkPolicy `default-deny` already selects every pod of namespace `legacy` for ingress\n") +
      `
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: legacy}
spec: {podSelector: {}, policyTypes: [Ingress]}
`,
    { rules },
  );
});

test('namespace-network-policy-annotation stays silent on namespaces without it', () => {
  checkFixture(`
# file: ns.yaml
apiVersion: v1
kind: Namespace
metadata: {name: shop, annotations: {team: web}}
`, { rules });
});
