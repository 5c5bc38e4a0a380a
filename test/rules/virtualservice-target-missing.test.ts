import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['virtualservice-target-missing'] };

const services = `
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}, {name: grpc, port: 9090}]}
---
apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: shop}
spec: {selector: {app: ratings}, ports: [{port: 80}]}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop-gateway, namespace: shop}
spec:
  selector: {istio: aks-istio-ingressgateway-external}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]
`;

test('virtualservice-target-missing: a missing Gateway, a missing Service (short names read in the VirtualService\'s namespace), a missing port, an ambiguous port', () => {
  checkFixture(`${services}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways:
    - shop/shop-gw
#     ^^^^^^^^^^^^ warning[virtualservice-target-missing]: binds to Istio Gateway \`shop/shop-gw\`, which is not in the workspace (Istio Gateways in \`shop\`: shop-gateway)
    - mesh
  http:
    - route:
        - destination:
            host: reviewz
#                 ^^^^^^^ warning[virtualservice-target-missing]: read as Service \`shop/reviewz\`, which is not in the workspace
    - route:
        - destination:
            host: ratings.shop.svc.cluster.local
            port: {number: 8080}
#                          ^^^^ warning[virtualservice-target-missing]: routes to port 8080 of Service \`ratings\`, which has ports 80
    - route:
        - destination:
            host: reviews
#                 ^^^^^^^ info[virtualservice-target-missing]: has several ports (9080, 9090) and this destination names none
`, only);
});

test('virtualservice-target-missing stays silent for present targets, mesh, external hosts and namespaces the workspace does not cover', () => {
  checkFixture(`${services}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [shop-gateway, mesh, other/gateway]
  http:
    - route:
        - destination: {host: reviews, port: {number: 9080}}
        - destination: {host: ratings}
        - destination: {host: api.example.com}
        - destination: {host: billing.payments.svc.cluster.local}
`, only);
});
