/**
 * Ingress classes that clusters (AKS in particular) commonly provide without the workspace declaring their
 * IngressClass object, with the controller behind each. Used to tell a real class from a typo, and to know which
 * controller (and so which annotations and behaviours) serves an Ingress. Docs are our own words.
 */

/** Controller families whose behaviour rules care about. */
export type IngressControllerFamily = 'ingress-nginx' | 'aks-app-routing-nginx' | 'agic' | 'agc' | 'istio' | 'traefik';

export interface IngressClassFacts {
  /** The `spec.ingressClassName` (or legacy `kubernetes.io/ingress.class` annotation value). */
  name: string;
  /** `spec.controller` of the IngressClass object the cluster has for it. */
  controller?: string;
  family: IngressControllerFamily;
  /** Product name for messages. */
  product: string;
  /** Namespace the controller runs in by default. */
  namespace?: string;
  /** True for values only valid in the deprecated annotation (no IngressClass has this name). */
  annotationOnly?: boolean;
  doc: string;
  source: string;
}

export const KNOWN_INGRESS_CLASSES: readonly IngressClassFacts[] = [
  {
    name: 'webapprouting.kubernetes.azure.com',
    controller: 'webapprouting.kubernetes.azure.com/nginx',
    family: 'aks-app-routing-nginx',
    product: 'the AKS application routing add-on (managed NGINX)',
    namespace: 'app-routing-system',
    doc: 'Managed NGINX (ingress-nginx based) run by the AKS application routing add-on in `app-routing-system`. Azure supports it with critical security patches through November 2026; its successor is the add-on\'s Gateway API mode (GatewayClass `approuting-istio`).',
    source: 'https://learn.microsoft.com/azure/aks/app-routing',
  },
  {
    name: 'nginx',
    controller: 'k8s.io/ingress-nginx',
    family: 'ingress-nginx',
    product: 'ingress-nginx (community)',
    namespace: 'ingress-nginx',
    doc: 'The community ingress-nginx controller, usually installed by its Helm chart in `ingress-nginx`. The project was retired in March 2026: no more releases or security fixes.',
    source: 'https://kubernetes.github.io/ingress-nginx/',
  },
  {
    name: 'azure-application-gateway',
    controller: 'azure/application-gateway',
    family: 'agic',
    product: 'Application Gateway Ingress Controller (AGIC)',
    namespace: 'kube-system',
    doc: 'AGIC programs an Azure Application Gateway from Ingresses. Application Gateway for Containers is its successor.',
    source: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview',
  },
  {
    name: 'azure/application-gateway',
    controller: 'azure/application-gateway',
    family: 'agic',
    product: 'Application Gateway Ingress Controller (AGIC)',
    annotationOnly: true,
    doc: 'The value AGIC documents for the deprecated `kubernetes.io/ingress.class` annotation; as an ingressClassName use `azure-application-gateway`.',
    source: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-annotations',
  },
  {
    name: 'azure-alb-external',
    controller: 'alb.networking.azure.io/alb-controller',
    family: 'agc',
    product: 'Application Gateway for Containers (ALB Controller)',
    doc: 'Application Gateway for Containers: an Azure-managed L7 load balancer outside the cluster, configured by the ALB Controller from Ingress or Gateway API objects.',
    source: 'https://learn.microsoft.com/azure/application-gateway/for-containers/overview',
  },
  {
    name: 'istio',
    controller: 'istio.io/ingress-controller',
    family: 'istio',
    product: 'the Istio ingress gateway',
    doc: 'Istio\'s ingress gateway serves Ingresses of class `istio`; Istio recommends Gateway API (GatewayClass `istio`) instead.',
    source: 'https://istio.io/latest/docs/tasks/traffic-management/ingress/kubernetes-ingress/',
  },
  {
    name: 'traefik',
    controller: 'traefik.io/ingress-controller',
    family: 'traefik',
    product: 'Traefik',
    doc: 'Traefik\'s Kubernetes Ingress provider.',
    source: 'https://doc.traefik.io/traefik/providers/kubernetes-ingress/',
  },
];

const BY_NAME: ReadonlyMap<string, IngressClassFacts> = new Map(KNOWN_INGRESS_CLASSES.map((c) => [c.name, c]));
const BY_CONTROLLER: ReadonlyMap<string, IngressClassFacts> = new Map(KNOWN_INGRESS_CLASSES.filter((c) => c.controller && !c.annotationOnly).map((c) => [c.controller!, c]));

export function knownIngressClass(name: string): IngressClassFacts | undefined {
  return BY_NAME.get(name);
}

/**
 * The known controller an IngressClass's `spec.controller` names. The application routing add-on also creates
 * classes for extra NginxIngressController objects, whose controller is `webapprouting.kubernetes.azure.com/nginx/<name>`.
 */
export function knownIngressController(controller: string): IngressClassFacts | undefined {
  if (controller.startsWith('webapprouting.kubernetes.azure.com/nginx')) return BY_NAME.get('webapprouting.kubernetes.azure.com');
  return BY_CONTROLLER.get(controller);
}
