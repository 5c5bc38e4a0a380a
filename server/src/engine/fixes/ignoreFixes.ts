/**
 * The two ways to silence one finding that every finding offers (rules/suppression.ts reads them):
 *  - for the object: the rule id added to its `netlens.io/ignore` annotation (merged into the ids already there, the
 *    annotation or the `annotations` map added when missing), with the file's indentation;
 *  - on the line: a `# netlens-ignore <rule>` comment on its own line above the finding's first line, at that line's
 *    indentation (consecutive directive comments add up, so one above it already is kept as it is).
 * Each edit is checked before it is offered: the edited text, read again by the engine's reader, must hold the same
 * documents (the comment changes no data: it cannot land inside a block scalar or a multi-line string) and silence
 * the finding.
 */
import type { AnyResource } from '../model/resources';
import { asMap, asScalar, pairOf } from '../syntax/access';
import { LineIndex } from '../syntax/lineIndex';
import { parseYamlText } from '../syntax/parse';
import type { YNode } from '../syntax/tree';
import { IGNORE_ANNOTATION, ignoreCommentsOf, parseIgnoreIds } from '../rules/suppression';
import { editFix, fileEdit, resourceAt } from './fixSupport';
import { applyEdits, type CodeFix, type FixContext, type FixTarget } from './types';
import { addPair, detectStyle, eolOf, lineStart, mapAt, objectNodeIn, pathPair, replaceScalar, type Edit } from './yamlEdit';

/** Rules whose findings are about a file, not an object or a line: nothing to silence them with. */
const UNSUPPRESSIBLE = new Set(['yaml-syntax', 'file-skipped']);

export function ignoreFixes(ctx: FixContext, target: FixTarget): CodeFix[] {
  if (UNSUPPRESSIBLE.has(target.ruleId)) return [];
  const text = ctx.textOf(target.file);
  if (text === undefined) return [];
  const fixes: CodeFix[] = [];
  const resource = resourceAt(ctx.index, target.file, target.span);
  const objectEdit = resource ? ignoreObjectEdit(text, resource, target.ruleId) : undefined;
  if (objectEdit) fixes.push(editFix(target.ruleId, `Ignore ${target.ruleId} for this object`, [fileEdit(target.file, objectEdit)]));
  const lineEdit = ignoreLineEdit(text, target);
  if (lineEdit) fixes.push(editFix(target.ruleId, `Ignore ${target.ruleId} on this line`, [fileEdit(target.file, lineEdit)]));
  return fixes;
}

/** The edit adding `ruleId` to the object's ignore annotation, or undefined when it cannot be written safely. */
function ignoreObjectEdit(text: string, resource: AnyResource, ruleId: string): Edit | undefined {
  const found = objectNodeIn(text, resource.span);
  const metadata = found ? mapAt(found.node, ['metadata']) : undefined;
  if (!found || !metadata || metadata.pairs.length === 0) return undefined;
  const style = detectStyle(text);
  const annotations = pathPair(found.node, ['metadata', 'annotations']);
  let edit: Edit | undefined;
  if (!annotations) {
    edit = addPair(text, metadata, 'annotations', { [IGNORE_ANNOTATION]: ruleId }, style);
  } else {
    const map = asMap(annotations.pair.value);
    // `annotations:` with no value, or a value that is no map: not ours to rewrite.
    if (!map) return undefined;
    const existing = pairOf(map, IGNORE_ANNOTATION);
    const value = asScalar(existing?.value);
    if (existing && (!value || typeof value.value !== 'string')) return undefined;
    if (value && typeof value.value === 'string') {
      const ids = parseIgnoreIds(value.value);
      if (ids.length === 0 || ids.includes(ruleId) || ids.includes('*')) return undefined;
      edit = replaceScalar(text, value, [...ids, ruleId].join(','));
    } else if (map.pairs.length === 0 && text[map.start] !== '{') {
      return undefined;
    } else {
      edit = addPair(text, map, IGNORE_ANNOTATION, ruleId, style);
    }
  }
  return silencesObject(text, edit, resource, ruleId) ? edit : undefined;
}

/** The comment line silencing the finding's first line, or undefined when it would change the data. */
function ignoreLineEdit(text: string, target: FixTarget): Edit | undefined {
  const lines = new LineIndex(text);
  const line = lines.position(target.span.start).line;
  const start = lineStart(text, lines.lineStart(line));
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  const edit: Edit = { span: { start, end: start }, newText: `${indent}# netlens-ignore ${target.ruleId}${eolOf(text)}` };
  const edited = applyEdits(text, [edit]);
  if (!ignoreCommentsOf(edited).get(line + 1)?.has(target.ruleId)) return undefined;
  return sameDocuments(text, edited) ? edit : undefined;
}

/** The edited text keeps every document's data and gives the object the ignore annotation for the rule. */
function silencesObject(text: string, edit: Edit, resource: AnyResource, ruleId: string): boolean {
  const edited = applyEdits(text, [edit]);
  const parsed = parseYamlText(edited);
  if (parsed.issues.some((i) => i.severity === 'error') || parsed.documents.length !== parseYamlText(text).documents.length) return false;
  const shift = edit.newText.length - (edit.span.end - edit.span.start);
  const object = objectNodeIn(edited, { start: resource.span.start, end: resource.span.end + shift });
  const annotation = object ? asScalar(pathPair(object.node, ['metadata', 'annotations', IGNORE_ANNOTATION])?.pair.value) : undefined;
  return typeof annotation?.value === 'string' && parseIgnoreIds(annotation.value).includes(ruleId);
}

/** Both texts read as the same documents (structure and values; positions aside). */
function sameDocuments(before: string, after: string): boolean {
  const a = parseYamlText(before);
  const b = parseYamlText(after);
  if (a.documents.length !== b.documents.length || a.issues.length !== b.issues.length) return false;
  const compared = new Map<YNode, YNode>();
  return a.documents.every((document, i) => sameNode(document.root, b.documents[i]!.root, compared));
}

/** Structural equality; `compared` makes nodes shared through aliases cost one comparison. */
function sameNode(a: YNode | null, b: YNode | null, compared: Map<YNode, YNode>): boolean {
  if (a === null || b === null) return a === b;
  if (compared.get(a) === b) return true;
  compared.set(a, b);
  if (a.kind === 'scalar') return b.kind === 'scalar' && a.value === b.value;
  if (a.kind === 'seq') return b.kind === 'seq' && a.items.length === b.items.length && a.items.every((item, i) => sameNode(item, b.items[i]!, compared));
  return (
    b.kind === 'map' &&
    a.pairs.length === b.pairs.length &&
    a.pairs.every((pair, i) => sameNode(pair.key, b.pairs[i]!.key, compared) && sameNode(pair.value, b.pairs[i]!.value, compared))
  );
}
