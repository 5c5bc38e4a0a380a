import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['httproute-parent-missing'] };

const gateway = `
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shared, namespace: infra}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
`;

test('httproute-parent-missing: a Gateway name typo in the namespace of the Gateway, with did-you-mean', () => {
  checkFixture(`${gateway}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs:
    - {name: shraed, namespace: infra}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[httproute-parent-missing]: HTTPRoute \`web\` attaches to Gateway \`shraed\` in namespace \`infra\`, which does not exist (did you mean \`shared\`?)
  rules: [{backendRefs: [{name: web, port: 80}]}]
`, only);
});

test('httproute-parent-missing: a missing listener sectionName or port; GRPCRoute too', () => {
  checkFixture(`${gateway}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs:
    - {name: shared, namespace: infra, sectionName: https}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[httproute-parent-missing]: Gateway \`infra/shared\` has no listener named \`https\` (listeners: http)
    - {name: shared, namespace: infra, port: 8080}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[httproute-parent-missing]: has no listener on port 8080 (ports: 80)
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs:
    - {name: shared}
#     ^^^^^^^^^^^^^^ info[httproute-parent-missing]: GRPCRoute \`api\` attaches to Gateway \`shared\` in namespace \`shop\`, which does not exist in the workspace (it has Gateways in infra)
`, only);
});

test('httproute-parent-missing stays silent for existing parents, Istio Gateways aside, and when the workspace has no Gateway', () => {
  checkFixture(`${gateway}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: shared, namespace: infra, sectionName: http, port: 80}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`, only);
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  parentRefs: [{name: platform-gateway, namespace: gateways}]
---
apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: istio-style}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
`, only);
});
