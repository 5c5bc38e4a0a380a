/**
 * Fewer, truer edges: when a source is admitted to every workload of a namespace with the same connections, one
 * edge to the namespace says it (`web -> ns:shop`); when every workload of a namespace is admitted to a target with
 * the same connections, one edge from the namespace says it. Both together turn "allow from the same namespace"
 * (k² pairs) into one loop on the namespace. Only namespaces the graph shows completely are collapsed onto, so an
 * edge to `ns:x` always means every workload of x.
 *
 * Steppable (`../steps.ts`): a workspace whose policies admit a lot has hundreds of thousands of pairs, so the
 * loops yield every few hundred pairs.
 */
import { formatConnections, type ConnectionSet } from '../../netpol/portSet';
import { CHEAP_ITEMS_PER_STEP, type Steps } from '../steps';
import type { AllowedPair } from '../../reach/allowedPairs';

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
export function* collapsePairSteps(
  pairs: readonly AllowedPair[],
  namespaceOf: (id: string) => string | undefined,
  members: ReadonlyMap<string, readonly string[]>,
): Steps<CollapsedPair[]> {
  const keyed: Keyed[] = [];
  for (const p of pairs) {
    keyed.push({ src: p.src, dst: p.dst, allowed: p.allowed, pairs: 1, key: formatConnections(p.allowed) });
    if (keyed.length % CHEAP_ITEMS_PER_STEP === 0) yield;
  }

  // Targets: src -> every other workload of namespace N with one set.
  const byTarget = yield* groupBySteps(keyed, (e) => {
    const ns = namespaceOf(e.dst);
    return ns !== undefined && members.has(ns) ? `${e.src}\u0000${ns}\u0000${e.key}` : undefined;
  });
  const afterTargets: Keyed[] = [];
  let handled = 0;
  for (const [groupKey, group] of byTarget.groups) {
    if (++handled % CHEAP_ITEMS_PER_STEP === 0) yield;
    const ns = groupKey.split('\u0000')[1]!;
    const src = group[0]!.src;
    const expected = members.get(ns)!.filter((m) => m !== src).length;
    if (expected >= 2 && group.length === expected) afterTargets.push({ ...group[0]!, dst: namespaceNodeId(ns), pairs: group.length });
    else afterTargets.push(...group);
  }
  afterTargets.push(...byTarget.rest);

  // Sources: every other workload of namespace M -> target with one set.
  const bySource = yield* groupBySteps(afterTargets, (e) => {
    const ns = namespaceOf(e.src);
    return ns !== undefined && members.has(ns) ? `${e.dst}\u0000${ns}\u0000${e.key}` : undefined;
  });
  const out: Keyed[] = [];
  for (const [groupKey, group] of bySource.groups) {
    if (++handled % CHEAP_ITEMS_PER_STEP === 0) yield;
    const ns = groupKey.split('\u0000')[1]!;
    const dst = group[0]!.dst;
    const expected = members.get(ns)!.filter((m) => m !== dst).length;
    if (expected >= 2 && group.length === expected) out.push({ ...group[0]!, src: namespaceNodeId(ns), pairs: group.reduce((n, e) => n + e.pairs, 0) });
    else out.push(...group);
  }
  out.push(...bySource.rest);
  return out.map(({ src, dst, allowed, pairs: count }) => ({ src, dst, allowed, pairs: count }));
}

interface Keyed extends CollapsedPair {
  /** The connections as text: pairs with equal sets have equal keys. */
  key: string;
}

function* groupBySteps<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Steps<{ groups: Map<string, T[]>; rest: T[] }> {
  const groups = new Map<string, T[]>();
  const rest: T[] = [];
  let handled = 0;
  for (const item of items) {
    if (++handled % CHEAP_ITEMS_PER_STEP === 0) yield;
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
