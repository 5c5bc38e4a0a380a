/**
 * The one place where engine offsets become LSP positions (UTF-16, as negotiated by default) and back, and where
 * engine severities and findings become LSP diagnostics. Handlers never build a Position, Range or severity by hand.
 */
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import type { Analysis } from '../engine/analysis';
import type { Finding, Severity } from '../engine/rules/rule';
import type { LineColumn, LineIndex } from '../engine/syntax/lineIndex';
import type { Span } from '../engine/syntax/tree';
import { newDetails, plainText, splitMessage } from '../engine/util/plainText';
import { ruleDocHref } from './ruleDocs';

/** The empty range at the start of a file (a new file's text goes there; a file without a line index points there). */
export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function toPosition(at: LineColumn): Position {
  return { line: at.line, character: at.column };
}

export function toRange(lines: LineIndex | undefined, span: Span): Range {
  if (!lines) return START_OF_FILE;
  return { start: toPosition(lines.position(span.start)), end: toPosition(lines.position(span.end)) };
}

/** Where a position points in the text `lines` indexes (clamped to the text, as LSP asks). */
export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offset({ line: position.line, column: position.character });
}

export function toSpan(lines: LineIndex, range: Range): Span {
  return { start: toOffset(lines, range.start), end: toOffset(lines, range.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/**
 * A finding as a diagnostic. The message is plain text (names in quotes, not markdown code spans): with `split`
 * (clients that show related information) one sentence with the point first, the rest as related information at the
 * finding itself, before the rule's own related locations; rows that would repeat another are left out.
 */
export function toDiagnostic(analysis: Analysis, finding: Finding, uriOf: (file: string) => string, split = false): Diagnostic {
  const range = toRange(analysis.lineIndex(finding.file), finding.span);
  const related = finding.related.map((r) => ({ location: { uri: uriOf(r.file), range: toRange(analysis.lineIndex(r.file), r.span) }, message: plainText(r.message) }));
  let message = plainText(finding.message);
  if (split) {
    const { headline, details } = splitMessage(finding.message);
    message = headline;
    const here = { uri: uriOf(finding.file), range };
    related.unshift(...newDetails(details, [headline, ...related.map((r) => r.message)]).map((detail) => ({ location: here, message: detail })));
  }
  const diagnostic: Diagnostic = { range, severity: toSeverity(finding.severity), source: 'netlens', code: finding.ruleId, message };
  const href = ruleDocHref(finding.ruleId);
  if (href) diagnostic.codeDescription = { href };
  const seen = new Set<string>();
  const unique = related.filter((r) => {
    const key = `${r.location.uri} ${JSON.stringify(r.location.range)} ${r.message}`;
    return !seen.has(key) && seen.add(key);
  });
  if (unique.length) diagnostic.relatedInformation = unique;
  if (finding.data) diagnostic.data = { ruleId: finding.ruleId, ...finding.data };
  return diagnostic;
}

/** A problem of the cluster profile (`.netlens.yaml`, its import, settings) as a `cluster-profile` diagnostic. */
export function profileDiagnostic(issue: { severity: Severity; message: string; start?: LineColumn; end?: LineColumn }): Diagnostic {
  const start = issue.start ?? { line: 0, column: 0 };
  const end = issue.end ?? start;
  return { range: { start: toPosition(start), end: toPosition(end) }, severity: toSeverity(issue.severity), source: 'netlens', code: 'cluster-profile', message: plainText(issue.message) };
}
