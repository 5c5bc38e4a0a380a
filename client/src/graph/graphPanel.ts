/**
 * The connectivity graph panel: one webview (reused when asked again) that draws what the server's `netlens/graph`
 * answers. The webview is a bundled script (dist/graph.js, cytoscape + elkjs, no CDN) under a strict
 * Content-Security-Policy: nothing but our own bundle and stylesheet, scripts only with the page's nonce.
 *
 * The panel asks the server for the graph when it opens, when the namespace changes, and when diagnostics or
 * manifests change while it is open (debounced: diagnostics arrive per file, a workspace edit publishes many at once). A click
 * on a node reveals its manifest; a click on an edge asks `netlens/explain` and shows the trail in the webview.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LSPErrorCodes, type LanguageClient } from 'vscode-languageclient/node';
import { ExplainRequest, GraphRequest } from '../../../server/src/protocol/requests';
import { graphPageHtml } from './page';
import type { ExplainQuery, ExplainReply, FromWebview, LspPlace, ToWebview, ViewFilter } from './protocol';

export const GRAPH_VIEW_TYPE = 'netlens.connectivityGraph';
/** Wait this long after the last diagnostics change before asking for the graph again. */
const REFRESH_DEBOUNCE_MS = 700;
const FILE_EVENT_FOLLOW_UP_MS = 3000;

export interface GraphOptions {
  namespace?: string;
  filter?: ViewFilter;
}

/** What the webview last drew, for tests and the status line. */
export interface RenderedGraph {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  layoutMs: number;
  /** Which graph was drawn (the panel's sequence number of the reply), for which namespace, with which filter. */
  seq: number;
  namespace: string | undefined;
  filter: ViewFilter;
}

