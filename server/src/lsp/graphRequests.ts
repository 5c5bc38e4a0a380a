/**
 * The handlers of the custom requests netlens/graph, netlens/inventory and netlens/explain (any LSP client may send
 * them; the VS Code client's commands and graph webview do). Their names and shapes are in protocol/requests.ts.
 * netlens/explain's source/destination are what the graph's ids and `netlens explain` accept: `ns/name[Kind]`,
 * `ns/name`, an IP address or CIDR, `internet`, `vnet`, `nodes`, `dns`, `host:<name>`, and as sources the ways in
 * (`lb:ns/name`, `nodeport:ns/name`, `ingress-controller:<class>`, `gateway:ns/name`, `ingress:ns/name`,
 * `{ingress-controller}`). Judged under the workspace's cluster profile.
 *
 * They answer from the analysis as it is when they finish; the graph is kept by the index until a kind it reads
 * changes (engine/features/graph.ts). Bad parameters answer an error reply, never an exception.
 *
 * netlens/graph and netlens/inventory read every workload of the workspace: they run in slices (runSliced.ts), so a
 * `$/cancelRequest` stops them (RequestCancelled) and edits that arrive meanwhile are analysed and published first
 * (the work then starts again on the new state; ContentModified after three restarts). netlens/explain asks about
 * one pair: it is only checked for cancellation before it starts (cancellable.ts).
 */
import { connectivityGraphSteps, type EnginePlace, type GraphData, type GraphEdge, type GraphNode } from '../engine/features/graph';
import { reachModelFor, workspaceProfile } from '../engine/features/reachModel';
import { CHEAP_ITEMS_PER_STEP, type Steps } from '../engine/features/steps';
import type { Protocol } from '../engine/model/resources';
import { explainReach, resolvePeer } from '../engine/reach/index';
import { ExplainRequest, GraphRequest, InventoryRequest, type ExplainReply, type Inventory, type InventoryPort, type InventoryWorkload, type LspPlace } from '../protocol/requests';
import { plainText } from '../engine/util/plainText';
import { cancellable } from './cancellable';
import { toRange } from './convert';
import type { FeatureHost } from './features';
import { runSliced } from './runSliced';

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function registerGraphRequests(host: FeatureHost): void {
  const { connection, analysis } = host;
  connection.onRequest(
    GraphRequest,
    cancellable(connection, GraphRequest.method, null, (params: unknown, token): Promise<GraphData<LspPlace> | null> => {
      const query = readGraphParams(params);
      return runSliced(GraphRequest.method, analysis, () => graphSteps(host, query), token);
    }),
  );
  connection.onRequest(
    InventoryRequest,
    cancellable(connection, InventoryRequest.method, EMPTY_INVENTORY, (_params: unknown, token) => runSliced(InventoryRequest.method, analysis, () => inventorySteps(host), token)),
  );
  // The trail is shown as text (the explain view, the graph's details pane): names in quotes, not code spans.
  connection.onRequest(ExplainRequest, cancellable(connection, ExplainRequest.method, EXPLAIN_FAILED, (params: unknown) => plainReply(explain(host, params))));
}

const EMPTY_INVENTORY: Inventory = { namespaces: [], workloads: [], ingresses: [] };
const EXPLAIN_FAILED: ExplainReply = { allowed: false, lines: ['internal error; see the server log'], error: 'internal error' };

function readGraphParams(params: unknown): { namespace?: string } {
  const namespace = isRecord(params) && typeof params.namespace === 'string' && params.namespace !== '' ? params.namespace : undefined;
  return namespace === undefined ? {} : { namespace };
}

/**
 * The engine's graph with places as URIs and ranges. The conversion is part of the steps: it reads line indexes,
 * which must be those of the state the graph was computed from.
 */
export function* graphSteps(host: Pick<FeatureHost, 'analysis' | 'uriOf'>, query: { namespace?: string }): Steps<GraphData<LspPlace>> {
  const graph = yield* connectivityGraphSteps(host.analysis.index, { ...query, profile: workspaceProfile(host.analysis) });
  const place = (p: EnginePlace): LspPlace => ({ uri: host.uriOf(p.file), range: toRange(host.analysis.lineIndex(p.file), p.span) });
  // The engine's graph is shared (cached by the index): build new objects, never mutate it.
  const nodes: GraphNode<LspPlace>[] = [];
  for (const node of graph.nodes) {
    if (node.type === 'namespace') nodes.push(node);
    else if (node.type === 'workload') nodes.push({ ...node, place: place(node.place) });
    else {
      const { place: at, ...rest } = node;
      nodes.push(at ? { ...rest, place: place(at) } : rest);
    }
    if (nodes.length % CHEAP_ITEMS_PER_STEP === 0) yield;
  }
  const edges: GraphEdge<LspPlace>[] = [];
  for (const edge of graph.edges) {
    edges.push(edge.kind === 'dependency' ? { ...edge, place: place(edge.place) } : edge);
    if (edges.length % CHEAP_ITEMS_PER_STEP === 0) yield;
  }
  return { ...graph, nodes, edges };
}

