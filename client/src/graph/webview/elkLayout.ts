/**
 * Our small adapter to ELK's layered algorithm (elkjs, the Eclipse Layout Kernel compiled to JavaScript; EPL-2.0, its
 * licence ships beside the webview bundle). It knows nothing of cytoscape or the DOM: it takes boxes (a width and a
 * height per node, namespaces as parents of their workloads) and directed edges, and answers the centre of every
 * leaf node in one coordinate space, so the webview (layout.ts), the tests and the bench run the same code.
 *
 * The picture reads from left to right, the way traffic flows: where traffic comes from (Internet, VNet, node
 * network) in the first layer, then load balancers, controllers and Gateways, the workloads by namespace, and the
 * destinations outside the cluster (addresses, hosts, DNS) in the last layer. A namespace is laid out inside its box
 * first (layers wrapped into rows when long), then the boxes and the entries at the top level, with the edges that
 * cross a border lifted to the boxes, so a way in reaches a namespace from the left instead of cutting through
 * another. ELK is deterministic: the same graph gives the same picture.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';

/** Which layer a node is pinned to: the first (sources of traffic), the last (destinations outside), or free. */
export type LayoutColumn = 'first' | 'last' | undefined;

export interface LayoutBox {
  id: string;
  /** The namespace box it is drawn in. Parents are listed as boxes too (their size follows their children). */
  parent?: string;
  width: number;
  height: number;
  column?: LayoutColumn;
}

export interface LayoutLink {
  id: string;
  source: string;
  target: string;
}

export interface LayoutResult {
  /** Centre of each leaf box (parents are drawn around their children by cytoscape). */
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

const COMMON: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
};

/** The top level: entries and namespace boxes in layers, left to right. */
const ROOT_OPTIONS: LayoutOptions = {
  ...COMMON,
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '30',
  'elk.spacing.componentComponent': '40',
};

/** Inside a namespace: layers too. Room at the top for the namespace's name. */
const BOX_OPTIONS: LayoutOptions = {
  ...COMMON,
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.componentComponent': '30',
  'elk.padding': '[top=34,left=18,bottom=18,right=18]',
};

/**
 * Long layerings wrapped into rows, aiming at a drawing a little wider than high: a chain of 25 services in a
 * namespace, or 8 namespaces each calling the next, would otherwise be one row as wide as all of them. Not for a
 * few members, whose one row reads best.
 */
const WRAPPED: LayoutOptions = {
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.layered.wrapping.additionalEdgeSpacing': '10',
  'elk.aspectRatio': '1.5',
};
/** Wrap a namespace above this many members, the top level above this many namespace boxes. */
const WRAP_MEMBERS = 8;
const WRAP_BOXES = 5;

/** Above this many boxes in one layout, fewer crossing-minimisation sweeps (ELK's thoroughness 3 instead of 7). */
const LARGE = 120;

let engine: InstanceType<typeof ELK> | undefined;

/**
 * Lays the boxes out, each parent's children first (inside the parent's box, with the links between them), then the
 * level above with each parent as one box and the links lifted to the boxes at that level. Links whose ends are not
 * both boxes are ignored. ELK's own INCLUDE_CHILDREN mode does this in one pass but cannot wrap long layers.
 */
export async function layeredLayout(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Promise<LayoutResult> {
  engine ??= new ELK();
  const elk = engine;
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const parentOf = (id: string): string | undefined => {
    const parent = byId.get(id)?.parent;
    return parent !== undefined && parent !== id && byId.has(parent) ? parent : undefined;
  };
  const childrenOf = new Map<string | undefined, LayoutBox[]>();
  for (const box of boxes) {
    const parent = parentOf(box.id);
    const list = childrenOf.get(parent);
    if (list) list.push(box);
    else childrenOf.set(parent, [box]);
  }
  /** The child of `container` (undefined: the root) that holds `id`, or undefined when `id` is not inside it. */
  const childWithin = (container: string | undefined, id: string): string | undefined => {
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 64; depth++) {
      const parent = parentOf(at);
      if (parent === container) return at;
      at = parent;
    }
    return undefined;
  };
  const usable = links.filter((l) => byId.has(l.source) && byId.has(l.target) && l.source !== l.target);

  /** Relative positions (top-left) of every descendant, and the container's size. */
  const layoutIn = async (container: string | undefined): Promise<{ width: number; height: number; placed: Map<string, { x: number; y: number; width: number; height: number }> }> => {
    const members = childrenOf.get(container) ?? [];
    const inner = new Map<string, Awaited<ReturnType<typeof layoutIn>>>();
    for (const member of members) if (childrenOf.has(member.id)) inner.set(member.id, await layoutIn(member.id));
    const children: ElkNode[] = members.map((member) => {
      const size = inner.get(member.id);
      const layoutOptions: LayoutOptions = {};
      if (member.column === 'first') layoutOptions['elk.layered.layering.layerConstraint'] = 'FIRST';
      if (member.column === 'last') layoutOptions['elk.layered.layering.layerConstraint'] = 'LAST';
      return { id: member.id, width: Math.max(1, size?.width ?? member.width), height: Math.max(1, size?.height ?? member.height), layoutOptions };
    });
    const edges: ElkExtendedEdge[] = [];
    const seen = new Set<string>();
    for (const link of usable) {
      const source = childWithin(container, link.source);
      const target = childWithin(container, link.target);
      if (source === undefined || target === undefined || source === target) continue;
      const key = `${source}\u0000${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ id: `e${edges.length}`, sources: [source], targets: [target] });
    }
    let layoutOptions = container === undefined ? ROOT_OPTIONS : BOX_OPTIONS;
    if (container === undefined ? inner.size > WRAP_BOXES : members.length > WRAP_MEMBERS) layoutOptions = { ...layoutOptions, ...WRAPPED };
    if (members.length > LARGE) layoutOptions = { ...layoutOptions, 'elk.layered.thoroughness': '3' };
    const graph: ElkNode = { id: container ?? '__root__', layoutOptions, children, edges };
    const laid: ElkNode = await elk.layout(graph);
    const placed = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const child of laid.children ?? []) {
      const x = child.x ?? 0;
      const y = child.y ?? 0;
      placed.set(child.id, { x, y, width: child.width ?? 0, height: child.height ?? 0 });
      for (const [id, at] of inner.get(child.id)?.placed ?? []) placed.set(id, { ...at, x: x + at.x, y: y + at.y });
    }
    return { width: laid.width ?? 0, height: laid.height ?? 0, placed };
  };

  const root = await layoutIn(undefined);
  const positions = new Map<string, { x: number; y: number }>();
  for (const [id, at] of root.placed) if (!childrenOf.has(id)) positions.set(id, { x: at.x + at.width / 2, y: at.y + at.height / 2 });
  return { positions, width: root.width, height: root.height };
}