/** Owns the (at most one) graph panel. Created once by `activate`. */
export class GraphPanels implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private namespace: string | undefined;
  private filter: ViewFilter = 'all';
  private pending: NodeJS.Timeout | undefined;
  private followUp: NodeJS.Timeout | undefined;
  private stale = false;
  private generation = 0;
  /** Sequence number of the last graph posted to the webview. */
  private postedSeq = 0;
  /** Cancels the graph request still computing when a newer one is sent. */
  private inFlight: vscode.CancellationTokenSource | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedGraph>();
  /** Fires each time the webview has drawn a graph (after layout). */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: RenderedGraph | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {
    // Diagnostics change after most edits; a manifest that adds a workload without any finding changes none, so
    // file events and edits of YAML/JSON documents count too.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}');
    const refresh = () => this.scheduleRefresh();
    // The server hears of a file event when we do and may still be reading the files when the debounced refresh
    // asks: one more refresh a little later catches what it read since (the server keeps the graph when nothing
    // changed, so an extra request is cheap).
    const fileEvent = () => {
      refresh();
      if (this.followUp) clearTimeout(this.followUp);
      this.followUp = setTimeout(() => {
        this.followUp = undefined;
        refresh();
      }, FILE_EVENT_FOLLOW_UP_MS);
    };
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(refresh),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (/\.(ya?ml|json)$/i.test(event.document.uri.path) && event.contentChanges.length) refresh();
      }),
      watcher,
      watcher.onDidCreate(fileEvent),
      watcher.onDidChange(fileEvent),
      watcher.onDidDelete(fileEvent),
      this.renderedEmitter,
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel (or brings it forward) with the given namespace and filter. */
  async show(options: GraphOptions = {}): Promise<void> {
    if ('namespace' in options) this.namespace = options.namespace || undefined;
    if (options.filter) this.filter = options.filter;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post({ type: 'filter', filter: this.filter });
      await this.refresh();
      return;
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Connectivity Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [dist],
      retainContextWhenHidden: true,
    });
    this.panel = panel;
    panel.webview.html = pageHtml(panel.webview, dist);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.lastRendered = undefined;
    });
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.refresh();
    });
    panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message));
  }

  /** Asks the server for the graph and sends it to the webview. */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.stale = false;
    const generation = ++this.generation;
    const namespace = this.namespace;
    // A newer request makes the older one useless: cancel it, so the server stops computing it (it works in slices).
    this.inFlight?.cancel();
    const cancellation = (this.inFlight = new vscode.CancellationTokenSource());
    this.post({ type: 'loading', namespace });
    try {
      const client = this.client();
      if (!client) throw new Error('the Netlens language server is not running');
      const graph = await client.sendRequest(GraphRequest, namespace ? { namespace } : {}, cancellation.token);
      if (generation !== this.generation || !this.panel) return; // a newer request is on its way
      if (!graph) throw new Error('the server could not build the graph; see the Kube Netlens output');
      panel.title = namespace ? `Connectivity: ${namespace}` : 'Connectivity Graph';
      this.post({ type: 'graph', seq: ++this.postedSeq, graph, namespace, filter: this.filter });
    } catch (error) {
      if (generation !== this.generation) return; // cancelled or overtaken by a newer request
      const code = (error as { code?: unknown }).code;
      if (code === LSPErrorCodes.ContentModified || code === LSPErrorCodes.RequestCancelled) {
        // The workspace kept changing while the server computed the graph: ask again once the edits settle.
        this.scheduleRefresh();
        return;
      }
      this.output.error(`connectivity graph: ${(error as Error).message}`);
      this.post({ type: 'error', message: (error as Error).message });
    } finally {
      if (this.inFlight === cancellation) this.inFlight = undefined;
      cancellation.dispose();
    }
  }

  /** Explains one connection through the server (also used by the Explain Connection command). */
  async explain(query: ExplainQuery): Promise<ExplainReply> {
    const client = this.client();
    if (!client) return { allowed: false, lines: ['the Netlens language server is not running'], error: 'not running' };
    return client.sendRequest(ExplainRequest, query);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    if (this.followUp) clearTimeout(this.followUp);
    this.inFlight?.cancel();
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (this.panel?.visible) void this.refresh();
      else this.stale = true;
    }, REFRESH_DEBOUNCE_MS);
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'refresh':
        await this.refresh();
        return;
      case 'setNamespace':
        this.namespace = message.namespace || undefined;
        await this.refresh();
        return;
      case 'setFilter':
        this.filter = message.filter;
        // Echoed: a graph posted before this message arrived carries the old filter and resets the webview's; the
        // echo comes after it (messages keep their order) and puts the user's choice back.
        this.post({ type: 'filter', filter: this.filter });
        return;
      case 'reveal':
        await this.reveal(message.place);
        return;
      case 'explain': {
        let reply: ExplainReply;
        try {
          reply = await this.explain(message.query);
        } catch (error) {
          reply = { allowed: false, lines: [(error as Error).message], error: (error as Error).message };
        }
        this.post({ type: 'explanation', requestId: message.requestId, reply });
        return;
      }
      case 'rendered': {
        // What the webview says it drew, not what the panel wants now: a render of an older graph that arrives after
        // the namespace or filter changed must not pass for the new one (the e2e graph tests saw 12 edges for 1).
        const { type: _type, ...rendered } = message;
        if (this.lastRendered && rendered.seq < this.lastRendered.seq) return;
        this.lastRendered = rendered;
        this.renderedEmitter.fire(this.lastRendered);
        return;
      }
    }
  }

  /** Opens the manifest at the place, in another editor column than the graph's. */
  private async reveal(place: LspPlace): Promise<void> {
    const range = new vscode.Range(place.range.start.line, place.range.start.character, place.range.end.line, place.range.end.character);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.parse(place.uri), { selection: range, viewColumn: column, preserveFocus: false });
  }
}

function pageHtml(webview: vscode.Webview, dist: vscode.Uri): string {
  return graphPageHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graph.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graph.css')).toString(),
    nonce: randomBytes(16).toString('base64'),
  });
}
