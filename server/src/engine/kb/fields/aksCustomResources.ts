/**
 * Fields of the custom resources AKS users write beside the core and Gateway API kinds: Istio's own networking API
 * (Gateway, VirtualService), the application routing add-on's NginxIngressController and external-dns resources,
 * Application Gateway for Containers' ApplicationLoadBalancer and policies, and the Gateway API kinds that became GA
 * in v1.4/v1.5 (BackendTLSPolicy, ListenerSet, TLSRoute). Kinds whose name another API group also uses carry that
 * group (FieldDoc.group), so that Istio's Gateway does not get Gateway API's docs nor the reverse.
 */
import { ISTIO_NETWORKING_GROUP_NAME } from '../istioAddon';
import { ALB_GROUP, APP_ROUTING_GROUP } from '../policyKinds';
import { DECEMBER_2026_REVIEW } from '../types';
import { docsOf, row, under, value, type FieldRow } from './define';

const ISTIO_GATEWAY = 'https://istio.io/latest/docs/reference/config/networking/gateway/';
const ISTIO_VIRTUAL_SERVICE = 'https://istio.io/latest/docs/reference/config/networking/virtual-service/';
const ISTIO_ADDON_INGRESS = 'https://learn.microsoft.com/azure/aks/istio-deploy-ingress';
const NGINX_CONFIGURATION = 'https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration';
const APP_ROUTING_DNS_TLS = 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api-dns-tls';
const AGC = 'https://learn.microsoft.com/azure/application-gateway/for-containers';
const AGC_API = `${AGC}/api-specification-kubernetes`;
const BACKEND_TLS_POLICY = 'https://gateway-api.sigs.k8s.io/api-types/backendtlspolicy/';
const GATEWAY_API_V15 = 'https://github.com/kubernetes-sigs/gateway-api/releases/tag/v1.5.0';

const R = DECEMBER_2026_REVIEW;

export const ISTIO_GATEWAY_FIELDS = docsOf('Gateway', ISTIO_GATEWAY, [
  row('spec', 'Istio\'s own Gateway (`networking.istio.io`, not Gateway API): ports and hosts that the gateway proxies chosen by `selector` listen on. Routes are VirtualServices that name this Gateway in `spec.gateways`.'),
  row(
    'spec.selector',
    'Labels of the gateway proxy pods this configuration applies to. The AKS Istio add-on\'s ingress gateways are labelled `istio: aks-istio-ingressgateway-external` and `istio: aks-istio-ingressgateway-internal` (namespace `aks-istio-ingress`); upstream Istio\'s `istio: ingressgateway` does not match them.',
    { source: ISTIO_ADDON_INGRESS },
  ),
  row('spec.servers', 'What the selected proxies listen on: one entry per port, with the hosts it serves and its TLS settings.'),
  row('spec.servers.port', 'The port the proxy listens on. The AKS Istio add-on\'s gateway Services have fixed ports and protocols (they cannot be customized), so a server must use a port they expose.', { source: 'https://learn.microsoft.com/azure/aks/istio-about' }),
  row('spec.servers.port.number', 'Port number the proxy listens on.'),
  row('spec.servers.port.name', 'Name of the port, unique in the Gateway.'),
  row('spec.servers.port.protocol', 'Protocol on the port.', {
    values: [value('HTTP', 'Plain HTTP.'), value('HTTPS', 'HTTP over TLS (terminated per `tls.mode`).'), value('GRPC', 'gRPC.'), value('HTTP2', 'HTTP/2.'), value('TCP', 'Raw TCP.'), value('TLS', 'TLS routed by SNI.')],
  }),
  row('spec.servers.hosts', 'Host names served on this port (`*` for all; `namespace/host` limits which namespaces\' VirtualServices may bind).'),
  row('spec.servers.tls', 'TLS settings for HTTPS and TLS ports.'),
  row('spec.servers.tls.mode', 'How the proxy handles TLS.', {
    values: [
      value('SIMPLE', 'Terminate TLS with the certificate of `credentialName`.'),
      value('MUTUAL', 'Terminate TLS and require client certificates.'),
      value('PASSTHROUGH', 'Pass the TLS stream through, routed by SNI.'),
      value('ISTIO_MUTUAL', 'Istio\'s own mutual TLS (for mesh-internal gateways).'),
    ],
  }),
  row('spec.servers.tls.credentialName', 'Secret with the certificate and key, looked up in the namespace of the gateway proxy pods.'),
], R, ISTIO_NETWORKING_GROUP_NAME);

const destinationRows: FieldRow[] = [
  row('', 'Where matching requests go: a host of the mesh\'s service registry (a Kubernetes Service or a ServiceEntry host).'),
  row('host', 'The destination Service. A short name (`reviews`) is read in the VirtualService\'s namespace, not the Service\'s: use `reviews.<namespace>.svc.cluster.local` for another namespace.'),
  row('port', 'Port of the destination Service; needed when the Service has more than one port (Istio reports the route as ambiguous otherwise).', { source: 'https://istio.io/latest/docs/reference/config/analysis/ist0112/' }),
  row('port.number', 'Port number of the destination Service.'),
  row('subset', 'Subset defined by a DestinationRule for the host.'),
];

