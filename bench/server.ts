/**
 * Language server measurements over stdio, with the real server bundle (bin/netlens-language-server.js):
 *  - initialize -> first diagnostics of a file opened right after `initialized`, and -> the first diagnostics of it
 *    that equal its final ones (before the scan, cross-file findings about it can only be premature); the same for a
 *    second file opened with it whose final findings are cross-file (the planted `service-selects-nothing`: a claim
 *    of absence, true only once every file is read);
 *  - initialize -> the last progress report of the initial scan (all files read), and -> the last publishDiagnostics
 *    of the initial diagnostics (after the progress `end`, a barrier request whose reply follows every publish);
 *  - peak RSS (VmHWM of the server process);
 *  - edit -> diagnostics: for each edit target and edit kind, 3 warm-up then 50 edits, each timed from sending
 *    didChange to receiving the publishDiagnostics of the edited file, one at a time (each waits for the barrier).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { EditTarget, WorkspaceManifest } from './generate';
import { BenchLspClient, TimeoutError, type Publish } from './lspClient';
import { percentile, positionAt, procCpuMs, procStatusMb } from './util';

export interface EditSeries {
  file: string;
  lines: number;
  kind: 'local' | 'crossFile';
  edits: number;
  p50?: number;
  p95?: number;
  max?: number;
  /** Edits after which the server published nothing for the edited file (latency then unknown). */
  withoutPublish: number;
  /** didChange -> barrier reply: when the server was done with the edit (all its publishes written). */
  busyP50?: number;
  busyP95?: number;
  /** publishDiagnostics notifications per edit (median): how many files the server republished. */
  publishesPerEdit?: number;
  /** Server CPU time (user + system) per measured edit: independent of other load on the machine. */
  serverCpuPerEditMs?: number;
  stoppedEarly?: string;
  /** One edit took longer than the per-edit limit: the series (and the ones after it) could not be measured. */
  timedOut?: boolean;
  /** The full-text change back to the original took longer than the limit (the series itself was measured). */
  restoreTimedOut?: string;
}

export interface ServerResult {
  files: number;
  openFile: string;
  openFirstMs?: number;
  openFirstDiagnostics?: string[];
  openFirstCorrectMs?: number;
  openFinalDiagnostics?: string[];
  /** The second opened file, whose final diagnostics need the whole workspace. */
  crossFileOpen?: OpenedFile;
  scanBeginMs?: number;
  /**
   * The last progress `report` of the scan: the files are read by then. The server writes its messages on a later
   * turn of its event loop, so the `end` (sent just before the synchronous refresh) arrives only after the refresh.
   */
  scanLastReportMs?: number;
  scanEndMs?: number;
  allDiagnosticsMs?: number;
  distinctUrisPublished?: number;
  publishesDuringStartup?: number;
  peakRssAfterScanMb?: number;
  peakRssMb?: number;
  rssAfterScanMb?: number;
  /** Server CPU time (user + system) from spawn to the end of the initial diagnostics. */
  cpuAfterScanMs?: number;
  planted?: { found: number; expected: number; missing: string[]; other: Record<string, number> };
  edits: EditSeries[];
  error?: string;
  timedOut?: boolean;
}

export interface OpenedFile {
  file: string;
  firstMs?: number;
  firstDiagnostics?: string[];
  firstCorrectMs?: number;
  finalDiagnostics?: string[];
  /** Diagnostics published before the final ones that the final ones do not have: false claims. */
  falseBeforeFinal: string[];
}

