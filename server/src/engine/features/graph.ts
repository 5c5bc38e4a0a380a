/**
 * The connectivity graph of the workspace, or of one namespace, as plain data (`graph/types.ts`):
 *  - workloads (NetworkPolicy peers) grouped by namespace, with kind, pods, where they are written, whether
 *    policies isolate them for ingress / egress, and how far they are exposed;
 *  - ways in from outside as sources: Internet / VNet / node network -> Azure load balancer, ingress controller of
 *    each class in use, Gateways -> workloads (`graph/exposureEdges.ts`);
 *  - what the policies admit between workloads, exactly (the reachability model's `reach/allowedPairs.ts`), collapsed onto namespaces where
 *    a whole namespace gets the same (`graph/collapse.ts`); pairs that are open by default are counted, not drawn;
 *  - declared dependencies (Services named in env / ConfigMaps), allowed or DENIED (`graph/dependencyEdges.ts`).
 *
 * Bounded: at most `maxWorkloads` workload peers (2,000 by default: computable; 200 stay readable) and `maxEdges`
 * edges; what is left out is counted in `stats` and said in `notes`.
 *
 * Steppable (`features/steps.ts`): `connectivityGraphSteps` yields between workloads and between batches of pairs,
 * so that the language server can stop it when the client cancels and publish diagnostics while it runs (seconds on
 * 2,000 workloads with permissive policies). `connectivityGraph` runs it to the end at once (the CLI, tests).
 */
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { podCountOf } from '../exposure/backends';
import type { WorkloadPeer } from '../netpol/podClasses';
import { formatConnections, isAllConnections } from '../netpol/portSet';
import type { ClusterProfile } from '../profile/types';
import { directionExposure, ENTIRE_CLUSTER } from '../reach/exposure';
import { REACH_INPUT_KINDS, reachModelOf, type ReachModel } from '../reach/model';
import { collapsePairSteps, namespaceNodeId } from './graph/collapse';
import { dependencyEdgeSteps } from './graph/dependencyEdges';
import { exposureGraphSteps } from './graph/exposureEdges';
import { EXTERNAL_NODE_ID, policyPairSteps, restrictedByPolicy } from '../reach/allowedPairs';
import type { EnginePlace, GraphData, GraphEdge, GraphNode, NamespaceNode, PolicyEdge, WorkloadNode } from './graph/types';
import { CHEAP_ITEMS_PER_STEP, runSteps, type Steps } from './steps';
import { compareStrings as compare } from '../util/compare';

export type * from './graph/types';
export { EXTERNAL_NODE_ID };

export interface GraphQuery {
  /** Only this namespace's workloads, plus the workloads of other namespaces that connect to them. */
  namespace?: string;
  /** The cluster profile the verdicts are judged under (the workspace's, see features/reachModel.ts). */
  profile?: ClusterProfile;
}

export interface GraphBounds {
  maxWorkloads?: number;
  maxEdges?: number;
}

export const DEFAULT_MAX_WORKLOADS = 2000;
export const DEFAULT_MAX_EDGES = 5000;
/** Longest port list shown on an edge; the detail has all of it. */
const LABEL_LIMIT = 36;

/** Kinds whose objects the graph reads (places included): a change to one of them drops the cached graphs. */
const GRAPH_INPUT_KINDS: readonly string[] = [...REACH_INPUT_KINDS, 'ConfigMap'];

/**
 * The graph of the index as it is now. The result is kept by the index until an object of a kind it reads changes
 * (the editor asks again whenever diagnostics change), so callers must not mutate it.
 */
export function connectivityGraph(index: WorkspaceIndex, query: GraphQuery = {}, bounds: GraphBounds = {}): GraphData<EnginePlace> {
  return runSteps(connectivityGraphSteps(index, query, bounds));
}

/**
 * `connectivityGraph` as steppable work. The index must not change between two steps: a caller that lets it change
 * throws the generator away and starts again (the model and lists it holds would be stale).
 */
export function* connectivityGraphSteps(index: WorkspaceIndex, query: GraphQuery = {}, bounds: GraphBounds = {}): Steps<GraphData<EnginePlace>> {
  const key = `graph:${JSON.stringify([query.namespace ?? null, bounds.maxWorkloads ?? null, bounds.maxEdges ?? null, query.profile ?? null])}`;
  // The index caches values it computes at once (`derived`); a graph built in steps is stored in a slot that the
  // index drops, like any derived value, when a kind the graph reads changes. A run that is thrown away halfway
  // never fills its slot.
  const slot = index.derived(key, GRAPH_INPUT_KINDS, (): { graph?: GraphData<EnginePlace> } => ({}));
  if (slot.graph) return slot.graph;
  const graph = yield* buildGraphSteps(index, query, bounds);
  slot.graph = graph;
  return graph;
}

