/**
 * The rows every `--exposure` format writes, as np-guard builds them (conns_formatter.go): per exposed workload and
 * direction its items (reach/exposure.ts) and its connections with address ranges from the list; egress rows sorted
 * by workload then peer, ingress rows likewise; the workloads no policy protects, per direction.
 */
import type { PeerConnection } from '../../engine/netpol/connectivity';
import { formatConnections, type ConnectionSet } from '../../engine/netpol/portSet';
import { exposureOnConnection, type ExposureItem, type WorkloadExposure } from '../../engine/reach/exposure';
import type { FocusConn } from '../focusConn';

export interface ExposureRow {
  readonly workload: string;
  readonly peer: string;
  readonly connections: ConnectionSet;
  /** np-guard's text of `connections`. */
  readonly conn: string;
}

export interface ExposureRows {
  readonly egress: ExposureRow[];
  readonly ingress: ExposureRow[];
  /** `ns/name[Kind] is not protected on Egress`, sorted. */
  readonly unprotected: string[];
  /** The workloads with rows (the txt format pads its first column to the longest). */
  readonly exposed: ReadonlySet<string>;
}

export interface ExposureDirections {
  readonly ingress: boolean;
  readonly egress: boolean;
}

export function exposureRows(exposures: readonly WorkloadExposure[], connections: readonly PeerConnection[], directions: ExposureDirections, focusConn?: FocusConn): ExposureRows {
  const egress: ExposureRow[] = [];
  const ingress: ExposureRow[] = [];
  const unprotected: string[] = [];
  const exposed = new Set<string>();
  const restrict = (items: readonly ExposureItem[]) => (focusConn ? exposureOnConnection(items, focusConn.protocol, focusConn.port) : items);
  const row = (workload: string, peer: string, set: ConnectionSet): ExposureRow => ({ workload, peer, connections: set, conn: formatConnections(set) });
  for (const e of exposures) {
    const id = e.workload.id;
    const sides = [
      ['egress', egress, e.egress, 'Egress'],
      ['ingress', ingress, e.ingress, 'Ingress'],
    ] as const;
    for (const [direction, rows, data, word] of sides) {
      if (!directions[direction]) continue;
      const items = restrict(data.items);
      // np-guard lists them only without --focus-conn: on one connection no workload is exposed on all of them.
      if (!data.protected && !focusConn) unprotected.push(`${id} is not protected on ${word}`);
      if (items.length === 0 && data.protected) continue;
      exposed.add(id);
      for (const item of items) rows.push(row(id, item.peer, item.connections));
    }
    // An exposed workload's connections with address ranges, in both directions (np-guard's ipMaps).
    if (!exposed.has(id)) continue;
    for (const c of connections) {
      if (directions.egress && c.src.id === id && c.dst.type === 'external') egress.push(row(id, c.dst.id, c.allowed));
      if (directions.ingress && c.dst.id === id && c.src.type === 'external') ingress.push(row(id, c.src.id, c.allowed));
    }
  }
  const order = (a: ExposureRow, b: ExposureRow) => compare(a.workload, b.workload) || compare(a.peer, b.peer);
  return { egress: egress.sort(order), ingress: ingress.sort(order), unprotected: unprotected.sort(compare), exposed };
}

/** `Exposure Analysis Result:` or, with `--focus-conn`, `Exposure Analysis Result On TCP 8080:`. */
export function exposureHeader(focusConn?: FocusConn): string {
  return `Exposure Analysis Result${focusConn ? ` On ${focusConn.protocol} ${focusConn.port}` : ''}:`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
