import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-class-missing'] };

test('ingress-class-missing: no class, no annotation, no default IngressClass', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
#                ^^^^ warning[ingress-class-missing]: Ingress \`shop\` names no ingress class and the workspace declares no default IngressClass
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('ingress-class-missing stays silent with a class, the annotation, or a default IngressClass', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a}
spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: b
  annotations: {kubernetes.io/ingress.class: azure/application-gateway}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
  checkFixture(`
# file: class.yaml
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: internal
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec: {controller: k8s.io/ingress-nginx}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: c}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
});
