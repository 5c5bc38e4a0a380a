/**
 * The cluster-aware reachability model of one index state and one cluster profile: the NetworkPolicy model read
 * with the engine's semantics (netpol/), the ingress paths placed where they run (placement.ts) with what they route
 * to (routes.ts), the Services' own ways in (load balancers, NodePorts), and cluster DNS (clusterDns.ts). Every
 * surface asks it (query.ts); nothing else computes who can reach whom.
 *
 * Cached on the index per profile (the facts it reads: engine, address ranges, ingress controllers, LocalDNS):
 * `reachModelOf`. Like the NetworkPolicy model it is shared by every rule without blanket reads: each accessor
 * records what its answer depends on (`WorkspaceIndex.noteRead`), so a rule asking about one namespace is re-run only
 * when that namespace changes.
 */
import { ADMIN_POLICY_KINDS } from '../model/extract/adminNetworkPolicy';
import type { Gateway, Ingress, Service, Workload } from '../model/resources';
import { WORKLOAD_KINDS } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { ALL_WORKLOADS, objectsAnywhere, workloadsIn, type ReadKey } from '../model/readKeys';
import { netpolModelOf } from '../netpol/cachedModel';
import type { NetpolModel } from '../netpol/model';
import type { PodClass } from '../netpol/podClasses';
import { semanticsKey, semanticsOf, type EngineSemantics } from '../netpol/semantics';
import type { ClusterProfile } from '../profile/types';
import { clusterDnsOf, KUBE_DNS_NAMESPACE, type ClusterDns } from './clusterDns';
import { ingressPaths, placeGateway, placeIngress, type IngressPath } from './placement';
import { routesOfPath, routesOfService, type RoutesToClass } from './routes';

/** Kinds the model reads: a change to one drops it (the NetworkPolicy model inside is cached on its own). */
export const REACH_INPUT_KINDS: readonly string[] = [
  ...WORKLOAD_KINDS,
  'NetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  ...ADMIN_POLICY_KINDS,
  'Namespace',
  'Service',
  'Ingress',
  'IngressClass',
  'Gateway',
  'GatewayClass',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
  'ReferenceGrant',
  'NginxIngressController',
];

/** Kinds placement reads (which controller serves which Ingress or Gateway, and where it runs), and their read keys. */
const PLACEMENT_KINDS: readonly string[] = ['Ingress', 'IngressClass', 'Gateway', 'GatewayClass', 'NginxIngressController'];
const PLACEMENT_READS: readonly ReadKey[] = PLACEMENT_KINDS.map(objectsAnywhere);
/** And of what routes read (coarse: the whole workspace's routes, Services and workloads). */
const ROUTING_READS: readonly ReadKey[] = [...PLACEMENT_READS, ...['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant', 'Service'].map(objectsAnywhere), ALL_WORKLOADS];

export class ReachModel {
  readonly netpol: NetpolModel;
  readonly semantics: EngineSemantics;
  private pathList: readonly IngressPath[] | undefined;
  /** By path object: a path of one Ingress (`pathServing`) is not the path of all its controller's Ingresses. */
  private readonly pathRoutes = new WeakMap<IngressPath, ReadonlyMap<number, RoutesToClass>>();
  private readonly serviceRoutes = new Map<Service, ReadonlyMap<number, RoutesToClass>>();
  private dnsPlacement: ClusterDns | undefined;

  constructor(
    readonly index: WorkspaceIndex,
    readonly profile: ClusterProfile,
  ) {
    this.semantics = semanticsOf(profile);
    this.netpol = netpolModelOf(index, { semantics: this.semantics });
  }

  /** Every ingress path: one per controller serving the workspace's Ingresses, one per Gateway; sorted by id. */
  paths(): readonly IngressPath[] {
    for (const key of PLACEMENT_READS) this.index.noteRead(key);
    // Kept on the index across models until a placement kind changes: the model is rebuilt after every workload edit,
    // and placing every Ingress again each time made an edit cost a pass over the workspace's Ingresses.
    return (this.pathList ??= this.index.derived(`reach:paths:${profileKey(this.profile)}`, PLACEMENT_KINDS, () => ingressPaths(this.index, this.profile)));
  }

  path(id: string): IngressPath | undefined {
    return this.paths().find((p) => p.id === id);
  }

  pathOfIngress(ingress: Ingress): IngressPath | undefined {
    return this.paths().find((p) => p.ingresses.includes(ingress));
  }

  pathOfGateway(gateway: Gateway): IngressPath | undefined {
    return this.paths().find((p) => p.gateway === gateway);
  }

  /**
   * What a path routes to, per pod class id. For a path of `paths()`, cached and recorded as reading every routing
   * object; for one from `pathServing`, computed for its caller (kept with that path object, which lives as long as
   * the caller's question), whose reads are then exactly the caller's.
   */
  routesOf(path: IngressPath): ReadonlyMap<number, RoutesToClass> {
    if (!path.serving) for (const key of ROUTING_READS) this.index.noteRead(key);
    let routes = this.pathRoutes.get(path);
    if (!routes) this.pathRoutes.set(path, (routes = routesOfPath(this.index, path, (w) => this.netpol.classOf(w))));
    return routes;
  }

  /**
   * The controller serving one Ingress, with only that Ingress's routes; or a Gateway's proxies. Placed without
   * reading every Ingress and Gateway (what `paths()` groups), so that a rule checking one Ingress re-runs only
   * when what it read changes: its class, the Services and workloads its backends name.
   */
  pathServing(object: Ingress | Gateway): IngressPath {
    if (object.kind === 'Ingress') return { ...placeIngress(this.index, this.profile, object), ingresses: [object], serving: true };
    return { ...placeGateway(this.index, this.profile, object), ingresses: [], serving: true };
  }

  /** What a Service's own load balancer or NodePort sends to, per pod class id. */
  routesOfService(service: Service): ReadonlyMap<number, RoutesToClass> {
    this.index.noteRead(workloadsIn(service.namespace));
    let routes = this.serviceRoutes.get(service);
    if (!routes) this.serviceRoutes.set(service, (routes = routesOfService(this.index, service, (w) => this.netpol.classOf(w))));
    return routes;
  }

  /** Where pods send DNS queries: the kube-dns pods, or the node-local DNS when the profile says LocalDNS is on. */
  dns(): ClusterDns {
    // The placement is kept; its read is recorded for every reader (kube-dns pods the workspace may declare).
    if (this.profile.localDns !== true) this.index.noteRead(workloadsIn(KUBE_DNS_NAMESPACE));
    return (this.dnsPlacement ??= clusterDnsOf(this.netpol, this.profile));
  }

  classOf(workload: Workload): PodClass | undefined {
    return this.netpol.classOf(workload);
  }
}

/** The model of the index as it is now, for this profile: cached on the index until an object it reads changes. */
export function reachModelOf(index: WorkspaceIndex, profile: ClusterProfile = {}): ReachModel {
  return index.shared(`reach-model:${profileKey(profile)}`, REACH_INPUT_KINDS, () => new ReachModel(index, profile));
}

/** The profile facts the model reads, as a cache key. */
function profileKey(profile: ClusterProfile): string {
  return JSON.stringify([semanticsKey(semanticsOf(profile)), profile.ingressControllers ?? null, profile.localDns ?? null, profile.networkModel ?? null, profile.vnetCidrs ?? null]);
}
