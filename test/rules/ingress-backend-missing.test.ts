import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const backend = `
# file: backend.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;

test('ingress-backend-missing: a missing Service, with did-you-mean', () => {
  checkFixture(`${backend}
# file: ingress.yaml
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
            backend:
              service:
                name: wbe
#                     ^^^ error[ingress-backend-missing]: routes shop.example.com/ to Service \`wbe\`, which does not exist in namespace \`shop\` (did you mean \`web\`?)
                port: {number: 80}
`, { onlyRules: ['ingress-backend-missing'] });
});

test('ingress-backend-missing: a port number or name the Service does not have', () => {
  checkFixture(`${backend}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  defaultBackend:
    service: {name: web, port: {name: https}}
#                                     ^^^^^ error[ingress-backend-missing]: defaultBackend to port \`https\` of Service \`web\`, which has no such port (ports: 80 (http))
  rules:
    - http:
        paths:
          - path: /api
            pathType: Prefix
            backend: {service: {name: web, port: {number: 8080}}}
#                                                         ^^^^ error[ingress-backend-missing]: to port 8080 of Service \`web\`
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {name: http}}}
`, { onlyRules: ['ingress-backend-missing'] });
});

test('ingress-backend-missing: the Service must be in the Ingress namespace', () => {
  checkFixture(`${backend}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
    - http:
        paths:
          - backend: {service: {name: web, port: {number: 80}}}
#                                     ^^^ error[ingress-backend-missing]: which does not exist in namespace \`default\`
            path: /
            pathType: Prefix
`, { onlyRules: ['ingress-backend-missing'] });
});

test('ingress-backend-missing stays silent for existing Services and ports, resource backends, and legacy v1beta1 fields', () => {
  checkFixture(`${backend}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
          - {path: /v, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy, namespace: shop}
spec:
  rules:
    - http:
        paths:
          - {path: /, backend: {serviceName: web, servicePort: 80}}
`, { onlyRules: ['ingress-backend-missing'] });
});
