import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['httproute-backend-missing'] };

const service = `
# file: web.yaml
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
`;

test('httproute-backend-missing: a missing Service, a missing port, and a backendRef without port', () => {
  checkFixture(`${service}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs:
        - name: wbe
#               ^^^ error[httproute-backend-missing]: HTTPRoute \`web\` routes to Service \`wbe\`, which does not exist in namespace \`shop\` (did you mean \`web\`?)
          port: 80
        - name: web
          port: 8080
#               ^^^^ error[httproute-backend-missing]: routes to port 8080 of Service \`web\`, which has no such port (ports: 80)
        - name: web
#               ^^^ error[httproute-backend-missing]: backendRef to Service \`web\` in HTTPRoute \`web\` has no port: the API server rejects it
`, only);
});

test('httproute-backend-missing: GRPCRoute backends, and an info when the namespace has no Service at all', () => {
  checkFixture(`${service}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: api, namespace: shop}
spec:
  rules: [{backendRefs: [{name: api, port: 9090}]}]
#                               ^^^ error[httproute-backend-missing]: GRPCRoute \`api\` routes to Service \`api\`
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: lonely, namespace: empty}
spec:
  rules: [{backendRefs: [{name: app, port: 80}]}]
#                               ^^^ info[httproute-backend-missing]: which does not exist in namespace \`empty\`
`, only);
});

test('httproute-backend-missing stays silent for existing backends, non-Service kinds and namespaces the workspace does not hold', () => {
  checkFixture(`${service}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  rules:
    - backendRefs:
        - {name: web, port: 80}
        - {group: inference.networking.k8s.io, kind: InferencePool, name: llm}
        - {name: search, namespace: search-team, port: 80}
`, only);
});
