/**
 * `--format txt`: byte-identical to np-guard netpol-analyzer's `list` output. One line per pair, already sorted by
 * the engine (source id, then destination id, byte order): `src => dst : conns`, each line ending in a newline;
 * nothing at all when no pair is connected.
 */
import type { PeerConnection } from '../../engine/netpol/connectivity';
import { formatConnections } from '../../engine/netpol/portSet';
import type { FocusConn } from '../focusConn';
import { escapeLine } from './terminal';

/** Peer ids hold manifest names: escaped (a no-op for every name the API server accepts, so np-guard's bytes stay). */
export function formatConnlistText(connections: readonly PeerConnection[]): string {
  return connections.map((c) => `${escapeLine(c.src.id)} => ${escapeLine(c.dst.id)} : ${formatConnections(c.allowed)}\n`).join('');
}

/** With `--focus-conn`: np-guard's `Permitted connections on TCP 8080:` and one `src => dst` line per pair. */
export function formatFocusConnText(connections: readonly PeerConnection[], conn: FocusConn): string {
  return `Permitted connections on ${conn.protocol} ${conn.port}:\n` + connections.map((c) => `${escapeLine(c.src.id)} => ${escapeLine(c.dst.id)}\n`).join('');
}
