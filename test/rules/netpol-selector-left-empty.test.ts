import assert from 'node:assert/strict';
import { test } from 'node:test';
import { netpolSelectorLeftEmpty } from '../../server/src/engine/rules/netpolSelectorLeftEmpty';
import { checkFixture } from '../support/fixture';

const rules = [netpolSelectorLeftEmpty];

const APPS = `
# file: apps.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis, namespace: shop}
spec:
  template:
    metadata: {labels: {app: redis}}
    spec: {containers: [{name: redis, image: redis, ports: [{containerPort: 6379}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: cart, image: cart, ports: [{containerPort: 7070}]}]}
`;

test('netpol-selector-left-empty fires with the evidence: the name, the ports, the specific peers', () => {
  const analysis = checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: redis-policy, namespace: shop}
spec:
  podSelector:
    matchLabels:
#   ^^^^^^^^^^^^ info[netpol-selector-left-empty]: \`podSelector\` is left empty (no labels under it), so NetworkPolicy \`redis-policy\` selects every pod of namespace \`shop\`, but its name \`redis-policy\` names StatefulSet \`redis\`, its ingress port 6379 is declared only by StatefulSet \`redis\` and its rules name specific pods (app=api)
  ingress:
    - from: [{podSelector: {matchLabels: {app: api}}}]
      ports: [{port: 6379}]
`, { rules });
  assert.equal((analysis.findings('policy.yaml')[0]!.data!['evidence'] as string[]).length, 3);
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-cache, namespace: shop}
#                ^^^^^^^^ info[netpol-selector-left-empty]: its ingress port 6379 is declared only by StatefulSet \`redis\`
spec:
  podSelector:
  ingress: [{ports: [{port: 6379}]}]
`, { rules });
});

test('netpol-selector-left-empty stays silent for {}, for specific selectors, without evidence, and with one workload', () => {
  const policy = (selector: string, name = 'redis-policy') => `
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: ${selector}
  ingress: [{ports: [{port: 6379}]}]
`;
  checkFixture(APPS + policy('{}'), { rules });
  checkFixture(APPS + policy('{matchLabels: {app: redis}}'), { rules });
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector:
    matchLabels:
  policyTypes: [Ingress]
`, { rules });
  checkFixture(APPS.split('---')[0] + policy('{matchLabels: }'), { rules });
});
