/**
 * Gateway API release facts that decide whether a manifest's apiVersion and fields are current: what is in the
 * Standard (GA) channel since which release, and which versions are on their way out.
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export interface GatewayApiKindStatus extends Sourced {
  kind: string;
  /** The version served in the Standard channel. */
  standardVersion: string;
  /** The release that moved it to Standard. */
  standardSince: string;
  /** Older versions still seen in manifests, with what happens to them. */
  deprecatedVersions?: Readonly<Record<string, string>>;
  doc: string;
}

const V15 = 'https://github.com/kubernetes-sigs/gateway-api/releases/tag/v1.5.0';

export const GATEWAY_API_KINDS: readonly GatewayApiKindStatus[] = [
  {
    kind: 'TLSRoute',
    standardVersion: 'v1',
    standardSince: 'v1.5.0',
    deprecatedVersions: {
      v1alpha2: 'only in the Experimental channel from Gateway API v1.5 and removed from it in v1.6',
      v1alpha3: 'an Experimental version; TLSRoute is v1 in the Standard channel since Gateway API v1.5',
    },
    doc: 'TLSRoute routes TLS streams by SNI (passthrough, or terminated at the Gateway) and is GA as `gateway.networking.k8s.io/v1` since Gateway API v1.5 (February 2026); its validation needs Kubernetes 1.31 or later.',
    source: V15,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    kind: 'ListenerSet',
    standardVersion: 'v1',
    standardSince: 'v1.5.0',
    doc: 'ListenerSet adds listeners to a Gateway from another object (and namespace, when the Gateway allows it); GA as `gateway.networking.k8s.io/v1` since Gateway API v1.5. It was `XListenerSet` in `gateway.networking.x-k8s.io` before.',
    source: V15,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    kind: 'BackendTLSPolicy',
    standardVersion: 'v1',
    standardSince: 'v1.4.0',
    doc: 'BackendTLSPolicy tells the Gateway to connect to a Service\'s pods over TLS and how to verify them (`validation.hostname`, `caCertificateRefs`); it must be in the Service\'s namespace. GA since Gateway API v1.4 (not v1.5).',
    source: 'https://gateway-api.sigs.k8s.io/api-types/backendtlspolicy/',
    checked: DECEMBER_2026_REVIEW,
  },
];

const BY_KIND: ReadonlyMap<string, GatewayApiKindStatus> = new Map(GATEWAY_API_KINDS.map((k) => [k.kind, k]));

export function gatewayApiKindStatus(kind: string): GatewayApiKindStatus | undefined {
  return BY_KIND.get(kind);
}
