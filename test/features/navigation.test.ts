import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOP } from './fixtures';
import { cursorIn, definitionAt, referencesAt } from './support';

const GATEWAY = `
# file: gw.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: approuting-istio}
spec: {controllerName: istio.io/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      tls:
        certificateRefs:
          - name: shop-cert
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs:
    - name: public
  rules:
    - backendRefs:
        - name: web
          port: 80
# file: secret.yaml
apiVersion: v1
kind: Secret
metadata: {name: shop-cert, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: shop-tls, namespace: shop}
# file: class.yaml
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: webapprouting.kubernetes.azure.com}
spec: {controller: webapprouting.kubernetes.azure.com/nginx}
${SHOP.replace(/^\n/, '')}`;

test('definition: Ingress backend Service name and port', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'ingress.yaml', 'name: web\n                port', 7)), ['web.yaml: web']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'ingress.yaml', 'number: 80', 9)), ['web.yaml: name: http']);
});

test('definition: ingressClassName, gatewayClassName, TLS secretName, certificateRef', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'ingress.yaml', 'webapprouting', 3)), ['class.yaml: webapprouting.kubernetes.azure.com']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'gw.yaml', 'gatewayClassName: approuting', 20)), ['gw.yaml: approuting-istio']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'ingress.yaml', 'shop-tls', 2)), ['secret.yaml: shop-tls']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'gw.yaml', 'shop-cert', 2)), ['secret.yaml: shop-cert']);
});

test('definition: route parentRef and backendRef name and port', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'route.yaml', 'name: public', 7)), ['gw.yaml: public']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'route.yaml', 'name: web', 7)), ['web.yaml: web']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'route.yaml', 'port: 80', 7)), ['web.yaml: name: http']);
});

test('definition: a named targetPort goes to the container port', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'web.yaml', 'targetPort: http', 13)), ['web.yaml: name: http']);
});

test('definition: a selector goes to every matched workload', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'policies.yaml', 'podSelector: {}', 14)), ['api.yaml: api', 'web.yaml: web']);
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'lb.yaml', 'app: web', 6)), ['web.yaml: web']);
});

test('definition: a NetworkPolicy named port goes to the destination container ports', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'policies.yaml', 'port: http', 7)), ['api.yaml: name: http']);
});

test('definition: an env value naming a Service goes to it', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'web.yaml', 'http://api', 9)), ['api.yaml: api']);
});

test('definition: nothing on plain values', () => {
  assert.deepEqual(definitionAt(cursorIn(GATEWAY, 'web.yaml', 'image: nginx', 9)), []);
});

test('references on a Service: routes, configuration and policies selecting its pods', () => {
  assert.deepEqual(referencesAt(cursorIn(GATEWAY, 'web.yaml', 'kind: Service', 7)), [
    'ingress.yaml: web',
    'policies.yaml: {}',
    'route.yaml: web',
  ]);
  assert.deepEqual(referencesAt(cursorIn(GATEWAY, 'api.yaml', 'kind: Service', 7), true), [
    'api.yaml: api',
    'policies.yaml: matchLabels:',
    'policies.yaml: {}',
    'web.yaml: api:80',
  ]);
});

test('references on a workload: Services and policies that select it, policy peers that match it', () => {
  assert.deepEqual(referencesAt(cursorIn(GATEWAY, 'web.yaml', 'name: web', 7)), [
    'lb.yaml: app: web',
    'policies.yaml: podSelector:',
    'policies.yaml: {}',
    'web.yaml: app: web',
  ]);
});

test('references on a Gateway: its routes; from a backend name: the Service\'s references', () => {
  assert.deepEqual(referencesAt(cursorIn(GATEWAY, 'gw.yaml', 'name: public', 7)), ['route.yaml: name: public']);
  assert.deepEqual(referencesAt(cursorIn(GATEWAY, 'route.yaml', 'name: web', 7)), ['ingress.yaml: web', 'policies.yaml: {}', 'route.yaml: web']);
});
