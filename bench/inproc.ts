/**
 * Measurements that run inside one fresh Node process each (the runner spawns `bench.cjs child <mode> <dir>` and
 * reads one JSON line from stdout), so that one measurement's heap and JIT state never colour another's:
 *  - fs:             the project's own folder walk (io/scanFiles) and reads (readManifest) of every manifest;
 *  - js-yaml:        js-yaml `loadAll` of every file: the reference for how fast YAML can be read here;
 *  - yaml-documents: the `yaml` package's `parseAllDocuments` (full Documents, as the engine's Composer builds);
 *  - yaml-cst:       the `yaml` package's lower-level CST `Parser` alone (no Composer, no Document);
 *  - engine-phases:  the engine's setFile steps timed one by one, then the real Analysis end to end, with the heap
 *                    it retains (run with --expose-gc);
 *  - heap-sampling:  V8's sampling heap profiler around loading an Analysis (every file set, one refresh), written
 *                    twice: what is still live with the Analysis loaded (retained, by allocation site) and everything
 *                    allocated on the way (garbage included: what the GC has to chew through).
 * Every mode reads all texts first and keeps nothing it parses, so only the reader under test is timed.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as jsYaml from 'js-yaml';
import { Parser, parseAllDocuments } from 'yaml';
import { Analysis } from '../server/src/engine/analysis';
import { extractResources } from '../server/src/engine/model/extract/index';
import * as fingerprintModule from '../server/src/engine/model/fingerprint';
import type { AnyResource } from '../server/src/engine/model/resources';
import { WorkspaceIndex } from '../server/src/engine/model/workspaceIndex';
import { LineIndex } from '../server/src/engine/syntax/lineIndex';
import { fastReadYamlText } from '../server/src/engine/syntax/fastRead';
import { parseYamlText, type ParsedFile } from '../server/src/engine/syntax/parse';
import { contentHash } from '../server/src/engine/util/contentHash';
import { readManifest, scanFiles } from '../server/src/io/scanFiles';

export const CHILD_MODES = ['fs', 'js-yaml', 'yaml-documents', 'yaml-cst', 'netlens-reader', 'engine-phases', 'heap-sampling'] as const;
export type ChildMode = (typeof CHILD_MODES)[number];

export interface ReadResult {
  files: number;
  bytes: number;
  scanMs: number;
  readMs: number;
  cpuMs: number;
}

function readAll(dir: string): { texts: [string, string][]; read: ReadResult } {
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  const scan = scanFiles([dir]);
  const t1 = performance.now();
  const texts: [string, string][] = [];
  let bytes = 0;
  for (const file of scan.files) {
    const read = readManifest(file);
    if ('text' in read) {
      texts.push([file, read.text]);
      bytes += read.text.length;
    }
  }
  const t2 = performance.now();
  return { texts, read: { files: texts.length, bytes, scanMs: t1 - t0, readMs: t2 - t1, cpuMs: cpuMsSince(cpu) } };
}

/**
 * The facts' fingerprint as the host computes it. The module is being reworked (one string per file, then one per
 * object), so whichever export exists is used and this file keeps building either way.
 */
