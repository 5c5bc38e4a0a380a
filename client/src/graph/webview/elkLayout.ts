/**
 * Our small adapter to ELK's layered algorithm (elkjs, the Eclipse Layout Kernel compiled to JavaScript; EPL-2.0, its
 * licence ships beside the webview bundle). It knows nothing of cytoscape or the DOM: it takes boxes (a width and a
 * height per node, namespaces as parents of their workloads) and directed edges, and answers the centre of every
 * leaf node in one coordinate space, so the webview (layout.ts), the tests and the bench run the same code.
 *
 * The picture reads from left to right, the way traffic flows: where traffic comes from (Internet, VNet, node
 * network) in the first layer, then load balancers, controllers and Gateways, the workloads by namespace, and the
 * destinations outside the cluster (addresses, hosts, DNS) in the last layer. Edges that cross a namespace's border
 * are laid out with the whole hierarchy (INCLUDE_CHILDREN), so a way in enters the namespace box from the left
 * instead of cutting through it. ELK is deterministic: the same graph gives the same picture.
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

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.componentComponent': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
};

/** Above this many boxes, fewer crossing-minimisation sweeps (ELK's thoroughness 3 instead of 7): about half the time. */
const LARGE = 120;

/** Room inside a namespace box: its name is drawn above the children. */
const PARENT_OPTIONS: LayoutOptions = {
  'elk.padding': '[top=34,left=18,bottom=18,right=18]',
  'elk.spacing.nodeNode': '24',
};

let engine: InstanceType<typeof ELK> | undefined;

/** Lays the boxes out. Edges whose ends are not both boxes are ignored; an edge to or from a parent is kept. */
export async function layeredLayout(boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Promise<LayoutResult> {
  engine ??= new ELK();
  const nodes = new Map<string, ElkNode>();
  for (const box of boxes) {
    const layoutOptions: LayoutOptions = {};
    if (box.column === 'first') layoutOptions['elk.layered.layering.layerConstraint'] = 'FIRST';
    if (box.column === 'last') layoutOptions['elk.layered.layering.layerConstraint'] = 'LAST';
    nodes.set(box.id, { id: box.id, width: Math.max(1, box.width), height: Math.max(1, box.height), layoutOptions });
  }
  const parents = new Set<string>();
  const layoutOptions = boxes.length > LARGE ? { ...ROOT_OPTIONS, 'elk.layered.thoroughness': '3' } : ROOT_OPTIONS;
  const root: ElkNode = { id: '__root__', layoutOptions, children: [], edges: [] };
  for (const box of boxes) {
    const node = nodes.get(box.id)!;
    const parent = box.parent !== undefined && box.parent !== box.id ? nodes.get(box.parent) : undefined;
    if (parent) {
      (parent.children ??= []).push(node);
      parents.add(parent.id);
    } else {
      root.children!.push(node);
    }
  }
  for (const id of parents) {
    const parent = nodes.get(id)!;
    parent.layoutOptions = { ...parent.layoutOptions, ...PARENT_OPTIONS };
    // A parent's size is what its children need: ELK computes it.
    delete parent.width;
    delete parent.height;
  }
  const seen = new Set<string>();
  for (const link of links) {
    if (!nodes.has(link.source) || !nodes.has(link.target) || link.source === link.target || seen.has(link.id)) continue;
    seen.add(link.id);
    const edge: ElkExtendedEdge = { id: link.id, sources: [link.source], targets: [link.target] };
    root.edges!.push(edge);
  }
  const laid = await engine.layout(root);
  const positions = new Map<string, { x: number; y: number }>();
  const walk = (node: ElkNode, offsetX: number, offsetY: number): void => {
    for (const child of node.children ?? []) {
      const x = offsetX + (child.x ?? 0);
      const y = offsetY + (child.y ?? 0);
      if (child.children?.length) walk(child, x, y);
      else positions.set(child.id, { x: x + (child.width ?? 0) / 2, y: y + (child.height ?? 0) / 2 });
    }
  };
  walk(laid, 0, 0);
  return { positions, width: laid.width ?? 0, height: laid.height ?? 0 };
}
