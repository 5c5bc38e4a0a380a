/**
 * The last result of each rule check (one rule on one object) of a file: the findings it gave and the index keys it
 * read. When a change touches a file's reads but not the file itself, a refresh re-runs only the checks whose own
 * reads the change touches and keeps the others' findings: a pod-label edit re-ran every check of the ~140 files that
 * read the namespace's pods, about half of which never asked about pods.
 *
 * Reads are kept as shared lists (`ReadLists`): many checks read the same keys, and a workspace holds hundreds of
 * thousands of checks (at 50,000 resources this bookkeeping holds about 17 MB). Whether a change touches a check's
 * reads is `touches` (model/readKeys.ts), by the same rules as the files' inverted index (model/readersByKey.ts).
 */
import type { ReadKey } from './model/readKeys';
import type { Finding } from './rules/rule';

/** A file's checks, in the order they run: the reads and findings of check i at position i (two arrays, not an
 * object per check, which would cost three times the memory). */
export interface FileChecks {
  readonly reads: (readonly ReadKey[])[];
  readonly findings: (readonly Finding[])[];
}

/** Equal read lists shared: one array per distinct list (in the order the keys were read). */
export class ReadLists {
  private readonly lists = new Map<string, readonly ReadKey[]>();

  intern(reads: ReadonlySet<ReadKey>): readonly ReadKey[] {
    if (reads.size === 0) return NO_READS;
    const list = [...reads];
    const key = list.join('\n');
    const known = this.lists.get(key);
    if (known) return known;
    this.lists.set(key, list);
    return list;
  }
}

const NO_READS: readonly ReadKey[] = [];
