/**
 * Fingerprints of facts without their positions (and without the id, which counts documents in the file): when an
 * edit leaves an object's fingerprint unchanged (typing inside a value that is no name, label, selector, port or
 * reference, or moving the object), nothing another file reads about it has changed.
 */
import { contentHash } from '../util/contentHash';
import type { AnyResource } from './resources';

export function resourceFingerprint(resource: AnyResource): string {
  // Kept per object for the file's next edit: a hash of the facts' JSON (the same 64-bit hash that tells whether a
  // file's text changed), not the JSON itself, which held about a tenth of the analysis heap. An object met a second
  // time is written as a reference to its first place: facts share objects where the YAML shares nodes through
  // aliases (a NetworkPolicy rule aliased 300 times), and JSON.stringify alone would write a shared object out at
  // every use, as large as the alias bomb expands. Places are numbered in the order JSON.stringify visits them, so
  // equal facts shared alike print alike.
  const places = new Map<object, number>();
  return contentHash(
    JSON.stringify(resource, (key, value: unknown) => {
      if (isPositionKey(key)) return undefined;
      if (value === null || typeof value !== 'object') return value;
      const place = places.get(value);
      if (place !== undefined) return { '#': place };
      places.set(value, places.size);
      return value;
    }),
  );
}

function isPositionKey(key: string): boolean {
  return key === 'span' || key === 'id' || key.endsWith('Span') || key.endsWith('Spans');
}

/** The objects of `before` and `after` that the other side has no identical copy of (a multiset difference). */
export function changedResources(before: readonly AnyResource[], beforePrints: readonly string[], after: readonly AnyResource[], afterPrints: readonly string[]): AnyResource[] {
  const unmatched = new Map<string, number>();
  for (const print of beforePrints) unmatched.set(print, (unmatched.get(print) ?? 0) + 1);
  const changed: AnyResource[] = [];
  after.forEach((resource, i) => {
    const count = unmatched.get(afterPrints[i]!) ?? 0;
    if (count > 0) unmatched.set(afterPrints[i]!, count - 1);
    else changed.push(resource);
  });
  const leftover = new Map(unmatched);
  before.forEach((resource, i) => {
    const count = leftover.get(beforePrints[i]!) ?? 0;
    if (count > 0) {
      leftover.set(beforePrints[i]!, count - 1);
      changed.push(resource);
    }
  });
  return changed;
}
