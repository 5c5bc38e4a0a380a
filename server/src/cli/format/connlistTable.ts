/**
 * `--format md` and `--format csv` for connectivity lists: one row per pair, columns src, dst, conn (the txt
 * format's strings, in its order), as np-guard writes them.
 */
import type { PeerConnection } from '../../engine/netpol/connectivity';
import { formatConnections } from '../../engine/netpol/portSet';
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
