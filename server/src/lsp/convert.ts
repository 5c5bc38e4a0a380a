/** The one place where engine offsets become LSP positions (UTF-16, as negotiated by default) and back. */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { Analysis } from '../engine/analysis';
import { ruleDocUrl, type Finding, type Severity } from '../engine/rules/rule';
import type { LineIndex } from '../engine/syntax/lineIndex';
import type { Span } from '../engine/syntax/tree';

export function toRange(lines: LineIndex | undefined, span: Span): Range {
  if (!lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(analysis: Analysis, finding: Finding, uriOf: (file: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(analysis.lineIndex(finding.file), finding.span),
    severity: SEVERITY[finding.severity],
    source: 'netlens',
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    message: finding.message,
  };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: uriOf(r.file), range: toRange(analysis.lineIndex(r.file), r.span) },
      message: r.message,
    }));
  }
  if (finding.data) diagnostic.data = { ruleId: finding.ruleId, ...finding.data };
  return diagnostic;
}
