/**
 * The index's caches of values computed from its objects, named by what keeps them valid:
 * - `ByKindCache`: a value computed from the objects of some kinds, dropped when an object of one of those kinds is
 *   added or removed (the index calls `kindChanged`);
 * - `LifetimeCache`: a value kept as long as the index, never dropped, for caches that check their own input on
 *   every use.
 * Values valid while what they read is unchanged are `ReadVersionedMemo` (readRecorder.ts). What readers of these
 * values depend on is recorded by the index (`WorkspaceIndex.derived`, `shared`, `retained`).
 */

export class ByKindCache {
  private readonly values = new Map<string, { kinds: ReadonlySet<string>; value: unknown }>();

  get<T>(key: string, kinds: readonly string[], compute: () => T): T {
    const cached = this.values.get(key);
    if (cached) return cached.value as T;
    const value = compute();
    this.values.set(key, { kinds: new Set(kinds), value });
    return value;
  }

  kindChanged(kind: string): void {
    for (const [key, entry] of this.values) if (entry.kinds.has(kind)) this.values.delete(key);
  }
}

export class LifetimeCache {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string, create: () => T): T {
    let value = this.values.get(key) as T | undefined;
    if (value === undefined) this.values.set(key, (value = create()));
    return value;
  }
}
