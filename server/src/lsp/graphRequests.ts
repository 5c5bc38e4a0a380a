/**
 * Custom requests for the connectivity graph (any LSP client may send them; the VS Code client's webview does):
 *
 *   netlens/graph    { namespace?: string }
 *                    -> GraphData (engine/features/graph/types.ts) whose places are `{ uri, range }`
 *   netlens/inventory {} -> { namespaces, workloads: [{ id, namespace, name, kind, ports }], ingresses: [{ namespace,
 *                    name, className? }] }: what a client offers to pick from (Explain Connection, generators).
 *   netlens/explain  { source, destination, port?, protocol?, defaultNamespace? }
 *                    -> { allowed, lines, error? }: `netlens explain` as data. source/destination are what the graph's
 *                       ids and `netlens explain` accept: `ns/name[Kind]`, `ns/name`, an IP address or CIDR,
 *                       `{ingress-controller}` (as a source).
 *
 * Both answer from the analysis as it is when the request arrives; the graph is kept by the index until a kind it
 * reads changes (engine/features/graph.ts). Bad parameters answer an error reply, never an exception.
 */
import type { Range } from 'vscode-languageserver/node';
import { connectivityGraph, type EnginePlace, type ExplainReply, type GraphData, type GraphEdge, type GraphNode } from '../engine/features/graph';
import { netpolModelFor } from '../engine/features/netpolModel';
import type { Protocol } from '../engine/model/resources';
import { explainReach } from '../engine/netpol/explainText';
import { reach, resolveEndpoint } from '../engine/netpol/reach';
import { toRange } from './convert';
import type { FeatureHost } from './features';

export const GRAPH_REQUEST = 'netlens/graph';
export const EXPLAIN_REQUEST = 'netlens/explain';
export const INVENTORY_REQUEST = 'netlens/inventory';

export interface Inventory {
  namespaces: string[];
  workloads: { id: string; namespace: string; name: string; kind: string; ports: { port: number; protocol: Protocol; name?: string }[] }[];
  ingresses: { namespace: string; name: string; className?: string }[];
}

/** Where an object is written, for clients. */
export interface LspPlace {
  uri: string;
  range: Range;
}

export interface GraphParams {
  namespace?: string;
}

export interface ExplainParams {
  source: string;
  destination: string;
  port?: number;
  protocol?: string;
  defaultNamespace?: string;
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function registerGraphRequests(host: FeatureHost): void {
  const { connection } = host;
  connection.onRequest(GRAPH_REQUEST, (params: unknown): GraphData<LspPlace> | null => {
    try {
      return graphFor(host, readGraphParams(params));
    } catch (error) {
      connection.console.error(`${GRAPH_REQUEST} failed: ${(error as Error).stack ?? String(error)}`);
      return null;
    }
  });
  connection.onRequest(INVENTORY_REQUEST, (): Inventory => {
    try {
      return inventory(host);
    } catch (error) {
      connection.console.error(`${INVENTORY_REQUEST} failed: ${(error as Error).stack ?? String(error)}`);
      return { namespaces: [], workloads: [], ingresses: [] };
    }
  });
  connection.onRequest(EXPLAIN_REQUEST, (params: unknown): ExplainReply => {
    try {
      return explain(host, params);
    } catch (error) {
      connection.console.error(`${EXPLAIN_REQUEST} failed: ${(error as Error).stack ?? String(error)}`);
      return { allowed: false, lines: ['internal error; see the server log'], error: 'internal error' };
    }
  });
}

function readGraphParams(params: unknown): { namespace?: string } {
  const namespace = isRecord(params) && typeof params.namespace === 'string' && params.namespace !== '' ? params.namespace : undefined;
  return namespace === undefined ? {} : { namespace };
}

export function graphFor(host: Pick<FeatureHost, 'analysis' | 'uriOf'>, query: { namespace?: string }): GraphData<LspPlace> {
  const graph = connectivityGraph(host.analysis.index, query);
  const place = (p: EnginePlace): LspPlace => ({ uri: host.uriOf(p.file), range: toRange(host.analysis.lineIndex(p.file), p.span) });
  // The engine's graph is shared (cached by the index): build new objects, never mutate it.
  const nodes = graph.nodes.map((node): GraphNode<LspPlace> => {
    if (node.type === 'namespace') return node;
    if (node.type === 'workload') return { ...node, place: place(node.place) };
    const { place: at, ...rest } = node;
    return at ? { ...rest, place: place(at) } : rest;
  });
  const edges = graph.edges.map((edge): GraphEdge<LspPlace> => (edge.kind === 'dependency' ? { ...edge, place: place(edge.place) } : edge));
  return { ...graph, nodes, edges };
}

export function inventory(host: Pick<FeatureHost, 'analysis'>): Inventory {
  const index = host.analysis.index;
  const model = netpolModelFor(index);
  const workloads = model.peers.map((peer) => {
    const ports = new Map<string, Inventory['workloads'][number]['ports'][number]>();
    for (const cls of peer.classes) {
      for (const p of cls.ports) {
        const entry: Inventory['workloads'][number]['ports'][number] = { port: p.containerPort, protocol: p.protocol };
        if (p.name) entry.name = p.name;
        if (!ports.has(`${p.protocol}/${p.containerPort}`)) ports.set(`${p.protocol}/${p.containerPort}`, entry);
      }
    }
    return { id: peer.id, namespace: peer.namespace, name: peer.name, kind: peer.kind, ports: [...ports.values()].sort((a, b) => a.port - b.port) };
  });
  const namespaces = [...new Set([...index.namespaceNames(), ...workloads.map((w) => w.namespace)])].sort();
  const ingresses = index.ofKind('Ingress').map((i) => {
    const className = i.ingressClassName ?? i.annotations['kubernetes.io/ingress.class'];
    return className ? { namespace: i.namespace, name: i.name, className } : { namespace: i.namespace, name: i.name };
  });
  return { namespaces, workloads, ingresses };
}

export function explain(host: Pick<FeatureHost, 'analysis'>, params: unknown): ExplainReply {
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
  const model = netpolModelFor(host.analysis.index);
  const src = resolveEndpoint(model, params.source, defaultNamespace);
  if (!('endpoint' in src)) return fail(`source: ${src.error}${src.suggestion ? ` (did you mean \`${src.suggestion}\`?)` : ''}`);
  const dst = resolveEndpoint(model, params.destination, defaultNamespace);
  if (!('endpoint' in dst)) return fail(`destination: ${dst.error}${dst.suggestion ? ` (did you mean \`${dst.suggestion}\`?)` : ''}`);
  return explainReach(model, reach(model, src.endpoint, dst.endpoint), query);
}

function fail(error: string): ExplainReply {
  return { allowed: false, lines: [error], error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
