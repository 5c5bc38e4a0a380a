/**
 * Ways in from outside for the connectivity graph: Internet (or the VNet, or any client that reaches a node) ->
 * Azure load balancer / ingress controller / Gateway -> workload. Built from `exposure/exposure.ts` paths (which
 * objects the traffic passes); each last hop carries the reachability model's verdict for that way in on the pod
 * port (reach/: the controller placed where it runs, the load balancer's sources as externalTrafficPolicy and the
 * engine make them): allowed, blocked, or unknown (what it depends on is in `netlens explain`, whose query the edge
 * carries).
 *
 * Steppable (`../steps.ts`): it yields after each exposed Service.
 */
import { exposureOfService, type ExposureEntry, type ExposureHop, type ExposurePath } from '../../exposure/exposure';
import type { Route, Service, Workload } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import type { WorkloadPeer } from '../../netpol/podClasses';
import type { ReachModel } from '../../reach/model';
import { peerId } from '../../reach/peers';
import type { Verdict } from '../../reach/query';
import { exposureVerdict, wayOfExposure } from '../../reach/ways';
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
  status?: Verdict;
}

export function* exposureGraphSteps(index: WorkspaceIndex, model: ReachModel, peers: readonly WorkloadPeer[]): Steps<ExposureGraph> {
  const nodes = new Map<string, EntryNode<EnginePlace>>();
  const edges = new Map<string, EdgeDraft>();
  const levels = new Map<string, ExposureLevel>();

  const node = (entry: EntryNode<EnginePlace>): string => {
    if (!nodes.has(entry.id)) nodes.set(entry.id, entry);
    return entry.id;
  };
  const edge = (source: string, target: string, label: string, detail: string, verdict?: { status: Verdict; explain: ExplainQuery }): void => {
    const key = `${source}\u0000${target}`;
    let draft = edges.get(key);
    if (!draft) edges.set(key, (draft = { source, target, labels: [], details: [] }));
    if (!draft.labels.includes(label)) draft.labels.push(label);
    if (!draft.details.includes(detail)) draft.details.push(detail);
    if (verdict) {
      // An edge is blocked only when every way it stands for is; allowed when one is.
      const before = draft.status;
      draft.status = before === undefined ? verdict.status : before === 'allowed' || verdict.status === 'allowed' ? 'allowed' : before === 'unknown' || verdict.status === 'unknown' ? 'unknown' : 'denied';
      if (!draft.explain || draft.status === verdict.status) draft.explain = verdict.explain;
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
      const peer = model.netpol.peerOfWorkload(workload);
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
          edge(lb, peer.id, `${first.port.port} → ${podPort ?? last.targetPort}`, `Service ${qualified(first.service)} port ${first.port.port} → ${portText} on ${workloadName(workload)}`, wayIn(model, path, peer));
          break;
        }
        case 'node-port': {
          raise(peer, 'node-port');
          const nodePort = first.nodePort !== undefined ? String(first.nodePort) : '30000-32767';
          edge(entry, peer.id, `NodePort ${nodePort} → ${podPort ?? last.targetPort}`, `every node’s IP:${nodePort} (NodePort Service ${qualified(first.service)}) → ${portText}`, wayIn(model, path, peer));
          break;
        }
        case 'ingress-controller': {
          raise(peer, 'public');
          const controller = first.controller;
          const ingress = path.hops.find((h): h is Extract<ExposureHop, { kind: 'ingress' }> => h.kind === 'ingress');
          const way = ingress ? model.pathOfIngress(ingress.ingress) : undefined;
          const id = way?.id ?? `ingress-controller:${controller.className ?? '(default)'}`;
          const label = way?.name ?? controller.label;
          node({ type: 'ingress-controller', id, label, detail: `${label}${controller.className ? `, class ${controller.className}` : ''}: L7, routes by host and path` });
          edge(entry, id, 'HTTP(S)', `${ENTRY_NODES[path.entry].label} → ${label}`);
          const route = ingress ? (ingress.defaultBackend ? 'default backend' : `${ingress.host ?? '*'}${ingress.path ?? '/'}`) : '';
          const verdict = wayIn(model, path, peer);
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
          const verdict = wayIn(model, path, peer);
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
    const suffix = draft.status === 'denied' ? ' (blocked)' : draft.status === 'unknown' ? ' (may be blocked)' : '';
    const why =
      draft.status === 'denied'
        ? '\nBlocked: the destination’s ingress NetworkPolicies admit nothing from this way in on that port.'
        : draft.status === 'unknown'
          ? '\nMay be blocked: the answer depends on facts the manifests and the cluster profile do not state (explain says which).'
          : '';
    const result: ExposureEdge = {
      kind: 'exposure',
      id: `exposure:${draft.source}>${draft.target}`,
      source: draft.source,
      target: draft.target,
      label: `${shown}${suffix}`,
      detail: draft.details.join('\n') + why,
    };
    if (draft.status !== undefined) {
      result.status = draft.status === 'denied' ? 'blocked' : draft.status;
      result.blocked = draft.status === 'denied';
    }
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

/** The model's verdict for the path's way in to its pods on the pod port, with the explain query (reach/ways.ts). */
function wayIn(model: ReachModel, path: ExposurePath, peer: WorkloadPeer): { status: Verdict; explain: ExplainQuery } | undefined {
  const last = path.hops[path.hops.length - 1];
  const way = wayOfExposure(model, path);
  const status = exposureVerdict(model, path);
  if (!way || status === undefined || last?.kind !== 'pods' || last.target.port === undefined) return undefined;
  return { status, explain: { source: peerId(way), destination: peer.id, port: last.target.port, protocol: last.protocol } };
}

function qualified(resource: { namespace: string; name: string }): string {
  return resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
}

function workloadName(workload: Workload): string {
  return `${workload.kind} ${qualified(workload)}`;
}

