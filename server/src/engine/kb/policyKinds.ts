/**
 * Kinds that attach to another object by reference: Application Gateway for Containers policies
 * (`alb.networking.azure.io`), Gateway API's BackendTLSPolicy and ListenerSet. What each may target, so that a
 * reference to an object the workspace lacks (or of the wrong kind) can be reported and navigated. Keyed by API group
 * and kind: other projects use the same kind names (GKE's and AWS's HealthCheckPolicy, Gateway API's
 * BackendTLSPolicy next to AGC's).
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export const ALB_GROUP = 'alb.networking.azure.io';
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

export interface PolicyTarget {
  group: string;
  kind: string;
  /** What `sectionNames`/`sectionName` name inside the target: listeners of a Gateway, ports of a Service. */
  section?: 'listener' | 'port';
}

export interface PolicyKindFacts extends Sourced {
  group: string;
  kind: string;
  product: string;
  /** The field holding the reference(s), as written. */
  refField: 'spec.targetRef' | 'spec.targetRefs' | 'spec.parentRef';
  targets: readonly PolicyTarget[];
  /** True when the target must be in the policy's own namespace (the reference's namespace is ignored or forbidden). */
  sameNamespace?: boolean;
  doc: string;
}

const AGC = 'https://learn.microsoft.com/azure/application-gateway/for-containers';
const GATEWAY: PolicyTarget = { group: GATEWAY_API_GROUP, kind: 'Gateway', section: 'listener' };
const SERVICE: PolicyTarget = { group: '', kind: 'Service', section: 'port' };
const HTTP_ROUTE: PolicyTarget = { group: GATEWAY_API_GROUP, kind: 'HTTPRoute' };

export const POLICY_KINDS: readonly PolicyKindFacts[] = [
  {
    group: ALB_GROUP,
    kind: 'FrontendTLSPolicy',
    product: 'Application Gateway for Containers',
    refField: 'spec.targetRef',
    targets: [GATEWAY],
    doc: 'TLS settings of Gateway listeners on Application Gateway for Containers: a predefined TLS policy (cipher suites) or client certificate validation (`default.verify.caCertificateRef`) for frontend mutual TLS. `targetRef` names the Gateway, `sectionNames` its listeners.',
    source: `${AGC}/how-to-frontend-mtls-gateway-api`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: ALB_GROUP,
    kind: 'HealthCheckPolicy',
    product: 'Application Gateway for Containers',
    refField: 'spec.targetRef',
    targets: [SERVICE],
    doc: 'Custom health probe Application Gateway for Containers sends to a Service\'s pods (interval, timeout, thresholds, HTTP host/path/status codes, TLS). Without one, pods are probed on their port with defaults. `targetRef` names the Service.',
    source: `${AGC}/custom-health-probe`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: ALB_GROUP,
    kind: 'RoutePolicy',
    product: 'Application Gateway for Containers',
    refField: 'spec.targetRef',
    targets: [HTTP_ROUTE],
    doc: 'Per-route settings for Application Gateway for Containers, such as session affinity (`default.sessionAffinity`: application or managed cookie) and timeouts. `targetRef` names the HTTPRoute.',
    source: `${AGC}/session-affinity`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: ALB_GROUP,
    kind: 'BackendTLSPolicy',
    product: 'Application Gateway for Containers',
    refField: 'spec.targetRef',
    targets: [SERVICE],
    doc: 'How Application Gateway for Containers connects to a Service\'s pods over TLS: CA and subject name to verify them (`verify`), SNI, and a client certificate for backend mutual TLS (`clientCertificateRef`). `targetRef` names the Service. Not Gateway API\'s BackendTLSPolicy, which has the same kind in another group.',
    source: `${AGC}/api-specification-kubernetes`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: ALB_GROUP,
    kind: 'WebApplicationFirewallPolicy',
    product: 'Application Gateway for Containers',
    refField: 'spec.targetRef',
    targets: [GATEWAY, HTTP_ROUTE],
    doc: 'Applies an Azure Web Application Firewall policy (`webApplicationFirewall.id`, reachable through the AGC resource\'s SecurityPolicy) to a Gateway, some of its listeners (`sectionNames`), or an HTTPRoute.',
    source: `${AGC}/web-application-firewall`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: GATEWAY_API_GROUP,
    kind: 'BackendTLSPolicy',
    product: 'Gateway API',
    refField: 'spec.targetRefs',
    targets: [SERVICE],
    sameNamespace: true,
    doc: 'Gateway API (GA since v1.4): TLS from the Gateway to a Service\'s pods, with `validation.hostname` and `caCertificateRefs` (or well-known CAs). It must live in the Service\'s namespace; `targetRefs[].sectionName` picks a port by name.',
    source: 'https://gateway-api.sigs.k8s.io/api-types/backendtlspolicy/',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: GATEWAY_API_GROUP,
    kind: 'ListenerSet',
    product: 'Gateway API',
    refField: 'spec.parentRef',
    targets: [{ group: GATEWAY_API_GROUP, kind: 'Gateway' }],
    doc: 'Gateway API (GA since v1.5): listeners added to a Gateway (`parentRef`) from a separate object, so that teams can bring their own hostnames and certificates; the Gateway must allow ListenerSets from that namespace.',
    source: 'https://github.com/kubernetes-sigs/gateway-api/releases/tag/v1.5.0',
    checked: DECEMBER_2026_REVIEW,
  },
];