/** What a client offers to pick from; steps: the model (built at once), then batches of workloads. */
export function* inventorySteps(host: Pick<FeatureHost, 'analysis'>): Steps<Inventory> {
  const index = host.analysis.index;
  const model = reachModelFor(host.analysis).netpol;
  yield;
  const workloads: InventoryWorkload[] = [];
  for (const peer of model.peers) {
    const ports = new Map<string, InventoryPort>();
    for (const cls of peer.classes) {
      for (const p of cls.ports) {
        const entry: InventoryPort = { port: p.containerPort, protocol: p.protocol };
        if (p.name) entry.name = p.name;
        if (!ports.has(`${p.protocol}/${p.containerPort}`)) ports.set(`${p.protocol}/${p.containerPort}`, entry);
      }
    }
    workloads.push({ id: peer.id, namespace: peer.namespace, name: peer.name, kind: peer.kind, ports: [...ports.values()].sort((a, b) => a.port - b.port) });
    if (workloads.length % CHEAP_ITEMS_PER_STEP === 0) yield;
  }
  yield;
  const namespaces = [...new Set([...index.namespaceNames(), ...workloads.map((w) => w.namespace)])].sort();
  const ingresses = index.ofKind('Ingress').map((i) => {
    const className = i.ingressClassName ?? i.annotations['kubernetes.io/ingress.class'];
    return className ? { namespace: i.namespace, name: i.name, className } : { namespace: i.namespace, name: i.name };
  });
  return { namespaces, workloads, ingresses };
}

export function explain(host: Pick<FeatureHost, 'analysis' | 'uriOf'>, params: unknown): ExplainReply {
  if (!isRecord(params) || typeof params.source !== 'string' || typeof params.destination !== 'string') {
    return fail('netlens/explain needs { source, destination } strings');
  }
  const query: { port?: number; protocol?: Protocol } = {};
  if (params.protocol !== undefined && params.protocol !== null) {
    const protocol = String(params.protocol).toUpperCase();
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) return fail(`unknown protocol \`${String(params.protocol)}\`: use TCP, UDP or SCTP`);
    query.protocol = protocol as Protocol;
  }
  if (params.port !== undefined && params.port !== null) {
    const port = Number(params.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`port must be a number from 1 to 65535, got \`${String(params.port)}\``);
    query.port = port;
  }
  const defaultNamespace = typeof params.defaultNamespace === 'string' && params.defaultNamespace ? params.defaultNamespace : 'default';
  const model = reachModelFor(host.analysis);
  const src = resolvePeer(model, params.source, defaultNamespace);
  if (!('peer' in src)) return fail(`source: ${src.error}${src.suggestion ? ` (did you mean \`${src.suggestion}\`?)` : ''}`);
  const dst = resolvePeer(model, params.destination, defaultNamespace);
  if (!('peer' in dst)) return fail(`destination: ${dst.error}${dst.suggestion ? ` (did you mean \`${dst.suggestion}\`?)` : ''}`);
  const explanation = explainReach(model, src.peer, dst.peer, query);
  const deciding = explanation.deciding.map((d) => ({ label: d.label, place: { uri: host.uriOf(d.file), range: toRange(host.analysis.lineIndex(d.file), d.span) } }));
  return { allowed: explanation.allowed, verdict: explanation.verdict, lines: explanation.lines, ...(deciding.length ? { deciding } : {}) };
}

function plainReply(reply: ExplainReply): ExplainReply {
  return {
    ...reply,
    lines: reply.lines.map(plainText),
    ...(reply.deciding ? { deciding: reply.deciding.map((d) => ({ ...d, label: plainText(d.label) })) } : {}),
    ...(reply.error === undefined ? {} : { error: plainText(reply.error) }),
  };
}

function fail(error: string): ExplainReply {
  return { allowed: false, lines: [error], error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
