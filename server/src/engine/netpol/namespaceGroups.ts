/**
 * Pod classes and workload peers, grouped per namespace and regrouped only where a namespace's workloads changed.
 *
 * Classes and peers never span namespaces (a class is pods of one namespace; a peer is `ns/name[Kind]`), so the
 * grouping of a namespace is a function of that namespace's workload definitions alone. The NetworkPolicy model is
 * rebuilt after any workload edit; keeping each namespace's grouping while its definitions are the same objects
 * makes a rebuild after a one-file edit regroup one namespace instead of the whole workspace.
 *
 * The groupings live in a slot the index keeps for its lifetime (`WorkspaceIndex.retained`): the slot checks its own
 * input on every use (the very same definition objects, in the same order), so it never needs invalidating. Class
 * ids come from one counter per index, so that ids stay unique across namespaces grouped at different times.
 */
import type { Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { groupPods, type GroupedPods, type WorkloadPeer } from './podClasses';

export interface NamespaceGroup extends GroupedPods {
  peerById: ReadonlyMap<string, WorkloadPeer>;
}

interface RetainedGroups {
  nextId: number;
  byNamespace: Map<string, { workloads: readonly Workload[]; group: NamespaceGroup }>;
}

/** The grouping of every namespace that has workloads, in namespace order. */
export function groupPodsByNamespace(index: WorkspaceIndex): Map<string, NamespaceGroup> {
  const retained = index.retained('netpol:pod-groups', (): RetainedGroups => ({ nextId: 0, byNamespace: new Map() }));
  const groups = new Map<string, NamespaceGroup>();
  for (const namespace of index.workloadNamespaces()) {
    const workloads = index.workloadsIn(namespace);
    let entry = retained.byNamespace.get(namespace);
    if (!entry || !sameItems(entry.workloads, workloads)) {
      const grouped = groupPods(workloads, () => retained.nextId++);
      entry = { workloads: [...workloads], group: { ...grouped, peerById: new Map(grouped.peers.map((peer) => [peer.id, peer])) } };
      retained.byNamespace.set(namespace, entry);
    }
    groups.set(namespace, entry.group);
  }
  for (const namespace of [...retained.byNamespace.keys()]) if (!groups.has(namespace)) retained.byNamespace.delete(namespace);
  return groups;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
