/**
 * The AKS Istio service mesh add-on: its ingress gateways, how workloads join the mesh, and what its Gateway API
 * support needs. Facts from the AKS documentation, in our own words.
 */
import type { ControllerPlacement } from './controllerPlacement';
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

const DEPLOY_INGRESS = 'https://learn.microsoft.com/azure/aks/istio-deploy-ingress';
const DEPLOY_ADDON = 'https://learn.microsoft.com/azure/aks/istio-deploy-addon';
const ABOUT = 'https://learn.microsoft.com/azure/aks/istio-about';

export type IstioGatewayMode = 'external' | 'internal';

export interface IstioAddonGateway extends Sourced {
  mode: IstioGatewayMode;
  /** Name of the gateway Deployment and of its LoadBalancer Service. */
  name: string;
  /** Where the gateway pods run, and the label an Istio Gateway's `spec.selector` must match. */
  placement: ControllerPlacement;
  doc: string;
}

/** Istio's own networking API group (Gateway, VirtualService), as opposed to Gateway API's. */
export const ISTIO_NETWORKING_GROUP_NAME = 'networking.istio.io';

export const ISTIO_ADDON_NAMESPACE = 'aks-istio-ingress';
/** The add-on's control plane namespace (istiod). */
export const ISTIO_ADDON_SYSTEM_NAMESPACE = 'aks-istio-system';

export const ISTIO_ADDON_GATEWAYS: readonly IstioAddonGateway[] = (['external', 'internal'] as const).map((mode) => {
  const name = `aks-istio-ingressgateway-${mode}`;
  return {
    mode,
    name,
    placement: { namespace: ISTIO_ADDON_NAMESPACE, labels: { istio: name }, certainty: 'fixed', source: DEPLOY_INGRESS, checked: DECEMBER_2026_REVIEW },
    doc:
      `The Istio add-on's ${mode} ingress gateway (\`az aks mesh enable-ingress-gateway --ingress-gateway-type ${mode}\`): Deployment and LoadBalancer Service \`${name}\` in \`${ISTIO_ADDON_NAMESPACE}\`, ` +
      `${mode === 'external' ? 'with a public IP' : 'with a private IP in the VNet'}. Routes reach it through an Istio \`Gateway\` whose \`spec.selector\` is \`istio: ${name}\` and VirtualServices bound to that Gateway. ` +
      'Its ports and protocols cannot be customized; load balancer annotations (including a static IP with `azure-load-balancer-ipv4`) and externalTrafficPolicy can.',
    source: DEPLOY_INGRESS,
    checked: DECEMBER_2026_REVIEW,
  };
});

export interface IstioAddonFact extends Sourced {
  id: 'injection-label' | 'default-injection-ignored' | 'gateway-api-requirements' | 'tlsroute' | 'no-ambient';
  doc: string;
}

export const ISTIO_ADDON_FACTS: readonly IstioAddonFact[] = [
  {
    id: 'injection-label',
    doc: 'Sidecars are injected into namespaces (or pods) labelled `istio.io/rev: asm-X-Y` with the control plane revision installed (see `az aks show --query serviceMeshProfile.istio.revisions`).',
    source: DEPLOY_ADDON,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'default-injection-ignored',
    doc: 'The upstream `istio-injection: enabled` label does not work with the add-on: the namespace is skipped and its pods get no sidecar.',
    source: DEPLOY_ADDON,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'gateway-api-requirements',
    doc: 'Gateway API (GatewayClass `istio`) with the add-on needs the managed Gateway API CRDs and revision `asm-1-26` or later.',
    source: 'https://learn.microsoft.com/azure/aks/istio-gateway-api',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'tlsroute',
    doc: 'TLSRoute arrives with Istio 1.30 (`asm-1-30`) per the application routing Gateway API page; the add-on\'s own Gateway API page (stored copy dated August 2025, still marked preview) does not list TLSRoute.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'no-ambient',
    doc: 'The add-on supports neither ambient mode nor multi-cluster meshes, and cannot run beside the application routing Gateway API implementation.',
    source: ABOUT,
    checked: DECEMBER_2026_REVIEW,
  },
];

/** `asm-1-27` -> [1, 27]. */
export function istioRevisionVersion(revision: string): [number, number] | undefined {
  const match = /^asm-(\d+)-(\d+)$/.exec(revision);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export const ISTIO_REVISION_PATTERN = /^asm-\d+-\d+$/;
