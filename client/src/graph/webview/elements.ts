/// <reference lib="dom" />
/**
 * The server's graph data as cytoscape elements: namespaces are compound (parent) nodes holding their workloads;
 * entry points stand outside them. Classes carry what the stylesheet draws (isolated-ingress, isolated-egress,
 * exposed; on edges the kinds merged into the line and its verdict: policy, dependency, exposure, allowed, unknown,
 * denied); `data.ref` keeps the server's object (a node, or the PairEdge of a line) for the details pane.
 */
import type cytoscape from 'cytoscape';
import type { Graph } from '../protocol';
import { pairEdges } from './pairEdges';

export type GraphNode = Graph['nodes'][number];

/** Workloads above which a workload's label is its name alone. */
const COMPACT_ABOVE = 30;

export function toElements(graph: Graph): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  const compact = graph.stats.workloads > COMPACT_ABOVE;
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
        // Above COMPACT_ABOVE workloads the name alone: the kind and pods line made every box twice as wide, and at
        // that zoom no label could be read (the details pane and the hover still say them).
        label = compact ? node.name : `${node.name}\n${node.kind} · ${node.pods}`;
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
  for (const pair of pairEdges(graph.edges, ids)) {
    const classes: string[] = [...pair.kinds, pair.verdict];
    if (pair.all) classes.push('all');
    if (pair.parts.some((p) => p.kind === 'dependency' && p.status === 'denied')) classes.push('denied-dependency');
    out.push({ group: 'edges', data: { id: pair.id, source: pair.source, target: pair.target, label: pair.label, ref: pair }, classes });
  }
  return out;
}

/** Node ids and edge ids: when they are unchanged, a refresh keeps the positions. */
export function shapeKey(graph: Graph): string {
  return [...graph.nodes.map((n) => n.id), '|', ...graph.edges.map((e) => e.id)].join('\u0000');
}
