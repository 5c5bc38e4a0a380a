/** `--focus-conn proto-port` (np-guard's spelling, e.g. `tcp-8080`): one protocol and port. */
import type { PeerConnection } from '../engine/netpol/connectivity';
import { connectionsContain, connectionsOf, intersectConnections } from '../engine/netpol/portSet';
import type { Protocol } from '../engine/model/resources';
import { escapeLine } from './format/terminal';
import { UsageError } from './usage';

export interface FocusConn {
  readonly protocol: Protocol;
  readonly port: number;
}

export function parseFocusConn(text: string): FocusConn {
  const match = /^(tcp|udp|sctp)-(\d{1,5})$/i.exec(text);
  const port = match ? Number(match[2]) : 0;
  if (!match || port < 1 || port > 65535) throw new UsageError(`--focus-conn \`${escapeLine(text)}\`: use protocol-port, e.g. tcp-8080`);
  return { protocol: match[1]!.toUpperCase() as Protocol, port };
}

/** The pairs that admit the connection, each narrowed to it (all pairs as they are without a focus). */
export function restrictToConnection(connections: readonly PeerConnection[], conn: FocusConn | undefined): PeerConnection[] {
  if (!conn) return [...connections];
  const only = connectionsOf(conn.protocol, [{ from: conn.port, to: conn.port }]);
  return connections.filter((c) => connectionsContain(c.allowed, conn.protocol, conn.port)).map((c) => ({ src: c.src, dst: c.dst, allowed: intersectConnections(c.allowed, only) }));
}
