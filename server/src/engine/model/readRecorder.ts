/**
 * What readers of the workspace index read, and how often what each read key names has changed (the keys are
 * readKeys.ts's). While a reader runs (a rule check), every read it makes adds its key to the reader's set, which the
 * host compares with the keys an edit changes to re-run only what read them. Each key also has a version, bumped when
 * an object it covers is added or removed: `ReadVersionedMemo` keeps a value only while every key its computation
 * read keeps its version.
 */
import type { AnyResource } from './resources';
import { changeKeysOf, everyNamespaceKeysOf, EVERYTHING, type ReadKey } from './readKeys';

export class ReadRecorder {
  /** While a reader is recorded: the keys of everything it reads. */
  private recording: Set<ReadKey> | undefined;
  /** The key last added to `recording` (reset with it). */
  private lastRead: ReadKey | undefined;
  /** Per read key: how often what it names changed. */
  private readonly keyVersions = new Map<ReadKey, number>();
  /** For the read key `*`. */
  private everythingVersion = 0;

  /** Records, into `into`, what the following reads depend on, until called again with undefined. */
  recordInto(into: Set<ReadKey> | undefined): void {
    this.recording = into;
    this.lastRead = undefined;
  }

  /** The set being recorded into, if any. */
  get current(): Set<ReadKey> | undefined {
    return this.recording;
  }

  read(key: ReadKey): void {
    // Rules read the same key many times in a row (every pod class of one namespace): skip the set for repeats.
    // Sound because the recording set only grows and every change of it goes through recordInto, which forgets.
    if (key === this.lastRead || !this.recording) return;
    this.lastRead = key;
    this.recording.add(key);
  }

  /** Runs `compute` with its reads recorded for nobody. */
  unrecorded<T>(compute: () => T): T {
    const outer = this.recording;
    this.recordInto(undefined);
    try {
      return compute();
    } finally {
      this.recordInto(outer);
    }
  }

  /** Runs `compute` recording its reads into `reads`, and adds them to the outer reader's too. */
  recordedInto<T>(reads: Set<ReadKey>, compute: () => T): T {
    const outer = this.recording;
    this.recordInto(reads);
    try {
      return compute();
    } finally {
      this.recordInto(outer);
      if (outer) for (const read of reads) outer.add(read);
    }
  }

  /** How many times what a read key names has changed. */
  versionOf(read: ReadKey): number {
    return read === EVERYTHING ? this.everythingVersion : (this.keyVersions.get(read) ?? 0);
  }

  bump(key: ReadKey): void {
    this.keyVersions.set(key, (this.keyVersions.get(key) ?? 0) + 1);
  }

  /** An object was added or removed: every read key that covers it has changed. */
  objectChanged(resource: AnyResource): void {
    this.everythingVersion++;
    for (const key of changeKeysOf(resource)) this.bump(key);
    for (const key of everyNamespaceKeysOf(resource)) this.bump(key);
  }
}

interface MemoEntry {
  value: unknown;
  reads: readonly ReadKey[];
  /** The version of each read when the value was computed. */
  versions: readonly number[];
}

/**
 * Values computed from reads of the index, each valid while every key its computation read keeps its version. A
 * reader of a cached value records the same reads as the computation did, so a cached answer carries exactly the
 * dependencies a fresh computation would have. By key, or by key per object (kept as long as the object lives).
 */
export class ReadVersionedMemo {
  private readonly byKey = new Map<string, MemoEntry>();
  private readonly byOwner = new WeakMap<object, Map<string, MemoEntry>>();

  constructor(private readonly recorder: ReadRecorder) {}

  get<T>(key: string, compute: () => T): T {
    return this.getIn(this.byKey, key, compute);
  }

  getFor<T>(owner: object, key: string, compute: () => T): T {
    let values = this.byOwner.get(owner);
    if (!values) this.byOwner.set(owner, (values = new Map()));
    return this.getIn(values, key, compute);
  }

  private getIn<T>(values: Map<string, MemoEntry>, key: string, compute: () => T): T {
    const recorder = this.recorder;
    const cached = values.get(key);
    if (cached && cached.reads.every((read, i) => recorder.versionOf(read) === cached.versions[i])) {
      const recording = recorder.current;
      if (recording) for (const read of cached.reads) recording.add(read);
      return cached.value as T;
    }
    const reads = new Set<ReadKey>();
    return recorder.recordedInto(reads, () => {
      const value = compute();
      const readList = [...reads];
      values.set(key, { value, reads: readList, versions: readList.map((read) => recorder.versionOf(read)) });
      return value;
    });
  }
}