function factsFingerprint(facts: AnyResource[]): string {
  const exports = fingerprintModule as unknown as Record<string, ((value: unknown) => string) | undefined>;
  const perFile = exports['factsFingerprint'];
  if (perFile) return perFile(facts);
  const perObject = exports['resourceFingerprint'];
  return perObject ? facts.map((r) => perObject(r)).join('\n') : '';
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function runChildMode(mode: string, dir: string, outDir?: string): unknown {
  const { texts, read } = readAll(dir);
  switch (mode) {
    case 'fs':
      return read;
    case 'js-yaml': {
      const start = performance.now();
      const cpu = process.cpuUsage();
      let documents = 0;
      for (const [, text] of texts) documents += jsYaml.loadAll(text).length;
      return { ms: performance.now() - start, cpuMs: cpuMsSince(cpu), documents };
    }
    case 'yaml-documents': {
      const start = performance.now();
      const cpu = process.cpuUsage();
      let documents = 0;
      for (const [, text] of texts) documents += parseAllDocuments(text, { version: '1.2', merge: true, uniqueKeys: true, prettyErrors: false }).length;
      return { ms: performance.now() - start, cpuMs: cpuMsSince(cpu), documents };
    }
    case 'yaml-cst': {
      const start = performance.now();
      const cpu = process.cpuUsage();
      let documents = 0;
      for (const [, text] of texts) {
        for (const token of new Parser().parse(text)) if (token.type === 'document') documents++;
      }
      return { ms: performance.now() - start, cpuMs: cpuMsSince(cpu), documents };
    }
    case 'netlens-reader': {
      // The reader Analysis.setFile uses, timed; then (untimed) every fast answer compared with the `yaml` reader's.
      const start = performance.now();
      const cpu = process.cpuUsage();
      const answered: string[] = [];
      let documents = 0;
      for (const [, text] of texts) {
        const fast = fastReadYamlText(text);
        documents += (fast ?? parseYamlText(text)).documents.length;
        if (fast) answered.push(text);
      }
      const ms = performance.now() - start;
      const cpuMs = cpuMsSince(cpu);
      const differing = answered.filter((text) => JSON.stringify(fastReadYamlText(text)) !== JSON.stringify(parseYamlText(text))).length;
      return { ms, cpuMs, documents, files: texts.length, fastAnswered: answered.length, fastDiffering: differing };
    }
    case 'engine-phases':
      return enginePhases(texts);
    case 'heap-sampling':
      return heapSampling(texts, outDir ?? '.');
    default:
      throw new Error(`unknown child mode ${mode}`);
  }
}

/**
 * The steps of Analysis.setFile, timed separately on every file, then the real Analysis (setFile for every file and
 * one refresh, as `netlens check` does) with the heap it retains. The step times add up to a little more than the
 * real load because of timer overhead; their proportions are what matter.
 */
function enginePhases(texts: [string, string][]): unknown {
  // Wall and CPU time per step: on a busy machine the wall times include waiting for a core, the CPU times do not.
  const names = ['contentHash', 'parse', 'extract', 'fingerprint', 'lineIndex', 'indexSetFile'] as const;
  const wall: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  for (const name of names) wall[name] = cpu[name] = 0;
  let lastWall = 0;
  let lastCpu = 0;
  const mark = () => {
    lastWall = performance.now();
    const used = process.cpuUsage();
    lastCpu = (used.user + used.system) / 1000;
  };
  const step = (name: (typeof names)[number]) => {
    const nowWall = performance.now();
    const used = process.cpuUsage();
    const nowCpu = (used.user + used.system) / 1000;
    wall[name]! += nowWall - lastWall;
    cpu[name]! += nowCpu - lastCpu;
    lastWall = nowWall;
    lastCpu = nowCpu;
  };
  const index = new WorkspaceIndex();
  let resources = 0;
  let fastAnswered = 0;
  let fingerprintChars = 0;
  let lines = 0;
  for (const [file, text] of texts) {
    mark();
    contentHash(text);
    step('contentHash');
    // The reader Analysis.setFile uses: the fast one, or `yaml` where it declines.
    const fast = fastReadYamlText(text);
    const parsed: ParsedFile = fast ?? parseYamlText(text);
    step('parse');
    if (fast) fastAnswered++;
    const facts: AnyResource[] = parsed.template ? [] : extractResources(parsed, { file, defaultNamespace: 'default' });
    step('extract');
    fingerprintChars += factsFingerprint(facts).length;
    step('fingerprint');
    lines += new LineIndex(text).lineCount;
    step('lineIndex');
    index.setFile(file, facts);
    step('indexSetFile');
    resources += facts.length;
  }
  const phases = { wallMs: wall, cpuMs: cpu };


  // Heap retained by pieces of the state, measured one at a time.
  const base = heapMb();
  const keptLineIndexes = texts.map(([, text]) => new LineIndex(text));
  const lineIndexMb = heapMb() - base;
  keptLineIndexes.length = 0;
  const base2 = heapMb();
  const keptFacts = texts.map(([file, text]) => extractResources(fastReadYamlText(text) ?? parseYamlText(text), { file, defaultNamespace: 'default' }));
  const factsMb = heapMb() - base2;
  const keptFingerprints = keptFacts.map((facts) => factsFingerprint(facts));
  const fingerprintsMb = heapMb() - base2 - factsMb;
  keptFacts.length = 0;
  keptFingerprints.length = 0;

  // The real thing, as the CLI runs it.
  const before = heapMb();
  const analysis = new Analysis();
  let t = performance.now();
  let c = process.cpuUsage();
  let peakHeapMb = 0;
  texts.forEach(([file, text], i) => {
    analysis.setFile(file, text);
    if (i % 200 === 0) peakHeapMb = Math.max(peakHeapMb, process.memoryUsage().heapUsed / 1024 / 1024);
  });
  const loadMs = performance.now() - t;
  const loadCpuMs = cpuMsSince(c);
  t = performance.now();
  c = process.cpuUsage();
  const changed = analysis.refresh();
  const refreshMs = performance.now() - t;
  const refreshCpuMs = cpuMsSince(c);
  const findings = analysis.allFindings();
  const retainedMb = heapMb() - before;

  // Inside refresh: the JSON.stringify comparison of old and new findings, per file (twice per file, as refresh does).
  t = performance.now();
  let equal = 0;
  for (const file of analysis.fileNames()) {
    const f = analysis.findings(file);
    if (JSON.stringify(f) === JSON.stringify(f)) equal++;
  }
  const stringifyCompareMs = performance.now() - t;

  // Edits: a fact-preserving one (only the file's own findings are recomputed) and a cross-file one (all of them).
  const [editFile, editText] = texts.reduce((best, entry) => (entry[1].length > best[1].length ? entry : best), texts[0]!);
  t = performance.now();
  c = process.cpuUsage();
  analysis.setFile(editFile, `${editText}\n# edited\n`);
  analysis.refresh();
  const localEditMs = performance.now() - t;
  const localEditCpuMs = cpuMsSince(c);
  const labelAt = editText.indexOf('version: v1');
  t = performance.now();
  c = process.cpuUsage();
  if (labelAt >= 0) {
    analysis.setFile(editFile, `${editText.slice(0, labelAt)}version: v2${editText.slice(labelAt + 'version: v1'.length)}`);
    analysis.refresh();
  }
  const crossFileEditMs = performance.now() - t;
  const crossFileEditCpuMs = cpuMsSince(c);

  return {
    files: texts.length,
    resources,
    lines,
    phases,
    fingerprintChars,
    fastAnswered,
    heapMb: { lineIndexes: lineIndexMb, facts: factsMb, fingerprints: fingerprintsMb, analysisRetained: retainedMb },
    analysis: { loadMs, loadCpuMs, refreshMs, refreshCpuMs, peakHeapMbDuringLoad: peakHeapMb, changedFiles: changed.length, findings: findings.length, stringifyCompareMs, stringifyCompared: equal },
    edits: { file: editFile, chars: editText.length, localEditMs, localEditCpuMs, crossFileEditMs, crossFileEditCpuMs },
  };
}

/** The in-process inspector answers synchronously; this wraps its callback style. */
function post(session: Session, method: string, params?: object): unknown {
  let result: unknown;
  let failure: Error | null = null;
  let answered = false;
  session.post(method, params ?? {}, (error, value) => {
    failure = error;
    result = value;
    answered = true;
  });
  if (!answered) throw new Error(`inspector did not answer ${method} synchronously`);
  if (failure) throw failure;
  return result;
}

function heapSampling(texts: [string, string][], outDir: string): unknown {
  fs.mkdirSync(outDir, { recursive: true });
  const session = new Session();
  session.connect();
  post(session, 'HeapProfiler.enable');
  const load = () => {
    const analysis = new Analysis();
    for (const [file, text] of texts) analysis.setFile(file, text);
    analysis.refresh();
    return analysis;
  };
  const files: Record<string, string> = {};
  // Retained: samples of objects collected before the stop are dropped, so what remains is what the loaded Analysis
  // (and anything else alive) holds, attributed to where it was allocated.
  post(session, 'HeapProfiler.startSampling', { samplingInterval: 16384 });
  let analysis: Analysis | undefined = load();
  (globalThis as { gc?: () => void }).gc?.();
  const retained = post(session, 'HeapProfiler.stopSampling') as { profile: unknown };
  files['retained'] = path.join(outDir, 'engine-retained.heapprofile');
  fs.writeFileSync(files['retained'], JSON.stringify(retained.profile));
  const resources = analysis.index.resourceCount;
  analysis = undefined;
  (globalThis as { gc?: () => void }).gc?.();
  // Allocated: every sample kept, garbage included.
  post(session, 'HeapProfiler.startSampling', { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  analysis = load();
  const allocated = post(session, 'HeapProfiler.stopSampling') as { profile: unknown };
  files['allocated'] = path.join(outDir, 'engine-allocated.heapprofile');
  fs.writeFileSync(files['allocated'], JSON.stringify(allocated.profile));
  session.disconnect();
  return { resources, files };
}
