/**
 * Questions about one workload rather than the whole list: "can A reach B, and why?" (`reach`, with the decision
 * trail per direction), "who can reach W?" (`whoCanReach`) and "what can W reach?" (`reachableFrom`). The last two
 * evaluate one row or column of the connectivity matrix, never all pairs, so that a hover stays fast on a large
 * workspace when the caller keeps its NetpolModel.
 */
import type { Workload } from '../model/resources';
import { closestName } from '../util/closestName';
import { formatRange, parseAddressOrCidr, type AddressRange } from './addressSet';
import {
  ClassPairCache,
  INGRESS_CONTROLLER_ID,
  connectPeers,
  externalPeer,
  ingressControllerPeer,
  type Peer,
  type PeerConnection,
} from './connectivity';
import { evaluatePair, type Endpoint, type PairVerdict } from './evaluate';
import type { IngressRoutes } from './ingressRoutes';
import { modelOf, type NetpolModel, type NetpolSource } from './model';
import { compareStrings, type PodClass, type WorkloadPeer } from './podClasses';
import { equalConnections, intersectConnections, isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from './portSet';

/** A side of a `reach` question, resolved against a model. */
export type ResolvedEndpoint =
  | {
      readonly type: 'workload';
      /** How a person named it: `ns/name[Kind]` for a peer, `ns/pod` for one pod of an owner. */
      readonly label: string;
      readonly peer: WorkloadPeer;
      /** The peer's pod classes, or the one class of the named workload definition. */
      readonly classes: readonly PodClass[];
    }
  | { readonly type: 'external'; readonly label: string; readonly range: AddressRange }
  | { readonly type: 'ingress-controller'; readonly label: typeof INGRESS_CONTROLLER_ID; readonly pods: PodClass };

export type Resolution = { readonly endpoint: ResolvedEndpoint } | { readonly error: string; readonly suggestion?: string };

/**
 * Reads what a person typed: `{ingress-controller}`, an IP address or CIDR, `ns/name`, `ns/name[Kind]`, or `name`
 * (in `defaultNamespace`). A name is a workload peer (a controller, or the owner that groups pods), else one Pod's
 * own name. Unknown names come back as an error with the closest known name, if one is close.
 */
export function resolveEndpoint(source: NetpolSource, text: string, defaultNamespace = 'default'): Resolution {
  const model = modelOf(source);
  const trimmed = text.trim();
  if (trimmed === INGRESS_CONTROLLER_ID) {
    const controller = ingressControllerPeer(model);
    if (!controller) return { error: 'the ingress controller is disabled in this model' };
    return { endpoint: { type: 'ingress-controller', label: INGRESS_CONTROLLER_ID, pods: controller.pods } };
  }
  if (/^[0-9a-fA-F:.]+(\/\d+)?$/.test(trimmed) && /[.:]/.test(trimmed)) {
    const range = parseAddressOrCidr(trimmed);
    if (range) return { endpoint: { type: 'external', label: range.first === range.last ? trimmed : formatRange(range), range } };
    if (/^[\d./]+$/.test(trimmed) || trimmed.includes(':')) return { error: `\`${trimmed}\` is not an IP address or CIDR` };
  }
  const match = /^(?:([^/[\]]+)\/)?([^/[\]]+)(?:\[([A-Za-z]+)\])?$/.exec(trimmed);
  if (!match) return { error: `\`${trimmed}\` is not a workload (ns/name), an IP address or {ingress-controller}` };
  const namespace = match[1] ?? defaultNamespace;
  const name = match[2]!;
  const kind = match[3];
  const peers = model.peers.filter((p) => p.namespace === namespace && p.name === name && (!kind || p.kind === kind));
  if (peers.length === 1) return { endpoint: { type: 'workload', label: peers[0]!.id, peer: peers[0]!, classes: peers[0]!.classes } };
  if (peers.length > 1) return { error: `\`${trimmed}\` is ambiguous: ${peers.map((p) => p.id).join(', ')}; add the kind in brackets` };
  const pods = model.peers.flatMap((p) => p.workloads).filter((w) => w.namespace === namespace && w.name === name && (!kind || w.kind === kind));
  const endpoint = pods.length > 0 ? endpointOfWorkload(model, pods[0]!) : undefined;
  if (endpoint?.type === 'workload') {
    // Every definition of that name (variants of one manifest) counts.
    const classes = [...new Set(pods.map((w) => model.classOf(w)).filter((c): c is PodClass => !!c))];
    return { endpoint: { ...endpoint, classes } };
  }
  const candidates = [...new Set(model.peers.flatMap((p) => [`${p.namespace}/${p.name}`, ...p.workloads.map((w) => `${w.namespace}/${w.name}`)]))];
  const suggestion = closestName(`${namespace}/${name}`, candidates);
  const result: { error: string; suggestion?: string } = { error: `no workload \`${namespace}/${name}\`${kind ? ` of kind ${kind}` : ''} in the workspace` };
  if (suggestion) result.suggestion = suggestion;
  return result;
}

/** The endpoint for one workload definition (a manifest the editor shows): its own pod class only. */
export function endpointOfWorkload(model: NetpolModel, workload: Workload): ResolvedEndpoint | undefined {
  const peer = model.peerOfWorkload(workload);
  const cls = model.classOf(workload);
  if (!peer || !cls) return undefined;
  const label = peer.name === workload.name && peer.kind === workload.kind ? peer.id : `${workload.namespace}/${workload.name}`;
  return { type: 'workload', label, peer, classes: [cls] };
}

export interface ReachPair {
  /** The source's pods (undefined for an address). */
  readonly srcPods?: PodClass;
  readonly dstPods?: PodClass;
  readonly verdict: PairVerdict;
  /** Source is the ingress controller: what Ingresses route it to on these pods (null: no route at all). */
  readonly ingressRoutes?: IngressRoutes | null;
  readonly allowed: ConnectionSet;
}

export interface ReachResult {
  readonly src: ResolvedEndpoint;
  readonly dst: ResolvedEndpoint;
  /** What some pod of src may open to some pod of dst. */
  readonly allowed: ConnectionSet;
  /** Present when pods of src or dst differ and not every pod pair gets `allowed`. */
  readonly allowedForEveryPod?: ConnectionSet;
  /** One verdict per (source pod class, destination pod class); one in the common case. */
  readonly pairs: readonly ReachPair[];
  /** Facts a reader needs besides the verdicts (both ends outside the cluster, hostNetwork pods, same workload). */
  readonly notes: readonly string[];
}

/** Whether src may open connections to dst, on which ports, and why: the trail of both directions. */
export function reach(source: NetpolSource, src: ResolvedEndpoint, dst: ResolvedEndpoint): ReachResult {
  const model = modelOf(source);
  const notes: string[] = [];
  if (src.type === 'external' && dst.type === 'external') {
    notes.push('both ends are outside the cluster: NetworkPolicies do not apply to that traffic');
    return { src, dst, allowed: noConnections(), pairs: [], notes };
  }
  if (dst.type === 'ingress-controller') {
    notes.push('the ingress controller is only modelled as a source (it forwards what Ingresses route to it)');
    return { src, dst, allowed: noConnections(), pairs: [], notes };
  }
  if (src.type === 'workload' && dst.type === 'workload' && src.peer.id === dst.peer.id) {
    notes.push(`source and destination are the same workload: this is traffic between its pods (a pod's traffic to itself is never blocked; connectivity lists omit the pair)`);
  }
  const pairs: ReachPair[] = [];
  for (const s of endpointsOfResolved(src)) {
    for (const d of endpointsOfResolved(dst)) {
      const verdict = evaluatePair(model, s, d, true);
      let allowed = verdict.allowed;
      let ingressRoutes: IngressRoutes | null | undefined;
      if (src.type === 'ingress-controller') {
        ingressRoutes = d.type === 'pods' ? (model.ingressRoutes.get(d.pods.id) ?? null) : null;
        allowed = ingressRoutes ? intersectConnections(allowed, ingressRoutes.ports) : noConnections();
      }
      const pair: { -readonly [K in keyof ReachPair]: ReachPair[K] } = { verdict, allowed };
      if (s.type === 'pods') pair.srcPods = s.pods;
      if (d.type === 'pods') pair.dstPods = d.pods;
      if (ingressRoutes !== undefined) pair.ingressRoutes = ingressRoutes;
      pairs.push(pair);
    }
  }
  let allowed = noConnections();
  let every: ConnectionSet | undefined;
  for (const pair of pairs) {
    allowed = unionConnections(allowed, pair.allowed);
    every = every === undefined ? pair.allowed : intersectConnections(every, pair.allowed);
  }
  for (const pods of new Set(pairs.flatMap((p) => [p.srcPods, p.dstPods]))) {
    if (pods?.hostNetwork) notes.push(`pods of ${pods.workloads.map((w) => `${w.namespace}/${w.name}`).join(', ')} use hostNetwork: whether policies apply to them depends on the network plugin`);
  }
  const result: { -readonly [K in keyof ReachResult]: ReachResult[K] } = { src, dst, allowed, pairs, notes };
  if (every && !equalConnections(every, allowed)) result.allowedForEveryPod = every;
  return result;
}

/** The peers that may open connections to the target (sources with a non-empty allowed set), sorted by id. */
export function whoCanReach(source: NetpolSource, target: Workload | WorkloadPeer | ResolvedEndpoint): PeerConnection[] {
  const model = modelOf(source);
  const dst = targetPeer(model, target);
  if (!dst) return [];
  const cache = new ClassPairCache(model);
  const out: PeerConnection[] = [];
  const sources: Peer[] = [...model.sourceAtoms.map(externalPeer), ...model.peers.filter((p) => p.id !== dst.id)];
  const controller = ingressControllerPeer(model);
  if (controller) sources.push(controller);
  for (const src of sources) {
    const connection = connectPeers(cache, src, dst);
    if (connection) out.push(connection);
  }
  return out.sort((a, b) => compareStrings(a.src.id, b.src.id));
}

/** The peers the target may open connections to, sorted by id. */
export function reachableFrom(source: NetpolSource, target: Workload | WorkloadPeer | ResolvedEndpoint): PeerConnection[] {
  const model = modelOf(source);
  const src = targetPeer(model, target);
  if (!src) return [];
  const cache = new ClassPairCache(model);
  const out: PeerConnection[] = [];
  for (const dst of [...model.destinationAtoms.map(externalPeer), ...model.peers.filter((p) => p.id !== src.id)]) {
    const connection = connectPeers(cache, src, dst);
    if (connection) out.push(connection);
  }
  return out;
}

/** The target as a peer; restricted to one pod class when it names one workload definition. */
function targetPeer(model: NetpolModel, target: Workload | WorkloadPeer | ResolvedEndpoint): WorkloadPeer | undefined {
  if (!('type' in target)) {
    const endpoint = endpointOfWorkload(model, target);
    return endpoint?.type === 'workload' ? { ...endpoint.peer, classes: endpoint.classes } : undefined;
  }
  if ('peer' in target) return { ...target.peer, classes: target.classes };
  return target.type === 'workload' ? target : undefined;
}

function endpointsOfResolved(endpoint: ResolvedEndpoint): Endpoint[] {
  switch (endpoint.type) {
    case 'workload':
      return endpoint.classes.map((pods) => ({ type: 'pods', pods }));
    case 'ingress-controller':
      return [{ type: 'pods', pods: endpoint.pods }];
    case 'external':
      return [{ type: 'external', range: endpoint.range }];
  }
}

/** True when the set is non-empty (a convenience for callers that only need yes/no). */
export function reaches(result: ReachResult): boolean {
  return !isEmptyConnections(result.allowed);
}
