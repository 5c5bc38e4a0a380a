/// <reference lib="dom" />
/**
 * The connectivity graph webview: receives the server's graph from the panel (graphPanel.ts), draws it with
 * cytoscape, and sends back what the user asks for (reveal a manifest, explain an edge, another namespace). It has
 * no network access (the page's Content-Security-Policy allows only this bundle and its stylesheet).
 *
 * `document.body.dataset` carries the state for end-to-end checks: `state` (loading / ready / error), `nodes`,
 * `edges`, `visibleNodes`, `visibleEdges`.
 */
import cytoscape from 'cytoscape';
import type { ExplainReply, FromWebview, Graph, ToWebview, ViewFilter } from '../protocol';
import { shapeKey, toElements, type GraphNode } from './elements';
import { layoutGraph } from './layout';
import { edgeVerdict, pairOf, type PairEdge } from './pairEdges';
import { statusLine } from './statusLine';
import { labelSizes, readPalette, stylesheet } from './theme';
import './graph.css';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(state: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const namespaceSelect = $<HTMLSelectElement>('namespace');
const filterSelect = $<HTMLSelectElement>('filter');
const status = $<HTMLSpanElement>('status');
const details = $<HTMLElement>('details');
const banner = $<HTMLElement>('banner');
const empty = $<HTMLElement>('empty');

const cy = cytoscape({
  container: $('graph'),
  style: stylesheet(readPalette()),
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 4,
  boxSelectionEnabled: false,
  selectionType: 'single',
});

let currentShape = '';
let filter: ViewFilter = 'all';
/** The graph drawn now: its sequence number and namespace, echoed in every `rendered` message. */
let drawn: { seq: number; namespace: string | undefined } = { seq: 0, namespace: undefined };
let nextRequest = 1;
let pendingExplain = 0;

renderLegend($('legend'));

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'loading':
      document.body.dataset.state = 'loading';
      status.textContent = `Loading${message.namespace ? ` ${message.namespace}` : ''}…`;
      break;
    case 'error':
      document.body.dataset.state = 'error';
      status.textContent = `Could not build the graph: ${message.message}`;
      break;
    case 'graph':
      // The panel posts graphs in order and drops replies older than its latest request; a graph older than the one
      // drawn would still be wrong to draw, so it is ignored here too.
      if (message.seq < drawn.seq) break;
      filter = message.filter;
      filterSelect.value = filter;
      drawn = { seq: message.seq, namespace: message.namespace };
      showGraph(message.graph, message.namespace, message.seq);
      break;
    case 'filter':
      filter = message.filter;
      filterSelect.value = filter;
      applyFilter(true);
      if (drawn.seq > 0) reportRendered(0);
      break;
    case 'explanation':
      if (message.requestId === pendingExplain) showExplanation(message.reply);
      break;
  }
});

