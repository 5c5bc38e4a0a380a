/**
 * Editor features on the custom resources AKS users write: Istio Gateway and VirtualService, Application Gateway for
 * Containers policies, Gateway API BackendTLSPolicy, NginxIngressController, ApplicationLoadBalancer: hovers from the
 * knowledge base with their sources, references resolved, field docs told apart by API group, completion.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldDoc } from '../../server/src/engine/kb/fieldDocs';
import { assertHover, assertNoHoverText, completionAt, completionLabels, cursorIn, definitionAt, CURSOR } from './support';

const MESH = `
# file: mesh.yaml
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop-gateway, namespace: shop}
spec:
  selector: {istio: aks-istio-ingressgateway-external}
  servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [shop.example.com], tls: {mode: SIMPLE, credentialName: shop-cert}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [shop-gateway]
  http:
    - route:
        - destination:
            host: web
            port: {number: 80}
# file: web.yaml
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080}]}
`;

const AGC = `
# file: agc.yaml
apiVersion: alb.networking.azure.io/v1
kind: HealthCheckPolicy
metadata: {name: probe, namespace: shop}
spec:
  targetRef: {group: "", kind: Service, name: web}
  default: {interval: 5s}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: web-tls, namespace: shop}
spec:
  targetRefs: [{group: "", kind: Service, name: web, sectionName: http}]
  validation: {hostname: web.shop.svc, wellKnownCACertificates: System}
---
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: NginxIngressController
metadata: {name: nginx-internal}
spec:
  ingressClassName: nginx-internal
  controllerNamePrefix: nginx-internal
  loadBalancerAnnotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
# file: web.yaml
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: nginx-internal
  defaultBackend: {service: {name: web, port: {number: 80}}}
`;

test('Istio Gateway hover: the add-on gateway its selector picks, its servers and bound VirtualServices; field docs are Istio\'s, not Gateway API\'s', () => {
  assertHover(
    cursorIn(MESH, 'mesh.yaml', 'shop-gateway'),
    '**Gateway `shop/shop-gateway`** · `networking.istio.io`',
    "**Proxies:** the AKS Istio add-on's external ingress gateway `aks-istio-ingressgateway-external` in `aks-istio-ingress`",
    '[Docs](https://learn.microsoft.com/azure/aks/istio-deploy-ingress)',
    '- 443/HTTPS `shop.example.com` · TLS SIMPLE',
    '**VirtualServices bound to it**',
    'VirtualService `shop/shop`',
  );
  const credential = assertHover(cursorIn(MESH, 'mesh.yaml', 'credentialName'), 'looked up in the namespace of the gateway proxy pods');
  assertNoHoverText(credential, 'gateway.networking.k8s.io');
  assert.equal(fieldDoc('Gateway', ['spec', 'selector'], 'networking.istio.io/v1')?.group, 'networking.istio.io');
  assert.equal(fieldDoc('Gateway', ['spec', 'selector'], 'gateway.networking.k8s.io/v1'), undefined);
  assert.equal(fieldDoc('Gateway', ['spec', 'listeners'], 'networking.istio.io/v1'), undefined);
  assert.ok(fieldDoc('Gateway', ['spec', 'listeners'], 'gateway.networking.k8s.io/v1'));
  // Other projects' same-named kinds get no AGC docs.
  assert.equal(fieldDoc('HealthCheckPolicy', ['spec', 'targetRef'], 'networking.gke.io/v1'), undefined);
  assert.ok(fieldDoc('HealthCheckPolicy', ['spec', 'targetRef'], 'alb.networking.azure.io/v1'));
});

test('VirtualService hover and definition: gateways and destinations resolve (short hosts in the VirtualService\'s namespace)', () => {
  assertHover(
    cursorIn(MESH, 'mesh.yaml', 'name: shop,', 7),
    '**VirtualService `shop/shop`**',
    '**Gateways**',
    '- `shop/shop-gateway`: Gateway `shop/shop-gateway` ([mesh\\.yaml:',
    '**Destinations**',
    '- `web:80` → Service `shop/web` ([web\\.yaml:',
  );
  assert.deepEqual(definitionAt(cursorIn(MESH, 'mesh.yaml', 'gateways: [shop-gateway', 12)), ['mesh.yaml: shop-gateway']);
  assert.deepEqual(definitionAt(cursorIn(MESH, 'mesh.yaml', 'host: web', 7)), ['web.yaml: web']);
  assert.deepEqual(definitionAt(cursorIn(MESH, 'mesh.yaml', 'number: 80', 9)), ['web.yaml: {name: http, port: 80, targetPort: 8080}']);
});

test('Policy hovers and definition: what the policy is (with its source) and its target; a section name goes to the port', () => {
  assertHover(
    cursorIn(AGC, 'agc.yaml', 'name: probe', 7),
    '**HealthCheckPolicy `shop/probe`** · `alb.networking.azure.io`',
    'Application Gateway for Containers.',
    '[Docs](https://learn.microsoft.com/azure/application-gateway/for-containers/custom-health-probe)',
    '**Applies to** (Service)',
    '- Service `shop/web`: [web\\.yaml:',
  );
  assertHover(cursorIn(AGC, 'agc.yaml', 'name: web-tls', 7), '**BackendTLSPolicy `shop/web-tls`** · `gateway.networking.k8s.io`', 'Gateway API.', '- Service `shop/web` (`http`): [web\\.yaml:');
  assert.deepEqual(definitionAt(cursorIn(AGC, 'agc.yaml', 'kind: Service, name: web}', 21)), ['web.yaml: web']);
  assert.deepEqual(definitionAt(cursorIn(AGC, 'agc.yaml', 'sectionName: http', 14)), ['web.yaml: {name: http, port: 80, targetPort: 8080}']);
});

test('NginxIngressController: hover names its class and the Ingresses using it; the Ingress class goes to it; completion offers the class', () => {
  assertHover(
    cursorIn(AGC, 'agc.yaml', 'name: nginx-internal', 7),
    '**NginxIngressController `nginx-internal`** · `approuting.kubernetes.azure.com`',
    'Managed NGINX lost Azure support after November 2026.',
    '[Docs](https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration)',
    '**Ingress class** `nginx-internal`: used by Ingress `shop/shop`',
  );
  assert.deepEqual(definitionAt(cursorIn(AGC, 'web.yaml', 'ingressClassName: nginx-internal', 20)), ['agc.yaml: nginx-internal']);
  const labels = completionLabels(`${AGC.replace('  ingressClassName: nginx-internal\n  defaultBackend', `  ingressClassName: ${CURSOR}\n  defaultBackend`)}`);
  assert.ok(labels.includes('nginx-internal'), labels.join(', '));
});

test('Completion: a Gateway listener\'s tls.options offer the Key Vault keys; Istio Gateway fields are Istio\'s', () => {
  const options = completionAt(`# file: gw.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: g, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: https
      port: 443
      protocol: HTTPS
      tls:
        options:
          ${CURSOR}
`);
  const keys = options!.items.map((i) => i.label);
  assert.deepEqual(keys.sort(), ['kubernetes.azure.com/tls-cert-keyvault-uri', 'kubernetes.azure.com/tls-cert-service-account']);
  assert.ok(options!.items.every((i) => i.documentation?.includes('[Source](https://learn.microsoft.com/azure/aks/app-routing-gateway-api-dns-tls)')));
  const istio = completionLabels(`# file: gw.yaml
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: g, namespace: shop}
spec:
  ${CURSOR}
`);
  assert.deepEqual(istio, ['selector', 'servers']);
});

test('Application Gateway for Containers frontends can be private: the alb-frontend annotation and the class say so', () => {
  const fixture = `# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    alb.networking.azure.io/alb-frontend: internal-fe
spec:
  ingressClassName: azure-alb-external
  defaultBackend: {service: {name: web, port: {number: 80}}}
`;
  assertHover(cursorIn(fixture, 'ingress.yaml', 'alb-frontend'), 'Frontends are public, or private when reached through a private endpoint (private ingress, in preview)', '[Source](https://learn.microsoft.com/azure/application-gateway/for-containers/how-to-private-ingress-gateway-api)');
  assertHover(cursorIn(fixture, 'ingress.yaml', 'azure-alb-external'), 'Its frontends are public, or private through a private endpoint (private ingress, in preview');
});
