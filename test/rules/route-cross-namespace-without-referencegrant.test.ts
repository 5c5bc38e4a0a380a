import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['route-cross-namespace-without-referencegrant'] };

const backend = `
# file: backend.yaml
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: catalog}
spec: {selector: {app: catalog}, ports: [{port: 80}]}
`;

const route = (kind = 'HTTPRoute') => `
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: shop, namespace: shop}
spec:
  rules:
    - backendRefs:
        - {name: catalog, namespace: catalog, port: 80}
`;

test('route-cross-namespace-without-referencegrant: no grant in the target namespace', () => {
  checkFixture(`${backend}${route()}#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[route-cross-namespace-without-referencegrant]: HTTPRoute \`shop/shop\` routes to Service \`catalog/catalog\` in another namespace, but no ReferenceGrant in \`catalog\` allows HTTPRoute from \`shop\`
`, only);
});

test('route-cross-namespace-without-referencegrant: a grant for another kind, namespace or name does not count; unknown namespaces are an info', () => {
  checkFixture(`${backend}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: wrong, namespace: catalog}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}, {group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: other}]
  to: [{group: "", kind: Service, name: inventory}]
${route()}#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[route-cross-namespace-without-referencegrant]: no ReferenceGrant in \`catalog\`
        - {name: search, namespace: search, port: 80}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[route-cross-namespace-without-referencegrant]: the workspace holds nothing of namespace \`search\`
`, only);
});

test('route-cross-namespace-without-referencegrant stays silent with a matching grant (any name or this name) and for same-namespace backends', () => {
  checkFixture(`${backend}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: shop-routes, namespace: catalog}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service, name: catalog}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: grpc, namespace: catalog}
spec:
  from: [{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
${route()}
        - {name: local, port: 80}
${route('GRPCRoute').replace('name: shop,', 'name: shop-grpc,').replace('# file: route.yaml', '---')}`, only);
});
