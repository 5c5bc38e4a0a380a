/**
 * Which files' findings read which index keys (see WorkspaceIndex.recordReads), kept both ways, so that a refresh
 * finds the files a change touches from the changed keys alone instead of testing every file's reads: at 50,000
 * resources that test cost several milliseconds per edit, most of an edit's budget.
 *
 * A read key touches a change key when they are equal, when the read is `kind|*` and the change is of that kind, or
 * when the read is `*`; no change touches nothing. The same rules serve the index (`ReadersByKey.touchedBy`: which
 * files) and one list of reads (`touches` in readKeys.ts: which rule checks within a file, see checkResults.ts).
 */
import { EVERYTHING, objectsAnywhere, type ChangeKeys, type ReadKey } from './readKeys';

/** Per file, the keys its findings read; per key, the files that read it. */
export class ReadersByKey {
  private readonly readsOf = new Map<string, ReadonlySet<ReadKey>>();
  private readonly readersOf = new Map<ReadKey, Set<string>>();

  /** Replaces what `file`'s findings read. */
  set(file: string, reads: ReadonlySet<ReadKey>): void {
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
    const add = (key: ReadKey) => {
      for (const file of this.readersOf.get(key) ?? []) touched.add(file);
    };
    add(EVERYTHING);
    for (const key of changes.keys) add(key);
    for (const kind of changes.kinds) add(objectsAnywhere(kind));
    return touched;
  }
}
