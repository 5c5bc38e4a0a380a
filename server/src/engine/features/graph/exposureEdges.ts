/**
 * Ways in from outside for the connectivity graph: Internet (or the VNet, or any client that reaches a node) ->
 * Azure load balancer / ingress controller of a class / Gateway -> workload. Built from `exposure/exposure.ts`
 * paths. Each last hop says whether the destination's ingress policies let that entry in on the pod port:
 *  - an in-cluster ingress controller is the netpol model's `{ingress-controller}` (placed in its real namespace
 *    when the workspace says where it runs, see features/netpolModel.ts);
 *  - a load balancer, NodePort or Azure-hosted proxy (Application Gateway for Containers, AGIC) connects from an
 *    address outside the cluster: blocked when no address range the policies cut admits the port;
 *  - in-cluster Gateways (Istio) are not modelled as pods: no verdict.
 *
 * Steppable (`../steps.ts`): it yields after each exposed Service.
 */
import { exposureOfService, type ExposureEntry, type ExposureHop } from '../../exposure/exposure';
import type { Route, Service, Workload } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { formatAddress } from '../../netpol/addressSet';
import { ClassPairCache, INGRESS_CONTROLLER_ID } from '../../netpol/connectivity';
import type { NetpolModel } from '../../netpol/model';
import type { WorkloadPeer } from '../../netpol/podClasses';
import { connectionsContain } from '../../netpol/portSet';
import type { Steps } from '../steps';
import type { EnginePlace, EntryNode, ExplainQuery, ExposureEdge, ExposureLevel } from './types';

export interface ExposureGraph {
  nodes: EntryNode<EnginePlace>[];
  edges: ExposureEdge[];
  /** The widest exposure of each workload peer (by peer id). */
  levels: Map<string, ExposureLevel>;
}

const ENTRY_NODES: Record<ExposureEntry, { id: string; label: string; detail: string }> = {
  internet: { id: 'internet', label: 'Internet', detail: 'Clients on the Internet' },
  vnet: { id: 'vnet', label: 'VNet', detail: 'Clients in the cluster’s virtual network (and peered networks): internal Azure load balancers' },
  'node-network': { id: 'nodes', label: 'Node network', detail: 'Any client that reaches a node’s IP (NodePort Services)' },
};

const LEVEL_ORDER: readonly ExposureLevel[] = ['none', 'node-port', 'internal', 'public'];

interface EdgeDraft {
  source: string;
  target: string;
  labels: string[];
  details: string[];
  explain?: ExplainQuery;
  blocked?: boolean;
}

