/**
 * Gateway and GatewayClass (gateway.networking.k8s.io/v1): listeners, TLS, which routes may attach, addresses.
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { labelSelectorRows } from './labelSelector';
import { DECEMBER_2026_REVIEW, FIRST_RECORDED } from '../types';

export const GATEWAY_SPEC = 'https://gateway-api.sigs.k8s.io/reference/spec/';
const GATEWAY_PAGE = 'https://gateway-api.sigs.k8s.io/api-types/gateway/';
const GATEWAY_CLASS_PAGE = 'https://gateway-api.sigs.k8s.io/api-types/gatewayclass/';
const REFERENCE_GRANT = 'https://gateway-api.sigs.k8s.io/api-types/referencegrant/';
const AGC_BYO = 'https://learn.microsoft.com/en-us/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-byo-deployment';
const APP_ROUTING_TLS = 'https://learn.microsoft.com/en-us/azure/aks/app-routing-gateway-api-dns-tls';

const listenerRows: FieldRow[] = [
  row(
    '',
    'Listeners: the ports, protocols and host names on which the Gateway accepts traffic (1 to 64). Each needs a unique `name`, and no two may share the same port, protocol and hostname. Routes attach to listeners, not to the Gateway as a whole.',
    { source: GATEWAY_PAGE },
  ),
  row('name', 'Name of the listener, unique in the Gateway. Routes pick it with `parentRefs[].sectionName`.'),
  row(
    'hostname',
    'Host name the listener serves: matched against the Host header (HTTP), SNI (TLS), or both (HTTPS). A leading `*.` matches any number of labels in front (`*.example.com` matches `a.b.example.com` but not `example.com`). Unset means all host names. Not allowed for TCP and UDP. When a route also lists hostnames, they must intersect with this one or the route is not accepted on this listener.',
  ),
  row('port', 'Network port the listener accepts traffic on (1-65535). Several listeners may share a port if they differ in protocol or hostname.'),
  row('protocol', 'Protocol the listener expects. Core values are case-insensitive; implementations may add domain-prefixed ones.', {
    values: [
      value('HTTP', 'Plain HTTP/1.1 (HTTP/2 cleartext if the implementation says so). For HTTPRoute and GRPCRoute. `tls` is not allowed.'),
      value('HTTPS', 'HTTP over TLS terminated by the Gateway: `tls.mode` must be Terminate and a certificate is required. For HTTPRoute and GRPCRoute.'),
      value('TLS', 'TLS streams routed by SNI with TLSRoute; `tls.mode` is required (Passthrough or Terminate).'),
      value('TCP', 'Raw TCP for TCPRoute. No hostname, no tls.'),
      value('UDP', 'UDP for UDPRoute. No hostname, no tls.'),
    ],
  }),
  row('tls', 'TLS settings of the listener: required for HTTPS and TLS, not allowed for HTTP, TCP and UDP.'),
  row('tls.mode', 'Whether the Gateway terminates TLS. Defaults to `Terminate`.', {
    values: [
      value('Terminate', 'Default. The Gateway decrypts with a certificate from `certificateRefs` and routes the plain requests; backends see the Gateway as their client. The only mode allowed with HTTPS.'),
      value('Passthrough', 'The encrypted stream goes through untouched and is routed by SNI only; `certificateRefs` is ignored and only TLSRoute can attach. The backend terminates TLS.'),
    ],
  }),
  row(
    'tls.certificateRefs',
    'Certificates (with private keys) presented for this listener\'s host names: core support is one Secret of type `kubernetes.io/tls`. Required with `Terminate` unless the implementation fills it from `options` (the AKS application routing operator does, from Azure Key Vault). A Secret in another namespace needs a ReferenceGrant there.',
    { source: REFERENCE_GRANT },
  ),
  row('tls.certificateRefs.group', 'API group of the certificate object; defaults to `""` (core).'),
  row('tls.certificateRefs.kind', 'Kind of the certificate object; defaults to `Secret`.'),
  row('tls.certificateRefs.name', 'Name of the Secret (type `kubernetes.io/tls`, keys `tls.crt` and `tls.key`).'),
  row('tls.certificateRefs.namespace', 'Namespace of the Secret; defaults to the Gateway\'s. Another namespace needs a ReferenceGrant in it allowing Gateways to refer to Secrets.', { source: REFERENCE_GRANT }),
  row(
    'tls.options',
    'Implementation-specific TLS settings as domain-prefixed key/value strings (at most 16). With the AKS application routing add-on, on Gateways of class `approuting-istio` or `istio`, `kubernetes.azure.com/tls-cert-keyvault-uri` (an unversioned Key Vault certificate URI) and `kubernetes.azure.com/tls-cert-service-account` (a workload-identity ServiceAccount of the Gateway\'s namespace whose identity has the `Key Vault Secrets User` role) make the operator create a SecretProviderClass and a Secret `kv-gw-cert-<gateway>-<listener>` and fill `certificateRefs` with it.',
    { source: APP_ROUTING_TLS, checked: DECEMBER_2026_REVIEW },
  ),
  row('allowedRoutes', 'Which routes may attach to this listener: from which namespaces and of which kinds. Defaults to routes in the Gateway\'s own namespace.'),
  row('allowedRoutes.namespaces', 'Namespaces from which routes may attach. Defaults to `from: Same`.'),
  row(
    'allowedRoutes.namespaces.from',
    'Where attaching routes may live. Defaults to `Same`: an HTTPRoute in another namespace that names this Gateway is silently not attached until this says otherwise (a ReferenceGrant does not help for attachment).',
    {
      values: [
        value('Same', 'Default. Only routes in the Gateway\'s namespace.'),
        value('All', 'Routes from any namespace.'),
        value('Selector', 'Routes from namespaces matching `selector`.'),
      ],
    },
  ),
  row('allowedRoutes.namespaces.selector', 'Label selector on namespaces, used when `from: Selector` (ignored otherwise). Every namespace carries `kubernetes.io/metadata.name: <name>`.'),
  ...labelSelectorRows('allowedRoutes.namespaces.selector', 'namespaces'),
  row('allowedRoutes.kinds', 'Route kinds allowed to attach. When empty, the kinds follow from the protocol (HTTPRoute for HTTP/HTTPS, TLSRoute for TLS, ...). A kind that does not fit the protocol makes the listener\'s references invalid.'),
  row('allowedRoutes.kinds.group', 'API group of the route kind; defaults to `gateway.networking.k8s.io`.'),
  row('allowedRoutes.kinds.kind', 'The route kind, e.g. `HTTPRoute` or `GRPCRoute`.'),
];

const parametersRefRows = (owner: string): FieldRow[] => [
  row('group', `API group of the ${owner} parameters object (empty for the core group, e.g. a ConfigMap).`),
  row('kind', `Kind of the ${owner} parameters object (e.g. ConfigMap or an implementation's own resource).`),
  row('name', `Name of the ${owner} parameters object; if it cannot be found, the ${owner} is not accepted.`),
];

export const GATEWAY_FIELDS = docsOf('Gateway', GATEWAY_SPEC, [
  row('spec', 'An instance of traffic-handling infrastructure (a proxy or cloud load balancer) from a GatewayClass, with its listeners. Routes (HTTPRoute, GRPCRoute, ...) attach to it to say where requests go.', { source: GATEWAY_PAGE }),
  row(
    'spec.gatewayClassName',
    'The GatewayClass that provides this Gateway, i.e. which implementation builds it: on AKS `approuting-istio` (application routing add-on, Gateway API mode), `istio` (Istio service mesh add-on) or `azure-alb-external` (Application Gateway for Containers). A class no controller accepts leaves the Gateway unprogrammed with no address.',
    { source: GATEWAY_CLASS_PAGE },
  ),
  ...under('spec.listeners', listenerRows),
  row(
    'spec.addresses',
    'Addresses requested for the Gateway (up to 16); when omitted the implementation assigns them, and the ones in use appear in `status.addresses`. Support varies: an unsupported or unavailable address is reported in the Gateway\'s conditions.',
  ),
  row('spec.addresses.type', 'Kind of address. Defaults to `IPAddress`. Implementations define their own types: Application Gateway for Containers uses `alb.networking.azure.io/alb-frontend` to name an existing frontend.', {
    source: AGC_BYO,
    values: [
      value('IPAddress', 'Default. An IPv4 or IPv6 address.'),
      value('Hostname', 'A DNS name.'),
      value('alb.networking.azure.io/alb-frontend', 'Application Gateway for Containers: the name of a frontend of the Application Gateway for Containers resource.'),
    ],
  }),
  row('spec.addresses.value', 'The address itself (at most 253 characters); when empty, the implementation should pick one of the requested type.'),
  row('spec.infrastructure', 'Settings for the resources the implementation creates for this Gateway (Extended support).'),
  row('spec.infrastructure.labels', 'Labels the implementation should put on the resources it creates for this Gateway (at most 8).'),
  row(
    'spec.infrastructure.annotations',
    'Annotations the implementation should put on the resources it creates for this Gateway (at most 16). Whether they reach the generated Service (e.g. an Azure load balancer annotation) depends on the implementation.',
  ),
  row('spec.infrastructure.parametersRef', 'Implementation-specific configuration for this one Gateway, in its namespace; merged with the GatewayClass parameters in an implementation-specific way.'),
  ...under('spec.infrastructure.parametersRef', parametersRefRows('Gateway')),
  row('status', 'Written by the implementation: assigned addresses, conditions (Accepted, Programmed) and, per listener, the number of attached routes. Leave it out of manifests.'),
], FIRST_RECORDED);

export const GATEWAY_CLASS_FIELDS = docsOf('GatewayClass', GATEWAY_SPEC, [
  row('metadata.name', 'The class name that Gateways put in `spec.gatewayClassName`. GatewayClass is cluster-scoped.', { source: GATEWAY_CLASS_PAGE }),
  row('spec', 'Which controller implements Gateways of this class, and its optional parameters.', { source: GATEWAY_CLASS_PAGE }),
  row(
    'spec.controllerName',
    'Name of the controller that manages Gateways of this class, as a domain-prefixed path (e.g. `istio.io/gateway-controller`, `alb.networking.azure.io/alb-controller`). Immutable and required. A controller only accepts classes with its own name, so a typo leaves every Gateway of the class unprogrammed.',
  ),
  row('spec.parametersRef', 'Optional reference to an object (a ConfigMap or an implementation\'s own resource) with controller-specific configuration. If it cannot be found or is invalid, the class is not accepted (reason InvalidParameters).'),
  ...under('spec.parametersRef', parametersRefRows('GatewayClass')),
  row('spec.parametersRef.namespace', 'Namespace of the parameters object: required for a namespaced object, must be unset for a cluster-scoped one.'),
  row('spec.description', 'Free-text description of the class (at most 64 characters).'),
], FIRST_RECORDED);
