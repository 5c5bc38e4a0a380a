import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['httproute-hostname-not-accepted'] };

const gateway = `
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - {name: shop, port: 443, protocol: HTTPS, hostname: shop.example.com, allowedRoutes: {namespaces: {from: All}}}
    - {name: apps, port: 443, protocol: HTTPS, hostname: "*.apps.example.com", allowedRoutes: {namespaces: {from: All}}}
    - {name: tcp, port: 5432, protocol: TCP, allowedRoutes: {namespaces: {from: All}}}
`;

test('httproute-hostname-not-accepted: no listener accepts any of the hostnames', () => {
  checkFixture(`${gateway}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [www.example.com, apps.example.com]
#             ^^^^^^^^^^^^^^^ warning[httproute-hostname-not-accepted]: None of the hostnames of HTTPRoute \`web\` (www.example.com, apps.example.com) is accepted by the listeners of Gateway \`infra/gw\`
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: shop}]
  hostnames: [api.apps.example.com]
#             ^^^^^^^^^^^^^^^^^^^^ warning[httproute-hostname-not-accepted]: is accepted by listener \`shop\` of Gateway \`infra/gw\` (shop: shop.example.com)
`, only);
});

test('httproute-hostname-not-accepted stays silent for matching, wildcard (any depth) and host-less listeners or routes', () => {
  checkFixture(`${gateway}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: a, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [shop.example.com]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: b, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: apps}]
  hostnames: [a.b.apps.example.com]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: c, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: d, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: ["*.example.com"]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: e, namespace: shop}
spec:
  parentRefs: [{name: missing-gateway, namespace: infra}]
  hostnames: [x.example.org]
`, only);
});
