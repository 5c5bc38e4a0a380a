/**
 * service-selects-nothing: the Service's selector changed to the pod labels of the workload closest to it (the one
 * its message names, model/closestWorkload.ts): differing values replaced, keys the workload does not have removed.
 * "Use app=orders" is the usual repair of a Service written for a renamed or misspelt app label. The edited
 * Service is read back: its selector must be the intended labels.
 */
import { closestWorkload } from '../model/closestWorkload';
import { equalitySelector } from '../model/labelSelector';
import type { Service } from '../model/resources';
import { asScalar, stringMapOf } from '../syntax/access';
import { editFix, fileEdit, resourceAt } from './fixSupport';
import type { FindingDataOf } from '../rules/findingData';
import { applyEdits, type CodeFix, type FixContext, type FixTarget } from './types';
import { mapAt, objectNodeIn, removePair, replaceScalar, type Edit } from './yamlEdit';

export function selectorFixes(ctx: FixContext, target: FixTarget<FindingDataOf['service-selects-nothing']>): CodeFix[] {
  const service = resourceAt(ctx.index, target.file, target.span, ['Service']) as Service | undefined;
  const text = ctx.textOf(target.file);
  if (!service?.selector || text === undefined) return [];
  const workload = closestWorkload(service.selector, ctx.index.workloadsIn(service.namespace));
  const found = workload ? objectNodeIn(text, service.span) : undefined;
  const selector = found ? mapAt(found.node, ['spec', 'selector']) : undefined;
  if (!workload || !selector) return [];
  const labels: Record<string, string> = {};
  const edits: Edit[] = [];
  let dropped = 0;
  for (const pair of selector.pairs) {
    const key = pair.key ? String(pair.key.value) : undefined;
    const value = asScalar(pair.value);
    if (key === undefined || !value) return [];
    if (!Object.prototype.hasOwnProperty.call(workload.podLabels, key)) {
      edits.push(removePair(text, selector, pair));
      dropped++;
      continue;
    }
    const wanted = workload.podLabels[key]!;
    labels[key] = wanted;
    if (String(value.value) !== wanted) edits.push(replaceScalar(text, value, wanted));
  }
  if (edits.length === 0 || Object.keys(labels).length === 0) return [];
  // Read back: the Service's selector is exactly the labels meant.
  const edited = applyEdits(text, edits);
  const shift = edits.reduce((n, e) => n + e.newText.length - (e.span.end - e.span.start), 0);
  const after = objectNodeIn(edited, { start: service.span.start, end: service.span.end + shift });
  const written = after ? stringMapOf(mapAt(after.node, ['spec', 'selector'])) : undefined;
  if (!written || JSON.stringify(written) !== JSON.stringify(labels)) return [];
  const selected = ctx.index.workloadsSelectedBy(service.namespace, equalitySelector(labels, service.span)).length;
  const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
  const also = selected > 1 ? `; it selects ${selected} workloads` : '';
  return [
    editFix(target.ruleId, `Use ${shown}, the pod labels of ${workload.kind} '${workload.name}'${also}`, edits.map((e) => fileEdit(target.file, e)), {
      preferred: dropped === 0 && selected === 1,
    }),
  ];
}
