/**
 * What the cluster's NetworkPolicy engine does where the API leaves the behaviour to the implementation, read from
 * the cluster profile. The rule is: with no engine stated, the API's own meaning; where the API itself leaves a point
 * to the implementation, the answer is "maybe" (a third state with its reason), never a guess.
 *
 * The points that differ, and what each engine does (checked 2026-12-05):
 *  - ipBlock against pod IPs. The API defines ipBlock for addresses outside the cluster and leaves pod IPs to the
 *    implementation (https://kubernetes.io/docs/concepts/services-networking/network-policies/, "ipBlock").
 *    Calico and Azure NPM match an ipBlock against any address, pod IPs included; Cilium never matches pod or node
 *    IPs with an ipBlock (AKS: https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium, limitations).
 *    Where pod IPs come from is the profile's `podCidr` (and, under the flat model, its `vnetCidrs`).
 *  - ipBlock against node IPs (traffic SNATed by kube-proxy to a node address, hostNetwork pods): the same split
 *    (Cilium gives nodes the `host` / `remote-node` identities, which CIDR rules do not select:
 *    https://github.com/cilium/cilium/pull/28421 documents `policy-cidr-match-mode: nodes`, off by default).
 *  - Traffic from the pod's own node is always admitted to it: the API reference says ingress is allowed "if the
 *    traffic source is the pod's local node" (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/).
 *  - endPort: Cilium before 1.16 and (per its maintainers) Azure NPM admit the first port only
 *    (https://github.com/cilium/cilium/pull/33463, https://github.com/Azure/AKS/issues/2857); AKS runs Cilium 1.16+
 *    from Kubernetes 1.31 on. With no engine stated, endPort means what the API says.
 *  - hostNetwork pods: the API leaves it to the implementation; Cilium does not police them (AKS Cilium page).
 *  - `none`: nothing is enforced (`networkPolicy: none`, the AKS default).
 */
import type { ClusterProfile, NetworkPolicyEngine } from '../profile/types';
import { isWholeFamily, parseCidr, rangeOverlaps, rangeWithin, type AddressRange } from './addressSet';

export type Match = 'yes' | 'no' | 'maybe';

export interface EngineSemantics {
  /** The engine the profile states; undefined when it does not say. */
  readonly engine?: NetworkPolicyEngine;
  /** False when the profile says no engine enforces NetworkPolicies. */
  readonly enforced: boolean;
  /** Where pod IPs come from, when the profile says. */
  readonly podAddresses?: readonly AddressRange[];
  /** Where node IPs come from (the VNet ranges), when the profile says. */
  readonly nodeAddresses?: readonly AddressRange[];
  /** endPort admits its whole range, or maybe only the first port. */
  readonly endPort: 'range' | 'maybe-first-port';
  /** Why endPort is uncertain (for explanations). */
  readonly endPortReason?: string;
}

/** No profile: the API's meaning (what np-guard reads too). */
export const API_SEMANTICS: EngineSemantics = { enforced: true, endPort: 'range' };

const CILIUM_PORT_RANGES_FROM: readonly [number, number] = [1, 31];

export function semanticsOf(profile: ClusterProfile | undefined): EngineSemantics {
  if (!profile) return API_SEMANTICS;
  const engine = profile.networkPolicyEngine;
  const podAddresses = [...cidrs(profile.podCidr ? [profile.podCidr] : []), ...(profile.networkModel === 'flat' ? cidrs(profile.vnetCidrs ?? []) : [])];
  const nodeAddresses = cidrs(profile.vnetCidrs ?? []);
  const semantics: { -readonly [K in keyof EngineSemantics]: EngineSemantics[K] } = { enforced: engine !== 'none', endPort: 'range' };
  if (engine) semantics.engine = engine;
  if (podAddresses.length) semantics.podAddresses = podAddresses;
  if (nodeAddresses.length) semantics.nodeAddresses = nodeAddresses;
  if (engine === 'azure-npm') {
    semantics.endPort = 'maybe-first-port';
    semantics.endPortReason = 'Azure NPM has been reported by its maintainers to enforce only the first port of an endPort range';
  } else if (engine === 'cilium') {
    const version = /^(\d+)\.(\d+)/.exec(profile.kubernetesVersion ?? '');
    const minor: [number, number] | undefined = version ? [Number(version[1]), Number(version[2])] : undefined;
    if (!minor || minor[0] < CILIUM_PORT_RANGES_FROM[0] || (minor[0] === CILIUM_PORT_RANGES_FROM[0] && minor[1] < CILIUM_PORT_RANGES_FROM[1])) {
      semantics.endPort = 'maybe-first-port';
      semantics.endPortReason = minor
        ? `Cilium before 1.16 enforces only the first port of an endPort range, and AKS may run Cilium 1.14 on Kubernetes ${profile.kubernetesVersion}`
        : 'Cilium before 1.16 enforces only the first port of an endPort range, and cluster.kubernetesVersion does not say which Cilium AKS runs';
    }
  }
  return semantics;
}

