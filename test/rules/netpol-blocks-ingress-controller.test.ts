import assert from 'node:assert/strict';
import { test } from 'node:test';
import { netpolBlocksIngressController } from '../../server/src/engine/rules/netpolBlocksIngressController';
import { checkFixture } from '../support/fixture';

const rules = [netpolBlocksIngressController];

const SHOP = `
# file: shop.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: storefront, namespace: shop}
spec:
  template:
    metadata: {labels: {app: storefront}}
    spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: storefront, namespace: shop}
spec:
  selector: {app: storefront}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;

function ingress(className: string, expectation = ''): string {
  return `
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: ${className}
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: storefront, port: {number: 80}}}
${expectation}`;
}

const UNDER_BACKEND = `#${' '.repeat(37)}^^^^^^^^^^ `;

test('netpol-blocks-ingress-controller fires when the app routing controller is not admitted on the target port', () => {
  const analysis = checkFixture(
    SHOP +
      ingress(
        'webapprouting.kubernetes.azure.com',
        `${UNDER_BACKEND}error[netpol-blocks-ingress-controller]: Ingress \`shop\` routes shop.example.com/ to Service \`storefront\`, but the ingress policies of its pods (Deployment \`storefront\`: \`default-deny\` and \`storefront-from-ingress\`) admit nothing from the application routing NGINX controller (app-routing-system) on 8080/TCP: requests on this path fail (502/504)`,
      ) +
      `
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: storefront-from-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: storefront}}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: app-routing-system}}}]
      ports: [{port: 80}]
`,
    { rules },
  );
  assert.deepEqual(analysis.findings('ingress.yaml')[0]!.data, {
    workload: 'shop/storefront',
    namespace: 'shop',
    controllerNamespace: 'app-routing-system',
    ports: [{ port: 8080, protocol: 'TCP' }],
    class: 'webapprouting.kubernetes.azure.com',
    path: 'ingress-controller:webapprouting.kubernetes.azure.com',
    verdict: 'denied',
  });
});

test('netpol-blocks-ingress-controller: community ingress-nginx and the Istio gateway run where their user chose: denied wherever they run is an error, denied in their usual namespace a warning that says so', () => {
  // A default-deny admits nothing, wherever the controller runs.
  checkFixture(SHOP + ingress('nginx', `${UNDER_BACKEND}error[netpol-blocks-ingress-controller]: admit nothing from the ingress-nginx controller of class \`nginx\` (namespace not stated; usually ingress-nginx) on 8080/TCP`), { rules });
  checkFixture(SHOP + ingress('istio', `${UNDER_BACKEND}error[netpol-blocks-ingress-controller]: admit nothing from the Istio ingress gateway of class \`istio\` (namespace not stated; usually aks-istio-ingress)`), { rules });
  // Admitting another namespace: denied only if it runs in its usual one.
  const other = `
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-edge, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}}]}]
`;
  const analysis = checkFixture(
    SHOP + ingress('nginx', `${UNDER_BACKEND}warning[netpol-blocks-ingress-controller]: but if the ingress-nginx controller of class \`nginx\` (namespace not stated; usually ingress-nginx) runs in its usual namespace \`ingress-nginx\`, the ingress policies of its pods`) + other,
    { rules },
  );
  assert.equal(analysis.findings('ingress.yaml')[0]!.data?.['verdict'], 'unknown');
  // Stated in the profile: judged exactly (admitted there: silent).
  checkFixture(SHOP + ingress('nginx') + other, { rules, settings: { profile: { ingressControllers: [{ class: 'nginx', namespace: 'edge' }] } } });
});

test('netpol-blocks-ingress-controller: the cluster profile wins over the documented namespace', () => {
  const allowAppRouting = `
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-app-routing, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: app-routing-system}}}]}]
`;
  const profile = { ingressControllers: [{ class: 'webapprouting.kubernetes.azure.com', namespace: 'edge' }] };
  checkFixture(
    SHOP + ingress('webapprouting.kubernetes.azure.com', `${UNDER_BACKEND}error[netpol-blocks-ingress-controller]: admit nothing from the application routing NGINX controller (namespace edge, from the cluster profile) on 8080/TCP`) + allowAppRouting,
    { rules, settings: { profile } },
  );
  checkFixture(SHOP + ingress('webapprouting.kubernetes.azure.com') + allowAppRouting.replace('app-routing-system', 'edge'), { rules, settings: { profile } });
});

