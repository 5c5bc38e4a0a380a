/** Findings with 1-based line/column positions, the shape every CLI output format starts from. */
import type { Analysis } from '../../engine/analysis';
import type { Finding } from '../../engine/rules/rule';

export interface LocatedFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  file: string;
  /** 1-based; columns count UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { file: string; line: number; column: number; message: string }[];
}

export function locate(analysis: Analysis, findings: readonly Finding[], display: (file: string) => string): LocatedFinding[] {
  return findings.map((finding) => {
    const lines = analysis.lineIndex(finding.file);
    const start = lines?.position(finding.span.start) ?? { line: 0, column: 0 };
    const end = lines?.position(finding.span.end) ?? start;
    return {
      rule: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: display(finding.file),
      line: start.line + 1,
      column: start.column + 1,
      endLine: end.line + 1,
      endColumn: end.column + 1,
      related: finding.related.map((r) => {
        const position = analysis.lineIndex(r.file)?.position(r.span.start) ?? { line: 0, column: 0 };
        return { file: display(r.file), line: position.line + 1, column: position.column + 1, message: r.message };
      }),
    };
  });
}
