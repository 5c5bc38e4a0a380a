/** Small helpers the quick-fixes share: the object a finding is on, candidate ranking, edits as changes. */
import type { AnyResource, Service } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { Span } from '../syntax/tree';
import { editDistance } from '../util/closestName';
import type { CodeFix, FixContext, FixKind, TextEdit } from './types';
import type { Edit } from './yamlEdit';
import { verifyEdits, Readings, type IntendedEdit } from './yamlGuard';

/** The object of `file` whose span contains `span` (the innermost one, for List items), optionally of some kinds. */
export function resourceAt(index: WorkspaceIndex, file: string, span: Span, kinds?: readonly string[]): AnyResource | undefined {
  let best: AnyResource | undefined;
  for (const resource of index.resourcesOf(file)) {
    if (kinds && !kinds.includes(resource.kind)) continue;
    if (resource.span.start <= span.start && span.end <= resource.span.end) {
      if (!best || resource.span.end - resource.span.start < best.span.end - best.span.start) best = resource;
    }
  }
  return best;
}

export interface RankedCandidates {
  /** Best fit first (see rankCandidates), at most `limit`. */
  names: string[];
  /** The name a person most likely meant: strictly closer than any other, within the did-you-mean distance. */
  obvious?: string;
  /** The only name within the did-you-mean distance, and it fits (what `netlens fix` may apply unattended). */
  only?: string;
}

/**
 * Names for `wrong`, best fit first: names within the did-you-mean distance (as `closestName` uses) before the
 * others; then those that `fits` (the Service has the port the reference needs) before those that do not; then by
 * edit distance, the rule's own suggestion, the longer common prefix, and the name. Looser names are still offered (up
 * to `limit`) when nothing is that close, since the user asked for a fix: for a Service `acount` on port 80 that is
 * the Services with port 80, not the first name of the alphabet.
 */
export function rankCandidates(wrong: string, candidates: readonly string[], limit = 3, suggestion?: string, fits: (name: string) => boolean = () => true): RankedCandidates {
  const unique = [...new Set(candidates)].filter((c) => c !== wrong && c !== '');
  const threshold = Math.max(2, Math.floor(wrong.length / 3));
  const scored = unique.map((name) => {
    const distance = editDistance(wrong, name);
    return { name, distance, close: distance <= threshold, fits: fits(name), prefix: commonPrefixLength(wrong, name) };
  });
  scored.sort(
    (a, b) =>
      Number(b.close) - Number(a.close) ||
      Number(b.fits) - Number(a.fits) ||
      a.distance - b.distance ||
      Number(b.name === suggestion) - Number(a.name === suggestion) ||
      b.prefix - a.prefix ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const close = scored.filter((s) => s.close);
  const result: RankedCandidates = { names: scored.slice(0, limit).map((s) => s.name) };
  if (close.length === 1 && close[0]!.fits) result.only = close[0]!.name;
  const best = close[0];
  if (best && close.filter((c) => c.fits === best.fits && c.distance === best.distance).length === 1) result.obvious = best.name;
  return result;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Whether a Service has the port a reference needs: by number or name (nothing asked: any Service fits). */
export function hasPort(service: Pick<Service, 'ports'>, port: number | string | undefined): boolean {
  if (port === undefined) return true;
  return service.ports.some((p) => (typeof port === 'number' ? p.port === port : p.name === port));
}

export function fileEdit(file: string, edit: Edit): TextEdit {
  return { file, span: edit.span, newText: edit.newText, intent: edit.intent };
}

/**
 * The guard for edits of existing files: per file, the edited text must read back as the text before with exactly
 * the intended changes (yamlGuard.verifyEdits). Returns the edits without their intents, or why they are refused.
 */
export function checkedEdits(textOf: FixContext['textOf'], edits: readonly TextEdit[], readings: Readings = new Readings()): { edits: TextEdit[] } | { error: string } {
  const byFile = new Map<string, IntendedEdit[]>();
  for (const edit of edits) {
    if (!edit.intent) return { error: 'an edit does not say what it means, so it cannot be checked' };
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), { span: edit.span, newText: edit.newText, intent: edit.intent }]);
  }
  for (const [file, fileEdits] of byFile) {
    const text = textOf(file);
    if (text === undefined) return { error: `cannot read ${file}` };
    const error = verifyEdits(text, fileEdits, readings);
    if (error) return { error };
  }
  return { edits: edits.map(({ file, span, newText }) => ({ file, span, newText })) };
}

/** A fix after the guard: unchanged but for its edits' intents, or disabled (no change) with the reason. */
export function checkedFix(textOf: FixContext['textOf'], fix: CodeFix, readings: Readings): CodeFix {
  if (fix.change.edits.length === 0) return fix;
  const checked = checkedEdits(textOf, fix.change.edits, readings);
  if ('error' in checked) return { ...fix, change: { edits: [], newFiles: [] }, disabled: checked.error };
  return { ...fix, change: { ...fix.change, edits: checked.edits } };
}

export function editFix(ruleId: string, title: string, edits: TextEdit[], options: { preferred?: boolean; safe?: boolean; kind?: FixKind } = {}): CodeFix {
  const fix: CodeFix = { title, kind: options.kind ?? 'quickfix', ruleId, change: { edits, newFiles: [] } };
  if (options.preferred) fix.isPreferred = true;
  if (options.safe) fix.safe = true;
  return fix;
}

/** The value of a scalar as written at a span (quotes removed); used to check that a finding is not stale. */
export function scalarAt(text: string, span: Span): string {
  const raw = text.slice(span.start, span.end);
  if ((raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"))) return raw.slice(1, -1);
  return raw;
}

export function stringData<D extends object>(data: D, key: keyof D & string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberOrStringData<D extends object>(data: D, key: keyof D & string): number | string | undefined {
  const value = data[key];
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** `ns/name` -> parts (a bare name is in `fallbackNamespace`). */
export function splitRef(ref: string, fallbackNamespace: string): { namespace: string; name: string } {
  const slash = ref.indexOf('/');
  return slash >= 0 ? { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) } : { namespace: fallbackNamespace, name: ref };
}
