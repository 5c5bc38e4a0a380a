import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['gateway-api-version-outdated'] };

test('gateway-api-version-outdated: TLSRoute v1alpha2 (warning), XListenerSet and BackendTLSPolicy v1alpha3 (infos)', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
#     ^^^^^^^^ warning[gateway-api-version-outdated]: TLSRoute \`v1alpha2\`: only in the Experimental channel from Gateway API v1.5 and removed from it in v1.6; TLSRoute is \`gateway.networking.k8s.io/v1\` in the Standard channel since Gateway API v1.5.0
metadata: {name: db, namespace: shop}
spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: db, port: 5432}]}]}
---
apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XListenerSet
#     ^^^^^^^^^^^^ info[gateway-api-version-outdated]: ListenerSet is \`gateway.networking.k8s.io/v1\` in the Standard channel since Gateway API v1.5.0
metadata: {name: team, namespace: shop}
spec: {parentRef: {name: edge}, listeners: [{name: https, port: 443, protocol: HTTPS}]}
---
apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
#     ^^^^^^^^^^^^^^^^ info[gateway-api-version-outdated]: BackendTLSPolicy is \`gateway.networking.k8s.io/v1\` in the Standard channel since Gateway API v1.4.0
metadata: {name: web-tls, namespace: shop}
spec: {targetRefs: [{group: "", kind: Service, name: web}], validation: {hostname: web, wellKnownCACertificates: System}}
`, only);
});

test('gateway-api-version-outdated stays silent for v1 and for other groups\' kinds', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: db, namespace: shop}
spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: db, port: 5432}]}]}
---
apiVersion: alb.networking.azure.io/v1
kind: BackendTLSPolicy
metadata: {name: web-tls, namespace: shop}
spec: {targetRef: {group: "", kind: Service, name: web}}
`, only);
});
