/**
 * `--format dot` for connectivity lists: a Graphviz digraph. Each namespace is a cluster holding its workloads
 * (all of them, connected or not, so isolated workloads are visible); external ranges and the ingress controller
 * sit outside any cluster; an edge per connected pair, labelled with the allowed connections.
 */
import type { Peer, PeerConnection } from '../../engine/netpol/connectivity';
import type { WorkloadPeer } from '../../engine/netpol/podClasses';
import { formatConnections } from '../../engine/netpol/portSet';
import type { ExposureRows } from './exposureRows';
import { escapeLine } from './terminal';

/**
 * With `--exposure`: each exposure peer that is not an address range (`entire-cluster`, a selector) is a dashed
 * ellipse, with a dashed edge from it (ingress) or to it (egress) labelled with the connections.
 */
export function formatConnlistDot(connections: readonly PeerConnection[], workloads: readonly WorkloadPeer[], exposure?: ExposureRows): string {
  const lines = ['digraph {'];
  const byNamespace = new Map<string, WorkloadPeer[]>();
  for (const peer of workloads) {
    const list = byNamespace.get(peer.namespace);
    if (list) list.push(peer);
    else byNamespace.set(peer.namespace, [peer]);
  }
  for (const namespace of [...byNamespace.keys()].sort()) {
    lines.push(`\tsubgraph ${quote(`cluster_${namespace}`)} {`);
    lines.push(`\t\tlabel=${quote(namespace)}`);
    lines.push(`\t\tcolor="black"`);
    for (const peer of byNamespace.get(namespace)!) lines.push(`\t\t${quote(peer.id)} [label=${quote(`${peer.name}[${peer.kind}]`)} color="blue" fontcolor="blue"]`);
    lines.push('\t}');
  }
  const others = new Map<string, Peer>();
  for (const c of connections) for (const peer of [c.src, c.dst]) if (peer.type !== 'workload') others.set(peer.id, peer);
  for (const peer of [...others.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const color = peer.type === 'external' ? 'red2' : 'darkorange';
    lines.push(`\t${quote(peer.id)} [label=${quote(peer.id)} color="${color}" fontcolor="${color}" shape=box]`);
  }
  for (const c of connections) {
    lines.push(`\t${quote(c.src.id)} -> ${quote(c.dst.id)} [label=${quote(formatConnections(c.allowed))} color="gold2" fontcolor="darkgreen"]`);
  }
  if (exposure) {
    const isRange = (peer: string) => peer.endsWith('[External]');
    const potential = new Set([...exposure.egress, ...exposure.ingress].map((r) => r.peer).filter((p) => !isRange(p)));
    for (const peer of [...potential].sort()) lines.push(`\t${quote(peer)} [label=${quote(peer)} color="purple" fontcolor="purple" style=dashed]`);
    for (const r of exposure.egress) if (!isRange(r.peer)) lines.push(`\t${quote(r.workload)} -> ${quote(r.peer)} [label=${quote(r.conn)} color="purple" fontcolor="purple" style=dashed]`);
    for (const r of exposure.ingress) if (!isRange(r.peer)) lines.push(`\t${quote(r.peer)} -> ${quote(r.workload)} [label=${quote(r.conn)} color="purple" fontcolor="purple" style=dashed]`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** A DOT string: backslashes and quotes escaped, control characters written visibly (terminal.ts). */
function quote(text: string): string {
  return `"${escapeLine(text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}
