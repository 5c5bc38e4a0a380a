/**
 * Where each ingress path's traffic comes from, as the destination's NetworkPolicies see it: the one placement of
 * controllers and gateways that every surface uses.
 *
 *  - Ingresses: grouped by the controller serving their class (IngressClass objects of the workspace decide which
 *    controller a class name means; kb/ingressClasses.ts knows the common ones). The cluster profile's
 *    `ingressControllers` entry for the class wins; then an `NginxIngressController` of the workspace for the
 *    class; then what the implementation documents (kb/ingressPlacement.ts): the application routing NGINX in
 *    `app-routing-system`, Application Gateway for Containers and AGIC from their subnet (unknown unless the
 *    profile gives it), community ingress-nginx and the Istio ingress gateway wherever they are installed (unknown
 *    namespace). An Ingress with no class at all is served by np-guard's stand-in (a pod without labels in
 *    `ingress-controller-ns`), which keeps `netlens connectivity` equal to np-guard's lists. Other classes: unknown.
 *  - Gateways: per Gateway. Gateway API classes `istio` and `approuting-istio` run its proxies in its own namespace,
 *    labelled `gateway.networking.k8s.io/gateway-name: <name>`; `azure-alb-external` is Application Gateway for
 *    Containers; an Istio API Gateway (`networking.istio.io`) is served by the pods its selector names (the AKS
 *    add-on's in `aks-istio-ingress`).
 *
 * A source is pods (whose namespace or labels may be only partly known), the addresses of a subnet, an address not
 * known at all (the reason says why), or unknown altogether.
 */
import { describeGatewayClass, ingressControllerOf } from '../exposure/controllers';
import {
  APP_ROUTING_NGINX,
  APP_ROUTING_NGINX_EXTRA,
  COMMUNITY_INGRESS_NGINX,
  GATEWAY_NAME_LABEL,
  ISTIO_ADDON_GATEWAY_LABEL_VALUES,
  ISTIO_ADDON_GATEWAY_NAMESPACE,
  ISTIO_ADDON_SOURCE,
  ISTIO_GATEWAY_API_SOURCE,
  ISTIO_INGRESS_GATEWAY,
  NP_GUARD_INGRESS_CONTROLLER_NAMESPACE,
  type PodPlacementFacts,
} from '../kb/ingressPlacement';
import type { Labels } from '../model/labelSelector';
import type { Gateway, Ingress } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { parseCidr, type AddressRange } from '../netpol/addressSet';
import type { PartlyKnownPods } from '../netpol/partlyKnownPods';
import type { ClusterProfile } from '../profile/types';

export { GATEWAY_NAME_LABEL };

