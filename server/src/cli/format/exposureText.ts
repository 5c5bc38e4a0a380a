/**
 * `connectivity --exposure` in txt, after the connectivity list, as np-guard prints it (conns_formatter_txt.go):
 *
 *   Exposure Analysis Result:
 *   Egress Exposure:
 *   <workload padded> \t=> \t<peer> : <conns>
 *   (blank line)
 *   Ingress Exposure:
 *   <workload padded> \t<= \t<peer> : <conns>
 *   (blank line)
 *   Workloads not protected by network policies:
 *   <workload> is not protected on Egress
 *
 * Each section lists the workloads' items (and, as np-guard, their connections with address ranges from the list);
 * egress sorted by workload then peer, ingress likewise; a workload column is padded to the longest exposed
 * workload. Empty sections are left out. With `--focus-conn` the header says `On TCP 8080` and lines carry no conns.
 */
import type { PeerConnection } from '../../engine/netpol/connectivity';
import { formatConnections, type ConnectionSet } from '../../engine/netpol/portSet';
import { exposureOnConnection, type ExposureItem, type WorkloadExposure } from '../../engine/reach/exposure';
import type { FocusConn } from '../focusConn';
import { escapeLine } from './terminal';

interface Line {
  readonly workload: string;
  readonly peer: string;
  readonly connections: ConnectionSet;
}

export function formatExposureText(exposures: readonly WorkloadExposure[], connections: readonly PeerConnection[], directions: { ingress: boolean; egress: boolean }, focusConn?: FocusConn): string {
  const egress: Line[] = [];
  const ingress: Line[] = [];
  const unprotected: string[] = [];
  const exposed = new Set<string>();
  const restrict = (items: readonly ExposureItem[]) => (focusConn ? exposureOnConnection(items, focusConn.protocol, focusConn.port) : items);
  for (const e of exposures) {
    const id = e.workload.id;
    const sides = [
      ['egress', egress, e.egress, 'Egress'],
      ['ingress', ingress, e.ingress, 'Ingress'],
    ] as const;
    for (const [direction, lines, data, word] of sides) {
      if (!directions[direction]) continue;
      const items = restrict(data.items);
      if (!data.protected) unprotected.push(`${id} is not protected on ${word}`);
      if (items.length === 0 && data.protected) continue;
      exposed.add(id);
      for (const item of items) lines.push({ workload: id, peer: item.peer, connections: item.connections });
    }
    // An exposed workload's connections with address ranges, in both directions (np-guard's ipMaps).
    if (!exposed.has(id)) continue;
    for (const c of connections) {
      if (directions.egress && c.src.id === id && c.dst.type === 'external') egress.push({ workload: id, peer: c.dst.id, connections: c.allowed });
      if (directions.ingress && c.dst.id === id && c.src.type === 'external') ingress.push({ workload: id, peer: c.src.id, connections: c.allowed });
    }
  }
  const width = Math.max(0, ...[...exposed].map((id) => id.length));
  const write = (lines: Line[], arrow: string) =>
    lines
      .sort((a, b) => compare(a.workload, b.workload) || compare(a.peer, b.peer))
      .map((l) => `${escapeLine(l.workload).padEnd(width)} \t${arrow} \t${escapeLine(l.peer)}${focusConn ? '' : ` : ${formatConnections(l.connections)}`}`);
  let out = `Exposure Analysis Result${focusConn ? ` On ${focusConn.protocol} ${focusConn.port}` : ''}:\n`;
  const egressLines = write(egress, '=>');
  const ingressLines = write(ingress, '<=');
  if (egressLines.length) out += `Egress Exposure:\n${egressLines.join('\n')}\n`;
  if (ingressLines.length) out += `${egressLines.length ? '\n' : ''}Ingress Exposure:\n${ingressLines.join('\n')}\n`;
  if (unprotected.length) out += `\nWorkloads not protected by network policies:\n${unprotected.sort(compare).map(escapeLine).join('\n')}\n`;
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