namespaceSelect.addEventListener('change', () => vscode.postMessage({ type: 'setNamespace', namespace: namespaceSelect.value || undefined }));
filterSelect.addEventListener('change', () => {
  filter = filterSelect.value as ViewFilter;
  vscode.postMessage({ type: 'setFilter', filter });
  applyFilter(true);
  reportRendered(0);
});
$('fit').addEventListener('click', () => fitVisible());
$('relayout').addEventListener('click', () => {
  styleForLayout();
  void layoutGraph(cy).then(() => {
    applyFilter(true);
    restyle(false);
  });
});
$('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
// The panel changes size when it is split, moved or the window resized: the graph fills it again.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  cy.resize();
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => fitVisible(), 120);
}).observe($('graph'));
// VS Code switches the body's theme class (vscode-light, vscode-dark, vscode-high-contrast) when the theme changes.
new MutationObserver(() => restyle(true)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

cy.on('tap', 'node', (event) => {
  const node = event.target.data('ref') as GraphNode;
  showNode(node);
  if ('place' in node && node.place) vscode.postMessage({ type: 'reveal', place: node.place });
});
cy.on('tap', 'edge', (event) => showEdge(event.target.data('ref') as PairEdge));
cy.on('tap', (event) => {
  if (event.target === cy) {
    cy.elements().removeClass('faded');
    fitVisible();
  }
});
// Edge labels appear on hover and selection (and always on denied lines): at 50 workloads, labels drawn everywhere
// covered the node names.
cy.on('mouseover', 'node.workload, node.entry', (event) => {
  const node = event.target as cytoscape.NodeSingular;
  const keep = node.closedNeighborhood().union(node.closedNeighborhood().parents());
  cy.elements().not(keep).addClass('faded');
  node.connectedEdges().addClass('labelled');
});
cy.on('mouseout', 'node', () => {
  cy.elements().removeClass('faded');
  cy.edges().removeClass('labelled');
});
cy.on('mouseover', 'edge', (event) => (event.target as cytoscape.EdgeSingular).addClass('labelled'));
cy.on('mouseout', 'edge', (event) => (event.target as cytoscape.EdgeSingular).removeClass('labelled'));
// Labels keep a readable size on screen as the zoom changes (namespace names always; others down to a limit).
cy.on('zoom', () => restyle(false));

let palette = readPalette();
let appliedSizes = '';
let restylePending = false;
function restyle(themeChanged: boolean): void {
  if (themeChanged) {
    palette = readPalette();
    appliedSizes = '';
  }
  if (restylePending) return;
  restylePending = true;
  requestAnimationFrame(() => {
    restylePending = false;
    const sizes = labelSizes(cy.zoom());
    const key = JSON.stringify(sizes);
    if (key === appliedSizes) return;
    appliedSizes = key;
    cy.style(stylesheet(palette, sizes));
  });
}

/**
 * Labels grow as the graph is zoomed out (labelSizes), so the layout measures each node with its label at the largest
 * size it can take: a zoom that follows the fit then never makes two labels overlap. Applied now, not on the next frame.
 */
function styleForLayout(): void {
  const sizes = labelSizes(0);
  appliedSizes = JSON.stringify(sizes);
  cy.style(stylesheet(palette, sizes));
}

// For end-to-end checks (test/e2e/ui/): where an element is drawn, in the webview's page coordinates, so that a
// check can click it like a person would.
(window as unknown as { netlensGraph: unknown }).netlensGraph = {
  positionOf(id: string): { x: number; y: number } | undefined {
    // A server edge is drawn as part of its pair's line.
    const pair = cy.getElementById(id).empty() ? pairOf(cy.edges().map((e) => e.data('ref') as PairEdge), id) : undefined;
    const element = cy.getElementById(pair ? pair.id : id);
    if (element.empty() || element.hasClass('hidden')) return undefined;
    const point = element.isEdge() ? (element as cytoscape.EdgeSingular).renderedMidpoint() : (element as cytoscape.NodeSingular).renderedPosition();
    const box = $('graph').getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  },
};

vscode.postMessage({ type: 'ready' });

function showGraph(next: Graph, namespace: string | undefined, seq: number): void {
  fillNamespaces(next.allNamespaces, namespace);
  const shape = shapeKey(next);
  if (shape !== currentShape) {
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toElements(next));
    });
    currentShape = shape;
    styleForLayout();
    // ELK answers asynchronously: a newer graph may arrive meanwhile, and then this one is not finished.
    void layoutGraph(cy, () => drawn.seq === seq).then((layoutMs) => {
      if (drawn.seq === seq) finishGraph(next, layoutMs, true);
    });
    return;
  }
  // Same nodes and edges: keep the positions, refresh what they say.
  cy.batch(() => {
    for (const element of toElements(next)) {
      const existing = cy.getElementById(String(element.data.id));
      existing.data({ ...element.data });
      existing.classes(element.classes as string[]);
    }
  });
  finishGraph(next, 0, false);
}

