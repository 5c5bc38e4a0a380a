import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-tls-host-not-in-rules'] };

test('ingress-tls-host-not-in-rules: a TLS host that no rule routes', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx
  tls:
    - hosts: [shop.example.com, www.exmaple.com, a.b.example.com]
#                               ^^^^^^^^^^^^^^^ warning[ingress-tls-host-not-in-rules]: TLS host \`www.exmaple.com\` of Ingress \`shop\` matches no rule host (shop.example.com, *.example.com)
#                                                ^^^^^^^^^^^^^^^ warning[ingress-tls-host-not-in-rules]: TLS host \`a.b.example.com\`
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
    - host: "*.example.com"
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`, only);
});

test('ingress-tls-host-not-in-rules stays silent for routed hosts, wildcards over one label, and host-less rules', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a}
spec:
  tls: [{hosts: [shop.example.com, "*.example.com", api.example.com], secretName: t}]
  rules:
    - host: shop.example.com
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
    - host: "*.example.com"
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: b}
spec:
  tls: [{hosts: [anything.example.org], secretName: t}]
  rules:
    - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`, only);
});
