/**
 * The connectivity diff between two versions of the manifests (`netlens diff OLD NEW`), as np-guard's `diff` computes
 * it: both connectivity lists come from the reachability model (connectivity.ts); the address ranges of both are cut
 * into common disjoint atoms, pairs are matched by source and destination, and then, for each workload (or the ingress
 * controller) and each pair of old and new connections, the touching atoms are merged again into ranges, so that a
 * line shows the widest range the change applies to.
 *
 * A pair is `changed` when both versions connect it differently, `added` when only the new one connects it, `removed`
 * when only the old one does. A workload that exists in only one version is "new or removed" (np-guard's
 * `workloads-diff-info`); address ranges and the ingress controller never are.
 */
import { canonicalRanges, cutAddressSpace, type AddressRange } from '../address/addressRange';
import { externalPeer, type Peer, type PeerConnection } from '../netpol/connectivity';
import { equalConnections, formatConnections, noConnections, type ConnectionSet } from '../netpol/portSet';
import { connectivityList } from './connectivity';
import type { ReachModel } from './model';

export type DiffType = 'changed' | 'added' | 'removed';

export interface ConnectionDiff {
  readonly type: DiffType;
  readonly src: Peer;
  readonly dst: Peer;
  /** What the old version admits (empty for `added`). */
  readonly ref1: ConnectionSet;
  /** What the new version admits (empty for `removed`). */
  readonly ref2: ConnectionSet;
  /** The source is a workload that only one version has. */
  readonly srcNewOrRemoved: boolean;
  /** The destination is a workload that only one version has. */
  readonly dstNewOrRemoved: boolean;
}

export interface ConnectivityDiff {
  /** Every difference, in no particular order: formats order them as np-guard does. */
  readonly diffs: readonly ConnectionDiff[];
}

/** The diff between the connectivity of two models (old first). */
export function connectivityDiff(oldModel: ReachModel, newModel: ReachModel): ConnectivityDiff {
  const workloads1 = new Set(oldModel.netpol.peers.map((p) => p.id));
  const workloads2 = new Set(newModel.netpol.peers.map((p) => p.id));
  return diffConnectionLists(connectivityList(oldModel), connectivityList(newModel), workloads1, workloads2);
}

interface Side {
  first?: PeerConnection;
  second?: PeerConnection;
}

/** The diff of two connectivity lists, given the workload ids of each version. */
export function diffConnectionLists(conns1: readonly PeerConnection[], conns2: readonly PeerConnection[], workloads1: ReadonlySet<string>, workloads2: ReadonlySet<string>): ConnectivityDiff {
  const atoms = cutAddressSpace([...rangesOf(conns1), ...rangesOf(conns2)].map((r) => [r]));
  const pairs = new Map<string, Side>();
  const add = (connection: PeerConnection, first: boolean) => {
    const key = `${connection.src.id};${connection.dst.id}`;
    const side = pairs.get(key) ?? {};
    if (first) side.first = connection;
    else side.second = connection;
    pairs.set(key, side);
  };
  for (const c of refine(conns1, atoms)) add(c, true);
  for (const c of refine(conns2, atoms)) add(c, false);

  const diffs: ConnectionDiff[] = [];
  for (const side of mergeAddressRanges(pairs)) {
    const { first, second } = side;
    if (first && second) {
      if (!equalConnections(first.allowed, second.allowed)) diffs.push({ type: 'changed', src: first.src, dst: first.dst, ref1: first.allowed, ref2: second.allowed, srcNewOrRemoved: false, dstNewOrRemoved: false });
    } else if (first) {
      diffs.push({ type: 'removed', src: first.src, dst: first.dst, ref1: first.allowed, ref2: noConnections(), srcNewOrRemoved: newOrRemoved(first.src, workloads2), dstNewOrRemoved: newOrRemoved(first.dst, workloads2) });
    } else if (second) {
      diffs.push({ type: 'added', src: second.src, dst: second.dst, ref1: noConnections(), ref2: second.allowed, srcNewOrRemoved: newOrRemoved(second.src, workloads1), dstNewOrRemoved: newOrRemoved(second.dst, workloads1) });
    }
  }
  return { diffs };
}

/** True when the diff has nothing to say (the exit code 0 of `netlens diff`). */
export function isEmptyDiff(diff: ConnectivityDiff): boolean {
  return diff.diffs.length === 0;
}

function newOrRemoved(peer: Peer, otherVersion: ReadonlySet<string>): boolean {
  return peer.type === 'workload' && !otherVersion.has(peer.id);
}

function rangesOf(connections: readonly PeerConnection[]): AddressRange[] {
  const out: AddressRange[] = [];
  for (const c of connections) {
    if (c.src.type === 'external') out.push(c.src.range);
    if (c.dst.type === 'external') out.push(c.dst.range);
  }
  return out;
}

/** Each connection with an address range side split into one connection per atom inside it. */
function refine(connections: readonly PeerConnection[], atoms: readonly AddressRange[]): PeerConnection[] {
  const out: PeerConnection[] = [];
  for (const c of connections) {
    if (c.src.type === 'external') for (const atom of atomsWithin(c.src.range, atoms)) out.push({ src: externalPeer(atom), dst: c.dst, allowed: c.allowed });
    else if (c.dst.type === 'external') for (const atom of atomsWithin(c.dst.range, atoms)) out.push({ src: c.src, dst: externalPeer(atom), allowed: c.allowed });
    else out.push(c);
  }
  return out;
}

function atomsWithin(range: AddressRange, atoms: readonly AddressRange[]): AddressRange[] {
  return atoms.filter((a) => a.family === range.family && a.first >= range.first && a.last <= range.last);
}

/**
 * Pairs with an address range side, grouped by their other side and their old and new connections, with the
 * ranges of each group merged where they touch; other pairs as they are.
 */
function mergeAddressRanges(pairs: ReadonlyMap<string, Side>): Side[] {
  const out: Side[] = [];
  const groups = new Map<string, { ranges: AddressRange[]; side: Side; rangeIsSrc: boolean }>();
  for (const side of pairs.values()) {
    const sample = (side.first ?? side.second)!;
    const rangeIsSrc = sample.src.type === 'external';
    const ranged = rangeIsSrc ? sample.src : sample.dst;
    if (ranged.type !== 'external') {
      out.push(side);
      continue;
    }
    const other = rangeIsSrc ? sample.dst.id : sample.src.id;
    const key = `${rangeIsSrc ? 'dst' : 'src'};${other};${side.first ? formatConnections(side.first.allowed) : ''};${side.second ? formatConnections(side.second.allowed) : ''}`;
    const group = groups.get(key);
    if (group) group.ranges.push(ranged.range);
    else groups.set(key, { ranges: [ranged.range], side, rangeIsSrc });
  }
  for (const { ranges, side, rangeIsSrc } of groups.values()) {
    for (const range of canonicalRanges(ranges)) {
      const peer = externalPeer(range);
      const place = (c: PeerConnection | undefined): PeerConnection | undefined => (c ? { src: rangeIsSrc ? peer : c.src, dst: rangeIsSrc ? c.dst : peer, allowed: c.allowed } : undefined);
      const first = place(side.first);
      const second = place(side.second);
      out.push({ ...(first ? { first } : {}), ...(second ? { second } : {}) });
    }
  }
  return out;
}