function finishGraph(next: Graph, layoutMs: number, laidOut: boolean): void {
  applyFilter(laidOut);
  restyle(false);
  status.textContent = statusLine(next);
  status.title = status.textContent;
  banner.replaceChildren(...next.notes.map((note) => paragraph(note)));
  banner.hidden = next.notes.length === 0;
  const nothing = cy.nodes().length === 0;
  empty.hidden = !nothing;
  if (nothing) {
    empty.textContent = next.namespace
      ? `Nothing to draw in namespace ${next.namespace}: no workload is defined there.`
      : 'Nothing to draw: the workspace defines no workload (Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod).';
  }
  const visible = cy.elements().not('.hidden');
  Object.assign(document.body.dataset, {
    state: 'ready',
    layoutMs: String(layoutMs),
    nodes: String(cy.nodes().length),
    edges: String(drawnServerEdges()),
    lines: String(cy.edges().length),
    visibleNodes: String(visible.nodes().length),
    visibleEdges: String(visible.edges().length),
  });
  reportRendered(layoutMs);
}

/** The server's edges drawn, each as part of its pair's line. */
function drawnServerEdges(): number {
  return cy.edges().reduce((n, edge) => n + (edge.data('ref') as PairEdge).parts.length, 0);
}

function fitVisible(): void {
  const visible = cy.elements().not('.hidden');
  if (visible.length) cy.fit(visible, 40);
}

/** Tells the panel what is drawn: which graph (seq, namespace), with which filter, and what is visible. */
function reportRendered(layoutMs: number): void {
  const visible = cy.elements().not('.hidden');
  document.body.dataset.seq = String(drawn.seq);
  vscode.postMessage({ type: 'rendered', seq: drawn.seq, namespace: drawn.namespace, filter, nodes: cy.nodes().length, edges: drawnServerEdges(), visibleNodes: visible.nodes().length, visibleEdges: visible.edges().length, layoutMs });
}

function fillNamespaces(all: readonly string[], selected: string | undefined): void {
  const wanted = ['', ...all];
  if (selected && !all.includes(selected)) wanted.push(selected);
  const have = Array.from(namespaceSelect.options, (o) => o.value);
  if (have.join('\u0000') !== wanted.join('\u0000')) {
    namespaceSelect.replaceChildren(
      ...wanted.map((ns) => {
        const option = document.createElement('option');
        option.value = ns;
        option.textContent = ns || 'All namespaces';
        return option;
      }),
    );
  }
  namespaceSelect.value = selected ?? '';
}

/** Hides what the filter leaves out: only denied dependencies, or only ways in, with their ends and namespaces. */
function applyFilter(fit: boolean): void {
  cy.batch(() => {
    cy.elements().removeClass('hidden');
    if (filter === 'all') return;
    const edges = filter === 'denied' ? cy.edges('.denied-dependency') : cy.edges('.exposure');
    const ends = edges.connectedNodes();
    const keep = edges.union(ends).union(ends.ancestors());
    cy.elements().not(keep).addClass('hidden');
  });
  const visible = cy.elements().not('.hidden');
  Object.assign(document.body.dataset, { visibleNodes: String(visible.nodes().length), visibleEdges: String(visible.edges().length), filter });
  if (filter !== 'all' && visible.length === 0) {
    details.replaceChildren(paragraph(filter === 'denied' ? 'No declared dependency is denied by the NetworkPolicies here.' : 'Nothing here is reachable from outside the cluster.', 'hint'));
  }
  if (fit) fitVisible();
}