export function* exposureGraphSteps(index: WorkspaceIndex, model: NetpolModel, peers: readonly WorkloadPeer[], cache: ClassPairCache): Steps<ExposureGraph> {
  const nodes = new Map<string, EntryNode<EnginePlace>>();
  const edges = new Map<string, EdgeDraft>();
  const levels = new Map<string, ExposureLevel>();

  const node = (entry: EntryNode<EnginePlace>): string => {
    if (!nodes.has(entry.id)) nodes.set(entry.id, entry);
    return entry.id;
  };
  const edge = (source: string, target: string, label: string, detail: string, verdict?: { blocked: boolean; explain: ExplainQuery }): void => {
    const key = `${source}\u0000${target}`;
    let draft = edges.get(key);
    if (!draft) edges.set(key, (draft = { source, target, labels: [], details: [] }));
    if (!draft.labels.includes(label)) draft.labels.push(label);
    if (!draft.details.includes(detail)) draft.details.push(detail);
    if (verdict) {
      // An edge is blocked only when every way it stands for is.
      draft.blocked = draft.blocked === undefined ? verdict.blocked : draft.blocked && verdict.blocked;
      if (!draft.explain || !verdict.blocked) draft.explain = verdict.explain;
    }
  };
  const raise = (peer: WorkloadPeer, level: ExposureLevel): void => {
    const current = levels.get(peer.id) ?? 'none';
    if (LEVEL_ORDER.indexOf(level) > LEVEL_ORDER.indexOf(current)) levels.set(peer.id, level);
  };

  // Per Service that something exposes (not per workload: that would scan every Service for each workload).
  const wanted = new Set(peers);
  for (const service of exposedServices(index)) {
    for (const path of exposureOfService(index, service)) {
      const last = path.hops[path.hops.length - 1];
      if (last?.kind !== 'pods') continue;
      const workload = last.workload;
      const peer = model.peerOfWorkload(workload);
      if (!peer || !wanted.has(peer)) continue;
      const entry = node({ type: entryType(path.entry), ...ENTRY_NODES[path.entry] });
      const first = path.hops[0]!;
      const podPort = last.target.port;
      const portText = podPort !== undefined ? `${last.protocol} ${podPort}` : `${last.protocol} ${last.targetPort} (unresolved)`;
      switch (first.kind) {
        case 'load-balancer': {
          raise(peer, first.visibility === 'public' ? 'public' : 'internal');
          const lb = node(loadBalancerNode(first.service, first.visibility));
          const ranges = first.sourceRanges.length ? ` (loadBalancerSourceRanges ${first.sourceRanges.join(', ')})` : '';
          edge(entry, lb, `${first.port.protocol} ${first.port.port}`, `${ENTRY_NODES[path.entry].label} → ${first.visibility} Azure load balancer port ${first.port.port}/${first.port.protocol}${ranges}`);
          edge(lb, peer.id, `${first.port.port} → ${podPort ?? last.targetPort}`, `Service ${qualified(first.service)} port ${first.port.port} → ${portText} on ${workloadName(workload)}`, fromOutside(model, cache, workload, peer, last.protocol, podPort));
          break;
        }
        case 'node-port': {
          raise(peer, 'node-port');
          const nodePort = first.nodePort !== undefined ? String(first.nodePort) : '30000-32767';
          edge(entry, peer.id, `NodePort ${nodePort} → ${podPort ?? last.targetPort}`, `every node’s IP:${nodePort} (NodePort Service ${qualified(first.service)}) → ${portText}`, fromOutside(model, cache, workload, peer, last.protocol, podPort));
          break;
        }
        case 'ingress-controller': {
          raise(peer, 'public');
          const controller = first.controller;
          const id = `ingress-controller:${controller.className ?? '(default)'}`;
          const hosting = controller.hosting === 'azure' ? 'Azure-hosted, outside the cluster' : controller.hosting === 'in-cluster' ? 'runs in the cluster' : 'controller not known';
          node({ type: 'ingress-controller', id, label: controller.label, detail: `Ingress controller${controller.className ? ` of class ${controller.className}` : ''} (${hosting}): L7, routes by host and path` });
          const ingress = path.hops.find((h): h is Extract<ExposureHop, { kind: 'ingress' }> => h.kind === 'ingress');
          edge(entry, id, 'HTTP(S)', `${ENTRY_NODES[path.entry].label} → ${controller.label}`);
          const route = ingress ? (ingress.defaultBackend ? 'default backend' : `${ingress.host ?? '*'}${ingress.path ?? '/'}`) : '';
          const verdict =
            controller.hosting === 'azure' ? fromOutside(model, cache, workload, peer, 'TCP', podPort) : fromIngressController(model, cache, workload, peer, podPort);
          edge(id, peer.id, `${route} → ${podPort ?? last.targetPort}`, `Ingress ${ingress ? qualified(ingress.ingress) : ''} ${route} → ${portText} on ${workloadName(workload)}`, verdict);
          break;
        }
        case 'gateway': {
          raise(peer, 'public');
          const id = `gateway:${first.gatewayNamespace}/${first.gatewayName}`;
          const className = first.gateway?.gatewayClassName;
          const hosting = first.gatewayClass?.hosting;
          const entryNode: EntryNode<EnginePlace> = {
            type: 'gateway',
            id,
            label: `${first.gatewayName}`,
            namespace: first.gatewayNamespace,
            detail: `Gateway ${first.gatewayNamespace}/${first.gatewayName}${className ? ` of class ${className}` : ''}${hosting === 'azure' ? ' (Azure-hosted)' : hosting === 'in-cluster' ? ' (in-cluster proxy)' : ''}${first.gateway ? '' : ' (not in the workspace)'}`,
          };
          if (first.gateway) entryNode.place = { file: first.gateway.file, span: first.gateway.nameSpan };
          node(entryNode);
          const listener = first.listener?.port !== undefined ? `${first.listener.protocol ?? ''} ${first.listener.port}`.trim() : 'listeners';
          edge(entry, id, listener, `${ENTRY_NODES[path.entry].label} → Gateway ${first.gatewayNamespace}/${first.gatewayName} ${listener}`);
          const route = path.hops.find((h): h is Extract<ExposureHop, { kind: 'route' }> => h.kind === 'route');
          const routeText = route ? `${route.route.kind} ${route.route.name}` : 'route';
          const verdict = hosting === 'azure' ? fromOutside(model, cache, workload, peer, last.protocol, podPort) : undefined;
          edge(id, peer.id, `${routeText} → ${podPort ?? last.targetPort}`, `${route ? `${route.route.kind} ${qualified(route.route)}` : 'a route'} → ${portText} on ${workloadName(workload)}`, verdict);
          break;
        }
        default:
          break;
      }
    }
    yield;
  }

  const out: ExposureEdge[] = [];
  for (const draft of edges.values()) {
    const shown = draft.labels.slice(0, 2).join(', ') + (draft.labels.length > 2 ? ` +${draft.labels.length - 2}` : '');
    const result: ExposureEdge = {
      kind: 'exposure',
      id: `exposure:${draft.source}>${draft.target}`,
      source: draft.source,
      target: draft.target,
      label: draft.blocked ? `${shown} (blocked)` : shown,
      detail: draft.details.join('\n') + (draft.blocked ? '\nBlocked: the destination’s ingress NetworkPolicies admit nothing from this entry on that port.' : ''),
    };
    if (draft.blocked !== undefined) result.blocked = draft.blocked;
    if (draft.explain) result.explain = draft.explain;
    out.push(result);
  }
  return { nodes: [...nodes.values()], edges: out, levels };
}

