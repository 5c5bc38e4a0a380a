/**
 * Where an ingress controller's or a gateway's traffic comes from, as NetworkPolicies see it: pods of a namespace
 * (in-cluster controllers), addresses of a subnet (Azure-hosted proxies, when the profile gives the subnet), or an
 * Azure-hosted proxy whose subnet is unknown. The cluster profile's `ingressControllers` entry for the class wins;
 * otherwise what AKS and the projects document:
 *  - application routing add-on (managed NGINX): `app-routing-system`, fixed by the add-on;
 *  - application routing Gateway API (`approuting-istio`) and Istio Gateway API (`istio`): a deployment in the
 *    Gateway's own namespace, pods labelled `gateway.networking.k8s.io/gateway-name: <gateway>`
 *    (https://istio.io/latest/docs/reference/config/labels/);
 *  - Istio add-on ingress gateway (Ingress class `istio`): `aks-istio-ingress` (the add-on's; upstream Istio uses
 *    istio-system, so this is a convention);
 *  - community ingress-nginx: `ingress-nginx` (its Helm chart's usual namespace: a convention);
 *  - Application Gateway for Containers and AGIC: Azure-hosted, traffic from their subnet.
 * Anything else (Traefik, unknown classes) is unknown: rules stay silent.
 */
import { describeGatewayClass, ingressControllerOf } from '../../exposure/controllers';
import type { Labels } from '../../model/labelSelector';
import type { Gateway, Ingress } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { parseCidr, type AddressRange } from '../../netpol/addressSet';
import type { ClusterProfile } from '../../profile/types';

export const APP_ROUTING_NAMESPACE = 'app-routing-system';
export const ISTIO_ADDON_INGRESS_NAMESPACE = 'aks-istio-ingress';
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

export type ControllerSource =
  | {
      kind: 'pods';
      className: string;
      product: string;
      namespace: string;
      labels: Labels;
      /** profile: stated by the user; fixed: documented by AKS / the implementation; convention: a usual default. */
      origin: 'profile' | 'fixed' | 'convention';
    }
  | { kind: 'addresses'; className: string; product: string; cidr: string; range: AddressRange }
  | { kind: 'azure-unknown'; className: string; product: string };

export function controllerOfIngress(index: WorkspaceIndex, profile: ClusterProfile, ingress: Ingress): ControllerSource | undefined {
  const info = ingressControllerOf(index, ingress);
  const className = info.className;
  if (!className) return undefined;
  const product = info.facts?.product ?? `the controller of class \`${className}\``;
  const fromProfile = profileSource(profile, className, product, {});
  if (fromProfile) return fromProfile;
  switch (info.family) {
    case 'aks-app-routing-nginx':
      return { kind: 'pods', className, product, namespace: APP_ROUTING_NAMESPACE, labels: {}, origin: 'fixed' };
    case 'ingress-nginx':
      return { kind: 'pods', className, product, namespace: info.facts?.namespace ?? 'ingress-nginx', labels: {}, origin: 'convention' };
    case 'istio':
      return { kind: 'pods', className, product, namespace: ISTIO_ADDON_INGRESS_NAMESPACE, labels: {}, origin: 'convention' };
    case 'agc':
    case 'agic':
      return { kind: 'azure-unknown', className, product };
    default:
      return undefined;
  }
}

export function controllerOfGateway(index: WorkspaceIndex, profile: ClusterProfile, gateway: Gateway): ControllerSource | undefined {
  const className = gateway.gatewayClassName;
  if (!className) return undefined;
  const info = describeGatewayClass(index, className);
  const product = info.facts?.product ?? `the gateway of class \`${className}\``;
  const labels = { [GATEWAY_NAME_LABEL]: gateway.name };
  const fromProfile = profileSource(profile, className, product, labels);
  if (fromProfile) return fromProfile;
  switch (info.facts?.name) {
    case 'approuting-istio':
    case 'istio':
      return { kind: 'pods', className, product: `${product}, Gateway \`${gateway.name}\``, namespace: gateway.namespace, labels, origin: 'fixed' };
    case 'azure-alb-external':
      return { kind: 'azure-unknown', className, product };
    default:
      return undefined;
  }
}

function profileSource(profile: ClusterProfile, className: string, product: string, labels: Labels): ControllerSource | undefined {
  const entry = profile.ingressControllers?.find((c) => c.class === className);
  if (!entry) return undefined;
  if (entry.namespace) return { kind: 'pods', className, product, namespace: entry.namespace, labels, origin: 'profile' };
  const range = entry.subnetCidr ? parseCidr(entry.subnetCidr) : undefined;
  if (entry.subnetCidr && range) return { kind: 'addresses', className, product, cidr: entry.subnetCidr, range };
  return undefined;
}
