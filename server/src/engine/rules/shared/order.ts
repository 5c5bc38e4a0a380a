/**
 * Deterministic order for what rules put in messages and related locations. The index returns definitions in
 * insertion order, which differs between an incremental update and a fresh analysis; findings must not.
 */
import type { Span } from '../../syntax/tree';

/** A sorted copy: by file, then position. */
export function byLocation<T extends { file: string; span: Span }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start));
}

/** Unique names, sorted. */
export function sortedNames(items: readonly { name: string }[]): string[] {
  return [...new Set(items.map((i) => i.name))].sort();
}
