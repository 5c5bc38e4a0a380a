/**
 * GatewayClasses that AKS clusters (and common Gateway API implementations) provide without the workspace declaring
 * them. Used to tell a real class from a typo. Docs are our own words.
 */
export interface GatewayClassFacts {
  name: string;
  /** `spec.controllerName` of the GatewayClass, when documented. */
  controllerName?: string;
  product: string;
  doc: string;
  source: string;
}

export const KNOWN_GATEWAY_CLASSES: readonly GatewayClassFacts[] = [
  {
    name: 'approuting-istio',
    product: 'the AKS application routing add-on, Gateway API mode',
    doc: 'The application routing add-on\'s Gateway API implementation: a meshless Istio control plane that deploys an Envoy gateway, a LoadBalancer Service, an autoscaler and a disruption budget per Gateway. The recommended successor to the add-on\'s managed NGINX.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api',
  },
  {
    name: 'istio',
    controllerName: 'istio.io/gateway-controller',
    product: 'Istio (upstream, or the AKS Istio service mesh add-on)',
    doc: 'Istio\'s Gateway API implementation: each Gateway gets an Envoy deployment and a LoadBalancer Service.',
    source: 'https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/',
  },
  {
    name: 'istio-waypoint',
    product: 'Istio ambient mode waypoints',
    doc: 'Istio ambient mode: a Gateway of this class is an in-mesh waypoint proxy for L7 policy, not an ingress.',
    source: 'https://istio.io/latest/docs/ambient/usage/waypoint/',
  },
  {
    name: 'azure-alb-external',
    controllerName: 'alb.networking.azure.io/alb-controller',
    product: 'Application Gateway for Containers (ALB Controller)',
    doc: 'Application Gateway for Containers: an Azure-managed L7 load balancer outside the cluster, configured by the ALB Controller.',
    source: 'https://learn.microsoft.com/azure/application-gateway/for-containers/overview',
  },
];

const BY_NAME: ReadonlyMap<string, GatewayClassFacts> = new Map(KNOWN_GATEWAY_CLASSES.map((c) => [c.name, c]));

export function knownGatewayClass(name: string): GatewayClassFacts | undefined {
  return BY_NAME.get(name);
}
