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
import fcose from 'cytoscape-fcose';
import type { ExplainReply, FromWebview, Graph, ToWebview, ViewFilter } from '../protocol';
import { shapeKey, toElements, type GraphEdge, type GraphNode } from './elements';
import { layoutGraph } from './layout';
import { labelSizes, readPalette, stylesheet } from './theme';
import './graph.css';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(state: unknown): void; getState(): unknown };

cytoscape.use(fcose as cytoscape.Ext);

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const namespaceSelect = $<HTMLSelectElement>('namespace');
const filterSelect = $<HTMLSelectElement>('filter');
const status = $<HTMLSpanElement>('status');
const details = $<HTMLElement>('details');

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
      showGraph(message.graph, message.namespace);
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
$('fit').addEventListener('click', () => cy.fit(cy.elements().not('.hidden'), 50));
$('relayout').addEventListener('click', () => {
  layoutGraph(cy);
  applyFilter(true);
});
$('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
window.addEventListener('resize', () => cy.resize());
// VS Code switches the body's theme class (vscode-light, vscode-dark, vscode-high-contrast) when the theme changes.
new MutationObserver(() => restyle(true)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

cy.on('tap', 'node', (event) => {
  const node = event.target.data('ref') as GraphNode;
  showNode(node);
  if ('place' in node && node.place) vscode.postMessage({ type: 'reveal', place: node.place });
});
cy.on('tap', 'edge', (event) => showEdge(event.target.data('ref') as GraphEdge));
cy.on('tap', (event) => {
  if (event.target === cy) cy.elements().removeClass('faded');
});
cy.on('mouseover', 'node.workload, node.entry', (event) => {
  const node = event.target as cytoscape.NodeSingular;
  const keep = node.closedNeighborhood().union(node.closedNeighborhood().parents());
  cy.elements().not(keep).addClass('faded');
});
cy.on('mouseout', 'node', () => cy.elements().removeClass('faded'));
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

// For end-to-end checks (test/e2e/ui/): where an element is drawn, in the webview's page coordinates, so that a
// check can click it like a person would.
(window as unknown as { netlensGraph: unknown }).netlensGraph = {
  positionOf(id: string): { x: number; y: number } | undefined {
    const element = cy.getElementById(id);
    if (element.empty() || element.hasClass('hidden')) return undefined;
    const point = element.isEdge() ? (element as cytoscape.EdgeSingular).renderedMidpoint() : (element as cytoscape.NodeSingular).renderedPosition();
    const box = $('graph').getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  },
};

vscode.postMessage({ type: 'ready' });

function showGraph(next: Graph, namespace: string | undefined): void {
  fillNamespaces(next.allNamespaces, namespace);
  const shape = shapeKey(next);
  let layoutMs = 0;
  if (shape !== currentShape) {
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toElements(next));
    });
    layoutMs = layoutGraph(cy);
    currentShape = shape;
  } else {
    // Same nodes and edges: keep the positions, refresh what they say.
    cy.batch(() => {
      for (const element of toElements(next)) {
        const existing = cy.getElementById(String(element.data.id));
        existing.data({ ...element.data });
        existing.classes(element.classes as string[]);
      }
    });
  }
  applyFilter(layoutMs > 0);
  restyle(false);
  const stats = next.stats;
  const parts = [
    `${stats.workloads} workloads`,
    `${stats.policyEdges} policy edges`,
    `${stats.dependencies} declared dependencies (${stats.deniedDependencies} denied)`,
    `${stats.exposureEdges} exposure edges`,
  ];
  if (stats.openPairs) parts.push(`${stats.openPairs} open pairs not drawn`);
  status.textContent = parts.join(' · ') + (next.notes.length ? ` — ${next.notes.join(' ')}` : '');
  status.title = next.notes.join('\n');
  const visible = cy.elements().not('.hidden');
  Object.assign(document.body.dataset, {
    state: 'ready',
    layoutMs: String(layoutMs),
    nodes: String(cy.nodes().length),
    edges: String(cy.edges().length),
    visibleNodes: String(visible.nodes().length),
    visibleEdges: String(visible.edges().length),
  });
  reportRendered(layoutMs);
}

