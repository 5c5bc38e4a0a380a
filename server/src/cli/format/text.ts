/** `path:line:col severity rule-id message`, one finding a line, then a summary line on stderr's behalf. */
import type { LocatedFinding } from './located';
import { escapeLine } from './terminal';

/** File names and messages come from the workspace: escaped, so that one finding is always one line. */
export function formatText(findings: readonly LocatedFinding[]): string {
  return findings.map((f) => `${escapeLine(f.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${escapeLine(f.message)}\n`).join('');
}

export function summaryLine(findings: readonly LocatedFinding[], fileCount: number): string {
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return `${fileCount} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`;
}
