/**
 * The connectivity list: for every ordered pair of peers, the exact set of connections the NetworkPolicies allow.
 *
 * Peers are what np-guard's `list` prints: workload peers (`ns/name[Kind]`), external address atoms
 * (`first-last[External]`; sources cut at the ipBlocks of ingress rules, destinations at those of egress rules);
 * `{ingress-controller}` (the ingress paths, placed by the cluster model: reach/connectivity.ts) is added there. A pair of two external peers, and a
 * workload to itself (traffic between its own pods, including a pod to itself), are not listed; neither are pairs
 * that allow nothing. When nothing in the workspace runs pods, the list is empty.
 */
import { formatRange, type AddressRange } from './addressSet';
import { allowedBetween, type Endpoint } from './evaluate';
import { modelOf, type NetpolModel, type NetpolSource } from './model';
import type { WorkloadPeer } from './podClasses';
import { compareStrings } from '../util/compare';
import { equalConnections, intersectConnections, isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from './portSet';

export const INGRESS_CONTROLLER_ID = '{ingress-controller}';
/** The name np-guard gives the ingress controller's pod (what `--focus-workload` compares to). */
export const INGRESS_CONTROLLER_NAME = 'ingress-controller';

export interface ExternalPeer {
  readonly type: 'external';
  /** `first-last[External]` */
  readonly id: string;
  readonly range: AddressRange;
}

/**
 * The ingress paths as one source, as np-guard prints them (`{ingress-controller}`): the cluster model
 * (reach/connectivity.ts) places each controller and gateway and merges what they are allowed into this peer.
 */
export interface IngressControllerPeer {
  readonly type: 'ingress-controller';
  readonly id: typeof INGRESS_CONTROLLER_ID;
}

export type Peer = WorkloadPeer | ExternalPeer | IngressControllerPeer;

export interface PeerConnection {
  readonly src: Peer;
  readonly dst: Peer;
  /** What some pod of src may open to some pod of dst (the union over their pods; for one pod class each, exact). */
  readonly allowed: ConnectionSet;
  /**
   * Present only when src or dst has pods that policies tell apart (different labels or ports) and not every pod
   * pair gets `allowed`: what every pod pair gets.
   */
  readonly allowedForEveryPod?: ConnectionSet;
}

export interface ConnectivityOptions {
  /**
   * Only pairs where one side is this workload: its name, or `ns/name` (as np-guard's `--focus-workload`);
   * `ingress-controller` for the ingress controller.
   */
  focusWorkload?: string;
  /** More workloads in focus (np-guard's repeatable `--focus-workload`): pairs with any of them on one side. */
  focusWorkloads?: readonly string[];
  /** With a focus: only pairs whose other side is one of these workloads (`--focus-workload-peer`). */
  focusWorkloadPeers?: readonly string[];
  /** With a focus: only its egress (it is the source) or its ingress (it is the destination) (`--focus-direction`). */
  focusDirection?: 'ingress' | 'egress';
}

/** The workloads in focus (`focusWorkload` and `focusWorkloads`), empty when none. */
export function focusesOf(options: ConnectivityOptions): string[] {
  return [...(options.focusWorkload !== undefined ? [options.focusWorkload] : []), ...(options.focusWorkloads ?? [])];
}

/** Whether the pair is listed under the focus options (np-guard's focus-workload, -peer and -direction). */
export function pairInFocus(src: Peer, dst: Peer, options: ConnectivityOptions): boolean {
  const focuses = focusesOf(options);
  if (focuses.length === 0) return true;
  const peers = options.focusWorkloadPeers;
  const one = (focus: Peer, other: Peer) => focuses.some((f) => isFocus(focus, f)) && (!peers || peers.length === 0 || peers.some((p) => isFocus(other, p)));
  if (options.focusDirection === 'egress') return one(src, dst);
  if (options.focusDirection === 'ingress') return one(dst, src);
  return one(src, dst) || one(dst, src);
}

export function externalPeer(range: AddressRange): ExternalPeer {
  return { type: 'external', id: `${formatRange(range)}[External]`, range };
}

export const INGRESS_CONTROLLER_PEER: IngressControllerPeer = { type: 'ingress-controller', id: INGRESS_CONTROLLER_ID };

/** Connections of every listed pair, sorted by source id then destination id (byte order, as np-guard). */
export function connectivity(source: NetpolSource, options: ConnectivityOptions = {}): PeerConnection[] {
  const model = modelOf(source);
  if (model.peers.length === 0) return [];
  const cache = new ClassPairCache(model);
  const out: PeerConnection[] = [];
  const sources: (WorkloadPeer | ExternalPeer)[] = [...model.sourceAtoms.map(externalPeer), ...model.peers];
  const destinations: (WorkloadPeer | ExternalPeer)[] = [...model.destinationAtoms.map(externalPeer), ...model.peers];
  for (const src of sources) {
    for (const dst of destinations) {
      if (src.type === 'external' && dst.type === 'external') continue;
      if (src.id === dst.id) continue;
      if (!pairInFocus(src, dst, options)) continue;
      const connection = connectPeers(cache, src, dst);
      if (connection) out.push(connection);
    }
  }
  return out.sort((a, b) => compareStrings(a.src.id, b.src.id) || compareStrings(a.dst.id, b.dst.id));
}

/** True when the focus names a workload peer of the model (so an unknown focus can be reported instead of listing nothing). */
export function focusExists(model: NetpolModel, focus: string): boolean {
  return model.peers.some((p) => isFocus(p, focus));
}

export function isFocus(peer: Peer, focus: string): boolean {
  switch (peer.type) {
    case 'workload':
      return peer.name === focus || `${peer.namespace}/${peer.name}` === focus;
    case 'ingress-controller':
      return focus === INGRESS_CONTROLLER_NAME || focus === INGRESS_CONTROLLER_ID;
    case 'external':
      return false;
  }
}

/** The pair's connection (workloads and address ranges), or undefined when it allows nothing. */
export function connectPeers(cache: ClassPairCache, src: WorkloadPeer | ExternalPeer, dst: WorkloadPeer | ExternalPeer): PeerConnection | undefined {
  const srcEnds = endpointsOf(src);
  const dstEnds = endpointsOf(dst);
  let union = noConnections();
  let every: ConnectionSet | undefined;
  for (const s of srcEnds) {
    for (const d of dstEnds) {
      const allowed = cache.allowed(s, d);
      union = unionConnections(union, allowed);
      every = every === undefined ? allowed : intersectConnections(every, allowed);
    }
  }
  if (isEmptyConnections(union)) return undefined;
  const connection: { -readonly [K in keyof PeerConnection]: PeerConnection[K] } = { src, dst, allowed: union };
  if (every && !equalConnections(every, union)) connection.allowedForEveryPod = every;
  return connection;
}

export function endpointsOf(peer: WorkloadPeer | ExternalPeer): Endpoint[] {
  return peer.type === 'workload' ? peer.classes.map((pods) => ({ type: 'pods', pods })) : [{ type: 'external', range: peer.range }];
}

/**
 * Allowed sets per (source, destination) endpoint, computed once: classes are shared by peers, so one connectivity
 * run asks for the same class pair many times. Only workload classes and address ranges are cached; other
 * endpoints (synthetic or partly known pods, addresses not known exactly) are evaluated each time.
 */
export class ClassPairCache {
  private readonly results = new Map<string, ConnectionSet>();

  constructor(readonly model: NetpolModel) {}

  allowed(src: Endpoint, dst: Endpoint): ConnectionSet {
    const srcKey = keyOf(src);
    const dstKey = keyOf(dst);
    if (srcKey === undefined || dstKey === undefined) return allowedBetween(this.model, src, dst);
    const key = `${srcKey}>${dstKey}`;
    let result = this.results.get(key);
    if (result === undefined) this.results.set(key, (result = allowedBetween(this.model, src, dst)));
    return result;
  }
}

function keyOf(endpoint: Endpoint): string | undefined {
  switch (endpoint.type) {
    case 'pods':
      return endpoint.pods.id >= 0 && !endpoint.partly ? `c${endpoint.pods.id}` : undefined;
    case 'external':
      return `x${endpoint.range.family}:${endpoint.range.first}-${endpoint.range.last}`;
    case 'address':
      return undefined;
  }
}
