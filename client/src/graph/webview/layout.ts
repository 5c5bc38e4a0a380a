/// <reference lib="dom" />
/**
 * Layout: fCoSE (a force-directed layout that handles compound nodes well) places the namespaces with their
 * workloads, load balancers and Gateways; the cluster-wide entries are then put in two columns on the left, each
 * node at the height of what it connects to, so that traffic reads from left to right: Internet / VNet / node
 * network, then ingress controllers and addresses outside the cluster.
 */
import type cytoscape from 'cytoscape';
import { ENTRY_TYPES } from './elements';

const COLUMN_GAP = 160;
const ROW_GAP = 70;
/** Above this many nodes, fCoSE runs in draft quality (about 3x faster, still readable). */
const DRAFT_ABOVE = 600;

const FIRST_COLUMN: ReadonlySet<string> = new Set(['internet', 'vnet', 'nodes']);
/** The second column: cluster-wide ways in (an ingress controller serves every namespace) and outside addresses. */
const SECOND_COLUMN: ReadonlySet<string> = new Set(['ingress-controller', 'external']);

export function isEntry(node: cytoscape.NodeSingular): boolean {
  return ENTRY_TYPES.has(String((node.data('ref') as { type?: string } | undefined)?.type));
}

/** Pinned to the left columns: where traffic comes from. Load balancers and Gateways are laid out in their namespace. */
function isSource(node: cytoscape.NodeSingular): boolean {
  const type = String((node.data('ref') as { type?: string } | undefined)?.type);
  return FIRST_COLUMN.has(type) || SECOND_COLUMN.has(type);
}

/** Lays the graph out; returns the milliseconds it took. */
export function layoutGraph(cy: cytoscape.Core): number {
  const started = performance.now();
  const entries = cy.nodes().filter(isSource);
  const inner = cy.elements().filter((el) => (el.isNode() ? !isSource(el) : !isSource((el as cytoscape.EdgeSingular).source()) && !isSource((el as cytoscape.EdgeSingular).target())));
  if (inner.nodes().length > 0) {
    const count = inner.nodes().length;
    inner
      .layout({
        name: 'fcose',
        quality: count > DRAFT_ABOVE ? 'draft' : 'default',
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: true,
        packComponents: true,
        tile: true,
        tilingPaddingVertical: 24,
        tilingPaddingHorizontal: 24,
        nodeRepulsion: () => 4500,
        idealEdgeLength: () => 60,
        edgeElasticity: () => 0.45,
        nestingFactor: 0.1,
        gravity: 0.25,
        gravityCompound: 1.0,
        numIter: count > DRAFT_ABOVE ? 1500 : 2500,
      } as cytoscape.LayoutOptions)
      .run();
  }
  placeEntries(entries, inner.nodes());
  cy.fit(cy.elements().not('.hidden'), 50);
  return Math.round(performance.now() - started);
}

function placeEntries(entries: cytoscape.NodeCollection, inner: cytoscape.NodeCollection): void {
  if (entries.length === 0) return;
  const box = inner.length ? inner.boundingBox({}) : { x1: 0, y1: 0, x2: 0, y2: 0, h: 0, w: 0 };
  const centre = (box.y1 + box.y2) / 2;
  const second = entries.filter((n) => SECOND_COLUMN.has(String(n.data('ref').type)));
  const first = entries.filter((n) => FIRST_COLUMN.has(String(n.data('ref').type)));
  placeColumn(second, box.x1 - COLUMN_GAP, centre, (n) => n.neighborhood().nodes().filter((m) => !isSource(m)));
  placeColumn(first, box.x1 - (second.length ? 2 : 1) * COLUMN_GAP, centre, (n) => n.neighborhood().nodes());
}

/** Puts the nodes in one column at x, each near the mean height of its neighbours, at least ROW_GAP apart. */
function placeColumn(nodes: cytoscape.NodeCollection, x: number, centre: number, neighbours: (n: cytoscape.NodeSingular) => cytoscape.NodeCollection): void {
  if (nodes.length === 0) return;
  const wanted = nodes.map((n) => {
    const around = neighbours(n);
    const y = around.length ? around.reduce((sum, m) => sum + m.position('y'), 0) / around.length : centre;
    return { node: n, wanted: y, y };
  });
  wanted.sort((a, b) => a.wanted - b.wanted || a.node.id().localeCompare(b.node.id()));
  let last = -Infinity;
  for (const entry of wanted) {
    entry.y = Math.max(entry.y, last + ROW_GAP);
    last = entry.y;
  }
  // Centre the column on its wanted positions again after pushing nodes apart.
  const shift = wanted.reduce((s, e) => s + e.y - e.wanted, 0) / wanted.length;
  for (const entry of wanted) entry.node.position({ x, y: entry.y - shift });
}