/** Tells the panel what is drawn: which graph (seq, namespace), with which filter, and what is visible. */
function reportRendered(layoutMs: number): void {
  const visible = cy.elements().not('.hidden');
  document.body.dataset.seq = String(drawn.seq);
  vscode.postMessage({ type: 'rendered', seq: drawn.seq, namespace: drawn.namespace, filter, nodes: cy.nodes().length, edges: cy.edges().length, visibleNodes: visible.nodes().length, visibleEdges: visible.edges().length, layoutMs });
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
    const edges = filter === 'denied' ? cy.edges('.dependency.denied') : cy.edges('.exposure');
    const ends = edges.connectedNodes();
    const keep = edges.union(ends).union(ends.ancestors());
    cy.elements().not(keep).addClass('hidden');
  });
  const visible = cy.elements().not('.hidden');
  Object.assign(document.body.dataset, { visibleNodes: String(visible.nodes().length), visibleEdges: String(visible.edges().length), filter });
  if (filter !== 'all' && visible.length === 0) {
    details.replaceChildren(paragraph(filter === 'denied' ? 'No declared dependency is denied by the NetworkPolicies here.' : 'Nothing here is reachable from outside the cluster.', 'hint'));
  }
  if (fit && visible.length) cy.fit(visible, 50);
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

function showEdge(edge: GraphEdge): void {
  const title = edge.kind === 'policy' ? 'Allowed by NetworkPolicies' : edge.kind === 'dependency' ? `Declared dependency: ${edge.status === 'denied' ? 'DENIED' : 'allowed'}` : edge.blocked ? 'Way in from outside: blocked' : 'Way in from outside';
  const parts: HTMLElement[] = [heading(title), paragraph(edge.detail)];
  if (edge.kind === 'dependency') {
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open the reference';
    open.addEventListener('click', () => vscode.postMessage({ type: 'reveal', place: edge.place }));
    parts.push(open);
  }
  if (edge.explain) {
    pendingExplain = nextRequest++;
    vscode.postMessage({ type: 'explain', requestId: pendingExplain, query: edge.explain });
    const waiting = paragraph('Explaining…', 'hint');
    waiting.id = 'explanation';
    parts.push(waiting);
  } else {
    pendingExplain = 0;
  }
  details.replaceChildren(...parts);
}

function showExplanation(reply: ExplainReply): void {
  const target = document.getElementById('explanation');
  const pre = document.createElement('pre');
  pre.id = 'explanation';
  pre.className = reply.error ? 'error' : reply.allowed ? 'allowed' : 'denied';
  pre.textContent = reply.lines.join('\n');
  if (target) target.replaceWith(pre);
  else details.append(pre);
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
  const rows: [SVGSVGElement, string][] = [
    [svg(shape('rect', { x: '7', y: '1', width: '14', height: '14', rx: '3' }, 'isolated')), 'Isolated for ingress: only admitted sources connect'],
    [svg(shape('circle', { cx: '14', cy: '8', r: '7' }, 'open')), 'Open: no policy isolates its ingress'],
    [svg(shape('rect', { x: '7', y: '1', width: '14', height: '14', rx: '3' }, 'isolated egress')), 'Double border: also isolated for egress'],
    [svg(shape('circle', { cx: '14', cy: '8', r: '5' }, 'open exposed')), 'Ring: reachable from outside the cluster'],
    [svg(shape('polygon', { points: '8,2 20,2 25,8 20,14 8,14 3,8' }, 'entry')), 'Internet, VNet, node network'],
    [svg(shape('polygon', { points: '14,1 25,15 3,15' }, 'entry')), 'Azure load balancer (L4)'],
    [svg(shape('polygon', { points: '3,2 19,2 25,8 19,14 3,14' }, 'entry')), 'Ingress controller (L7)'],
    [svg(shape('polygon', { points: '14,1 25,7 21,15 7,15 3,7' }, 'entry')), 'Gateway (Gateway API)'],
    [svg(line('edge-policy')), 'Allowed by NetworkPolicies (ports)'],
    [svg(line('edge-dependency')), 'Declared dependency, allowed'],
    [svg(line('edge-denied')), 'Declared dependency, DENIED'],
    [svg(line('edge-exposure')), 'Way in from outside'],
    [svg(line('edge-blocked')), 'Way in blocked by policies'],
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