test('netpol-blocks-ingress-controller judges Application Gateway for Containers by its subnet, and says when it cannot', () => {
  const allowSubnet = (cidr: string) => `
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-agc, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{ipBlock: {cidr: ${cidr}}}], ports: [{port: 8080}]}]
`;
  const profile = { ingressControllers: [{ class: 'azure-alb-external', subnetCidr: '10.225.0.0/24' }] };
  checkFixture(SHOP + ingress('azure-alb-external') + allowSubnet('10.225.0.0/24'), { rules, settings: { profile } });
  const analysis = checkFixture(
    SHOP + ingress('azure-alb-external', `${UNDER_BACKEND}error[netpol-blocks-ingress-controller]: admit nothing from Application Gateway for Containers (class \`azure-alb-external\`) (subnet 10.225.0.0/24, from the cluster profile) on 8080/TCP: requests on this path fail. Allow an ipBlock for 10.225.0.0/24`) + allowSubnet('10.226.0.0/24'),
    { rules, settings: { profile } },
  );
  assert.equal(analysis.findings('ingress.yaml')[0]!.data?.['controllerCidr'], '10.225.0.0/24');
  checkFixture(SHOP + ingress('azure-alb-external', `${UNDER_BACKEND}info[netpol-blocks-ingress-controller]: cannot judge whether it gets through`) + allowSubnet('10.226.0.0/24'), { rules });
  checkFixture(SHOP + ingress('azure-alb-external', `${UNDER_BACKEND}error[netpol-blocks-ingress-controller]: admit no address outside the cluster on 8080/TCP`), { rules });
});

test('netpol-blocks-ingress-controller checks HTTPRoutes against the Gateway\'s own pods', () => {
  checkFixture(`${SHOP}
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: gateways}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: web, namespace: gateways}]
  rules:
    - backendRefs:
        - name: storefront
#               ^^^^^^^^^^ error[netpol-blocks-ingress-controller]: HTTPRoute \`shop\` routes to Service \`storefront\`, but the ingress policies of its pods (Deployment \`storefront\`: \`default-deny\` and \`from-app-routing\`) admit nothing from the application routing gateway of Gateway \`gateways/web\` (its pods in gateways) on 8080/TCP
          port: 80
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-app-routing, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: app-routing-system}}}]}]
`, { rules });
});

test('netpol-blocks-ingress-controller stays silent when the controller namespace is admitted (on a named port, or with a podSelector for its pods)', () => {
  checkFixture(`${SHOP}${ingress('webapprouting.kubernetes.azure.com')}
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: storefront-from-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: storefront}}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: app-routing-system
      ports:
        - port: http
`, { rules });
  checkFixture(`${SHOP}${ingress('nginx')}
# file: allow.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-controller-pods, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
          podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}}
`, { rules });
});

test('netpol-blocks-ingress-controller stays silent for a Gateway in the app namespace admitted by its pod label, and for backends without ReferenceGrant', () => {
  checkFixture(`${SHOP}
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: web}]
  rules: [{backendRefs: [{name: storefront, port: 80}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-gateway, namespace: shop}
spec:
  podSelector: {matchLabels: {app: storefront}}
  ingress: [{from: [{podSelector: {matchLabels: {gateway.networking.k8s.io/gateway-name: web}}}], ports: [{port: http}]}]
`, { rules });
  checkFixture(`${SHOP}
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: gateways}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: gateways}
spec:
  parentRefs: [{name: web}]
  rules: [{backendRefs: [{name: storefront, namespace: shop, port: 80}]}]
`, { rules });
});

test('netpol-blocks-ingress-controller stays silent without isolation, for unknown classes, Traefik, and with no engine', () => {
  const open = SHOP.replace(/---\napiVersion: networking.k8s.io\/v1\nkind: NetworkPolicy[\s\S]*$/, '');
  checkFixture(open + ingress('webapprouting.kubernetes.azure.com'), { rules });
  checkFixture(SHOP + ingress('my-own-class'), { rules });
  checkFixture(SHOP + ingress('traefik'), { rules });
  checkFixture(SHOP + ingress('webapprouting.kubernetes.azure.com'), { rules, settings: { profile: { networkPolicyEngine: 'none' } } });
});
