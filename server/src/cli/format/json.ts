/**
 * The stable JSON report. Version 1: `{"version": 1, "findings": [...]}`; each finding has rule, severity, message,
 * file, line, column, endLine, endColumn (1-based) and related locations. New fields may be added; none is removed
 * or renamed without a new version.
 */
import type { LocatedFinding } from './located';

export function formatJson(findings: readonly LocatedFinding[]): string {
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}
