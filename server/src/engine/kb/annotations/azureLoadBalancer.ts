/**
 * Adapter from the Azure Service annotation table (azureServiceAnnotations.ts, which also carries value kinds for
 * validation) to plain AnnotationDocs for hovers and completion.
 */
import { AZURE_SERVICE_ANNOTATIONS, type AzureServiceAnnotation } from '../azureServiceAnnotations';
import type { AnnotationDoc } from '../types';

/** Copies the documentation part of one Azure entry; a removed key says so and what replaced it. */
export function azureAnnotationDoc(entry: AzureServiceAnnotation): AnnotationDoc {
  const doc: AnnotationDoc = {
    key: entry.key,
    kinds: [...entry.kinds],
    owner: entry.owner,
    doc: entry.removed ? `${entry.doc} No longer read by the Azure cloud provider: ${entry.removed}.` : entry.noEffectOnAks ? `${entry.doc} It does nothing on AKS: ${entry.noEffectOnAks}.` : entry.doc,
    source: entry.source,
    checked: entry.checked,
  };
  if (entry.pattern) doc.pattern = true;
  if (entry.valueHint !== undefined) doc.valueHint = entry.valueHint;
  if (entry.defaultValue !== undefined) doc.defaultValue = entry.defaultValue;
  if (entry.values !== undefined) doc.values = [...entry.values];
  return doc;
}

export const AZURE_LOAD_BALANCER_ANNOTATIONS: readonly AnnotationDoc[] = AZURE_SERVICE_ANNOTATIONS.map(azureAnnotationDoc);
