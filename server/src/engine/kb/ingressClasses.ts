/**
 * Ingress classes that clusters (AKS in particular) commonly provide without the workspace declaring their
 * IngressClass object, with the controller behind each. Used to tell a real class from a typo, and to know which
 * controller (and so which annotations and behaviours) serves an Ingress. Docs are our own words.
 *
 * Also the class values that no controller on an AKS cluster serves (UNSERVED_INGRESS_CLASSES): retired AKS add-ons
 * and other clouds' controllers, so that rules can say why an Ingress of such a class goes unserved.
 */
import type { ControllerPlacement } from './controllerPlacement';
import { DECEMBER_2026_REVIEW, FIRST_RECORDED, type Sourced } from './types';

/** Controller families whose behaviour rules care about. */
export type IngressControllerFamily = 'ingress-nginx' | 'aks-app-routing-nginx' | 'agic' | 'agc' | 'istio' | 'traefik';

export interface IngressClassFacts extends Sourced {
  /** The `spec.ingressClassName` (or legacy `kubernetes.io/ingress.class` annotation value). */
  name: string;
  /** `spec.controller` of the IngressClass object the cluster has for it. */
  controller?: string;
  family: IngressControllerFamily;
  /** Product name for messages. */
  product: string;
  /** Namespace the controller runs in by default. */
  namespace?: string;
  /** Where the controller's pods run, for the NetworkPolicy peers that must admit it (in-cluster controllers). */
  placement?: ControllerPlacement;
  /** True for values only valid in the deprecated annotation (no IngressClass has this name). */
  annotationOnly?: boolean;
  doc: string;
}

const APP_ROUTING = 'https://learn.microsoft.com/azure/aks/app-routing';
/** The add-on's Gateway API page: managed NGINX "will stop receiving Azure support after November 2026". */
export const APP_ROUTING_NGINX_SUPPORT_SOURCE = 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api';
const ISTIO_INGRESS = 'https://istio.io/latest/docs/tasks/traffic-management/ingress/kubernetes-ingress/';

export const KNOWN_INGRESS_CLASSES: readonly IngressClassFacts[] = [
  {
    name: 'webapprouting.kubernetes.azure.com',
    controller: 'webapprouting.kubernetes.azure.com/nginx',
    family: 'aks-app-routing-nginx',
    product: 'the AKS application routing add-on (managed NGINX)',
    namespace: 'app-routing-system',
    placement: { namespace: 'app-routing-system', labels: {}, certainty: 'fixed', source: APP_ROUTING, checked: DECEMBER_2026_REVIEW },
    doc: 'Managed NGINX (ingress-nginx based) run by the AKS application routing add-on in `app-routing-system`. Azure support for it ended after November 2026 (it was given critical security patches only until then); the documented successor is the add-on\'s Gateway API mode (GatewayClass `approuting-istio`, generally available and the default on new AKS Automatic clusters from AKS 1.36), or Application Gateway for Containers. Further classes come from `NginxIngressController` objects.',
    source: APP_ROUTING_NGINX_SUPPORT_SOURCE,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'nginx',
    controller: 'k8s.io/ingress-nginx',
    family: 'ingress-nginx',
    product: 'ingress-nginx (community)',
    namespace: 'ingress-nginx',
    placement: { namespace: 'ingress-nginx', labels: {}, certainty: 'convention', source: 'https://kubernetes.github.io/ingress-nginx/', checked: FIRST_RECORDED },
    doc: 'The community ingress-nginx controller, usually installed by its Helm chart in `ingress-nginx`. The project was retired in March 2026: no more releases or security fixes.',
    source: 'https://kubernetes.github.io/ingress-nginx/',
    checked: FIRST_RECORDED,
  },
  {
    name: 'azure-application-gateway',
    controller: 'azure/application-gateway',
    family: 'agic',
    product: 'Application Gateway Ingress Controller (AGIC)',
    namespace: 'kube-system',
    doc: 'AGIC programs an Azure Application Gateway from Ingresses. Application Gateway for Containers is its successor.',
    source: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview',
    checked: FIRST_RECORDED,
  },
  {
    name: 'azure/application-gateway',
    controller: 'azure/application-gateway',
    family: 'agic',
    product: 'Application Gateway Ingress Controller (AGIC)',
    annotationOnly: true,
    doc: 'The value AGIC documents for the deprecated `kubernetes.io/ingress.class` annotation; as an ingressClassName use `azure-application-gateway`.',
    source: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-annotations',
    checked: FIRST_RECORDED,
  },
  {
    name: 'azure-alb-external',
    controller: 'alb.networking.azure.io/alb-controller',
    family: 'agc',
    product: 'Application Gateway for Containers (ALB Controller)',
    doc: 'Application Gateway for Containers: an Azure-managed L7 load balancer outside the cluster, configured by the ALB Controller from Ingress or Gateway API objects. Its frontends are public, or private through a private endpoint (private ingress, in preview); traffic reaches pods from its delegated subnet.',
    source: 'https://learn.microsoft.com/azure/application-gateway/for-containers/how-to-private-ingress-gateway-api',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'istio',
    controller: 'istio.io/ingress-controller',
    family: 'istio',
    product: 'the Istio ingress gateway',
    namespace: 'istio-system',
    placement: { namespace: 'istio-system', labels: {}, certainty: 'convention', source: ISTIO_INGRESS, checked: DECEMBER_2026_REVIEW },
    doc: 'Upstream Istio serves Ingresses of class `istio` (controller `istio.io/ingress-controller`) on its `istio-ingressgateway`, usually in `istio-system`, and recommends Gateway API instead. This is not the AKS Istio add-on: the add-on documents its ingress gateways (`aks-istio-ingressgateway-external` and `-internal` in `aks-istio-ingress`) only through `networking.istio.io` Gateway and VirtualService objects, and Gateway API through GatewayClass `istio`.',
    source: ISTIO_INGRESS,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'traefik',
    controller: 'traefik.io/ingress-controller',
    family: 'traefik',
    product: 'Traefik',
    doc: 'Traefik\'s Kubernetes Ingress provider.',
    source: 'https://doc.traefik.io/traefik/providers/kubernetes-ingress/',
    checked: FIRST_RECORDED,
  },
];

