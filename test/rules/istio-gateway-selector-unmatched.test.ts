import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['istio-gateway-selector-unmatched'] };
const addOn = { settings: { profile: { istioRevisions: ['asm-1-27'], istioIngressGateways: ['external' as const] } }, ...only };

test('istio-gateway-selector-unmatched: upstream\'s istio: ingressgateway with the AKS add-on, and an add-on gateway that is not enabled', () => {
  checkFixture(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  selector:
    istio: ingressgateway
#   ^^^^^^^^^^^^^^^^^^^^^ warning[istio-gateway-selector-unmatched]: (upstream Istio's default ingress gateway label, which the AKS add-on does not use); the AKS Istio add-on's ingress gateways in \`aks-istio-ingress\` carry \`istio: aks-istio-ingressgateway-external\`
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: internal, namespace: shop}
spec:
  selector:
    istio: aks-istio-ingressgateway-internal
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[istio-gateway-selector-unmatched]: selects the add-on's internal ingress gateway (\`aks-istio-ingressgateway-internal\`), which is not enabled on this cluster (ingress gateways: external)
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
`, addOn);
});

test('istio-gateway-selector-unmatched: a near miss of an add-on gateway label, without a profile', () => {
  checkFixture(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  selector:
    istio: aks-istio-ingressgateway-externl
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[istio-gateway-selector-unmatched]: (did you mean \`istio: aks-istio-ingressgateway-external\`?)
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
`, only);
});

test('istio-gateway-selector-unmatched stays silent for add-on gateways, workspace gateways and upstream labels without a profile', () => {
  checkFixture(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  selector: {istio: aks-istio-ingressgateway-external}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: own, namespace: shop}
spec:
  selector: {app: edge-gateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: edge-gateway, namespace: edge}
spec:
  selector: {matchLabels: {app: edge-gateway}}
  template:
    metadata: {labels: {app: edge-gateway}}
    spec: {containers: [{name: istio-proxy, image: auto}]}
`, addOn);
  checkFixture(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
`, only);
});
