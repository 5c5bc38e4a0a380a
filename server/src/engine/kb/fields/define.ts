/**
 * Small builders for the field documentation tables: each data file lists rows (path, doc, enum values) and turns
 * them into `FieldDoc`s for one kind with a default source URL. Builders only; no knowledge lives here.
 */
import type { FieldDoc } from '../types';

export type FieldValue = { value: string; doc: string };

/** One documented field, before it is bound to a kind. */
export interface FieldRow {
  /** Dotted path without sequence indexes, relative to the prefix it is placed under. */
  path: string;
  doc: string;
  values?: FieldValue[];
  /** Overrides the table's default source. */
  source?: string;
  /** Overrides the table's checked date (a row re-read later than the rest of its table). */
  checked?: string;
}

export function row(path: string, doc: string, more: { values?: FieldValue[]; source?: string; checked?: string } = {}): FieldRow {
  return { path, doc, ...more };
}

export function value(name: string, doc: string): FieldValue {
  return { value: name, doc };
}

/** Places rows under `prefix` (rows with an empty path become the prefix itself). */
export function under(prefix: string, rows: readonly FieldRow[]): FieldRow[] {
  return rows.map((r) => ({ ...r, path: r.path === '' ? prefix : prefix === '' ? r.path : `${prefix}.${r.path}` }));
}

/**
 * Binds rows to a kind; a row without its own source gets `source`, without its own date `checked`. `group` marks
 * the docs of a kind whose name another API group also uses (see FieldDoc.group).
 */
export function docsOf(kind: string, source: string, rows: readonly FieldRow[], checked: string, group?: string): FieldDoc[] {
  return rows.map((r) => {
    const doc: FieldDoc = { kind, path: r.path, doc: r.doc, source: r.source ?? source, checked: r.checked ?? checked };
    if (group) doc.group = group;
    if (r.values) doc.values = r.values;
    return doc;
  });
}
