import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-class-annotation-deprecated'] };

test('ingress-class-annotation-deprecated: the annotation, alone or together with ingressClassName', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: agic
  annotations:
    kubernetes.io/ingress.class: azure/application-gateway
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[ingress-class-annotation-deprecated]: use \`spec.ingressClassName: azure-application-gateway\` instead
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: both
  annotations:
    kubernetes.io/ingress.class: nginx
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[ingress-class-annotation-deprecated]: sets both \`kubernetes.io/ingress.class: nginx\` and spec.ingressClassName \`nginx\`: the API server rejects creating it
spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
});

test('ingress-class-annotation-deprecated stays silent with spec.ingressClassName only', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a}
spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
});

test('ingress-class-annotation-deprecated stays silent for GKE classes, whose controller reads only the annotation', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: gke
  annotations:
    kubernetes.io/ingress.class: gce
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
});
