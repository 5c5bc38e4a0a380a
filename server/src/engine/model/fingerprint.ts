/**
 * A fingerprint of a file's facts without their positions: when an edit leaves it unchanged (typing inside a
 * value that is no name, label, selector, port or reference), no other file's findings can change.
 */
import type { AnyResource } from './resources';

export function factsFingerprint(resources: readonly AnyResource[]): string {
  return JSON.stringify(resources, (key, value: unknown) => (isPositionKey(key) ? undefined : value));
}

function isPositionKey(key: string): boolean {
  return key === 'span' || key.endsWith('Span') || key.endsWith('Spans');
}
