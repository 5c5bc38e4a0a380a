/**
 * The two ways to silence one finding that every finding offers (rules/suppression.ts reads them):
 *  - for the object: the rule id added to its `netlens.io/ignore` annotation (merged into the ids already there, the
 *    annotation or the `annotations` map added when missing), with the file's indentation;
 *  - on the line: a `# netlens-ignore <rule>` comment on its own line above the finding's first line, at that line's
 *    indentation (consecutive directive comments add up, so one above it already is kept as it is).
 * Each passes the guard every fix passes (yamlGuard.ts: the edited file reads back with exactly the intended change;
 * for the comment, no data changed, so it never lands inside a block scalar or a multi-line string), and the comment
 * must silence the finding's line; a refused one is not offered.
 */
import type { AnyResource } from '../model/resources';
import { asMap, asScalar, pairOf } from '../syntax/access';
import { LineIndex } from '../syntax/lineIndex';
import { IGNORE_ANNOTATION, ignoreCommentsOf, parseIgnoreIds } from '../rules/suppression';
import { checkedFix, editFix, fileEdit, resourceAt } from './fixSupport';
import { applyEdits, type CodeFix, type FixContext, type FixTarget } from './types';
import { addPair, detectStyle, eolOf, lineStart, mapAt, objectNodeIn, pathPair, replaceScalar, type Edit } from './yamlEdit';
import { Readings } from './yamlGuard';

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
  const readings = new Readings();
  return fixes.map((fix) => checkedFix(ctx.textOf, fix, readings)).filter((fix) => !fix.disabled);
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
  return edit;
}

/** The comment line silencing the finding's first line, or undefined when it would change the data. */
function ignoreLineEdit(text: string, target: FixTarget): Edit | undefined {
  const lines = new LineIndex(text);
  const line = lines.position(target.span.start).line;
  const start = lineStart(text, lines.lineStart(line));
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  const edit: Edit = { span: { start, end: start }, newText: `${indent}# netlens-ignore ${target.ruleId}${eolOf(text)}`, intent: { kind: 'comment' } };
  return ignoreCommentsOf(applyEdits(text, [edit])).get(line + 1)?.has(target.ruleId) ? edit : undefined;
}
