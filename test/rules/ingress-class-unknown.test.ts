import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-class-unknown'] };

test('ingress-class-unknown: a typo of a known class is a warning with did-you-mean', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.co
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ingress-class-unknown]: (did you mean \`webapprouting.kubernetes.azure.com\`?)
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: legacy
  annotations:
    kubernetes.io/ingress.class: ngnix
#                                ^^^^^ warning[ingress-class-unknown]: \`kubernetes.io/ingress.class\` \`ngnix\` of Ingress \`legacy\` is not an IngressClass in the workspace nor a class Netlens knows (did you mean \`nginx\`?)
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('ingress-class-unknown: an unknown class with nothing close is an info; an annotation value used as class name is a warning', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: corporate-edge
#                   ^^^^^^^^^^^^^^ info[ingress-class-unknown]: make sure the cluster has it
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: agic}
spec:
  ingressClassName: azure/application-gateway
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ingress-class-unknown]: use ingressClassName \`azure-application-gateway\`
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('ingress-class-unknown stays silent for declared and known classes', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: edge}
spec: {controller: example.com/edge}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a}
spec: {ingressClassName: edge, defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: b}
spec: {ingressClassName: azure-alb-external, defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: c
  annotations: {kubernetes.io/ingress.class: azure/application-gateway}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
`, only);
});