export type PathSource =
  | {
      readonly kind: 'pods';
      /** The namespace; for an unknown one, the usual one (or a placeholder) and `partly.namespaceUnknown`. */
      readonly namespace: string;
      readonly usualNamespace?: string;
      readonly labels: Labels;
      /** Absent: the pods' namespace and labels are known exactly. */
      readonly partly?: PartlyKnownPods;
      /** Where the placement comes from, in words: `documented by AKS`, `from the cluster profile`. */
      readonly basis: string;
      readonly origin: 'profile' | 'documented' | 'workspace' | 'np-guard' | 'convention';
    }
  | { readonly kind: 'subnet'; readonly cidr: string; readonly range: AddressRange; readonly basis: string }
  | { readonly kind: 'unknown-address'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface IngressPath {
  /** What explain and the graph call it: `ingress-controller:<class>`, `ingress-controller:(default)`, `gateway:<ns>/<name>`. */
  readonly id: string;
  readonly kind: 'ingress-controller' | 'gateway';
  readonly className?: string;
  /** In words a person reads: `the application routing NGINX controller (app-routing-system)`. */
  readonly name: string;
  readonly source: PathSource;
  /** The Ingresses it serves (ingress controllers) or the Gateway (gateways). */
  readonly ingresses: readonly Ingress[];
  readonly gateway?: Gateway;
  /** Made for one question about one Ingress or Gateway (`ReachModel.pathServing`): its routes are that object's only. */
  readonly serving?: true;
}

const UNKNOWN_NAMESPACE = '(unknown namespace)';

/** The path serving an Ingress (not yet grouped: `ingressPaths` groups them by id). */
export function placeIngress(index: WorkspaceIndex, profile: ClusterProfile, ingress: Ingress): Omit<IngressPath, 'ingresses'> {
  const info = ingressControllerOf(index, ingress);
  const className = info.className;
  if (!className) {
    return {
      id: 'ingress-controller:(default)',
      kind: 'ingress-controller',
      name: `the ingress controller (no Ingress class names it; placed as np-guard places it: a pod without labels in namespace ${NP_GUARD_INGRESS_CONTROLLER_NAMESPACE})`,
      source: { kind: 'pods', namespace: NP_GUARD_INGRESS_CONTROLLER_NAMESPACE, labels: {}, basis: "np-guard's stand-in for an ingress controller nobody names", origin: 'np-guard' },
    };
  }
  const id = `ingress-controller:${className}`;
  const base = { id, kind: 'ingress-controller' as const, className };
  const extra = index.ofKind('NginxIngressController').find((c) => c.ingressClassName?.value === className);
  const product = extra
    ? `the application routing NGINX controller \`${extra.name}\``
    : PRODUCTS[info.family ?? 'unknown'].replace('$class', `\`${className}\``);
  const fromProfile = profileSource(profile, className, {});
  if (fromProfile) return { ...base, source: fromProfile, name: `${product} (${whereText(fromProfile)}, from the cluster profile)` };
  if (extra) {
    return { ...base, source: podsOf(APP_ROUTING_NGINX_EXTRA, APP_ROUTING_NGINX_EXTRA.namespace!, 'workspace', `NginxIngressController \`${extra.name}\` of the workspace, run by the application routing add-on`), name: `${product} (${APP_ROUTING_NGINX_EXTRA.namespace})` };
  }
  switch (info.family) {
    case 'aks-app-routing-nginx': {
      const facts = className === 'webapprouting.kubernetes.azure.com' ? APP_ROUTING_NGINX : APP_ROUTING_NGINX_EXTRA;
      return { ...base, source: podsOf(facts, facts.namespace!, 'documented', 'documented by AKS (application routing add-on)'), name: `${product} (${facts.namespace})` };
    }
    case 'ingress-nginx':
      return { ...base, source: podsOf(COMMUNITY_INGRESS_NGINX, undefined, 'convention', 'installed where its user chose'), name: `${product} (namespace not stated; usually ${COMMUNITY_INGRESS_NGINX.usualNamespace})` };
    case 'istio':
      return { ...base, source: podsOf(ISTIO_INGRESS_GATEWAY, undefined, 'convention', 'installed where its user chose'), name: `${product} (namespace not stated; usually ${ISTIO_INGRESS_GATEWAY.usualNamespace})` };
    case 'agc':
    case 'agic':
      return { ...base, source: unknownSubnet(className, info.family === 'agc' ? 'Application Gateway for Containers' : 'Application Gateway'), name: `${product} (subnet not stated)` };
    default:
      return { ...base, source: { kind: 'unknown', reason: `the controller of class \`${className}\` is not one Netlens knows; state it in the cluster profile (ingressControllers)` }, name: `${product} (not known)` };
  }
}

/** How each controller family is named; `$class` is the class name. */
const PRODUCTS: Record<string, string> = {
  'aks-app-routing-nginx': 'the application routing NGINX controller',
  'ingress-nginx': 'the ingress-nginx controller of class $class',
  istio: 'the Istio ingress gateway of class $class',
  agc: 'Application Gateway for Containers (class $class)',
  agic: 'Application Gateway (AGIC, class $class)',
  traefik: 'the Traefik controller of class $class',
  unknown: 'the controller of class $class',
};

/** The path serving a Gateway: its own proxies. */
export function placeGateway(index: WorkspaceIndex, profile: ClusterProfile, gateway: Gateway): Omit<IngressPath, 'ingresses'> {
  const id = `gateway:${gateway.namespace}/${gateway.name}`;
  const what = `Gateway \`${gateway.namespace}/${gateway.name}\``;
  if (gateway.istio) return { id, kind: 'gateway', gateway, ...istioApiGateway(gateway, what) };
  const className = gateway.gatewayClassName;
  const base = { id, kind: 'gateway' as const, gateway, ...(className ? { className } : {}) };
  if (!className) return { ...base, source: { kind: 'unknown', reason: `${what} names no GatewayClass` }, name: `the proxies of ${what} (no class)` };
  const labels = { [GATEWAY_NAME_LABEL]: gateway.name };
  const info = describeGatewayClass(index, className);
  const product = info.facts?.name === 'istio' ? 'the Istio gateway' : info.facts?.name === 'approuting-istio' ? 'the application routing gateway' : info.facts?.name === 'azure-alb-external' ? 'Application Gateway for Containers' : 'the proxies';
  const fromProfile = profileSource(profile, className, labels);
  if (fromProfile) return { ...base, source: fromProfile, name: `${product} of ${what} (class \`${className}\`, ${whereText(fromProfile)}, from the cluster profile)` };
  switch (info.facts?.name) {
    case 'istio':
    case 'approuting-istio': {
      const source: PathSource = {
        kind: 'pods',
        namespace: gateway.namespace,
        labels,
        partly: { otherLabels: 'unknown' },
        basis: `documented by ${info.facts.name === 'istio' ? 'Istio' : 'AKS'} (${ISTIO_GATEWAY_API_SOURCE.split('; ')[0]})`,
        origin: 'documented',
      };
      return { ...base, source, name: `${product} of ${what} (its pods in ${gateway.namespace})` };
    }
    case 'azure-alb-external':
      return { ...base, source: unknownSubnet(className, 'Application Gateway for Containers'), name: `${product} of ${what} (subnet not stated)` };
    default:
      return { ...base, source: { kind: 'unknown', reason: `GatewayClass \`${className}\` is not one Netlens knows; state it in the cluster profile (ingressControllers)` }, name: `${product} of ${what} (class \`${className}\`, not known)` };
  }
}

function istioApiGateway(gateway: Gateway, what: string): { source: PathSource; name: string } {
  const selector = gateway.istio?.selector ?? {};
  const addon = ISTIO_ADDON_GATEWAY_LABEL_VALUES.includes(selector['istio'] ?? '');
  const source: PathSource = addon
    ? { kind: 'pods', namespace: ISTIO_ADDON_GATEWAY_NAMESPACE, labels: selector, partly: { otherLabels: 'unknown' }, basis: `documented by AKS (${ISTIO_ADDON_SOURCE})`, origin: 'documented' }
    : { kind: 'pods', namespace: UNKNOWN_NAMESPACE, labels: selector, partly: { namespaceUnknown: true, otherLabels: 'unknown' }, basis: 'the pods its selector names, in a namespace the workspace does not state', origin: 'convention' };
  const name = addon ? `the Istio add-on ingress gateway (${ISTIO_ADDON_GATEWAY_NAMESPACE}) of ${what}` : `the Istio gateway pods ${describeLabels(selector)} of ${what} (namespace not stated)`;
  return { source, name };
}

function podsOf(facts: PodPlacementFacts, namespace: string | undefined, origin: 'documented' | 'workspace' | 'convention', basis: string): PathSource {
  const partly: { -readonly [K in keyof PartlyKnownPods]: PartlyKnownPods[K] } = { otherLabels: facts.otherLabels };
  if (facts.keysWithUnknownValue.length) partly.keysWithUnknownValue = facts.keysWithUnknownValue;
  if (namespace === undefined) partly.namespaceUnknown = true;
  const source: { -readonly [K in keyof Extract<PathSource, { kind: 'pods' }>]: Extract<PathSource, { kind: 'pods' }>[K] } = {
    kind: 'pods',
    namespace: namespace ?? facts.usualNamespace ?? UNKNOWN_NAMESPACE,
    labels: facts.labels,
    partly,
    basis: `${basis} (${facts.source})`,
    origin,
  };
  if (facts.usualNamespace) source.usualNamespace = facts.usualNamespace;
  return source;
}

function unknownSubnet(className: string, product: string): PathSource {
  return {
    kind: 'unknown-address',
    reason: `${product} connects from its subnet, which the workspace and the cluster profile do not state (add ingressControllers: [{class: ${className}, subnetCidr: ...}] to .netlens.yaml)`,
  };
}

function profileSource(profile: ClusterProfile, className: string, knownLabels: Labels): PathSource | undefined {
  const entry = profile.ingressControllers?.find((c) => c.class === className);
  if (!entry) return undefined;
  if (entry.namespace) {
    return {
      kind: 'pods',
      namespace: entry.namespace,
      labels: { ...knownLabels, ...(entry.podLabels ?? {}) },
      partly: { otherLabels: 'unknown' },
      basis: 'from the cluster profile (ingressControllers)',
      origin: 'profile',
    };
  }
  const range = entry.subnetCidr ? parseCidr(entry.subnetCidr) : undefined;
  if (entry.subnetCidr && range) return { kind: 'subnet', cidr: entry.subnetCidr, range, basis: 'from the cluster profile (ingressControllers)' };
  return undefined;
}

function whereText(source: PathSource): string {
  switch (source.kind) {
    case 'pods':
      return `namespace ${source.namespace}`;
    case 'subnet':
      return `subnet ${source.cidr}`;
    default:
      return 'source not known';
  }
}

function describeLabels(labels: Labels): string {
  const entries = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return entries.length ? entries.join(',') : '(any labels)';
}

/** Every ingress path of the workspace: one per controller serving its Ingresses, one per Gateway. Sorted by id. */
export function ingressPaths(index: WorkspaceIndex, profile: ClusterProfile): IngressPath[] {
  const byId = new Map<string, IngressPath & { ingresses: Ingress[] }>();
  for (const ingress of index.ofKind('Ingress')) {
    const placed = placeIngress(index, profile, ingress);
    const existing = byId.get(placed.id);
    if (existing) existing.ingresses.push(ingress);
    else byId.set(placed.id, { ...placed, ingresses: [ingress] });
  }
  for (const gateway of index.ofKind('Gateway')) {
    const placed = placeGateway(index, profile, gateway);
    if (!byId.has(placed.id)) byId.set(placed.id, { ...placed, ingresses: [] });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The controller's source as the generators read it (fixes/trafficEdges.ts): pods of a namespace with the labels a
 * policy can select them by, a subnet, or an Azure-hosted proxy whose subnet is unknown. Undefined when the
 * controller is not known, or its namespace is not (a policy cannot admit it by namespace then).
 */
export type ControllerSource =
  | { kind: 'pods'; className: string; product: string; namespace: string; labels: Labels; origin: 'profile' | 'fixed' | 'convention' }
  | { kind: 'addresses'; className: string; product: string; cidr: string; range: AddressRange }
  | { kind: 'azure-unknown'; className: string; product: string };

export function controllerOfIngress(index: WorkspaceIndex, profile: ClusterProfile, ingress: Ingress): ControllerSource | undefined {
  return legacySource(placeIngress(index, profile, ingress));
}

export function controllerOfGateway(index: WorkspaceIndex, profile: ClusterProfile, gateway: Gateway): ControllerSource | undefined {
  return legacySource(placeGateway(index, profile, gateway));
}

function legacySource(path: Omit<IngressPath, 'ingresses'>): ControllerSource | undefined {
  const className = path.className;
  const source = path.source;
  if (!className) return undefined;
  switch (source.kind) {
    case 'pods': {
      if (source.origin === 'np-guard') return undefined;
      const namespace = source.partly?.namespaceUnknown ? source.usualNamespace : source.namespace;
      if (!namespace) return undefined;
      // Labels whose values vary cannot be selected on; the ones every pod carries with a known value can.
      const labels = path.kind === 'gateway' ? { ...source.labels } : {};
      const origin = source.origin === 'profile' ? 'profile' : source.partly?.namespaceUnknown ? 'convention' : 'fixed';
      return { kind: 'pods', className, product: path.name, namespace, labels, origin };
    }
    case 'subnet':
      return { kind: 'addresses', className, product: path.name, cidr: source.cidr, range: source.range };
    case 'unknown-address':
      return { kind: 'azure-unknown', className, product: path.name };
    case 'unknown':
      return undefined;
  }
}
