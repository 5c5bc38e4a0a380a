import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['source-ip-with-tls-passthrough'] };

const controller = (args: string) => `
# file: controller.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  template:
    metadata: {labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}}
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.13.0
          args: [/nginx-ingress-controller, --ingress-class=nginx, --controller-class=k8s.io/ingress-nginx${args}]
          ports: [{name: http, containerPort: 80}, {name: https, containerPort: 443}]
`;

test('source-ip-with-tls-passthrough: a passthrough Ingress whose controller Service preserves the client IP', () => {
  checkFixture(`${controller('')}
---
apiVersion: v1
kind: Service
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
  ports: [{name: https, port: 443, targetPort: https}]
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: vault
  namespace: vault
  annotations:
    nginx.ingress.kubernetes.io/ssl-passthrough: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[source-ip-with-tls-passthrough]: Ingress \`vault\` asks for TLS passthrough while its controller Service \`ingress-nginx/ingress-nginx-controller\` preserves the client source IP (externalTrafficPolicy: Local): the two do not combine
spec:
  ingressClassName: nginx
  rules: [{host: vault.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: vault, port: {number: 8200}}}}]}}]
`, only);
});

test('source-ip-with-tls-passthrough: the controller Service of a controller running with --enable-ssl-passthrough', () => {
  checkFixture(`${controller(', --enable-ssl-passthrough')}
---
apiVersion: v1
kind: Service
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
#                        ^^^^^ warning[source-ip-with-tls-passthrough]: the ingress controller behind it (Deployment \`ingress-nginx-controller\`) runs with --enable-ssl-passthrough
  selector: {app.kubernetes.io/name: ingress-nginx}
  ports: [{name: https, port: 443, targetPort: https}]
`, only);
});

test('source-ip-with-tls-passthrough: the Ingress itself relies on the client IP while asking for passthrough', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: admin
  annotations:
    nginx.ingress.kubernetes.io/ssl-passthrough: "true"
    nginx.ingress.kubernetes.io/whitelist-source-range: 203.0.113.0/24
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[source-ip-with-tls-passthrough]: \`whitelist-source-range\` needs the client's IP, but Ingress \`admin\` uses ssl-passthrough
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules: [{host: admin.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: admin, port: {number: 443}}}}]}}]
`, only);
});

test('source-ip-with-tls-passthrough stays silent without passthrough, with Cluster policy, or when the controller Service is not in the workspace', () => {
  checkFixture(`${controller('')}
---
apiVersion: v1
kind: Service
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Cluster
  selector: {app.kubernetes.io/name: ingress-nginx}
  ports: [{name: https, port: 443, targetPort: https}]
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: vault
  annotations: {nginx.ingress.kubernetes.io/ssl-passthrough: "true"}
spec:
  ingressClassName: nginx
  rules: [{host: vault.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: vault, port: {number: 8200}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: managed
  annotations: {nginx.ingress.kubernetes.io/ssl-passthrough: "true"}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules: [{host: m.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: m, port: {number: 443}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: plain
  annotations: {nginx.ingress.kubernetes.io/whitelist-source-range: 203.0.113.0/24}
spec:
  ingressClassName: nginx
  rules: [{host: p.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: p, port: {number: 80}}}}]}}]
`, only);
});
