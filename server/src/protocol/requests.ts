/**
 * The custom requests and notifications between the Netlens language server and its clients (the VS Code extension
 * and its graph webview; any LSP client may send them). Pure types and method names: the server (lsp/), the client
 * (client/src/) and the protocol tests import this one module, so a change of a shape or a name is a type error on
 * both sides.
 *
 *   netlens/graph      GraphParams -> Graph | null         the connectivity graph (places as URI + LSP range)
 *   netlens/inventory  InventoryParams -> Inventory         what a client offers to pick from
 *   netlens/explain    ExplainParams -> ExplainReply        `netlens explain` as data
 *   netlens/status     WorkspaceStatus (server -> client)   what the server is doing and what it holds
 *
 * Parameters are one object (`{}` when there is nothing to say): a request without params is answered InvalidParams
 * by vscode-jsonrpc, as for any typed request. Fields of the wrong type are read as absent (lsp/graphRequests.ts).
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { Range } from 'vscode-languageserver-types';
import type { ExplainQuery, ExplainReply as ExplainReplyAt, GraphData } from '../engine/features/graph/types';

export type { ExplainQuery };

/** Where an object is written, for clients: a URI and a UTF-16 LSP range. */
export interface LspPlace {
  uri: string;
  range: Range;
}

/** The connectivity graph as the server sends it. */
export type Graph = GraphData<LspPlace>;

/** netlens/explain's reply: the deciding policies and rules with their places as LSP places. */
export type ExplainReply = ExplainReplyAt<LspPlace>;

export interface GraphParams {
  /** Only this namespace and the peers it connects to; absent or empty: the whole workspace. */
  namespace?: string;
}

/** Answers null when the graph could not be built (the server logs why). */
export const GraphRequest = new RequestType<GraphParams, Graph | null, void>('netlens/graph');

/** Nothing to say yet: `{}`. */
export type InventoryParams = Record<string, never>;

export interface InventoryPort {
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  name?: string;
}

export interface InventoryWorkload {
  /** The NetworkPolicy peer id (`ns/name[Kind]`): what netlens/explain accepts. */
  id: string;
  namespace: string;
  name: string;
  kind: string;
  /** Container ports of its pods, by port number. */
  ports: InventoryPort[];
}

export interface InventoryIngress {
  namespace: string;
  name: string;
  className?: string;
}

/** What a client offers to pick from (Explain Connection, the generators). */
export interface Inventory {
  /** Sorted. */
  namespaces: string[];
  workloads: InventoryWorkload[];
  ingresses: InventoryIngress[];
}

export const InventoryRequest = new RequestType<InventoryParams, Inventory, void>('netlens/inventory');

/**
 * source/destination are what the graph's ids and `netlens explain` accept: `ns/name[Kind]`, `ns/name`, an IP
 * address or CIDR, `{ingress-controller}` (as a source).
 */
export interface ExplainParams extends ExplainQuery {
  /** The namespace of a bare `name` (default `default`). */
  defaultNamespace?: string;
}

/** Bad parameters answer `{ error }` (with `lines` saying it), never an exception. */
export const ExplainRequest = new RequestType<ExplainParams, ExplainReply, void>('netlens/explain');

/**
 * What the server is doing: reading the workspace's files (the initial scan, also after a restart), checking them
 * (the first refresh after the scan, which takes seconds in a large workspace), or ready (findings published for
 * every file; sent after each analysis pass). Finding counts come from the diagnostics themselves.
 */
export type WorkspaceStatus =
  | { state: 'reading'; read: number; total: number }
  | { state: 'checking'; files: number }
  /** `resources`: the Kubernetes objects the workspace holds (0: nothing for Netlens to say). */
  | { state: 'ready'; resources: number; files: number };

/**
 * What a client puts in `initializationOptions` when it shows `netlens/status` itself (the VS Code status item): the
 * server then reports the scan there only, not also as work-done progress (two progress indicators side by side).
 */
export interface NetlensInitializationOptions {
  showsStatus?: boolean;
}

/** Server -> client; other editors ignore it. */
export const StatusNotification = new NotificationType<WorkspaceStatus>('netlens/status');
