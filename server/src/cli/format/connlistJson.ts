/**
 * `--format json` for connectivity lists. Version 1, stable: new fields may be added, none is removed or renamed
 * without a new version.
 *
 *   {"version": 1, "connections": [{
 *     "src": "ns/name[Kind]", "dst": "0.0.0.0-255.255.255.255[External]", "conn": "TCP 8080,UDP 53",
 *     "srcPeer": {"type": "workload", "namespace": "ns", "name": "name", "kind": "Kind"},
 *     "dstPeer": {"type": "external", "first": "0.0.0.0", "last": "255.255.255.255"},   // or {"type": "ingress-controller"}
 *     "allowed": {"all": false, "SCTP": [], "TCP": [{"from": 8080, "to": 8080}], "UDP": [{"from": 53, "to": 53}]},
 *     "allowedForEveryPod": {...}   // only when the pods of src or dst differ and not every pod pair gets "allowed"
 *   }]}
 *
 * `src`, `dst` and `conn` are the txt format's strings; connections are in the txt format's order.
 */
import { formatAddress } from '../../engine/address/ipAddress';
import type { ExposureRows } from './exposureRows';
import type { Peer, PeerConnection } from '../../engine/netpol/connectivity';
import { formatConnections, isAllConnections, PROTOCOLS, type ConnectionSet } from '../../engine/netpol/portSet';

/** With `--exposure`: `"exposure": {"egress": [{"src", "dst", "conn"}], "ingress": [...], "unprotected": [...]}`. */
export function formatConnlistJson(connections: readonly PeerConnection[], exposure?: ExposureRows): string {
  const items = connections.map((c) => {
    const item: Record<string, unknown> = {
      src: c.src.id,
      dst: c.dst.id,
      conn: formatConnections(c.allowed),
      srcPeer: peerJson(c.src),
      dstPeer: peerJson(c.dst),
      allowed: connectionsJson(c.allowed),
    };
    if (c.allowedForEveryPod) item['allowedForEveryPod'] = connectionsJson(c.allowedForEveryPod);
    return item;
  });
  const out: Record<string, unknown> = { version: 1, connections: items };
  if (exposure) {
    out['exposure'] = {
      egress: exposure.egress.map((r) => ({ src: r.workload, dst: r.peer, conn: r.conn })),
      ingress: exposure.ingress.map((r) => ({ src: r.peer, dst: r.workload, conn: r.conn })),
      unprotected: exposure.unprotected,
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function peerJson(peer: Peer): Record<string, string> {
  switch (peer.type) {
    case 'workload':
      return { type: 'workload', namespace: peer.namespace, name: peer.name, kind: peer.kind };
    case 'external':
      return { type: 'external', first: formatAddress(peer.range.family, peer.range.first), last: formatAddress(peer.range.family, peer.range.last) };
    case 'ingress-controller':
      return { type: 'ingress-controller' };
  }
}

export function connectionsJson(set: ConnectionSet): Record<string, unknown> {
  const out: Record<string, unknown> = { all: isAllConnections(set) };
  for (const protocol of PROTOCOLS) out[protocol] = set[protocol].map((r) => ({ from: r.from, to: r.to }));
  return out;
}
