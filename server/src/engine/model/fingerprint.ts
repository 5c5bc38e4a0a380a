/**
 * Fingerprints of facts without their positions (and without the id, which counts documents in the file): when an
 * edit leaves an object's fingerprint unchanged (typing inside a value that is no name, label, selector, port or
 * reference, or moving the object), nothing another file reads about it has changed.
 */
import { contentHash } from '../util/contentHash';
import type { AnyResource } from './resources';

export function resourceFingerprint(resource: AnyResource): string {
  // Kept per object for the file's next edit: a hash (the same 64-bit hash that tells whether a file's text changed),
  // not the facts' JSON itself, which held about a tenth of the analysis heap. Built bottom-up, each object hashed
  // once: facts share objects where the YAML shares nodes through aliases (a NetworkPolicy rule aliased 300 times),
  // and JSON.stringify would write a shared object out at every use, as large as the alias bomb expands.
  const hashes = new Map<object, string>();
  const print = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return value === undefined ? 'u' : JSON.stringify(value);
    const known = hashes.get(value);
    if (known !== undefined) return known;
    const text = Array.isArray(value)
      ? `[${value.map(print).join(',')}]`
      : `{${Object.entries(value)
          .filter(([key, member]) => !isPositionKey(key) && member !== undefined)
          .map(([key, member]) => `${JSON.stringify(key)}:${print(member)}`)
          .join(',')}}`;
    const hash = `#${contentHash(text)}`;
    hashes.set(value, hash);
    return hash;
  };
  return print(resource);
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
