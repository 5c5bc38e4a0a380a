/**
 * Pods as NetworkPolicies see them. Two groupings:
 *  - a pod class: every pod with the same namespace, labels, container ports and hostNetwork. Policies cannot tell
 *    such pods apart, so evaluation works per class (a 10k-resource workspace has far fewer classes than pods);
 *  - a workload peer: what connectivity lists print, grouped the way np-guard groups them. A Pod with a controller
 *    ownerReference (other than a Node: static pods belong to no workload) is grouped under its owner
 *    `ns/owner[OwnerKind]`; a bare Pod is itself `ns/name[Pod]`; a controller manifest (Deployment, StatefulSet,
 *    DaemonSet, ReplicaSet, Job, CronJob, ...) is itself, with its pod template's labels.
 * A peer usually has one class; it has several when its pods differ (variants of one manifest, or pods of one owner
 * whose labels drifted), and evaluation then says what differs rather than picking one pod.
 */
import type { Labels } from '../model/labelSelector';
import type { ContainerPort, Workload } from '../model/resources';
import { compareStrings } from '../util/compare';

export interface PodClass {
  /** Unique among the classes of one model (a key for per-class caches); negative for synthetic pods (the ingress controller). */
  readonly id: number;
  readonly namespace: string;
  readonly labels: Labels;
  /** Ports of the regular containers: what named ports resolve against. */
  readonly ports: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** Every workload definition whose pods fall in this class. */
  readonly workloads: readonly Workload[];
}

export interface WorkloadPeer {
  readonly type: 'workload';
  /** `ns/name[Kind]`, exactly as np-guard prints it. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly classes: readonly PodClass[];
  readonly workloads: readonly Workload[];
}

/** The peer a workload's pods are listed under: `{namespace, name, kind}`. */
export function peerIdentityOf(workload: Workload): { namespace: string; name: string; kind: string } {
  const owner = workload.controllerOwner;
  if (workload.kind === 'Pod' && owner && owner.kind !== 'Node' && owner.name) {
    // np-guard prints an owner whose kind is missing as `[Pod]`.
    return { namespace: workload.namespace, name: owner.name, kind: owner.kind || 'Pod' };
  }
  return { namespace: workload.namespace, name: workload.name, kind: workload.kind };
}

export function peerIdOf(identity: { namespace: string; name: string; kind: string }): string {
  return `${identity.namespace}/${identity.name}[${identity.kind}]`;
}

export interface GroupedPods {
  classes: PodClass[];
  /** Sorted by id. */
  peers: WorkloadPeer[];
  classOfWorkload: Map<Workload, PodClass>;
  peerOfWorkload: Map<Workload, WorkloadPeer>;
}

/**
 * `nextId` numbers the classes: by default 0, 1, 2, ... (so that `classes[c.id] === c`); a caller that combines
 * groupings of several namespaces passes one counter for all of them, so that ids stay unique among them.
 */
export function groupPods(workloads: Iterable<Workload>, nextId?: () => number): GroupedPods {
  const classes: PodClass[] = [];
  const classByKey = new Map<string, { cls: PodClass; workloads: Workload[] }>();
  const classOfWorkload = new Map<Workload, PodClass>();
  const peerByKey = new Map<string, { identity: { namespace: string; name: string; kind: string }; classes: Set<PodClass>; workloads: Workload[] }>();
  for (const workload of workloads) {
    const { ports, key, identity, peerId } = groupingOf(workload);
    let entry = classByKey.get(key);
    if (!entry) {
      const members: Workload[] = [];
      const cls: PodClass = { id: nextId ? nextId() : classes.length, namespace: workload.namespace, labels: { ...workload.podLabels }, ports, hostNetwork: workload.hostNetwork, workloads: members };
      classes.push(cls);
      entry = { cls, workloads: members };
      classByKey.set(key, entry);
    }
    entry.workloads.push(workload);
    classOfWorkload.set(workload, entry.cls);

    let peer = peerByKey.get(peerId);
    if (!peer) peerByKey.set(peerId, (peer = { identity, classes: new Set(), workloads: [] }));
    peer.classes.add(entry.cls);
    peer.workloads.push(workload);
  }
  const peers: WorkloadPeer[] = [...peerByKey.entries()]
    .map(([id, p]) => ({ type: 'workload' as const, id, ...p.identity, classes: [...p.classes], workloads: p.workloads }))
    .sort((a, b) => compareStrings(a.id, b.id));
  const peerOfWorkload = new Map<Workload, WorkloadPeer>();
  for (const peer of peers) for (const workload of peer.workloads) peerOfWorkload.set(workload, peer);
  return { classes, peers, classOfWorkload, peerOfWorkload };
}

interface Grouping {
  ports: readonly ContainerPort[];
  key: string;
  identity: { namespace: string; name: string; kind: string };
  peerId: string;
}

/**
 * What grouping needs of a workload, kept per definition: facts are never mutated, and a label edit rebuilds the
 * model from thousands of workloads of which one changed.
 */
const groupingByWorkload = new WeakMap<Workload, Grouping>();

function groupingOf(workload: Workload): Grouping {
  let grouping = groupingByWorkload.get(workload);
  if (!grouping) {
    const ports = workload.containers.filter((c) => !c.init).flatMap((c) => c.ports);
    const identity = peerIdentityOf(workload);
    grouping = { ports, key: classKey(workload.namespace, workload.podLabels, ports, workload.hostNetwork), identity, peerId: peerIdOf(identity) };
    groupingByWorkload.set(workload, grouping);
  }
  return grouping;
}

function classKey(namespace: string, labels: Labels, ports: readonly ContainerPort[], hostNetwork: boolean): string {
  const sortedLabels = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  const sortedPorts = ports.map((p) => `${p.name ?? ''}/${p.containerPort}/${p.protocol}`).sort();
  return JSON.stringify([namespace, sortedLabels, sortedPorts, hostNetwork]);
}

