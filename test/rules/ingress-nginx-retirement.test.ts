import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-nginx-retirement'] };

test('ingress-nginx-retirement: the AKS managed NGINX class and community ingress-nginx (by name, annotation or IngressClass controller)', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app-routing}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ingress-nginx-retirement]: whose Azure support ended after November 2026: no more security patches
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: community
  annotations:
    kubernetes.io/ingress.class: nginx
#                                ^^^^^ warning[ingress-nginx-retirement]: is served by ingress-nginx (class \`nginx\`), which was retired in March 2026
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: internal-nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: custom}
spec:
  ingressClassName: internal-nginx
#                   ^^^^^^^^^^^^^^ warning[ingress-nginx-retirement]: (class \`internal-nginx\`), which was retired in March 2026
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('ingress-nginx-retirement stays silent for other controllers and unresolved classes', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: agc}
spec: {ingressClassName: azure-alb-external, defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: none}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: unknown}
spec: {ingressClassName: edge, defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
});
