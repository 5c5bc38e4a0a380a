import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['policy-target-missing'] };

const targets = `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: https, port: 443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: azure-alb-external
  listeners: [{name: https, port: 443, protocol: HTTPS}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: web, port: 443}]}]}
`;

test('policy-target-missing: AGC policies and Gateway API BackendTLSPolicy name missing targets, wrong kinds, missing listeners and ports', () => {
  checkFixture(`${targets}
---
apiVersion: alb.networking.azure.io/v1
kind: FrontendTLSPolicy
metadata: {name: mtls, namespace: shop}
spec:
  targetRef:
    group: gateway.networking.k8s.io
    kind: Gateway
    name: edge
    namespace: shop
    sectionNames: [http]
#                  ^^^^ warning[policy-target-missing]: names listener \`http\` of Gateway \`edge\`, which has listeners \`https\`
---
apiVersion: alb.networking.azure.io/v1
kind: HealthCheckPolicy
metadata: {name: probe, namespace: shop}
spec:
  targetRef:
    group: ""
    kind: Service
    name: wbe
#         ^^^ warning[policy-target-missing]: targets Service \`shop/wbe\`, which is not in the workspace (did you mean \`web\`?)
---
apiVersion: alb.networking.azure.io/v1
kind: RoutePolicy
metadata: {name: affinity, namespace: shop}
spec:
  targetRef:
    group: gateway.networking.k8s.io
#   ^ warning[policy-target-missing]: RoutePolicy \`affinity\` (Application Gateway for Containers) targets a Gateway, but it applies only to HTTPRoute
    kind: Gateway
    name: edge
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: web-tls, namespace: other}
spec:
  targetRefs:
    - group: ""
#     ^ warning[policy-target-missing]: must be in the namespace of the Service it targets; this targetRefs entry names namespace \`shop\`
      kind: Service
      name: web
      namespace: shop
  validation: {hostname: web.shop.svc, wellKnownCACertificates: System}
`, only);
});

test('policy-target-missing: ApplicationLoadBalancer associations, alb-name and alb-ingress-extension, external-dns zones and ServiceAccount', () => {
  checkFixture(`
apiVersion: alb.networking.azure.io/v1
kind: ApplicationLoadBalancer
metadata: {name: alb, namespace: alb-infra}
spec:
  associations:
    - 10.1.0.0/24
#     ^^^^^^^^^^^ warning[policy-target-missing]: an association is the resource ID of a subnet delegated to Application Gateway for Containers
---
apiVersion: alb.networking.azure.io/v1
kind: IngressExtension
metadata: {name: rewrites, namespace: shop}
spec: {}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    alb.networking.azure.io/alb-name: albb
#                                     ^^^^ warning[policy-target-missing]: is served by ApplicationLoadBalancer \`alb-infra/albb\`, which is not in the workspace (declared: alb) (did you mean \`alb\`?)
    alb.networking.azure.io/alb-namespace: alb-infra
    alb.networking.azure.io/alb-ingress-extension: rewrite
#                                                  ^^^^^^^ warning[policy-target-missing]: names IngressExtension \`rewrite\`, which is not in namespace \`shop\` (there: rewrites)
spec:
  ingressClassName: azure-alb-external
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: dns}
---
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: ClusterExternalDNS
metadata: {name: dns}
spec:
  resourceNamespace: dns
  dnsZoneResourceIDs:
    - /subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/dnszones/example.com
    - /subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/internal.example.com
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[policy-target-missing]: mixes public and private zones
    - example.org
#     ^^^^^^^^^^^ warning[policy-target-missing]: \`example.org\` is not an Azure DNS zone resource ID
  identity:
    serviceAccount: external-dns
#                   ^^^^^^^^^^^^ warning[policy-target-missing]: publishes DNS records with ServiceAccount \`external-dns\`, which is not declared in namespace \`dns\`
`, only);
});

test('policy-target-missing stays silent for present targets, other projects\' same-named kinds and uncovered namespaces', () => {
  checkFixture(`${targets}
---
apiVersion: alb.networking.azure.io/v1
kind: FrontendTLSPolicy
metadata: {name: mtls, namespace: shop}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: edge, namespace: shop, sectionNames: [https]}
---
apiVersion: alb.networking.azure.io/v1
kind: WebApplicationFirewallPolicy
metadata: {name: waf, namespace: shop}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: web, namespace: shop}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: web-tls, namespace: shop}
spec:
  targetRefs: [{group: "", kind: Service, name: web, sectionName: https}]
  validation: {hostname: web.shop.svc, wellKnownCACertificates: System}
---
apiVersion: networking.gke.io/v1
kind: HealthCheckPolicy
metadata: {name: gke, namespace: shop}
spec:
  targetRef: {group: "", kind: Service, name: nothing-here}
---
apiVersion: alb.networking.azure.io/v1
kind: HealthCheckPolicy
metadata: {name: probe, namespace: elsewhere}
spec:
  targetRef: {group: "", kind: Service, name: api}
---
apiVersion: alb.networking.azure.io/v1
kind: ApplicationLoadBalancer
metadata: {name: alb, namespace: alb-infra}
spec:
  associations: [/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/alb]
`, only);
});
