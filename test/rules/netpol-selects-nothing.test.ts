import { test } from 'node:test';
import { netpolSelectsNothing } from '../../server/src/engine/rules/netpolSelectsNothing';
import { checkFixture } from '../support/fixture';

const rules = [netpolSelectsNothing];

test('netpol-selects-nothing fires when no pod template of the namespace matches, with the closest labels', () => {
  checkFixture(`
# file: web.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: web, image: nginx}]}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: wbe}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-selects-nothing]: NetworkPolicy \`web-ingress\` selects no pod: no pod template in namespace \`shop\` has app=wbe (closest: Deployment web has app=web)
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: by-expression, namespace: shop}
spec:
  podSelector:
    matchExpressions:
#   ^^^^^^^^^^^^^^^^^ warning[netpol-selects-nothing]: has tier in (back,db)
      - {key: tier, operator: In, values: [back, db]}
`, { rules });
});

test('netpol-selects-nothing says info when the workspace has no workload in the namespace (kube-linter dangling-networkpolicy input)', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app
spec:
  podSelector:
    matchLabels:
#   ^^^^^^^^^^^^ info[netpol-selects-nothing]: NetworkPolicy \`app\` selects no pod in the workspace (app.kubernetes.io/name=app1): the workspace has no workload in namespace \`default\`
      app.kubernetes.io/name: app1
`, { rules });
});

test('netpol-selects-nothing stays silent for matches, empty selectors, other namespaces\' pods and managed namespaces', () => {
  checkFixture(`
# file: apps.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: tool, namespace: shop, labels: {app: tool, tier: ops}}
spec: {containers: [{name: t, image: busybox}]}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: empty}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: not-ops, namespace: shop}
spec:
  podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [ops]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: tool, namespace: shop}
spec: {podSelector: {matchLabels: {tier: ops}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: coredns, namespace: kube-system}
spec: {podSelector: {matchLabels: {k8s-app: kube-dns}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: broken, namespace: shop}
spec: {podSelector: {matchExpressions: [{key: app, operator: Equals, values: [web]}]}}
`, { rules });
});