function cidrs(texts: readonly string[]): AddressRange[] {
  return texts.map((t) => parseCidr(t)).filter((r): r is AddressRange => !!r);
}

/** A stable key of what evaluation depends on (models are cached per key). */
export function semanticsKey(semantics: EngineSemantics): string {
  const ranges = (list: readonly AddressRange[] | undefined) => (list ?? []).map((r) => `${r.family}:${r.first}-${r.last}`).join(',');
  return [semantics.engine ?? '', semantics.enforced, ranges(semantics.podAddresses), ranges(semantics.nodeAddresses), semantics.endPort].join('|');
}

/** Names for messages. */
export function engineName(engine: NetworkPolicyEngine | undefined): string {
  switch (engine) {
    case 'azure-npm':
      return 'Azure NPM';
    case 'calico':
      return 'Calico';
    case 'cilium':
      return 'Cilium';
    case 'none':
      return 'no engine';
    default:
      return 'the network policy engine (not stated in the cluster profile)';
  }
}

/**
 * Whether an ipBlock (its addresses after `except`) matches a pod's IP. Pod IPs lie somewhere in the pod address
 * space (unknown within it), so a block covering all of it matches, one disjoint from it does not, and one that
 * overlaps part of it may.
 */
export function ipBlockMatchesPods(semantics: EngineSemantics, block: readonly AddressRange[]): { match: Match; reason?: string } {
  return clusterAddressMatch(semantics, block, semantics.podAddresses, 'pod');
}

/** The same for a node's IP (traffic SNATed to a node address, hostNetwork pods). */
export function ipBlockMatchesNodes(semantics: EngineSemantics, block: readonly AddressRange[]): { match: Match; reason?: string } {
  return clusterAddressMatch(semantics, block, semantics.nodeAddresses, 'node');
}

function clusterAddressMatch(semantics: EngineSemantics, block: readonly AddressRange[], space: readonly AddressRange[] | undefined, what: 'pod' | 'node'): { match: Match; reason?: string } {
  if (semantics.engine === 'cilium') return { match: 'no' };
  const byAddress = addressInSpace(block, space);
  if (byAddress === 'no') return { match: 'no' };
  const spaceText = space ? '' : `, and the profile does not say where ${what} IPs come from`;
  if (semantics.engine === 'calico' || semantics.engine === 'azure-npm') {
    return byAddress === 'yes' ? { match: 'yes' } : { match: 'maybe', reason: `the ipBlock covers only part of the ${what} address space${spaceText}` };
  }
  return {
    match: 'maybe',
    reason: `whether an ipBlock matches ${what} IPs depends on the network policy engine (Calico and Azure NPM match them, Cilium does not), which the cluster profile does not state${spaceText}`,
  };
}

/** An unknown address of `space` (undefined: anywhere) against a set of ranges. */
export function addressInSpace(block: readonly AddressRange[], space: readonly AddressRange[] | undefined): Match {
  if (!space) return block.some(isWholeFamily) ? 'yes' : block.length ? 'maybe' : 'no';
  if (space.every((r) => rangeWithin(r, block))) return 'yes';
  return space.some((r) => rangeOverlaps(r, block)) ? 'maybe' : 'no';
}
