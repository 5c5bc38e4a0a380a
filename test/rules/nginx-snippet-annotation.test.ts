import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['nginx-snippet-annotation'] };

test('nginx-snippet-annotation: on the AKS application routing class, blocklisted words make the controller refuse it', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: "location /admin { deny all; }"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[nginx-snippet-annotation]: The AKS application routing NGINX refuses it: the value contains \`location\`, \`{\`, \`}\`
    nginx.ingress.kubernetes.io/server-snippet: "add_header X-Frame-Options DENY;"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[nginx-snippet-annotation]: The AKS application routing NGINX accepts snippets, but refuses values containing
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('nginx-snippet-annotation: on community ingress-nginx snippets are off unless allowed', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/auth-snippet: "proxy_set_header X-Debug 1;"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[nginx-snippet-annotation]: \`allow-snippet-annotations: "true"\` (off by default since v1.9.0) and \`annotations-risk-level: Critical\`
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('nginx-snippet-annotation stays silent for ordinary NGINX annotations', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});