function showNode(node: GraphNode): void {
  const parts: HTMLElement[] = [];
  switch (node.type) {
    case 'workload': {
      parts.push(heading(`${node.kind} ${node.namespace}/${node.name}`));
      parts.push(list([
        `${node.pods}${node.definitions > 1 ? ` (${node.definitions} definitions in the workspace)` : ''}`,
        node.isolated.ingress ? 'Ingress: isolated, only admitted sources may connect' : 'Ingress: open, no NetworkPolicy isolates it',
        node.isolated.egress ? 'Egress: isolated, only admitted destinations' : 'Egress: open',
        node.exposure === 'none' ? 'Not exposed outside the cluster' : `Exposed: ${node.exposure}`,
        node.clusterExposure === 'entire-cluster'
          ? 'Any pod of the cluster may connect (also pods the workspace does not hold)'
          : node.clusterExposure === 'selectors'
            ? 'Pods of namespaces or labels a rule names may connect, beyond the workspace (hover the workload for which)'
            : 'Only workloads of the workspace may connect',
        node.ports.length ? `Ports: ${node.ports.map((p) => `${p.protocol} ${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ')}` : 'No declared container ports',
      ]));
      break;
    }
    case 'namespace':
      parts.push(heading(`Namespace ${node.name}`));
      parts.push(list([`${node.workloads} workloads shown`, `${node.policies} NetworkPolicies`]));
      break;
    default:
      parts.push(heading(node.label));
      parts.push(paragraph(node.detail));
  }
  details.replaceChildren(...parts);
}

const PART_TITLES: Record<PairEdge['parts'][number]['kind'], string> = {
  policy: 'Allowed by NetworkPolicies',
  dependency: 'Declared dependency',
  exposure: 'Way in from outside',
};

const VERDICT_WORDS = { allowed: 'allowed', unknown: 'unknown, it depends on facts the manifests do not state', denied: 'DENIED' } as const;

/** A line's details: each part it merges (policy, dependencies, way in) with its verdict, then the explanation. */
function showEdge(pair: PairEdge): void {
  const parts: HTMLElement[] = [heading(`${nameOf(pair.source)} → ${nameOf(pair.target)}`)];
  for (const part of pair.parts) {
    const section = document.createElement('section');
    section.className = `part ${edgeVerdict(part)}`;
    const title = part.kind === 'policy' ? PART_TITLES.policy : `${PART_TITLES[part.kind]}: ${VERDICT_WORDS[edgeVerdict(part)]}`;
    section.append(paragraph(title, 'part-title'), paragraph(part.detail));
    if (part.kind === 'dependency') {
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = 'Open the reference';
      open.addEventListener('click', () => vscode.postMessage({ type: 'reveal', place: part.place }));
      section.append(open);
    }
    parts.push(section);
  }
  // The part that decides the line's look is the one explained (a denied dependency before an allowed policy).
  const explained = pair.parts.filter((p) => p.explain).sort((a, b) => rank(edgeVerdict(b)) - rank(edgeVerdict(a)))[0];
  if (explained?.explain) {
    pendingExplain = nextRequest++;
    vscode.postMessage({ type: 'explain', requestId: pendingExplain, query: explained.explain });
    const waiting = paragraph('Explaining…', 'hint');
    waiting.id = 'explanation';
    parts.push(waiting);
  } else {
    pendingExplain = 0;
  }
  details.replaceChildren(...parts);
}

function rank(verdict: PairEdge['verdict']): number {
  return verdict === 'denied' ? 2 : verdict === 'unknown' ? 1 : 0;
}

/** A node's name as the details pane says it: the workload's kind and name, an entry's label. */
function nameOf(id: string): string {
  const node = cy.getElementById(id).data('ref') as GraphNode | undefined;
  if (!node) return id;
  if (node.type === 'workload') return `${node.kind} ${node.namespace}/${node.name}`;
  if (node.type === 'namespace') return `every workload of namespace ${node.name}`;
  return node.label;
}

/** The model's decision trail in words: its first line (the question and verdict), then each step as a list item. */
function showExplanation(reply: ExplainReply): void {
  const target = document.getElementById('explanation');
  const box = document.createElement('section');
  box.id = 'explanation';
  const verdict = reply.error ? 'error' : (reply.verdict ?? (reply.allowed ? 'allowed' : 'denied'));
  box.className = `explanation ${verdict}`;
  const [first, ...rest] = reply.lines;
  box.append(paragraph(first ?? '', 'verdict'));
  const steps = rest.map((line) => line.trim()).filter((line) => line.length > 0);
  if (steps.length) box.append(list(steps));
  // The policies and rules that decide, each a link that opens its file at the place (the server's reply carries it).
  if (reply.deciding?.length) {
    box.append(paragraph('Decided by', 'part-title'));
    const ul = document.createElement('ul');
    ul.className = 'deciding';
    for (const part of reply.deciding) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#';
      link.className = 'place';
      link.textContent = part.label;
      link.title = 'Open where it is written';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        vscode.postMessage({ type: 'reveal', place: part.place });
      });
      li.append(link);
      ul.append(li);
    }
    box.append(ul);
  }
  if (target) target.replaceWith(box);
  else details.append(box);
}