export function policyKind(group: string, kind: string): PolicyKindFacts | undefined {
  return POLICY_KINDS.find((p) => p.group === group && p.kind === kind);
}

/** Other AKS-specific custom resources the workspace may hold, for hovers. */
export interface CustomKindFacts extends Sourced {
  group: string;
  kind: string;
  doc: string;
}

export const APP_ROUTING_GROUP = 'approuting.kubernetes.azure.com';

export const CUSTOM_KINDS: readonly CustomKindFacts[] = [
  {
    group: ALB_GROUP,
    kind: 'ApplicationLoadBalancer',
    doc: 'Managed deployment of Application Gateway for Containers: the ALB Controller creates and runs the Azure resource for it. `spec.associations` lists the subnet resource IDs (`/subscriptions/.../virtualNetworks/<vnet>/subnets/<subnet>`) it is associated with, a subnet delegated to `Microsoft.ServiceNetworking/trafficControllers`; traffic to pods comes from that subnet. Ingresses and Gateways use it through the `alb-name`/`alb-namespace` annotations.',
    source: `${AGC}/api-specification-kubernetes`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: ALB_GROUP,
    kind: 'IngressExtension',
    doc: 'Features the Ingress API lacks, for Ingresses of class `azure-alb-external` that name it with `alb.networking.azure.io/alb-ingress-extension`: header and URL rewrites, redirects, session affinity, backend settings.',
    source: `${AGC}/how-to-header-rewrite-ingress-api`,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: APP_ROUTING_GROUP,
    kind: 'NginxIngressController',
    doc: 'Application routing add-on: one more managed NGINX ingress controller. `spec.ingressClassName` is the IngressClass it creates and serves (default `nginx.approuting.kubernetes.azure.com`), `controllerNamePrefix` names its resources, `loadBalancerAnnotations` go on its LoadBalancer Service (Azure load balancer annotations: an internal one needs `azure-load-balancer-internal: "true"`), `defaultSSLCertificate.keyVaultURI` takes its default certificate from Key Vault. Managed NGINX lost Azure support after November 2026.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: APP_ROUTING_GROUP,
    kind: 'ClusterExternalDNS',
    doc: 'Application routing operator: a managed external-dns for the whole cluster that publishes A records in up to seven Azure DNS zones (`dnsZoneResourceIDs`, one subscription and resource group, all public or all private) for the hostnames of Gateways, HTTPRoutes and GRPCRoutes of the managed GatewayClasses. It runs in `resourceNamespace` with the workload-identity ServiceAccount named by `identity.serviceAccount`, which must exist there. Records are not deleted with it; TLSRoute hostnames are not published.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api-dns-tls',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    group: APP_ROUTING_GROUP,
    kind: 'ExternalDNS',
    doc: 'Application routing operator: like ClusterExternalDNS, but watching only its own namespace (optionally narrowed with `filters.gatewayLabels` and `filters.routeAndIngressLabels`); its ServiceAccount (`identity.serviceAccount`) must exist in that namespace.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api-dns-tls',
    checked: DECEMBER_2026_REVIEW,
  },
];

export function customKind(group: string, kind: string): CustomKindFacts | undefined {
  return CUSTOM_KINDS.find((c) => c.group === group && c.kind === kind);
}

/** `alb.networking.azure.io/v1` -> `alb.networking.azure.io`; `v1` -> ''. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
