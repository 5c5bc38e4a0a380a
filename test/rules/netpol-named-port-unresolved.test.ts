import { test } from 'node:test';
import { netpolNamedPortUnresolved } from '../../server/src/engine/rules/netpolNamedPortUnresolved';
import { checkFixture } from '../support/fixture';

const rules = [netpolNamedPortUnresolved];

const APPS = `
# file: apps.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: dns-cache, namespace: shop}
spec:
  template:
    metadata: {labels: {app: dns-cache}}
    spec:
      containers: [{name: c, image: c, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: data}
spec:
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers: [{name: init, image: i, ports: [{name: pg, containerPort: 5432}]}]
      containers: [{name: db, image: postgres, ports: [{name: postgres, containerPort: 5432}]}]
`;

test('netpol-named-port-unresolved fires when no destination pod declares the name with that protocol', () => {
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - port: htttp
#         ^^^^^^^^^^^ warning[netpol-named-port-unresolved]: named port \`htttp\` (TCP) in ingress rule 1 of NetworkPolicy \`web\` resolves on none of the pods the policy selects (Deployment \`web\`: the destination has no container port named \`htttp\`): this entry admits nothing
        - {port: metrics, protocol: UDP}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-named-port-unresolved]: named port \`metrics\` is 9090/TCP on the destination, not UDP
        - port: http
  egress:
    - to: [{podSelector: {matchLabels: {app: dns-cache}}}]
      ports: [{port: dns}]
#             ^^^^^^^^^^^ warning[netpol-named-port-unresolved]: named port \`dns\` (TCP) in egress rule 1 of NetworkPolicy \`web\` resolves on none of the pods the rule admits traffic to (Deployment \`dns-cache\`: named port \`dns\` is 53/UDP on the destination, not TCP)
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}, podSelector: {matchLabels: {app: db}}}]
      ports: [{port: pg}, {port: postgres}]
#             ^^^^^^^^^^ warning[netpol-named-port-unresolved]: Deployment \`db\`: the destination has no container port named \`pg\`
    - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
      ports: [{port: https}]
#             ^^^^^^^^^^^^^ warning[netpol-named-port-unresolved]: the rule's peers are only ipBlocks (addresses outside the cluster)
`, { rules });
});

test('netpol-named-port-unresolved stays silent when some destination resolves it, and when destinations may be outside the workspace', () => {
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: any, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports: [{port: http}, {port: dns, protocol: UDP}]
  egress:
    - ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]
    - to: [{namespaceSelector: {}}]
      ports: [{port: dns-tcp}]
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]
    - to: [{podSelector: {matchLabels: {app: nothing}}}]
      ports: [{port: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: nobody, namespace: shop}
spec:
  podSelector: {matchLabels: {app: nobody}}
  ingress: [{ports: [{port: nothing}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: elsewhere, namespace: empty}
spec:
  podSelector: {}
  ingress: [{ports: [{port: nothing}]}]
`, { rules });
});
