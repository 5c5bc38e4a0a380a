/**
 * Builders for annotation tables: a table binds owner, kinds, default source and checked date once, rows give key
 * and doc.
 */
import type { AnnotationDoc, AnnotationOwner } from '../types';

export const BOOLEAN_VALUES: string[] = ['true', 'false'];

export interface AnnotationExtra {
  pattern?: boolean;
  kinds?: string[];
  valueHint?: string;
  defaultValue?: string;
  values?: string[];
  /** Overrides the table's source; a value starting with `#` is appended to it as an anchor. */
  source?: string;
  /** Overrides the table's checked date (a row re-read later than the rest of its table). */
  checked?: string;
}

/** Returns a row builder for one owner; `prefix` is prepended to every key. */
export function annotationTable(owner: AnnotationOwner, prefix: string, kinds: string[], source: string, checked: string) {
  return (suffix: string, doc: string, extra: AnnotationExtra = {}): AnnotationDoc => {
    const own = extra.source;
    const entry: AnnotationDoc = {
      key: `${prefix}${suffix}`,
      kinds: extra.kinds ?? kinds,
      owner,
      doc,
      source: own === undefined ? source : own.startsWith('#') ? `${source}${own}` : own,
      checked: extra.checked ?? checked,
    };
    if (extra.pattern) entry.pattern = true;
    if (extra.valueHint !== undefined) entry.valueHint = extra.valueHint;
    if (extra.defaultValue !== undefined) entry.defaultValue = extra.defaultValue;
    if (extra.values !== undefined) entry.values = extra.values;
    return entry;
  };
}
