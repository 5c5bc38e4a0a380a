import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['httproute-backend-unready'] };

test('httproute-backend-unready: the backend Service selects no pods', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: website}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  rules: [{backendRefs: [{name: web, port: 80}]}]
#                               ^^^ warning[httproute-backend-unready]: HTTPRoute \`web\` routes to Service \`web\`, which selects no pods (no pod template in namespace \`shop\` has app=web)
`, only);
});

test('httproute-backend-unready stays silent for ready, selector-less or missing backends', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: external}
spec: {type: ExternalName, externalName: api.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  rules: [{backendRefs: [{name: web, port: 80}, {name: external, port: 443}, {name: missing, port: 80}]}]
`, only);
});
