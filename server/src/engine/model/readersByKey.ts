/**
 * Which files' findings read which index keys (see WorkspaceIndex.recordReads), kept both ways, so that a refresh
 * finds the files a change touches from the changed keys alone instead of testing every file's reads: at 50,000
 * resources that test cost several milliseconds per edit, most of an edit's budget.
 *
 * A read key touches a change key when they are equal, when the read is `kind|*` and the change is of that kind, or
 * when the read is `*`; no change touches nothing. The same rules serve the index (`ReadersByKey.touchedBy`: which
 * files) and one list of reads (`touches`: which rule checks within a file, see checkResults.ts).
 */

/** The change keys of a refresh, with the kinds they change (a read of `kind|*` is touched by any of them). */
export interface ChangeKeys {
  readonly keys: ReadonlySet<string>;
  readonly kinds: ReadonlySet<string>;
}

export function changeKeysFrom(keys: ReadonlySet<string>): ChangeKeys {
  const kinds = new Set<string>();
  for (const key of keys) kinds.add(key.slice(0, key.indexOf('|')));
  return { keys, kinds };
}

/** Whether a check that read `reads` may answer differently after `changes`. */
export function touches(reads: readonly string[], changes: ChangeKeys): boolean {
  // No change touches nothing, `*` included (as ReadersByKey.touchedBy has it).
  if (changes.keys.size === 0) return false;
  for (const read of reads) {
    if (read === '*') return true;
    const bar = read.indexOf('|');
    if (read.length === bar + 2 && read.endsWith('*') ? changes.kinds.has(read.slice(0, bar)) : changes.keys.has(read)) return true;
  }
  return false;
}

/** Per file, the keys its findings read; per key, the files that read it. */
export class ReadersByKey {
  private readonly readsOf = new Map<string, ReadonlySet<string>>();
  private readonly readersOf = new Map<string, Set<string>>();

  /** Replaces what `file`'s findings read. */
  set(file: string, reads: ReadonlySet<string>): void {
    this.delete(file);
    this.readsOf.set(file, reads);
    for (const key of reads) {
      let readers = this.readersOf.get(key);
      if (!readers) this.readersOf.set(key, (readers = new Set()));
      readers.add(file);
    }
  }

  delete(file: string): void {
    const reads = this.readsOf.get(file);
    if (!reads) return;
    this.readsOf.delete(file);
    for (const key of reads) {
      const readers = this.readersOf.get(key);
      if (!readers) continue;
      readers.delete(file);
      if (readers.size === 0) this.readersOf.delete(key);
    }
  }

  /** Whether `file`'s reads are known (its findings were computed since it last changed). */
  has(file: string): boolean {
    return this.readsOf.has(file);
  }

  /** The files whose findings read something that one of the changes (`kind|namespace`, ...) changes. */
  touchedBy(changes: ChangeKeys): Set<string> {
    const touched = new Set<string>();
    if (changes.keys.size === 0) return touched;
    const add = (key: string) => {
      for (const file of this.readersOf.get(key) ?? []) touched.add(file);
    };
    add('*');
    for (const key of changes.keys) add(key);
    for (const kind of changes.kinds) add(`${kind}|*`);
    return touched;
  }
}
