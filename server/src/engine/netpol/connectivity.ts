/**
 * The connectivity list: for every ordered pair of peers, the exact set of connections the NetworkPolicies allow.
 *
 * Peers are what np-guard's `list` prints: workload peers (`ns/name[Kind]`), external address atoms
 * (`first-last[External]`; sources cut at the ipBlocks of ingress rules, destinations at those of egress rules) and
 * `{ingress-controller}` as a source toward workloads an Ingress routes to. A pair of two external peers, and a
 * workload to itself (traffic between its own pods, including a pod to itself), are not listed; neither are pairs
 * that allow nothing. When nothing in the workspace runs pods, the list is empty.
 */
import { formatRange, type AddressRange } from './addressSet';
import { allowedBetween, type Endpoint } from './evaluate';
import { modelOf, type NetpolModel, type NetpolSource } from './model';
import { compareStrings, type PodClass, type WorkloadPeer } from './podClasses';
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

export interface IngressControllerPeer {
  readonly type: 'ingress-controller';
  readonly id: typeof INGRESS_CONTROLLER_ID;
  readonly pods: PodClass;
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
}

export function externalPeer(range: AddressRange): ExternalPeer {
  return { type: 'external', id: `${formatRange(range)}[External]`, range };
}

export function ingressControllerPeer(model: NetpolModel): IngressControllerPeer | undefined {
  return model.ingressController ? { type: 'ingress-controller', id: INGRESS_CONTROLLER_ID, pods: model.ingressController } : undefined;
}

/** Connections of every listed pair, sorted by source id then destination id (byte order, as np-guard). */
export function connectivity(source: NetpolSource, options: ConnectivityOptions = {}): PeerConnection[] {
  const model = modelOf(source);
  if (model.peers.length === 0) return [];
  const focus = options.focusWorkload;
  const inFocus = (peer: Peer) => focus === undefined || isFocus(peer, focus);
  const cache = new ClassPairCache(model);
  const out: PeerConnection[] = [];
  const sources: Peer[] = [...model.sourceAtoms.map(externalPeer), ...model.peers];
  const destinations: Peer[] = [...model.destinationAtoms.map(externalPeer), ...model.peers];
  for (const src of sources) {
    for (const dst of destinations) {
      if (src.type === 'external' && dst.type === 'external') continue;
      if (src.id === dst.id) continue;
      if (!inFocus(src) && !inFocus(dst)) continue;
      const connection = connectPeers(cache, src, dst);
      if (connection) out.push(connection);
    }
  }
  const controller = ingressControllerPeer(model);
  if (controller) {
    for (const dst of model.peers) {
      if (!inFocus(controller) && !inFocus(dst)) continue;
      const connection = connectPeers(cache, controller, dst);
      if (connection) out.push(connection);
    }
  }
  return out.sort((a, b) => compareStrings(a.src.id, b.src.id) || compareStrings(a.dst.id, b.dst.id));
}

/** True when the focus names a peer of the model (so an unknown focus can be reported instead of listing nothing). */
export function focusExists(model: NetpolModel, focus: string): boolean {
  if (model.ingressController && isFocus(ingressControllerPeer(model)!, focus)) return model.ingressRoutes.size > 0;
  return model.peers.some((p) => isFocus(p, focus));
}

function isFocus(peer: Peer, focus: string): boolean {
  switch (peer.type) {
    case 'workload':
      return peer.name === focus || `${peer.namespace}/${peer.name}` === focus;
    case 'ingress-controller':
      return focus === INGRESS_CONTROLLER_NAME || focus === INGRESS_CONTROLLER_ID;
    case 'external':
      return false;
  }
}

/** The pair's connection, or undefined when it allows nothing. */
export function connectPeers(cache: ClassPairCache, src: Peer, dst: Peer): PeerConnection | undefined {
  const srcEnds = endpointsOf(src);
  const dstEnds = endpointsOf(dst);
  let union = noConnections();
  let every: ConnectionSet | undefined;
  for (const s of srcEnds) {
    for (const d of dstEnds) {
      const allowed = cache.allowed(s, d, src.type === 'ingress-controller');
      union = unionConnections(union, allowed);
      every = every === undefined ? allowed : intersectConnections(every, allowed);
    }
  }
  if (isEmptyConnections(union)) return undefined;
  const connection: { -readonly [K in keyof PeerConnection]: PeerConnection[K] } = { src, dst, allowed: union };
  if (every && !equalConnections(every, union)) connection.allowedForEveryPod = every;
  return connection;
}

export function endpointsOf(peer: Peer): Endpoint[] {
  switch (peer.type) {
    case 'workload':
      return peer.classes.map((pods) => ({ type: 'pods', pods }));
    case 'ingress-controller':
      return [{ type: 'pods', pods: peer.pods }];
    case 'external':
      return [{ type: 'external', range: peer.range }];
  }
}

/**
 * Allowed sets per (source, destination) endpoint, computed once: classes are shared by peers, so one connectivity
 * run asks for the same class pair many times.
 */
export class ClassPairCache {
  private readonly results = new Map<string, ConnectionSet>();

  constructor(readonly model: NetpolModel) {}

  /** With `viaIngress`, only what the source (the ingress controller) is routed to: the pods' Ingress target ports. */
  allowed(src: Endpoint, dst: Endpoint, viaIngress = false): ConnectionSet {
    const key = `${keyOf(src)}>${keyOf(dst)}${viaIngress ? '/ingress' : ''}`;
    let result = this.results.get(key);
    if (result === undefined) {
      result = allowedBetween(this.model, src, dst);
      if (viaIngress) {
        const routes = dst.type === 'pods' ? this.model.ingressRoutes.get(dst.pods.id) : undefined;
        result = routes ? intersectConnections(result, routes.ports) : noConnections();
      }
      this.results.set(key, result);
    }
    return result;
  }
}

function keyOf(endpoint: Endpoint): string {
  return endpoint.type === 'pods' ? `c${endpoint.pods.id}` : `x${endpoint.range.family}:${endpoint.range.first}-${endpoint.range.last}`;
}
