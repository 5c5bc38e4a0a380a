/**
 * Messages between the graph panel (extension host, graphPanel.ts) and its webview (webview/main.ts). Types only:
 * both bundles import them. The server's replies they carry are shaped by the protocol module.
 */
import type { ExplainQuery, ExplainReply, Graph, LspPlace } from '../../../server/src/protocol/requests';

export type { ExplainQuery, ExplainReply, Graph, LspPlace };

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
