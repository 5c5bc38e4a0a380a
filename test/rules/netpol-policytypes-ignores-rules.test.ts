import assert from 'node:assert/strict';
import { test } from 'node:test';
import { netpolPolicytypesIgnoresRules } from '../../server/src/engine/rules/netpolPolicytypesIgnoresRules';
import { checkFixture } from '../support/fixture';

const rules = [netpolPolicytypesIgnoresRules];

test('netpol-policytypes-ignores-rules fires on egress rules that policyTypes [Ingress] leaves out, and the reverse', () => {
  const analysis = checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {}}]}]
  egress:
    - to: [{namespaceSelector: {}}]
#   ^ warning[netpol-policytypes-ignores-rules]: policyTypes [Ingress] of NetworkPolicy \`web\` leaves out Egress, so its 2 egress rules are ignored
    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {}
  policyTypes:
    - Egress
  ingress: [{from: [{podSelector: {}}]}]
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-policytypes-ignores-rules]: leaves out Ingress, so its 1 ingress rule is ignored
`, { rules });
  const data = analysis.findings('fixture.yaml').map((f) => f.data);
  assert.deepEqual(data, [
    { policy: 'shop/web', direction: 'Egress' },
    { policy: 'shop/api', direction: 'Ingress' },
  ]);
});

test('netpol-policytypes-ignores-rules stays silent without policyTypes, with both types, with empty lists and with an empty policyTypes', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: defaulted, namespace: shop}
spec:
  podSelector: {}
  ingress: [{}]
  egress: [{}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: both, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress: [{ports: [{port: 53, protocol: UDP}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  egress: []
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty-types, namespace: shop}
spec:
  podSelector: {}
  policyTypes: []
  egress: [{}]
`, { rules });
});
