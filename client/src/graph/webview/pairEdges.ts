/**
 * One drawn line per pair: the server sends policy edges (what the NetworkPolicies admit), dependency edges (what a
 * workload declares it needs, with the model's verdict) and exposure edges (ways in) separately, and two or three of
 * them often join the same two nodes. Drawn apart they doubled every line of the graph; here the edges of one
 * direction between two nodes become one line that carries them all: its label lists each part once, its look is
 * the most important verdict among them (denied or blocked before unknown before allowed), and the details pane
 * shows every part. Pure data, no DOM, so test/client/pairEdges.test.ts checks it.
 */
import type { Graph } from '../protocol';

export type GraphEdge = Graph['edges'][number];

/** The verdict a line shows: the worst of its parts. */
export type PairVerdict = 'denied' | 'unknown' | 'allowed';

export interface PairEdge {
  /** `pair:<source>><target>`; the server's edge ids are in `parts`. */
  id: string;
  source: string;
  target: string;
  /** The server's edges, policy first, then dependencies, then exposure, in the server's order within each. */
  parts: GraphEdge[];
  verdict: PairVerdict;
  /** Each distinct part label once, joined by ' · ': `TCP 9000 · ✕ orders:80`. */
  label: string;
  /** The kinds among its parts. */
  kinds: ReadonlySet<GraphEdge['kind']>;
  /** A policy part admits every port of every protocol. */
  all: boolean;
}

export function pairId(source: string, target: string): string {
  return `pair:${source}>${target}`;
}

/** What one server edge says: denied (a denied dependency, a blocked way in), unknown, or allowed. */
export function edgeVerdict(edge: GraphEdge): PairVerdict {
  switch (edge.kind) {
    case 'policy':
      return 'allowed';
    case 'dependency':
      return edge.status;
    case 'exposure':
      return edge.blocked || edge.status === 'blocked' ? 'denied' : edge.status === 'unknown' ? 'unknown' : 'allowed';
  }
}

const KIND_ORDER: Record<GraphEdge['kind'], number> = { policy: 0, dependency: 1, exposure: 2 };
const VERDICT_RANK: Record<PairVerdict, number> = { allowed: 0, unknown: 1, denied: 2 };

/** Merges the edges of each ordered pair of nodes. Edges with an end outside `nodeIds` are left out. */
export function pairEdges(edges: readonly GraphEdge[], nodeIds: ReadonlySet<string>): PairEdge[] {
  const byPair = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
    const id = pairId(edge.source, edge.target);
    const list = byPair.get(id);
    if (list) list.push(edge);
    else byPair.set(id, [edge]);
  }
  const out: PairEdge[] = [];
  for (const [id, list] of byPair) {
    const parts = list.map((edge, index) => ({ edge, index })).sort((a, b) => KIND_ORDER[a.edge.kind] - KIND_ORDER[b.edge.kind] || a.index - b.index).map((p) => p.edge);
    let verdict: PairVerdict = 'allowed';
    for (const part of parts) {
      const v = edgeVerdict(part);
      if (VERDICT_RANK[v] > VERDICT_RANK[verdict]) verdict = v;
    }
    const labels: string[] = [];
    for (const part of parts) if (part.label && !labels.includes(part.label)) labels.push(part.label);
    out.push({
      id,
      source: parts[0]!.source,
      target: parts[0]!.target,
      parts,
      verdict,
      label: labels.join(' · '),
      kinds: new Set(parts.map((p) => p.kind)),
      all: parts.some((p) => p.kind === 'policy' && p.all),
    });
  }
  return out;
}

/** The line that draws a server edge, by the server edge's id (for checks that click a given edge). */
export function pairOf(pairs: readonly PairEdge[], edgeId: string): PairEdge | undefined {
  return pairs.find((pair) => pair.id === edgeId || pair.parts.some((part) => part.id === edgeId));
}
