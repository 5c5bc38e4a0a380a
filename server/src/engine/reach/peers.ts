/**
 * What sends and receives packets, as the model names them. Every surface names a peer with `peerName` (words a
 * person reads); `peerId` is what explain, the graph and `netlens/explain` accept. The np-guard spelling
 * (`ns/name[Kind]`, `{ingress-controller}`) belongs to the np-guard-compatible connectivity lists only.
 */
import { isInternalLoadBalancer } from '../exposure/exposure';
import { formatRange, type AddressRange } from '../netpol/addressSet';
import type { PodClass, WorkloadPeer } from '../netpol/podClasses';
import type { Service, Workload } from '../model/resources';
import type { IngressPath } from './placement';

export type ReachPeer =
  | {
      readonly kind: 'workload';
      readonly peer: WorkloadPeer;
      /** The peer's pod classes, or the one class of a named workload definition. */
      readonly classes: readonly PodClass[];
      /** Set when the peer stands for one definition (or one Pod) of a workload: what a person named. */
      readonly workload?: Workload;
    }
  /** One ingress path, or several (`{ingress-controller}`: every path as np-guard merges them). */
  | { readonly kind: 'ingress'; readonly paths: readonly IngressPath[]; readonly merged?: boolean }
  /** A Service's own way in: its Azure load balancer, or its NodePort on every node. */
  | { readonly kind: 'service-entry'; readonly service: Service; readonly via: 'load-balancer' | 'node-port' }
  | { readonly kind: 'internet' }
  | { readonly kind: 'vnet' }
  | { readonly kind: 'nodes' }
  | { readonly kind: 'dns' }
  /** Every address of a range (an address or CIDR a person names, an np-guard atom). */
  | { readonly kind: 'addresses'; readonly range: AddressRange; readonly text?: string }
  /** A host outside the cluster known by name only: its address may be any. */
  | { readonly kind: 'host'; readonly name: string };

export const INTERNET_ID = 'internet';
export const VNET_ID = 'vnet';
export const NODES_ID = 'nodes';
export const DNS_ID = 'dns';

export function peerId(peer: ReachPeer): string {
  switch (peer.kind) {
    case 'workload':
      return peer.workload && (peer.workload.name !== peer.peer.name || peer.workload.kind !== peer.peer.kind) ? `${peer.workload.namespace}/${peer.workload.name}` : peer.peer.id;
    case 'ingress':
      return peer.merged || peer.paths.length !== 1 ? '{ingress-controller}' : peer.paths[0]!.id;
    case 'service-entry':
      return `${peer.via === 'load-balancer' ? 'lb' : 'nodeport'}:${peer.service.namespace}/${peer.service.name}`;
    case 'internet':
      return INTERNET_ID;
    case 'vnet':
      return VNET_ID;
    case 'nodes':
      return NODES_ID;
    case 'dns':
      return DNS_ID;
    case 'addresses':
      return peer.text ?? formatRange(peer.range);
    case 'host':
      return `host:${peer.name}`;
  }
}

/** In words: `Deployment shop/web`, `the Internet`, `the application routing NGINX controller (app-routing-system)`. */
export function peerName(peer: ReachPeer, dnsName = 'cluster DNS'): string {
  switch (peer.kind) {
    case 'workload': {
      const w = peer.workload;
      if (w && (w.name !== peer.peer.name || w.kind !== peer.peer.kind)) return `${w.kind} ${w.namespace}/${w.name}`;
      return `${peer.peer.kind} ${peer.peer.namespace}/${peer.peer.name}`;
    }
    case 'ingress':
      if (peer.paths.length === 1) return peer.paths[0]!.name;
      return peer.paths.length === 0 ? 'the ingress controller (no Ingress or Gateway in the workspace)' : 'the ingress controllers and gateways (every ingress path)';
    case 'service-entry':
      return peer.via === 'load-balancer'
        ? `the ${isInternalLoadBalancer(peer.service) ? 'internal' : 'public'} Azure load balancer of Service ${peer.service.namespace}/${peer.service.name}`
        : `the NodePort of Service ${peer.service.namespace}/${peer.service.name} on every node`;
    case 'internet':
      return 'the Internet';
    case 'vnet':
      return 'the VNet';
    case 'nodes':
      return 'the nodes';
    case 'dns':
      return dnsName;
    case 'addresses':
      return peer.range.first === peer.range.last ? `address ${peer.text ?? formatRange(peer.range)}` : `addresses ${peer.text ?? formatRange(peer.range)}`;
    case 'host':
      return `host ${peer.name} (its address is not known)`;
  }
}

/** A workload as a peer (one definition: its own pod class only). */
export function workloadPeer(peer: WorkloadPeer, classes: readonly PodClass[] = peer.classes, workload?: Workload): ReachPeer {
  return workload ? { kind: 'workload', peer, classes, workload } : { kind: 'workload', peer, classes };
}