/** Why no controller on an AKS cluster serves a class. */
export type UnservedReason = 'retired' | 'other-cloud';

export interface UnservedIngressClass extends Sourced {
  name: string;
  product: string;
  reason: UnservedReason;
  /**
   * True when the controller that once served it (or serves it elsewhere) reads only the `kubernetes.io/ingress.class`
   * annotation and ignores spec.ingressClassName: advising the field would break it there.
   */
  annotationOnly: boolean;
  /** What to use on AKS instead. */
  replacement: string;
  doc: string;
}

const GKE_INGRESS = 'https://cloud.google.com/kubernetes-engine/docs/concepts/ingress';

export const UNSERVED_INGRESS_CLASSES: readonly UnservedIngressClass[] = [
  {
    name: 'addon-http-application-routing',
    product: 'the HTTP application routing add-on (preview)',
    reason: 'retired',
    annotationOnly: false,
    replacement: 'the application routing add-on (`webapprouting.kubernetes.azure.com`, or better its Gateway API mode `approuting-istio`)',
    doc: 'Class of the HTTP application routing add-on, a preview feature retired on 3 March 2025: it does not work on any supported Kubernetes version, so nothing serves this class. AKS documents the move to the application routing add-on.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-migration',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'gce',
    product: 'GKE Ingress (external Application Load Balancer)',
    reason: 'other-cloud',
    annotationOnly: true,
    replacement: 'an AKS ingress class (`azure-alb-external` for Application Gateway for Containers, or Gateway API)',
    doc: 'Google Kubernetes Engine\'s Ingress controller. It acts on the `kubernetes.io/ingress.class: gce` annotation and ignores spec.ingressClassName; an Ingress with any ingressClassName and no annotation is left alone ("takes no action"). Nothing serves it on AKS.',
    source: GKE_INGRESS,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    name: 'gce-internal',
    product: 'GKE Ingress (internal Application Load Balancer)',
    reason: 'other-cloud',
    annotationOnly: true,
    replacement: 'an AKS ingress class (`azure-alb-external` for Application Gateway for Containers, or Gateway API)',
    doc: 'Google Kubernetes Engine\'s internal Ingress. Like `gce`, only the `kubernetes.io/ingress.class` annotation selects it; spec.ingressClassName is ignored by that controller. Nothing serves it on AKS.',
    source: GKE_INGRESS,
    checked: DECEMBER_2026_REVIEW,
  },
];

const BY_NAME: ReadonlyMap<string, IngressClassFacts> = new Map(KNOWN_INGRESS_CLASSES.map((c) => [c.name, c]));
const BY_CONTROLLER: ReadonlyMap<string, IngressClassFacts> = new Map(KNOWN_INGRESS_CLASSES.filter((c) => c.controller && !c.annotationOnly).map((c) => [c.controller!, c]));
const UNSERVED: ReadonlyMap<string, UnservedIngressClass> = new Map(UNSERVED_INGRESS_CLASSES.map((c) => [c.name, c]));

export function knownIngressClass(name: string): IngressClassFacts | undefined {
  return BY_NAME.get(name);
}

/** A class value that no controller on AKS serves (retired add-on, other cloud), when it is one we know. */
export function unservedIngressClass(name: string): UnservedIngressClass | undefined {
  return UNSERVED.get(name);
}

/** The application routing add-on's controller name prefix: `webapprouting.kubernetes.azure.com/nginx[/<name>]`. */
export const APP_ROUTING_CONTROLLER_PREFIX = 'webapprouting.kubernetes.azure.com/nginx';

/**
 * The known controller an IngressClass's `spec.controller` names. The application routing add-on also creates
 * classes for extra NginxIngressController objects, whose controller is `webapprouting.kubernetes.azure.com/nginx/<name>`.
 */
export function knownIngressController(controller: string): IngressClassFacts | undefined {
  if (controller.startsWith(APP_ROUTING_CONTROLLER_PREFIX)) return BY_NAME.get('webapprouting.kubernetes.azure.com');
  return BY_CONTROLLER.get(controller);
}
