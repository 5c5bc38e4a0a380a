/** Typed, forgiving reads from the plain YAML tree: a wrong shape reads as "absent", never as a throw. */
import type { ScalarValue, YMap, YNode, YPair, YScalar, YSeq } from './tree';

export function asMap(node: YNode | null | undefined): YMap | undefined {
  return node && node.kind === 'map' ? node : undefined;
}

export function asSeq(node: YNode | null | undefined): YSeq | undefined {
  return node && node.kind === 'seq' ? node : undefined;
}

export function asScalar(node: YNode | null | undefined): YScalar | undefined {
  return node && node.kind === 'scalar' ? node : undefined;
}

/**
 * The pair of `key`. A key given twice is an error the reader reports (`Map keys must be unique`; kubectl refuses the
 * object too); its last value is the one read, everywhere (here, stringMapOf, the profile), as a JSON decoder, which
 * is what the Kubernetes YAML path ends in, keeps the last of duplicate fields.
 */
export function pairOf(node: YNode | null | undefined, key: string): YPair | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i]!;
    if (pair.key && String(pair.key.value) === key) return pair;
  }
  return undefined;
}

export function child(node: YNode | null | undefined, ...path: string[]): YNode | undefined {
  let current: YNode | null | undefined = node;
  for (const key of path) {
    current = pairOf(current, key)?.value;
    if (!current) return undefined;
  }
  return current ?? undefined;
}

export function scalarValue(node: YNode | null | undefined): ScalarValue | undefined {
  return asScalar(node)?.value;
}

/** A string as Kubernetes would read it; numbers and booleans are rendered (the API would reject or coerce them). */
export function stringOf(node: YNode | null | undefined): string | undefined {
  const scalar = asScalar(node);
  if (!scalar || scalar.value === null) return undefined;
  return typeof scalar.value === 'string' ? scalar.value : (scalar.source ?? String(scalar.value));
}

export function integerOf(node: YNode | null | undefined): number | undefined {
  const value = scalarValue(node);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function booleanOf(node: YNode | null | undefined): boolean | undefined {
  const value = scalarValue(node);
  return typeof value === 'boolean' ? value : undefined;
}

/** An integer or a string (IntOrString in the Kubernetes API). */
export function intOrStringOf(node: YNode | null | undefined): number | string | undefined {
  const value = scalarValue(node);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') return value;
  return undefined;
}

export function itemsOf(node: YNode | null | undefined): YNode[] {
  return asSeq(node)?.items ?? [];
}

/**
 * A map of string to string (labels, annotations, selectors, ConfigMap data); non-scalar values read as ''. The
 * record has no prototype: its keys come from the manifest, so `toString`, `constructor` or `__proto__` must be keys
 * like any other (on a plain object `labels['toString']` is a function, and `__proto__` would be dropped).
 */
export function stringMapOf(node: YNode | null | undefined): Record<string, string> {
  const out = ownRecord<string>();
  const map = asMap(node);
  if (!map) return out;
  for (const pair of map.pairs) {
    if (!pair.key) continue;
    const value = stringOf(pair.value);
    out[String(pair.key.value)] = value ?? '';
  }
  return out;
}

export function stringListOf(node: YNode | null | undefined): string[] {
  const out: string[] = [];
  for (const item of itemsOf(node)) {
    const value = stringOf(item);
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** An empty record without a prototype, for keys that come from manifests (see stringMapOf). */
export function ownRecord<T>(entries?: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const key of Object.keys(entries)) out[key] = entries[key]!;
  return out;
}
