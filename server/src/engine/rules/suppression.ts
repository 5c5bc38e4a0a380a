/**
 * Suppressions written in the manifests themselves:
 *  - an object annotation `netlens.io/ignore: "rule-a,rule-b"` (or `"*"`) silences those rules for that object;
 *  - a comment `# netlens-ignore rule-a, rule-b` (no ids = every rule) silences findings that start on the next
 *    line that is not itself a comment.
 */
import type { AnyResource } from '../model/resources';
import type { LineIndex } from '../syntax/lineIndex';
import type { Finding } from './rule';

export const IGNORE_ANNOTATION = 'netlens.io/ignore';
const IGNORE_COMMENT = /^[ \t]*#[ \t]*netlens-ignore\b(.*)$/;

/** Rule ids (or '*') silenced per 0-based line, from `# netlens-ignore` comments. */
export type IgnoredLines = ReadonlyMap<number, ReadonlySet<string>>;

export function ignoreCommentsOf(text: string): IgnoredLines {
  const ignored = new Map<number, Set<string>>();
  if (!text.includes('netlens-ignore')) return ignored;
  const lines = text.split(/\r\n|\r|\n/);
  let pending: Set<string> | undefined;
  lines.forEach((line, index) => {
    const match = IGNORE_COMMENT.exec(line);
    if (match) {
      const ids = parseIgnoreIds(match[1]!);
      pending = new Set([...(pending ?? []), ...(ids.length ? ids : ['*'])]);
      return;
    }
    // Other comments and blank lines between the directive and its target keep it pending.
    if (pending && /^[ \t]*(#.*)?$/.test(line)) return;
    if (pending) ignored.set(index, pending);
    pending = undefined;
  });
  return ignored;
}

/** The rule ids of an ignore annotation's value or comment (empty: every rule). */
export function parseIgnoreIds(text: string): string[] {
  return text
    .replace(/#.*$/, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && /^[a-z0-9*-]+$/.test(s));
}

export function annotationIgnores(resource: AnyResource): ReadonlySet<string> | undefined {
  const value = resource.annotations[IGNORE_ANNOTATION];
  if (value === undefined) return undefined;
  const ids = parseIgnoreIds(value);
  return new Set(ids.length ? ids : ['*']);
}

export function isSuppressed(finding: Finding, lines: LineIndex, ignoredLines: IgnoredLines, objectIgnores: ReadonlySet<string> | undefined): boolean {
  if (objectIgnores && (objectIgnores.has('*') || objectIgnores.has(finding.ruleId))) return true;
  if (ignoredLines.size === 0) return false;
  const ids = ignoredLines.get(lines.position(finding.span.start).line);
  return !!ids && (ids.has('*') || ids.has(finding.ruleId));
}
