import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-backend-unready'] };

test('ingress-backend-unready: the backend Service selects no pods', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web-v2}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
#                                     ^^^ warning[ingress-backend-unready]: routes shop.example.com/ to Service \`web\`, which selects no pods (no pod template in namespace \`shop\` has app=web)
`, only);
});

test('ingress-backend-unready: only an info when the workspace has no workload in the namespace', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
#                                  ^^^ info[ingress-backend-unready]: the workspace has no workload in namespace \`default\`
`, only);
});

test('ingress-backend-unready stays silent for ready backends, Services without selector and missing Services', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /m, pathType: Prefix, backend: {service: {name: manual, port: {number: 80}}}}
          - {path: /x, pathType: Prefix, backend: {service: {name: missing, port: {number: 80}}}}
`, only);
});