export interface ServerOptions {
  serverBin: string;
  cwd: string;
  timeoutMs: number;
  nodeFlags?: string[];
  /** Edits per series (default 50) and warm-up edits (default 3); 0 skips the edit measurements. */
  edits?: number;
  warmup?: number;
  seriesBudgetMs?: number;
  editTimeoutMs?: number;
  kinds?: ('local' | 'crossFile')[];
  log?: (line: string) => void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** First, first correct and final diagnostics of an opened file, and what was claimed before the final ones. */
function openedFile(client: BenchLspClient, file: string, uri: string, t0: number): OpenedFile {
  const publishes = client.publishes.filter((p) => p.uri === uri);
  const final = codesOf(client.latest.get(uri));
  const finalKey = JSON.stringify(final);
  const firstCorrect = publishes.find((p) => JSON.stringify(codesOf(p)) === finalKey);
  const falseBeforeFinal = new Set<string>();
  for (const publish of publishes.slice(0, firstCorrect ? publishes.indexOf(firstCorrect) : publishes.length)) {
    for (const code of codesOf(publish)) if (!final.includes(code)) falseBeforeFinal.add(code);
  }
  const opened: OpenedFile = { file, finalDiagnostics: final, falseBeforeFinal: [...falseBeforeFinal] };
  if (publishes[0]) {
    opened.firstMs = publishes[0].at - t0;
    opened.firstDiagnostics = codesOf(publishes[0]);
  }
  if (firstCorrect) opened.firstCorrectMs = firstCorrect.at - t0;
  return opened;
}

const codesOf = (publish: Publish | undefined): string[] => (publish ? publish.diagnostics.map((d) => String(d.code ?? '')).sort() : []);

export async function measureServer(dir: string, manifest: WorkspaceManifest, options: ServerOptions): Promise<ServerResult> {
  const log = options.log ?? (() => undefined);
  const uriOf = (file: string) => pathToFileURL(path.join(dir, file)).href;
  const result: ServerResult = { files: manifest.files, openFile: manifest.openTarget.file, edits: [] };
  const client = new BenchLspClient(options.serverBin, options.nodeFlags ?? [], options.cwd);
  const deadline = options.timeoutMs;
  try {
    const openUri = uriOf(manifest.openTarget.file);
    const openText = fs.readFileSync(path.join(dir, manifest.openTarget.file), 'utf8');
    const crossFile = manifest.mistakes.find((m) => m.rule === 'service-selects-nothing')?.file;
    const t0 = performance.now();
    await withTimeout(client.initialize(pathToFileURL(dir).href), deadline, 'initialize');
    await client.open(openUri, openText);
    if (crossFile) await client.open(uriOf(crossFile), fs.readFileSync(path.join(dir, crossFile), 'utf8'));
    await client.waitFor(() => client.publishes.some((p) => p.uri === openUri), 'the first diagnostics of the open file', deadline);
    const first = client.publishes.find((p) => p.uri === openUri)!;
    result.openFirstMs = first.at - t0;
    result.openFirstDiagnostics = codesOf(first);
    await client.waitFor(() => client.progress.some((e) => e.kind === 'end'), 'the end of the initial scan (work-done progress)', deadline - (performance.now() - t0));
    const begin = client.progress.find((e) => e.kind === 'begin');
    const end = client.progress.find((e) => e.kind === 'end')!;
    if (begin) result.scanBeginMs = begin.at - t0;
    const reports = client.progress.filter((e) => e.kind === 'report');
    if (reports.length) result.scanLastReportMs = reports[reports.length - 1]!.at - t0;
    result.scanEndMs = end.at - t0;
    // The refresh after the scan runs in slices: wait for its `ready` status, then for everything before it.
    const barrierAt = await client.settled(0, Math.max(1000, deadline - (performance.now() - t0)));
    const startup = client.publishes.filter((p) => p.at <= barrierAt);
    result.allDiagnosticsMs = Math.max(...startup.map((p) => p.at)) - t0;
    result.publishesDuringStartup = startup.length;
    result.distinctUrisPublished = new Set(startup.map((p) => p.uri)).size;
    const opened = openedFile(client, manifest.openTarget.file, openUri, t0);
    result.openFinalDiagnostics = opened.finalDiagnostics;
    if (opened.firstCorrectMs !== undefined) result.openFirstCorrectMs = opened.firstCorrectMs;
    if (crossFile) result.crossFileOpen = openedFile(client, crossFile, uriOf(crossFile), t0);
    result.cpuAfterScanMs = procCpuMs(client.pid);
    result.peakRssAfterScanMb = procStatusMb(client.pid, 'VmHWM');
    result.rssAfterScanMb = procStatusMb(client.pid, 'VmRSS');
    result.planted = plantedCheck(manifest, client, uriOf);
    log(`server: all diagnostics ${Math.round(result.allDiagnosticsMs)} ms, ${result.distinctUrisPublished}/${manifest.files} files published`);

    const editsPerSeries = options.edits ?? 50;
    if (editsPerSeries > 0) {
      const targets = [manifest.editTargets.bundle, manifest.editTargets.small].map((target) => ({
        target,
        uri: uriOf(target.file),
        original: fs.readFileSync(path.join(dir, target.file), 'utf8'),
      }));
      for (const { uri, original } of targets) await client.open(uri, original, 1);
      await client.barrier();
      let version = 1;
      let wedged: string | undefined;
      // Cheap series first: a cross-file edit that times out leaves the server busy, and later series unmeasurable.
      for (const kind of options.kinds ?? (['local', 'crossFile'] as const)) {
        for (const { target, uri, original } of targets) {
          if (wedged) {
            result.edits.push({ file: target.file, lines: target.lines, kind, edits: 0, withoutPublish: 0, stoppedEarly: `not measured: ${wedged}` });
            continue;
          }
          try {
            const series = await editSeries(client, uri, original, target, kind, () => ++version, {
              pid: client.pid,
              edits: editsPerSeries,
              warmup: options.warmup ?? 3,
              budgetMs: options.seriesBudgetMs ?? 90_000,
              editTimeoutMs: options.editTimeoutMs ?? 120_000,
            });
            result.edits.push(series);
            log(`server: ${target.file} ${kind}: p50 ${series.p50?.toFixed(1)} ms, p95 ${series.p95?.toFixed(1)} ms over ${series.edits} edits`);
            if (series.restoreTimedOut) {
              wedged = 'the server was still busy with a full-text edit that timed out';
              log(`server: ${target.file}: ${series.restoreTimedOut}`);
            }
          } catch (error) {
            if (!(error instanceof TimeoutError)) throw error;
            result.edits.push({ file: target.file, lines: target.lines, kind, edits: 0, withoutPublish: 0, timedOut: true, stoppedEarly: error.message });
            wedged = 'the server was still busy with an edit that timed out';
            log(`server: ${target.file} ${kind}: ${error.message}`);
          }
        }
      }
    }
    result.peakRssMb = procStatusMb(client.pid, 'VmHWM');
    await client.shutdown();
  } catch (error) {
    result.error = (error as Error).message;
    result.timedOut = error instanceof TimeoutError;
    result.peakRssMb = procStatusMb(client.pid, 'VmHWM') ?? result.peakRssAfterScanMb;
    client.kill();
  }
  return result;
}

async function editSeries(
  client: BenchLspClient,
  uri: string,
  original: string,
  target: EditTarget,
  kind: 'local' | 'crossFile',
  nextVersion: () => number,
  options: { edits: number; warmup: number; budgetMs: number; pid: number; editTimeoutMs: number },
): Promise<EditSeries> {
  const toggle = target[kind];
  let text = original;
  const latencies: number[] = [];
  const busy: number[] = [];
  const publishCounts: number[] = [];
  let withoutPublish = 0;
  let stoppedEarly: string | undefined;
  const deadline = performance.now() + options.budgetMs;
  let cpuStart: number | undefined;
  for (let i = 0; i < options.warmup + options.edits; i++) {
    if (i === options.warmup) cpuStart = procCpuMs(options.pid);
    const [current, next] = i % 2 === 0 ? [toggle.from, toggle.to] : [toggle.to, toggle.from];
    if (text.slice(toggle.offset, toggle.offset + current.length) !== current) throw new Error(`edit target drifted in ${target.file}`);
    const range = { start: positionAt(text, toggle.offset), end: positionAt(text, toggle.offset + current.length) };
    const mark = client.publishes.length;
    const readyMark = client.readyAt.length;
    const sentAt = performance.now();
    await client.change(uri, nextVersion(), [{ range, text: next }]);
    text = text.slice(0, toggle.offset) + next + text.slice(toggle.offset + current.length);
    const doneAt = await client.settled(readyMark, options.editTimeoutMs);
    const published = client.publishes.slice(mark);
    const own = published.find((p) => p.uri === uri);
    if (i >= options.warmup) {
      if (own) latencies.push(own.at - sentAt);
      else withoutPublish++;
      busy.push(doneAt - sentAt);
      publishCounts.push(published.length);
    }
    if (performance.now() > deadline && i + 1 < options.warmup + options.edits) {
      stoppedEarly = `stopped after ${Math.round(options.budgetMs / 1000)} s`;
      break;
    }
  }
  const cpuEnd = procCpuMs(options.pid);
  const series: EditSeries = { file: target.file, lines: target.lines, kind, edits: latencies.length + withoutPublish, withoutPublish };
  // Back to the text on disk for the next series (one full-text change). If that times out, the measured edits
  // still count; the caller stops measuring on this server.
  const restoreMark = client.readyAt.length;
  await client.change(uri, nextVersion(), [{ text: original }]);
  try {
    await client.settled(restoreMark, options.editTimeoutMs);
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    series.restoreTimedOut = error.message;
  }
  if (latencies.length) {
    series.p50 = percentile(latencies, 50);
    series.p95 = percentile(latencies, 95);
    series.max = Math.max(...latencies);
  }
  if (busy.length) {
    series.busyP50 = percentile(busy, 50);
    series.busyP95 = percentile(busy, 95);
    series.publishesPerEdit = percentile(publishCounts, 50);
    if (cpuStart !== undefined && cpuEnd !== undefined) series.serverCpuPerEditMs = (cpuEnd - cpuStart) / busy.length;
  }
  if (stoppedEarly) series.stoppedEarly = stoppedEarly;
  return series;
}

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function plantedCheck(manifest: WorkspaceManifest, client: BenchLspClient, uriOf: (file: string) => string): ServerResult['planted'] {
  const missing: string[] = [];
  for (const mistake of manifest.mistakes) {
    const codes = codesOf(client.latest.get(uriOf(mistake.file)));
    if (!codes.includes(mistake.rule)) missing.push(`${mistake.rule} in ${mistake.file}`);
  }
  const planted = new Set(manifest.mistakes.map((m) => `${m.rule}@${uriOf(m.file)}`));
  const other: Record<string, number> = {};
  for (const publish of client.latest.values()) {
    for (const d of publish.diagnostics) {
      if (planted.has(`${String(d.code)}@${publish.uri}`)) continue;
      const key = `${String(d.code)} (${SEVERITY_NAMES[d.severity ?? 0] ?? '?'})`;
      other[key] = (other[key] ?? 0) + 1;
    }
  }
  return { found: manifest.mistakes.length - missing.length, expected: manifest.mistakes.length, missing, other };
}
