import { test } from 'node:test';
import { netpolPeerSelectsNothing } from '../../server/src/engine/rules/netpolPeerSelectsNothing';
import { checkFixture } from '../support/fixture';

const rules = [netpolPeerSelectsNothing];

const APPS = `
# file: apps.yaml
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: commerce}}
---
apiVersion: v1
kind: Namespace
metadata: {name: monitoring, labels: {team: platform}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: prometheus, namespace: monitoring}
spec:
  template:
    metadata: {labels: {app: prometheus}}
    spec: {containers: [{name: p, image: prom}]}
`;

test('netpol-peer-selects-nothing fires on podSelector peers that match no pod of the namespace they mean', () => {
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app: wbe}}
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: ingress rule 1 of NetworkPolicy \`api\` admits traffic from pods with app=wbe in namespace \`shop\`, but no pod template there has those labels (closest: Deployment web has app=web)
        - podSelector: {matchLabels: {app: prometheus}}
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: (pods with those labels run in \`monitoring\`: a podSelector alone means the policy's own namespace; add a namespaceSelector to the same peer)
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
          podSelector: {matchLabels: {app: grafana}}
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: pods with app=grafana in namespace \`monitoring\`, but no pod template there has those labels
  egress:
    - to:
        - podSelector: {matchLabels: {k8s-app: kube-dns}}
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: egress rule 1 of NetworkPolicy \`api\` admits traffic to pods with k8s-app=kube-dns in namespace \`shop\`, but no pod template there has those labels (pods with those labels run in \`kube-system\`
      ports: [{port: 53, protocol: UDP}]
`, { rules });
});

test('netpol-peer-selects-nothing fires on namespaceSelectors no declared namespace matches, and says how sure it is', () => {
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {team: platfrom}}
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: admits traffic from namespaces with team=platfrom, but no Namespace the workspace declares has them (did you mean team=platform, as on Namespace \`monitoring\`?)
        - namespaceSelector: {matchLabels: {team: finance}}
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[netpol-peer-selects-nothing]: admits traffic from namespaces with team=finance, and no Namespace the workspace declares has them: fine if a namespace outside the workspace has these labels
        - namespaceSelector: {matchLabels: {name: ingress-nginx}}
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[netpol-peer-selects-nothing]: namespaces carry only the labels given to them plus \`kubernetes.io/metadata.name\`
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitorng}}
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[netpol-peer-selects-nothing]: namespace \`monitorng\` is not one the workspace knows (did you mean \`monitoring\`?)
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring, team: commerce}}
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: the workspace declares Namespace \`monitoring\` without the other labels it asks for
`, { rules });
});

test('netpol-peer-selects-nothing says info for a namespace without workloads (kube-linter dangling-networkpolicypeer-podselector input)', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: app
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: app1
  ingress:
    - from:
        - podSelector:
            matchLabels:
#           ^^^^^^^^^^^^ info[netpol-peer-selects-nothing]: ingress rule 1 of NetworkPolicy \`app\` admits traffic from pods with app.kubernetes.io/name=app2 in namespace \`default\`, where the workspace has no workload
              app.kubernetes.io/name: app2
      ports:
        - protocol: TCP
          port: 8080
`, { rules });
});

test('netpol-peer-selects-nothing stays silent for matching peers, kube-dns in kube-system, namespaces outside the workspace and label-selected namespaces', () => {
  checkFixture(`${APPS}
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app: api}}
        - podSelector: {}
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: app-routing-system}}
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
          podSelector: {matchLabels: {app.kubernetes.io/component: controller}}
        - namespaceSelector: {matchLabels: {team: platform}}
          podSelector: {matchLabels: {app: not-in-the-workspace}}
        - namespaceSelector: {}
          podSelector: {matchLabels: {app: anything}}
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
          podSelector: {matchLabels: {app: prometheus}}
        - ipBlock: {cidr: 10.0.0.0/8}
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ignored-egress, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  egress: [{to: [{podSelector: {matchLabels: {app: nothing}}}]}]
`, { rules });
});

test('netpol-peer-selects-nothing stays silent for label namespaceSelectors when the workspace declares no Namespace', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{namespaceSelector: {matchLabels: {team: platform}}}]}]
`, { rules });
});

test('netpol-peer-selects-nothing stays silent for the proxy pods of a Gateway in the workspace (created by the implementation)', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-from-gateway, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from: [{podSelector: {matchLabels: {gateway.networking.k8s.io/gateway-name: public}}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-from-other-gateway, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from: [{podSelector: {matchLabels: {gateway.networking.k8s.io/gateway-name: privat}}}]
#                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-peer-selects-nothing]: no pod template there has those labels
`, { onlyRules: ['netpol-peer-selects-nothing'] });
});
