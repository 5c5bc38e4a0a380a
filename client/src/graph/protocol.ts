/**
 * Messages between the graph panel (extension host, graphPanel.ts) and its webview (webview/main.ts), and the data
 * shapes of the server's `netlens/graph` and `netlens/explain` replies. Types only: both bundles import them.
 */
import type { ExplainQuery, ExplainReply, GraphData } from '../../../server/src/engine/features/graph/types';

export type { ExplainQuery, ExplainReply };

/** A place as the server sends it: a URI and an LSP range. */
export interface LspPlace {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export type Graph = GraphData<LspPlace>;

export type ViewFilter = 'all' | 'denied' | 'exposure';

/** Extension -> webview. */
export type ToWebview =
  /** `seq` grows with each graph the panel posts; the webview echoes it, with the namespace and filter it drew. */
  | { type: 'graph'; seq: number; graph: Graph; namespace: string | undefined; filter: ViewFilter }
  | { type: 'loading'; namespace: string | undefined }
  | { type: 'error'; message: string }
  | { type: 'explanation'; requestId: number; reply: ExplainReply }
  | { type: 'filter'; filter: ViewFilter };

/** Webview -> extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; place: LspPlace }
  | { type: 'explain'; requestId: number; query: ExplainQuery }
  | { type: 'setNamespace'; namespace: string | undefined }
  | { type: 'setFilter'; filter: ViewFilter }
  | { type: 'refresh' }
  /** What the webview has drawn: the graph `seq` with its namespace, and the filter applied to it. */
  | { type: 'rendered'; seq: number; namespace: string | undefined; filter: ViewFilter; nodes: number; edges: number; visibleNodes: number; visibleEdges: number; layoutMs: number };