function heading(text: string): HTMLElement {
  const h = document.createElement('h2');
  h.textContent = text;
  return h;
}

function paragraph(text: string, className?: string): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function list(items: readonly string[]): HTMLElement {
  const ul = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item;
    ul.append(li);
  }
  return ul;
}

/** The legend, drawn with small SVG shapes that match the graph's (shape and colour both carry the meaning). */
function renderLegend(root: HTMLElement): void {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = (build: (svg: SVGSVGElement) => void): SVGSVGElement => {
    const el = document.createElementNS(NS, 'svg');
    el.setAttribute('viewBox', '0 0 28 16');
    el.setAttribute('width', '28');
    el.setAttribute('height', '16');
    el.setAttribute('aria-hidden', 'true');
    build(el);
    return el;
  };
  const shape = (tag: string, attributes: Record<string, string>, className: string) => (el: SVGSVGElement) => {
    const child = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attributes)) child.setAttribute(k, v);
    child.setAttribute('class', className);
    el.append(child);
  };
  const line = (className: string) => shape('line', { x1: '2', y1: '8', x2: '26', y2: '8' }, className);
  // Every node type the server sends has a row (EntryType in the graph types), and every line style.
  const rows: [SVGSVGElement, string][] = [
    [svg(shape('rect', { x: '7', y: '1', width: '14', height: '14', rx: '3' }, 'isolated')), 'Isolated for ingress: only admitted sources connect'],
    [svg(shape('circle', { cx: '14', cy: '8', r: '7' }, 'open')), 'Open: no policy isolates its ingress'],
    [svg(shape('rect', { x: '7', y: '1', width: '14', height: '14', rx: '3' }, 'isolated egress')), 'Double border: also isolated for egress'],
    [svg(shape('circle', { cx: '14', cy: '8', r: '5' }, 'open exposed')), 'Ring: reachable from outside the cluster'],
    [svg((el) => (shape('circle', { cx: '14', cy: '8', r: '8' }, 'halo')(el), shape('circle', { cx: '14', cy: '8', r: '5' }, 'isolated')(el))), 'Halo: any pod of the cluster (strong) or pods selected by a rule (faint) may connect'],
    [svg(shape('polygon', { points: '8,2 20,2 25,8 20,14 8,14 3,8' }, 'entry')), 'Internet, VNet, node network'],
    [svg(shape('polygon', { points: '14,1 25,15 3,15' }, 'entry')), 'Azure load balancer (L4)'],
    [svg(shape('polygon', { points: '3,2 19,2 25,8 19,14 3,14' }, 'entry')), 'Ingress controller (L7)'],
    [svg(shape('polygon', { points: '14,1 25,7 21,15 7,15 3,7' }, 'entry')), 'Gateway (Gateway API)'],
    [svg(shape('rect', { x: '3', y: '2', width: '22', height: '12', rx: '5' }, 'outside')), 'Outside the cluster: addresses, declared hosts'],
    [svg(shape('polygon', { points: '14,1 24,8 14,15 4,8' }, 'outside')), 'Cluster DNS'],
    [svg(shape('rect', { x: '1', y: '1', width: '26', height: '14', rx: '3' }, 'namespace-box')), 'Namespace (dashed: shown for its connections)'],
    [svg(line('edge-policy')), 'Allowed by NetworkPolicies (ports)'],
    [svg(line('edge-dependency')), 'Declared dependency, allowed'],
    [svg(line('edge-exposure')), 'Way in from outside'],
    [svg(line('edge-unknown')), 'Dashed: unknown, depends on the cluster'],
    [svg(line('edge-denied')), 'Red, dotted, bar: DENIED or blocked'],
  ];
  const ul = document.createElement('ul');
  for (const [icon, text] of rows) {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = text;
    li.append(icon, label);
    ul.append(li);
  }
  root.replaceChildren(ul);
  // In a narrow panel the legend starts folded, leaving the room to the details.
  if (window.innerWidth < 700) ($('legend-box') as HTMLDetailsElement).open = false;
}
