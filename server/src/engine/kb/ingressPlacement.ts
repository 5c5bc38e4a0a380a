/**
 * Where the ingress controllers and gateways that AKS and the common implementations deploy run, and what labels
 * their pods carry: what a NetworkPolicy must admit for their traffic to reach the pods behind them. Each fact
 * with the source it was checked against (2026-12-05). Used by reach/placement.ts only.
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export interface PodPlacementFacts extends Sourced {
  /** The namespace the pods run in; absent when it is the user's choice. */
  namespace?: string;
  /** The usual namespace when the user chooses it (for messages only: never used as a fact). */
  usualNamespace?: string;
  /** Labels every such pod carries, with their values. */
  labels: Record<string, string>;
  /** Label keys every such pod carries whose values vary. */
  keysWithUnknownValue: string[];
  /** Whether the pods may carry labels besides these. */
  otherLabels: 'absent' | 'unknown';
}

/**
 * The application routing add-on's default NGINX (class `webapprouting.kubernetes.azure.com`): Deployment `nginx`
 * in `app-routing-system`; its pod template's labels as the add-on's operator renders them
 * (Azure/aks-app-routing-operator, pkg/manifests/fixtures/nginx/default_version/full.yaml); the Deployment adds
 * `pod-template-hash`.
 */
export const APP_ROUTING_NGINX: PodPlacementFacts = {
  namespace: 'app-routing-system',
  labels: {
    app: 'nginx',
    'app.kubernetes.io/component': 'ingress-controller',
    'app.kubernetes.io/managed-by': 'aks-app-routing-operator',
    'kubernetes.azure.com/managedby': 'aks',
  },
  keysWithUnknownValue: ['pod-template-hash'],
  otherLabels: 'absent',
  // Labels read from the operator's rendered manifests: Azure/aks-app-routing-operator pkg/manifests/fixtures/nginx.
  source: 'https://github.com/Azure/aks-app-routing-operator/tree/main/pkg/manifests/fixtures/nginx',
  checked: DECEMBER_2026_REVIEW,
};

/**
 * A further controller declared with an `NginxIngressController` object: the same operator and namespace; its
 * resources (and the pods' `app` label) are named from `controllerNamePrefix` plus a suffix the operator picks
 * (api/v1alpha1/nginxingresscontroller_types.go), so `app` is known to be present, not its value.
 */
export const APP_ROUTING_NGINX_EXTRA: PodPlacementFacts = {
  namespace: 'app-routing-system',
  labels: {
    'app.kubernetes.io/component': 'ingress-controller',
    'app.kubernetes.io/managed-by': 'aks-app-routing-operator',
    'kubernetes.azure.com/managedby': 'aks',
  },
  keysWithUnknownValue: ['app', 'pod-template-hash'],
  otherLabels: 'absent',
  // Naming from controllerNamePrefix: Azure/aks-app-routing-operator api/v1alpha1/nginxingresscontroller_types.go.
  source: 'https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration',
  checked: DECEMBER_2026_REVIEW,
};

/** Community ingress-nginx: installed where the user chooses (its Helm chart's usual namespace is `ingress-nginx`). */
export const COMMUNITY_INGRESS_NGINX: PodPlacementFacts = {
  usualNamespace: 'ingress-nginx',
  labels: {},
  keysWithUnknownValue: [],
  otherLabels: 'unknown',
  source: 'https://kubernetes.github.io/ingress-nginx/deploy/',
  checked: DECEMBER_2026_REVIEW,
};

/** Istio's ingress gateway serving Ingresses of class `istio`: wherever it is installed (the AKS add-on: `aks-istio-ingress`). */
export const ISTIO_INGRESS_GATEWAY: PodPlacementFacts = {
  usualNamespace: 'aks-istio-ingress',
  labels: {},
  keysWithUnknownValue: [],
  otherLabels: 'unknown',
  source: 'https://istio.io/latest/docs/tasks/traffic-management/ingress/kubernetes-ingress/',
  checked: DECEMBER_2026_REVIEW,
};

/**
 * Gateway API classes `istio` and `approuting-istio`: the implementation deploys the gateway's proxies in the
 * Gateway's own namespace, labelled `gateway.networking.k8s.io/gateway-name: <gateway name>` (plus labels of its
 * own). `namespace` is the Gateway's.
 */
export { GATEWAY_NAME_LABEL } from './controllerPlacement';
export const ISTIO_GATEWAY_API_SOURCE = 'https://istio.io/latest/docs/reference/config/labels/; https://learn.microsoft.com/azure/aks/app-routing-gateway-api';

/**
 * The AKS Istio add-on's ingress gateways, which serve `networking.istio.io` Gateways whose selector names them:
 * pods labelled `istio: aks-istio-ingressgateway-external` (or `-internal`) in `aks-istio-ingress`.
 */
export const ISTIO_ADDON_GATEWAY_NAMESPACE = 'aks-istio-ingress';
export const ISTIO_ADDON_GATEWAY_LABEL_VALUES: readonly string[] = ['aks-istio-ingressgateway-external', 'aks-istio-ingressgateway-internal'];
export const ISTIO_ADDON_SOURCE = 'https://learn.microsoft.com/azure/aks/istio-deploy-ingress';

/**
 * np-guard's reading of an ingress controller nobody names (an Ingress without a class): a pod without labels in a
 * namespace of its own, so that only the destination's ingress policies decide
 * (np-guard/netpol-analyzer, pkg/netpol/connlist: the `{ingress-controller}` peer).
 */
export const NP_GUARD_INGRESS_CONTROLLER_NAMESPACE = 'ingress-controller-ns';
