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

test('ingress-class-unknown: classes nothing on AKS serves (the retired HTTP application routing add-on, GKE) are warnings that say why', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: old}
spec:
  ingressClassName: addon-http-application-routing
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ingress-class-unknown]: it belongs to the HTTP application routing add-on (preview), which is retired: nothing serves it
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: gke}
spec:
  ingressClassName: gce
#                   ^^^ warning[ingress-class-unknown]: which does not run on AKS (and which itself only reads the \`kubernetes.io/ingress.class\` annotation, ignoring ingressClassName)
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: gke-annotation
  annotations:
    kubernetes.io/ingress.class: gce-internal
#                                ^^^^^^^^^^^^ warning[ingress-class-unknown]: GKE Ingress (internal Application Load Balancer), which does not run on AKS, so the Ingress gets no address
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('ingress-class-unknown stays silent for a class an NginxIngressController declares', () => {
  checkFixture(`
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: NginxIngressController
metadata: {name: nginx-internal}
spec:
  ingressClassName: nginx-internal
  controllerNamePrefix: nginx-internal
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx-internal
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});
