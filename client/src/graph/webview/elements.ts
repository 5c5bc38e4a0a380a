/// <reference lib="dom" />
/**
 * The server's graph data as cytoscape elements: namespaces are compound (parent) nodes holding their workloads;
 * entry points stand outside them. Classes carry what the stylesheet draws (isolated-ingress, isolated-egress,
 * exposed, denied, blocked, ...); `data.ref` keeps the server's object for the details pane.
 */
import type cytoscape from 'cytoscape';
import type { Graph } from '../protocol';

export type GraphNode = Graph['nodes'][number];
export type GraphEdge = Graph['edges'][number];

export function toElements(graph: Graph): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const node of graph.nodes) {
    const classes: string[] = [];
    let label: string;
    let parent: string | undefined;
    switch (node.type) {
      case 'namespace':
        classes.push('namespace');
        if (!node.inScope) classes.push('context');
        label = `${node.name}${node.policies ? '' : ' · no NetworkPolicy'}`;
        break;
      case 'workload':
        classes.push('workload');
        if (node.isolated.ingress) classes.push('isolated-ingress');
        if (node.isolated.egress) classes.push('isolated-egress');
        if (node.exposure !== 'none') classes.push('exposed', `exposed-${node.exposure}`);
        if (node.clusterExposure !== 'none') classes.push(`cluster-exposed-${node.clusterExposure}`);
        if (!node.inScope) classes.push('context');
        label = `${node.name}\n${node.kind} · ${node.pods}`;
        if (ids.has(node.parent)) parent = node.parent;
        break;
      default:
        classes.push('entry', node.type);
        label = node.label;
        // Load balancers and Gateways belong to a namespace: drawn inside it, next to what they expose.
        if (node.namespace && ids.has(`ns:${node.namespace}`)) parent = `ns:${node.namespace}`;
        break;
    }
    const data: cytoscape.NodeDataDefinition = { id: node.id, label, ref: node };
    if (parent) data.parent = parent;
    out.push({ group: 'nodes', data, classes });
  }
  for (const edge of graph.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    const classes: string[] = [edge.kind];
    if (edge.kind === 'policy' && edge.all) classes.push('all');
    if (edge.kind === 'dependency') classes.push(edge.status);
    if (edge.kind === 'exposure' && edge.blocked) classes.push('blocked');
    out.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, label: edge.label, ref: edge }, classes });
  }
  return out;
}

/** Node ids and edge ids: when they are unchanged, a refresh keeps the positions. */
export function shapeKey(graph: Graph): string {
  return [...graph.nodes.map((n) => n.id), '|', ...graph.edges.map((e) => e.id)].join('\u0000');
}

export const ENTRY_TYPES: ReadonlySet<string> = new Set(['internet', 'vnet', 'nodes', 'external', 'load-balancer', 'ingress-controller', 'gateway']);
