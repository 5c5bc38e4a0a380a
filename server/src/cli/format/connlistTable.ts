/**
 * `--format md` and `--format csv` for connectivity lists: one row per pair, columns src, dst, conn (the txt
 * format's strings, in its order), as np-guard writes them.
 */
import type { PeerConnection } from '../../engine/netpol/connectivity';
import { formatConnections } from '../../engine/netpol/portSet';
import type { ExposureRow, ExposureRows } from './exposureRows';
import { escapeLine } from './terminal';

export function formatConnlistMarkdown(connections: readonly PeerConnection[]): string {
  const rows = connections.map((c) => `| ${cell(c.src.id)} | ${cell(c.dst.id)} | ${cell(formatConnections(c.allowed))} |`);
  return ['| src | dst | conn |', '|-----|-----|------|', ...rows].join('\n') + '\n';
}

export function formatConnlistCsv(connections: readonly PeerConnection[]): string {
  const rows = connections.map((c) => [c.src.id, c.dst.id, formatConnections(c.allowed)].map(csvField).join(','));
  return ['src,dst,conn', ...rows].join('\n') + '\n';
}

/** Pipes would end a Markdown table cell, a line break the row. */
export function cell(text: string): string {
  return escapeLine(text).replace(/\|/g, '\\|');
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes inside. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `--exposure` in md, after the connectivity table (np-guard's conns_formatter_md.go): `## Exposure Analysis Result:`,
 * then `### Egress Exposure:` with a `src | dst | conn` table and `### Ingress Exposure:` with `dst | src | conn`.
 */
export function formatExposureMarkdown(rows: ExposureRows, header: string): string {
  const table = (title: string, first: string, second: string, list: readonly ExposureRow[]) =>
    list.length ? [`### ${title}`, `| ${first} | ${second} | conn |`, '|-----|-----|------|', ...list.map((r) => `| ${cell(r.workload)} | ${cell(r.peer)} | ${cell(r.conn)} |`)] : [];
  return [`## ${header}`, ...table('Egress Exposure:', 'src', 'dst', rows.egress), ...table('Ingress Exposure:', 'dst', 'src', rows.ingress)].join('\n') + '\n';
}

/** `--exposure` in csv, after the connectivity rows (np-guard's conns_formatter_csv.go): section rows, then tables. */
export function formatExposureCsv(rows: ExposureRows, header: string): string {
  const line = (fields: string[]) => fields.map(csvField).join(',');
  const table = (title: string, first: string, second: string, list: readonly ExposureRow[]) =>
    list.length ? [line([title, '', '']), line([first, second, 'conn']), ...list.map((r) => line([r.workload, r.peer, r.conn]))] : [];
  return [line([header, '', '']), ...table('Egress Exposure:', 'src', 'dst', rows.egress), ...table('Ingress Exposure:', 'dst', 'src', rows.ingress)].join('\n') + '\n';
}
