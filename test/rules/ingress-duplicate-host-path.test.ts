import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-duplicate-host-path'] };

test('ingress-duplicate-host-path: two Ingresses of one NGINX class route the same host and path', () => {
  checkFixture(`
# file: a.yaml
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
#           ^^^^^^^ error[ingress-duplicate-host-path]: Ingress \`shop/shop\` and Ingress \`shop/shop-v2\` (class \`webapprouting.kubernetes.azure.com\`) both route host \`shop.example.com\` path \`/\` (Prefix): the NGINX admission webhook rejects whichever is applied second
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
          - path: /api
            pathType: Prefix
            backend: {service: {name: api, port: {number: 80}}}
# file: b.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop-v2, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
#           ^^^^^^^ error[ingress-duplicate-host-path]: Ingress \`shop/shop-v2\` and Ingress \`shop/shop\`
            pathType: Prefix
            backend: {service: {name: web2, port: {number: 80}}}
`, only);
});

test('ingress-duplicate-host-path: across namespaces, and only a warning for non-NGINX classes', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: one}
spec:
  ingressClassName: azure-application-gateway
  rules:
    - host: app.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ingress-duplicate-host-path]: the controller can only use one of them
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: b, namespace: two}
spec:
  ingressClassName: azure-application-gateway
  rules:
    - host: app.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ingress-duplicate-host-path]: Ingress \`two/b\` and Ingress \`one/a\`
`, only);
});

test('ingress-duplicate-host-path stays silent for variants of one Ingress, other classes, hosts, paths or pathTypes', () => {
  checkFixture(`
# file: all-in-one.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
# file: per-app/ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
# file: others.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other-class}
spec:
  ingressClassName: azure-alb-external
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other-host-path-type}
spec:
  ingressClassName: nginx
  rules:
    - {host: www.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}
    - {host: shop.example.com, http: {paths: [{path: /, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}]}}
    - {host: shop.example.com, http: {paths: [{path: /v2, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}
`, only);
});
