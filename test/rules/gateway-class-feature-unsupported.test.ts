import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['gateway-class-feature-unsupported'] };

test('gateway-class-feature-unsupported: approuting-istio has no TLS passthrough (listener and TLSRoute)', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: https
      port: 443
      protocol: HTTPS
    - name: tls
#     ^^^^^^^^^ warning[gateway-class-feature-unsupported]: listener \`tls\` of Gateway \`edge\` is TLS: TLSRoute (TLS passthrough) is not supported by the application routing Gateway API implementation until AKS ships Istio 1.30
      port: 8443
      protocol: TLS
      tls: {mode: Passthrough}
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: db, namespace: shop}
spec:
  parentRefs:
    - name: edge
#     ^^^^^^^^^^ warning[gateway-class-feature-unsupported]: TLSRoute \`db\` attaches to Gateway \`edge\` of class \`approuting-istio\`
  rules: [{backendRefs: [{name: db, port: 5432}]}]
`, only);
});

test('gateway-class-feature-unsupported: classes the cluster profile says are not available', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: approuting-istio
#                   ^^^^^^^^^^^^^^^^ warning[gateway-class-feature-unsupported]: this cluster runs the Istio service mesh add-on, and the application routing Gateway API mode cannot be enabled together with it
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: mesh-edge, namespace: shop}
spec:
  gatewayClassName: istio
#                   ^^^^^ warning[gateway-class-feature-unsupported]: the Istio add-on supports Gateway API from revision asm-1-26, and this cluster runs asm-1-25
  listeners: [{name: http, port: 80, protocol: HTTP}]
`, { ...only, settings: { profile: { istioRevisions: ['asm-1-25'] } } });
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: approuting-istio
#                   ^^^^^^^^^^^^^^^^ warning[gateway-class-feature-unsupported]: the application routing add-on's Gateway API mode is not enabled on this cluster
  listeners: [{name: http, port: 80, protocol: HTTP}]
`, { ...only, settings: { profile: { appRoutingGatewayApi: false } } });
});

test('gateway-class-feature-unsupported stays silent for supported listeners, other classes and current revisions', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [{name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: db, namespace: shop}
spec:
  parentRefs: [{name: edge}]
  rules: [{backendRefs: [{name: db, port: 5432}]}]
`, { ...only, settings: { profile: { istioRevisions: ['asm-1-25', 'asm-1-26'] } } });
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: https, port: 443, protocol: HTTPS}]
`, { ...only, settings: { profile: { appRoutingGatewayApi: true } } });
});