export const VIRTUAL_SERVICE_FIELDS = docsOf('VirtualService', ISTIO_VIRTUAL_SERVICE, [
  row('spec', 'Istio routing rules for the hosts in `hosts`, applied on the Istio Gateways named in `gateways` and, with `mesh` (the default), on the sidecars.'),
  row('spec.hosts', 'Host names the rules apply to (the Host header, or SNI for TLS). Short names are read in the VirtualService\'s namespace.'),
  row('spec.gateways', 'Istio Gateways the rules are applied on, as `<namespace>/<name>` or `<name>` (the VirtualService\'s namespace); `mesh` means the sidecars. Unset: only `mesh`. Gateway API Gateways are not named here (they take HTTPRoutes).'),
  row('spec.http', 'HTTP routing rules, first match wins.'),
  row('spec.http.route', 'Weighted destinations of a rule.'),
  ...under('spec.http.route.destination', destinationRows),
  row('spec.tcp', 'Routing rules for plain TCP traffic, by port.'),
  ...under('spec.tcp.route.destination', destinationRows),
  row('spec.tls', 'Routing rules for TLS passed through, by SNI.'),
  ...under('spec.tls.route.destination', destinationRows),
], R);

export const NGINX_INGRESS_CONTROLLER_FIELDS = docsOf('NginxIngressController', NGINX_CONFIGURATION, [
  row('spec', 'One more NGINX ingress controller run by the application routing add-on (which lost Azure support for its managed NGINX after November 2026; its Gateway API mode is the successor).', { source: 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api' }),
  row('spec.ingressClassName', 'Name of the IngressClass the add-on creates for this controller; Ingresses use it as `ingressClassName`.'),
  row('spec.controllerNamePrefix', 'Prefix of the names of the controller\'s resources (Deployment, Service, ...).'),
  row('spec.loadBalancerAnnotations', 'Annotations put on the controller\'s LoadBalancer Service: the Azure load balancer annotations (`service.beta.kubernetes.io/azure-load-balancer-internal: "true"` for a private IP; any other value leaves it public).'),
  row('spec.defaultSSLCertificate', 'The certificate NGINX serves when an Ingress names none.'),
  row('spec.defaultSSLCertificate.keyVaultURI', 'Azure Key Vault certificate URI for the default certificate (leave the version off to follow renewals).'),
  row('spec.defaultSSLCertificate.secret', 'Or a Secret (`name`, `namespace`) holding the default certificate.'),
], R, APP_ROUTING_GROUP);

const externalDnsRows = (scope: string): FieldRow[] => [
  row('spec', `A managed external-dns of the application routing operator that publishes A records for the hostnames of Gateways and HTTP/GRPC routes of the managed GatewayClasses ${scope}. TLSRoute hostnames are not published; records stay when the object is deleted.`),
  row('spec.dnsZoneResourceIDs', 'Azure DNS zone resource IDs to publish in: up to seven, all public (`dnszones`) or all private (`privateDnsZones`), in one subscription and resource group.'),
  row('spec.identity', 'The identity external-dns uses for Azure DNS.'),
  row('spec.identity.serviceAccount', 'A ServiceAccount (in the namespace external-dns runs in) set up for Microsoft Entra Workload ID, whose identity may write the zones.'),
];

export const CLUSTER_EXTERNAL_DNS_FIELDS = docsOf('ClusterExternalDNS', APP_ROUTING_DNS_TLS, [
  ...externalDnsRows('of the whole cluster'),
  row('spec.resourceNamespace', 'Namespace the external-dns Deployment runs in; the ServiceAccount must be there.'),
], R, APP_ROUTING_GROUP);

export const EXTERNAL_DNS_FIELDS = docsOf('ExternalDNS', APP_ROUTING_DNS_TLS, [
  ...externalDnsRows('of its own namespace'),
  row('spec.filters', 'Narrows which objects are published: `gatewayLabels`, `routeAndIngressLabels`.'),
], R, APP_ROUTING_GROUP);

export const APPLICATION_LOAD_BALANCER_FIELDS = docsOf('ApplicationLoadBalancer', AGC_API, [
  row('spec', 'An Application Gateway for Containers deployment managed by the ALB Controller. Ingresses and Gateways use it through the `alb.networking.azure.io/alb-name` and `alb-namespace` annotations.'),
  row('spec.associations', 'Resource IDs of the subnets it is associated with (`/subscriptions/.../virtualNetworks/<vnet>/subnets/<subnet>`), delegated to `Microsoft.ServiceNetworking/trafficControllers`. Traffic reaches pods from that subnet: NetworkPolicies must admit it by ipBlock.'),
], R, ALB_GROUP);

const targetRefRows = (targets: string, sections?: string): FieldRow[] => [
  row('spec.targetRef', `The object the policy applies to: ${targets}.`),
  row('spec.targetRef.group', 'API group of the target: `gateway.networking.k8s.io` for Gateways and HTTPRoutes, `""` for Services.'),
  row('spec.targetRef.kind', `Kind of the target: ${targets}.`),
  row('spec.targetRef.name', 'Name of the target object; it must exist for the policy to apply.'),
  row('spec.targetRef.namespace', 'Namespace of the target; defaults to the policy\'s.'),
  ...(sections ? [row('spec.targetRef.sectionNames', sections)] : []),
];

export const AGC_POLICY_FIELDS = [
  ...docsOf('FrontendTLSPolicy', `${AGC}/how-to-frontend-mtls-gateway-api`, [
    row('spec', 'TLS settings of Gateway listeners on Application Gateway for Containers: a TLS policy, or client certificate validation for frontend mutual TLS.'),
    ...targetRefRows('a Gateway', 'Names of the Gateway\'s listeners the policy applies to.'),
    row('spec.default.verify.caCertificateRef', 'Secret with the CA certificates client certificates are validated against (frontend mutual TLS).'),
  ], R, ALB_GROUP),
  ...docsOf('HealthCheckPolicy', `${AGC}/custom-health-probe`, [
    row('spec', 'The health probe Application Gateway for Containers sends to the pods of a Service (interval, timeout, thresholds, HTTP settings).'),
    ...targetRefRows('a Service'),
  ], R, ALB_GROUP),
  ...docsOf('RoutePolicy', `${AGC}/session-affinity`, [
    row('spec', 'Per-route settings of Application Gateway for Containers, such as session affinity and timeouts.'),
    ...targetRefRows('an HTTPRoute'),
  ], R, ALB_GROUP),
  ...docsOf('BackendTLSPolicy', AGC_API, [
    row('spec', 'How Application Gateway for Containers connects to a Service\'s pods over TLS (CA and subject to verify, SNI, client certificate). Not Gateway API\'s BackendTLSPolicy.'),
    ...targetRefRows('a Service'),
  ], R, ALB_GROUP),
  ...docsOf('WebApplicationFirewallPolicy', `${AGC}/web-application-firewall`, [
    row('spec', 'Applies an Azure Web Application Firewall policy to a Gateway, some of its listeners, or an HTTPRoute.'),
    ...targetRefRows('a Gateway or an HTTPRoute', 'Names of the Gateway\'s listeners the firewall policy applies to.'),
    row('spec.webApplicationFirewall.id', 'Resource ID of the Azure Web Application Firewall policy.'),
  ], R, ALB_GROUP),
];

export const GATEWAY_API_POLICY_FIELDS = [
  ...docsOf('BackendTLSPolicy', BACKEND_TLS_POLICY, [
    row('spec', 'Gateway API (Standard since v1.4): the Gateway connects to the targeted Service\'s pods over TLS and verifies them. Lives in the Service\'s namespace.'),
    row('spec.targetRefs', 'Services (in this namespace) the policy applies to.'),
    row('spec.targetRefs.group', 'API group of the target: `""` (core) for Services.'),
    row('spec.targetRefs.kind', 'Kind of the target: `Service`.'),
    row('spec.targetRefs.name', 'Name of the Service.'),
    row('spec.targetRefs.sectionName', 'Name of one port of the Service, to apply the policy to that port only.'),
    row('spec.validation', 'How the backend\'s certificate is verified.'),
    row('spec.validation.hostname', 'Host name used for SNI and to verify the backend\'s certificate.'),
    row('spec.validation.caCertificateRefs', 'ConfigMaps (or Secrets, by implementation) with the CA certificates to trust.'),
    row('spec.validation.wellKnownCACertificates', '`System`: trust the implementation\'s well-known CAs instead of `caCertificateRefs`.'),
  ], R),
  ...docsOf('ListenerSet', GATEWAY_API_V15, [
    row('spec', 'Gateway API (Standard since v1.5): listeners added to a Gateway from this object, so that teams can bring their own hostnames and certificates. The Gateway must allow ListenerSets from this namespace.'),
    row('spec.parentRef', 'The Gateway the listeners are added to.'),
    row('spec.parentRef.name', 'Name of the Gateway.'),
    row('spec.parentRef.namespace', 'Namespace of the Gateway; defaults to the ListenerSet\'s.'),
    row('spec.listeners', 'Listeners, with the same fields as a Gateway\'s (name, port, protocol, hostname, tls, allowedRoutes).'),
  ], R),
  ...docsOf('TLSRoute', GATEWAY_API_V15, [
    row('spec', 'Gateway API (Standard as `v1` since v1.5): routes TLS streams by SNI from Gateway listeners of protocol TLS (passthrough, or terminated at the Gateway). On AKS the application routing Gateway API mode (`approuting-istio`) does not serve it until it ships Istio 1.30.'),
    row('spec.parentRefs', 'Gateways (and listeners, by `sectionName`) the route attaches to.'),
    row('spec.hostnames', 'SNI host names this route serves.'),
    row('spec.rules', 'Rules with the backends the streams go to.'),
    row('spec.rules.backendRefs', 'Services (name and port) the TLS streams are sent to.'),
  ], R),
];
