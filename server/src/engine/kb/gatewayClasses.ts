/**
 * GatewayClasses that AKS clusters (and common Gateway API implementations) provide without the workspace declaring
 * them. Used to tell a real class from a typo, to place the proxies the classes deploy, and to know what each
 * implementation supports. Docs are our own words.
 */
import { GATEWAY_NAME_LABEL, GATEWAY_NAMESPACE, type ControllerPlacement } from './controllerPlacement';
import { DECEMBER_2026_REVIEW, FIRST_RECORDED, type Sourced } from './types';

export interface GatewayClassFacts extends Sourced {
  name: string;
  /** `spec.controllerName` of the GatewayClass, when documented. */
  controllerName?: string;
  product: string;
  doc: string;
  /** Where the proxy pods of a Gateway of this class run (in-cluster implementations). */
  placement?: ControllerPlacement;
  /** Suffix of the Deployment, Service, HPA and PDB made for a Gateway: `<gateway>-<suffix>`. */
  generatedSuffix?: string;
  /** Listener protocols the implementation does not serve (yet), with why, for diagnostics. */
  unsupportedProtocols?: Readonly<Record<string, string>>;
}

export const APP_ROUTING_GATEWAY_API = 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api';
export const ISTIO_ADDON_GATEWAY_API = 'https://learn.microsoft.com/azure/aks/istio-gateway-api';
const ISTIO_LABELS = 'https://istio.io/latest/docs/reference/config/labels/';

/**
 * Per-Gateway proxies in the Gateway's namespace (the AKS pages name the generated Deployment), labelled with the
 * Gateway's name (Istio's label reference, which both AKS implementations build on).
 */
const PER_GATEWAY: ControllerPlacement = { namespace: GATEWAY_NAMESPACE, labels: {}, gatewayNameLabel: GATEWAY_NAME_LABEL, certainty: 'fixed', source: ISTIO_LABELS, checked: FIRST_RECORDED };

export const KNOWN_GATEWAY_CLASSES: readonly GatewayClassFacts[] = [
  {
    name: 'approuting-istio',
    product: 'the AKS application routing add-on, Gateway API mode',
    doc: 'The application routing add-on\'s Gateway API implementation (generally available; enabled with `--enable-app-routing-istio`, and on by default for new AKS Automatic clusters from AKS 1.36): a sidecar-less Istio control plane in `aks-istio-system` that deploys, in the Gateway\'s namespace, a Deployment, a LoadBalancer Service, an autoscaler and a disruption budget named `<gateway>-approuting-istio`. It is the successor of the add-on\'s managed NGINX. It needs the managed Gateway API CRDs and cannot be enabled together with the Istio service mesh add-on. Not supported: TLS passthrough with TLSRoute until AKS ships Istio 1.30, request size limits, rate limits and Lua (no EnvoyFilter), egress. An internal load balancer is asked for with load balancer annotations on the Gateway.',
    placement: PER_GATEWAY,
    generatedSuffix: 'approuting-istio',
    unsupportedProtocols: { TLS: 'TLSRoute (TLS passthrough) is not supported by the application routing Gateway API implementation until AKS ships Istio 1.30' },
    source: APP_ROUTING_GATEWAY_API,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'istio',
    controllerName: 'istio.io/gateway-controller',
    product: 'Istio (upstream, or the AKS Istio service mesh add-on)',
    doc: 'Istio\'s Gateway API implementation: each Gateway gets, in its own namespace, a Deployment, a LoadBalancer Service, an autoscaler and a disruption budget named `<gateway>-istio`, whose pods carry `gateway.networking.k8s.io/gateway-name: <gateway>`. With the AKS Istio add-on it needs the managed Gateway API CRDs and revision `asm-1-26` or later; the add-on\'s own ingress gateways (`aks-istio-ingressgateway-*`) serve Istio Gateway/VirtualService objects instead.',
    placement: PER_GATEWAY,
    generatedSuffix: 'istio',
    source: ISTIO_ADDON_GATEWAY_API,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'istio-waypoint',
    product: 'Istio ambient mode waypoints',
    doc: 'Istio ambient mode: a Gateway of this class is an in-mesh waypoint proxy for L7 policy, not an ingress. The AKS Istio add-on does not support ambient mode.',
    source: 'https://istio.io/latest/docs/ambient/usage/waypoint/',
    checked: FIRST_RECORDED,
  },
  {
    name: 'azure-alb-external',
    controllerName: 'alb.networking.azure.io/alb-controller',
    product: 'Application Gateway for Containers (ALB Controller)',
    doc: 'Application Gateway for Containers: an Azure-managed L7 load balancer outside the cluster, configured by the ALB Controller. A Gateway picks a frontend (public, or private through a private endpoint while private ingress is in preview) with `spec.addresses`, or a managed `ApplicationLoadBalancer` with `alb-name`/`alb-namespace` annotations; traffic reaches pods from its delegated subnet.',
    source: 'https://learn.microsoft.com/azure/application-gateway/for-containers/how-to-private-ingress-gateway-api',
    checked: DECEMBER_2026_REVIEW,
  },
];

const BY_NAME: ReadonlyMap<string, GatewayClassFacts> = new Map(KNOWN_GATEWAY_CLASSES.map((c) => [c.name, c]));

export function knownGatewayClass(name: string): GatewayClassFacts | undefined {
  return BY_NAME.get(name);
}
