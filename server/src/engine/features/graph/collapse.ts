/**
 * Fewer, truer edges: when a source is admitted to every workload of a namespace with the same connections, one
 * edge to the namespace says it (`web -> ns:shop`); when every workload of a namespace is admitted to a target with
 * the same connections, one edge from the namespace says it. Both together turn "allow from the same namespace"
 * (k² pairs) into one loop on the namespace. Only namespaces the graph shows completely are collapsed onto, so an
 * edge to `ns:x` always means every workload of x.
 */
import { formatConnections, type ConnectionSet } from '../../netpol/portSet';
import type { AllowedPair } from './policyPairs';

export interface CollapsedPair {
  /** Peer id, `ns:<namespace>`, or another node id. */
  src: string;
  dst: string;
  allowed: ConnectionSet;
  /** Workload pairs it stands for. */
  pairs: number;
}

export const namespaceNodeId = (namespace: string): string => `ns:${namespace}`;

/**
 * `namespaceOf` gives a workload peer's namespace (undefined for other nodes); `members` the peers of each
 * namespace the graph shows completely.
 */
export function collapsePairs(
  pairs: readonly AllowedPair[],
  namespaceOf: (id: string) => string | undefined,
  members: ReadonlyMap<string, readonly string[]>,
): CollapsedPair[] {
  const keyed = pairs.map((p) => ({ src: p.src, dst: p.dst, allowed: p.allowed, pairs: 1, key: formatConnections(p.allowed) }));

  // Targets: src -> every other workload of namespace N with one set.
  const byTarget = groupBy(keyed, (e) => {
    const ns = namespaceOf(e.dst);
    return ns !== undefined && members.has(ns) ? `${e.src}\u0000${ns}\u0000${e.key}` : undefined;
  });
  const afterTargets: typeof keyed = [];
  for (const [groupKey, group] of byTarget.groups) {
    const ns = groupKey.split('\u0000')[1]!;
    const src = group[0]!.src;
    const expected = members.get(ns)!.filter((m) => m !== src).length;
    if (expected >= 2 && group.length === expected) afterTargets.push({ ...group[0]!, dst: namespaceNodeId(ns), pairs: group.length });
    else afterTargets.push(...group);
  }
  afterTargets.push(...byTarget.rest);

  // Sources: every other workload of namespace M -> target with one set.
  const bySource = groupBy(afterTargets, (e) => {
    const ns = namespaceOf(e.src);
    return ns !== undefined && members.has(ns) ? `${e.dst}\u0000${ns}\u0000${e.key}` : undefined;
  });
  const out: typeof keyed = [];
  for (const [groupKey, group] of bySource.groups) {
    const ns = groupKey.split('\u0000')[1]!;
    const dst = group[0]!.dst;
    const expected = members.get(ns)!.filter((m) => m !== dst).length;
    if (expected >= 2 && group.length === expected) out.push({ ...group[0]!, src: namespaceNodeId(ns), pairs: group.reduce((n, e) => n + e.pairs, 0) });
    else out.push(...group);
  }
  out.push(...bySource.rest);
  return out.map(({ src, dst, allowed, pairs: count }) => ({ src, dst, allowed, pairs: count }));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): { groups: Map<string, T[]>; rest: T[] } {
  const groups = new Map<string, T[]>();
  const rest: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) {
      rest.push(item);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return { groups, rest };
}
