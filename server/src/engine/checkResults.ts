/**
 * The last result of each rule check (one rule on one object) of a file: the findings it gave and the index keys it
 * read. When a change touches a file's reads but not the file itself, a refresh re-runs only the checks whose own
 * reads the change touches and keeps the others' findings: a pod-label edit re-ran every check of the ~140 files that
 * read the namespace's pods, about half of which never asked about pods.
 *
 * Reads are kept as shared lists (`ReadLists`): many checks read the same keys, and a workspace holds hundreds of
 * thousands of checks (at 50,000 resources this bookkeeping holds about 15 MB).
 */
import type { Finding } from './rules/rule';

/** A file's checks, in the order they run: the reads and findings of check i at position i (two arrays, not an
 * object per check, which would cost three times the memory). */
export interface FileChecks {
  readonly reads: (readonly string[])[];
  readonly findings: (readonly Finding[])[];
}

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

/** Whether a check that read `reads` may answer differently after `changes` (see ReadersByKey for the key forms). */
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

/** Equal read lists shared: one array per distinct list (in the order the keys were read). */
export class ReadLists {
  private readonly lists = new Map<string, readonly string[]>();

  intern(reads: ReadonlySet<string>): readonly string[] {
    if (reads.size === 0) return NO_READS;
    const list = [...reads];
    const key = list.join('\n');
    const known = this.lists.get(key);
    if (known) return known;
    this.lists.set(key, list);
    return list;
  }
}

const NO_READS: readonly string[] = [];