function* buildGraphSteps(index: WorkspaceIndex, query: GraphQuery, bounds: GraphBounds): Steps<GraphData<EnginePlace>> {
  const maxWorkloads = bounds.maxWorkloads ?? DEFAULT_MAX_WORKLOADS;
  const maxEdges = bounds.maxEdges ?? DEFAULT_MAX_EDGES;
  // Built at once (engine/reach/ and engine/netpol/, not steppable): the first step; a caller that pauses sees it here.
  const reach = reachModelOf(index, query.profile ?? {});
  const model = reach.netpol;
  yield;
  const notes: string[] = [];
  const allNamespaces = [...new Set(model.peers.map((p) => p.namespace))].sort();
  const scope = query.namespace;

  // Which peers the graph is about; the others may still appear as context when they connect to them.
  const scoped = scope === undefined ? model.peers : model.peers.filter((p) => p.namespace === scope);
  const kept = scoped.slice(0, maxWorkloads);
  const omittedWorkloads = scoped.length - kept.length;
  if (omittedWorkloads > 0) notes.push(`Showing ${kept.length} of ${scoped.length} workloads (the first by namespace and name); pick a namespace to see the others.`);
  if (scope !== undefined && scoped.length === 0) notes.push(`No workload in namespace \`${scope}\`.`);
  const keptIds = new Set(kept.map((p) => p.id));
  const inScope = (peer: WorkloadPeer): boolean => keptIds.has(peer.id);
  // With a namespace in scope, the other namespaces' workloads are candidates for context nodes.
  const candidates = scope === undefined ? kept : [...kept, ...model.peers.filter((p) => p.namespace !== scope)];
  const candidateIds = new Set(candidates.map((p) => p.id));
  const peerById = new Map(candidates.map((p) => [p.id, p]));

  const policy = yield* policyPairSteps(model, candidates, inScope);
  const exposure = yield* exposureGraphSteps(index, reach, kept);
  const needs = yield* dependencyEdgeSteps(index, reach, candidates, candidateIds, inScope);
  const dependencies = needs.edges;

  // Namespaces shown completely: edges may be collapsed onto them.
  const complete = new Map<string, string[]>();
  for (const peer of candidates) {
    if (scope !== undefined && peer.namespace !== scope) continue;
    const list = complete.get(peer.namespace);
    if (list) list.push(peer.id);
    else complete.set(peer.namespace, [peer.id]);
  }
  if (omittedWorkloads > 0) {
    const last = kept[kept.length - 1]?.namespace;
    for (const ns of [...complete.keys()]) if (ns === last || !kept.some((p) => p.namespace === ns)) complete.delete(ns);
  }
  const collapsed = yield* collapsePairSteps(policy.pairs, (id) => peerById.get(id)?.namespace, complete);

  const policyEdges: PolicyEdge[] = [];
  for (const pair of collapsed) {
    const all = isAllConnections(pair.allowed);
    const connections = formatConnections(pair.allowed);
    const label = all ? 'all' : connections.length > LABEL_LIMIT ? `${connections.slice(0, LABEL_LIMIT - 1)}…` : connections;
    const edge: PolicyEdge = {
      kind: 'policy',
      id: `policy:${pair.src}>${pair.dst}`,
      source: pair.src,
      target: pair.dst,
      label,
      detail: `${describeNode(pair.src)} → ${describeNode(pair.dst)}: ${connections}${pair.pairs > 1 ? ` (${pair.pairs} workload pairs)` : ''}`,
      all,
      connections,
      pairs: pair.pairs,
    };
    if (peerById.has(pair.src) && peerById.has(pair.dst)) edge.explain = { source: pair.src, destination: pair.dst };
    policyEdges.push(edge);
    if (policyEdges.length % CHEAP_ITEMS_PER_STEP === 0) yield;
  }

  // Bound the edges: ways in and declared dependencies (denied first) matter most, then policy edges.
  const ranked: GraphEdge<EnginePlace>[] = [
    ...exposure.edges,
    ...dependencies.filter((d) => d.status === 'denied'),
    ...dependencies.filter((d) => d.status === 'unknown'),
    ...dependencies.filter((d) => d.status === 'allowed'),
    ...policyEdges,
  ];
  const edges = ranked.slice(0, maxEdges);
  const omittedEdges = ranked.length - edges.length;
  if (omittedEdges > 0) notes.push(`${omittedEdges} edges are not shown (at most ${maxEdges}); pick a namespace to see them.`);

  // Nodes: every kept workload, and the context workloads and entry points that edges use.
  const used = new Set<string>();
  for (const edge of edges) used.add(edge.source).add(edge.target);
  const workloadNodes: WorkloadNode<EnginePlace>[] = [];
  for (const peer of candidates) {
    if (!keptIds.has(peer.id) && !used.has(peer.id)) continue;
    workloadNodes.push(workloadNode(reach, peer, exposure.levels.get(peer.id) ?? 'none', keptIds.has(peer.id)));
    if (workloadNodes.length % CHEAP_ITEMS_PER_STEP === 0) yield;
  }
  const policiesByNamespace = new Map<string, number>();
  for (const p of index.ofKind('NetworkPolicy')) policiesByNamespace.set(p.namespace, (policiesByNamespace.get(p.namespace) ?? 0) + 1);
  const namespaceNodes = new Map<string, NamespaceNode>();
  for (const node of workloadNodes) {
    let ns = namespaceNodes.get(node.namespace);
    if (!ns) {
      ns = { type: 'namespace', id: namespaceNodeId(node.namespace), name: node.namespace, workloads: 0, policies: policiesByNamespace.get(node.namespace) ?? 0, inScope: scope === undefined || node.namespace === scope };
      namespaceNodes.set(node.namespace, ns);
    }
    ns.workloads++;
  }
  const nodes: GraphNode<EnginePlace>[] = [...[...namespaceNodes.values()].sort((a, b) => compare(a.name, b.name)), ...workloadNodes];
  if (used.has(EXTERNAL_NODE_ID)) {
    nodes.push({ type: 'external', id: EXTERNAL_NODE_ID, label: 'Outside the cluster', detail: 'IP addresses outside the cluster that NetworkPolicy ipBlocks (or rules without peers) admit' });
  }
  nodes.push(...exposure.nodes.filter((n) => used.has(n.id)));
  nodes.push(...needs.nodes.filter((n) => used.has(n.id)));

  if (index.ofKind('NetworkPolicy').length === 0 && model.peers.length > 0) {
    notes.push('No NetworkPolicy in the workspace: every workload may connect to every other on every port (not drawn).');
  }
  const shownDependencies = edges.filter((e) => e.kind === 'dependency');
  const data: GraphData<EnginePlace> = {
    version: 1,
    allNamespaces,
    nodes,
    edges,
    stats: {
      workloads: kept.length,
      omittedWorkloads,
      policyEdges: edges.filter((e) => e.kind === 'policy').length,
      allowedPairs: collapsed.filter((c) => c.src !== EXTERNAL_NODE_ID && c.dst !== EXTERNAL_NODE_ID).reduce((n, c) => n + c.pairs, 0),
      openPairs: policy.openPairs,
      dependencies: shownDependencies.length,
      deniedDependencies: shownDependencies.filter((e) => e.kind === 'dependency' && e.status === 'denied').length,
      exposureEdges: edges.filter((e) => e.kind === 'exposure').length,
      omittedEdges,
    },
    notes,
  };
  if (scope !== undefined) data.namespace = scope;
  return data;

  function describeNode(id: string): string {
    if (id === EXTERNAL_NODE_ID) return 'addresses outside the cluster';
    if (id.startsWith('ns:')) return `every workload of namespace ${id.slice(3)}`;
    return id;
  }
}

