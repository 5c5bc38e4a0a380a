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
 * The workload column is padded to the longest exposed workload; empty sections are left out. With `--focus-conn`
 * the header says `On TCP 8080` and lines carry no conns.
 */
import type { PeerConnection } from '../../engine/netpol/connectivity';
import type { WorkloadExposure } from '../../engine/reach/exposure';
import type { FocusConn } from '../focusConn';
import { exposureHeader, exposureRows, type ExposureDirections, type ExposureRow } from './exposureRows';
import { escapeLine } from './terminal';

export function formatExposureText(exposures: readonly WorkloadExposure[], connections: readonly PeerConnection[], directions: ExposureDirections, focusConn?: FocusConn): string {
  const rows = exposureRows(exposures, connections, directions, focusConn);
  const width = Math.max(0, ...[...rows.exposed].map((id) => id.length));
  const write = (lines: readonly ExposureRow[], arrow: string) => lines.map((l) => `${escapeLine(l.workload).padEnd(width)} \t${arrow} \t${escapeLine(l.peer)}${focusConn ? '' : ` : ${l.conn}`}`);
  let out = `${exposureHeader(focusConn)}\n`;
  const egressLines = write(rows.egress, '=>');
  const ingressLines = write(rows.ingress, '<=');
  if (egressLines.length) out += `Egress Exposure:\n${egressLines.join('\n')}\n`;
  if (ingressLines.length) out += `${egressLines.length ? '\n' : ''}Ingress Exposure:\n${ingressLines.join('\n')}\n`;
  if (rows.unprotected.length) out += `\nWorkloads not protected by network policies:\n${rows.unprotected.map(escapeLine).join('\n')}\n`;
  return out;
}
