import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['gateway-class-unknown'] };

test('gateway-class-unknown: a typo of an AKS class is a warning; an unknown class is an info; a missing class is reported', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: a}
spec:
  gatewayClassName: approuting-isito
#                   ^^^^^^^^^^^^^^^^ warning[gateway-class-unknown]: GatewayClass \`approuting-isito\` of Gateway \`a\` is not declared in the workspace nor one Netlens knows (did you mean \`approuting-istio\`?)
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: b}
spec:
  gatewayClassName: corporate-edge
#                   ^^^^^^^^^^^^^^ info[gateway-class-unknown]: make sure the cluster has it
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: c}
#                ^ warning[gateway-class-unknown]: Gateway \`c\` has no spec.gatewayClassName, which is required
spec:
  listeners: [{name: http, port: 80, protocol: HTTP}]
`, only);
});

test('gateway-class-unknown stays silent for AKS classes, declared classes and Istio Gateways', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: edge}
spec: {controllerName: example.com/edge}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: a}
spec: {gatewayClassName: edge, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: b}
spec: {gatewayClassName: azure-alb-external, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata: {name: c}
spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: d}
spec: {selector: {istio: aks-istio-ingressgateway-external}}
`, only);
});