function workloadNode(reach: ReachModel, peer: WorkloadPeer, exposure: WorkloadNode<EnginePlace>['exposure'], inScope: boolean): WorkloadNode<EnginePlace> {
  const model = reach.netpol;
  const first = peer.workloads[0]!;
  const node: WorkloadNode<EnginePlace> = {
    type: 'workload',
    id: peer.id,
    parent: namespaceNodeId(peer.namespace),
    namespace: peer.namespace,
    name: peer.name,
    kind: peer.kind,
    pods: podCountOf(first).text,
    ports: portsOf(peer),
    definitions: peer.workloads.length,
    place: { file: first.file, span: first.nameSpan },
    isolated: {
      ingress: peer.classes.every((c) => restrictedByPolicy(model, c, 'Ingress')),
      egress: peer.classes.every((c) => restrictedByPolicy(model, c, 'Egress')),
    },
    exposure,
    clusterExposure: clusterExposureOf(reach, peer),
    inScope,
  };
  if (first.replicas !== undefined) node.replicas = first.replicas;
  return node;
}

/** Whether any pod of the cluster, or pods of namespaces a selector names, may connect to it (reach/exposure.ts). */
function clusterExposureOf(reach: ReachModel, peer: WorkloadPeer): WorkloadNode<EnginePlace>['clusterExposure'] {
  const ingress = directionExposure(reach, peer, 'Ingress');
  if (!ingress.protected || ingress.items.some((i) => i.peer === ENTIRE_CLUSTER)) return 'entire-cluster';
  return ingress.items.length > 0 ? 'selectors' : 'none';
}

function portsOf(peer: WorkloadPeer): WorkloadNode<EnginePlace>['ports'] {
  const seen = new Map<string, WorkloadNode<EnginePlace>['ports'][number]>();
  for (const cls of peer.classes) {
    for (const p of cls.ports) {
      const key = `${p.protocol}/${p.containerPort}`;
      if (seen.has(key)) continue;
      const entry: WorkloadNode<EnginePlace>['ports'][number] = { port: p.containerPort, protocol: p.protocol };
      if (p.name) entry.name = p.name;
      seen.set(key, entry);
    }
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || compare(a.protocol, b.protocol));
}