/** Services of type LoadBalancer or NodePort, and those an Ingress or a route names as a backend. */
function exposedServices(index: WorkspaceIndex): Service[] {
  const named = new Set<string>();
  for (const ingress of index.ofKind('Ingress')) {
    const backends = [ingress.defaultBackend, ...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend))];
    for (const backend of backends) if (backend?.service) named.add(`${ingress.namespace}/${backend.service.service}`);
  }
  for (const kind of ROUTE_KINDS) {
    for (const route of index.ofKind(kind as 'HTTPRoute') as Route[]) {
      for (const rule of route.rules) for (const ref of rule.backendRefs) if (ref.kind === 'Service') named.add(`${ref.namespace ?? route.namespace}/${ref.name}`);
    }
  }
  return index.ofKind('Service').filter((s) => s.type === 'LoadBalancer' || s.type === 'NodePort' || named.has(`${s.namespace}/${s.name}`));
}

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

function entryType(entry: ExposureEntry): EntryNode<EnginePlace>['type'] {
  return entry === 'node-network' ? 'nodes' : entry;
}

function loadBalancerNode(service: Service, visibility: 'public' | 'internal'): EntryNode<EnginePlace> {
  return {
    type: 'load-balancer',
    id: `lb:${service.namespace}/${service.name}`,
    label: `${visibility === 'public' ? 'public' : 'internal'} LB ${service.name}`,
    detail: `${visibility === 'public' ? 'Public' : 'Internal'} Azure load balancer of Service ${qualified(service)} (L4: TCP/UDP by port)`,
    namespace: service.namespace,
    place: { file: service.file, span: service.nameSpan },
  };
}

/**
 * Whether some address outside the cluster may open the pod port (the load balancer, a NodePort or an
 * Azure-hosted proxy connects from such an address). The address ranges are the netpol model's atoms, which every
 * ipBlock boundary cuts, so one address of an atom answers for the whole atom: the explain query uses it.
 */
function fromOutside(model: NetpolModel, cache: ClassPairCache, workload: Workload, peer: WorkloadPeer, protocol: 'TCP' | 'UDP' | 'SCTP', port: number | undefined): { blocked: boolean; explain: ExplainQuery } | undefined {
  const cls = model.classOf(workload);
  if (!cls || port === undefined || model.sourceAtoms.length === 0) return undefined;
  let admitted: (typeof model.sourceAtoms)[number] | undefined;
  for (const range of model.sourceAtoms) {
    if (connectionsContain(cache.allowed({ type: 'external', range }, { type: 'pods', pods: cls }), protocol, port)) {
      admitted = range;
      break;
    }
  }
  const probe = admitted ?? model.sourceAtoms[0]!;
  return { blocked: !admitted, explain: { source: formatAddress(probe.family, probe.first), destination: peer.id, port, protocol } };
}

function fromIngressController(model: NetpolModel, cache: ClassPairCache, workload: Workload, peer: WorkloadPeer, port: number | undefined): { blocked: boolean; explain: ExplainQuery } | undefined {
  const cls = model.classOf(workload);
  if (!cls || !model.ingressController || port === undefined) return undefined;
  const allowed = cache.allowed({ type: 'pods', pods: model.ingressController }, { type: 'pods', pods: cls });
  return { blocked: !connectionsContain(allowed, 'TCP', port), explain: { source: INGRESS_CONTROLLER_ID, destination: peer.id, port, protocol: 'TCP' } };
}

function qualified(resource: { namespace: string; name: string }): string {
  return resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
}

function workloadName(workload: Workload): string {
  return `${workload.kind} ${qualified(workload)}`;
}

