/**
 * Kube Netlens performance benchmark: `npm run bench [-- --sizes 1k,10k] [--runs classic@1,helm@7] [--skip-server] [--phases] [--profile]`.
 * Not a test: `npm test` and CI never run it. See docs/performance.md for what each number means.
 *
 * bench/run.mjs bundles this file (and, when the NetworkPolicy engine exports it, a whoCanReach entry) with esbuild
 * into bench/.work/dist/ and runs it. For each run (a generator mix and a seed, three by default: DEFAULT_RUNS) and each
 * size it generates (or reuses) a workspace under bench/.work/ws-<mix>-<seed>-<size>,
 * then measures, each in a fresh process: reading the files, js-yaml loadAll, yaml parseAllDocuments, the yaml CST
 * Parser alone, `netlens check` cold as a whole process with its peak RSS, the language server (startup, all
 * diagnostics, peak RSS, edit -> diagnostics) and whoCanReach. Each time and memory figure of the largest size is
 * divided by the same figure at the size below it (50k / 10k): above 1.2x the ratio of the sizes (6x for 5x the work)
 * it is flagged as superlinear. It prints a table and writes bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_RUNS, ensureWorkspace, MIXES, sizeToCount, type WorkspaceManifest } from './generate';
import { CHILD_MODES, runChildMode } from './inproc';
import { formatSummary, newestFile, summarizeCpuProfile, summarizeHeapProfile, type ProfileSummary } from './profile';
import { measureServer, type ServerResult } from './server';
import { hasGnuTime, round, runMeasured, type RunResult } from './util';
import type { WhoCanReachResult } from './whoCanReach';

const REPO = path.resolve(__dirname, '..', '..', '..');
const WORK = path.join(REPO, 'bench', '.work');
const BUNDLE = path.join(WORK, 'dist', 'bench.cjs');
/** run.mjs copies bin/ and dist/ there after building, so that a rebuild during the run changes nothing measured. */
const SNAPSHOT = process.env['BENCH_SNAPSHOT'] ?? REPO;
const CLI_BIN = path.join(SNAPSHOT, 'bin', 'netlens.js');
const SERVER_BIN = path.join(SNAPSHOT, 'bin', 'netlens-language-server.js');
const RESULTS = path.join(REPO, 'bench', 'results', 'latest.json');

interface Run {
  mix: string;
  seed: number;
}

interface Options {
  sizes: string[];
  runs: Run[];
  skipServer: boolean;
  phases: boolean;
  profile: boolean;
  timeoutMs: number;
  edits: number;
  out: string;
}

export interface Row {
  /** The generator's mix and seed (`helm@7`). */
  run: string;
  size: string;
  metric: string;
  value: number | string;
  unit: string;
  target?: string;
  /** value / target limit: 1.00 or less passes. */
  ratio?: number;
  status?: 'PASS' | 'FAIL' | 'n/a' | 'TIMEOUT';
  note?: string;
  /** At the largest size: this value / the same metric's at the size below (see `growthRows`). */
  growth?: number;
  superlinear?: boolean;
}

interface SizeResult {
  run: string;
  size: string;
  workspace: Omit<WorkspaceManifest, 'mistakes' | 'editTargets'> & { mistakes: number; generateMs: number };
  fs?: unknown;
  jsYaml?: unknown;
  yamlDocuments?: unknown;
  yamlCst?: unknown;
  netlensReader?: unknown;
  cli?: { wallMs: number; cpuMs?: number; peakRssMb?: number; exitCode: number | null; timedOut: boolean; findings?: number; planted?: PlantedCheck; error?: string };
  server?: ServerResult;
  whoCanReach?: WhoCanReachResult | { na: string };
  phases?: unknown;
  profiles?: Record<string, ProfileSummary>;
}

interface PlantedCheck {
  found: number;
  expected: number;
  missing: string[];
  /** Findings other than the planted ones, counted by `rule (severity)`: rules that also fire on correct manifests. */
  other: Record<string, number>;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: ['1k', '10k', '50k'], runs: [...DEFAULT_RUNS], skipServer: false, phases: false, profile: false, timeoutMs: 300_000, edits: 50, out: RESULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') options.sizes = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg.startsWith('--sizes=')) options.sizes = arg.slice('--sizes='.length).split(',').filter(Boolean);
    else if (arg === '--runs') options.runs = value().split(',').filter(Boolean).map(parseRun);
    else if (arg === '--skip-server') options.skipServer = true;
    else if (arg === '--phases') options.phases = true;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--timeout') options.timeoutMs = Number(value()) * 1000;
    else if (arg === '--edits') options.edits = Number(value());
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`npm run bench -- [--sizes 1k,10k,50k] [--runs mix@seed,...] [--skip-server] [--phases] [--profile] [--timeout seconds] [--edits n] [--out file]\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  for (const size of options.sizes) sizeToCount(size);
  return options;
}

function parseRun(text: string): Run {
  const [mix, seed] = text.split('@');
  if (!mix || !MIXES[mix] || !seed || !/^\d+$/.test(seed)) throw new Error(`bad run \`${text}\`: use mix@seed with a mix of ${Object.keys(MIXES).join(', ')}`);
  return { mix, seed: Number(seed) };
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function child(mode: string, dir: string, timeoutMs: number, nodeFlags: string[] = [], extra: string[] = []): Promise<{ result?: Record<string, unknown>; run: RunResult }> {
  const run = await runMeasured(process.execPath, [...nodeFlags, BUNDLE, 'child', mode, dir, ...extra], { timeoutMs, measureRss: true });
  if (run.timedOut || run.code !== 0) return { run };
  const line = run.stdout.trim().split('\n').pop()!;
  return { result: { ...(JSON.parse(line) as Record<string, unknown>), peakRssMb: run.peakRssMb, wallMs: run.wallMs }, run };
}

function plantedInCli(manifest: WorkspaceManifest, findings: { rule: string; file: string; severity: string }[]): PlantedCheck {
  const missing = manifest.mistakes.filter((m) => !findings.some((f) => f.rule === m.rule && f.file === m.file)).map((m) => `${m.rule} in ${m.file}`);
  const other: Record<string, number> = {};
  for (const f of findings) {
    if (manifest.mistakes.some((m) => m.rule === f.rule && m.file === f.file)) continue;
    const key = `${f.rule} (${f.severity})`;
    other[key] = (other[key] ?? 0) + 1;
  }
  return { found: manifest.mistakes.length - missing.length, expected: manifest.mistakes.length, missing, other };
}

async function measureSize(size: string, run: Run, options: Options, rows: Row[]): Promise<SizeResult> {
  const count = sizeToCount(size);
  const runName = `${run.mix}@${run.seed}`;
  const dir = path.join(WORK, `ws-${run.mix}-${run.seed}-${size}`);
  const t = performance.now();
  const manifest = ensureWorkspace(dir, count, run.seed, run.mix);
  const generateMs = performance.now() - t;
  const { mistakes, editTargets, ...summary } = manifest;
  const result: SizeResult = { run: runName, size, workspace: { ...summary, mistakes: mistakes.length, generateMs } };
  const add = (row: Omit<Row, 'size' | 'run'>) => rows.push({ run: runName, size, ...row });
  add({
    metric: 'workspace',
    value: manifest.resources,
    unit: 'resources',
    note: `${manifest.namespaces} namespaces, ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines.toLocaleString('en-US')} lines; ${manifest.bundlesOver2000Lines} files over 2,000 lines (largest ${manifest.largestFile.lines})`,
  });
  const loadAtStart = os.loadavg()[0]!;
  const loadRow: Omit<Row, 'size' | 'run'> = { metric: 'machine load (1-min average) at start', value: round(loadAtStart, 1), unit: '' };
  add(loadRow);
  log(`${runName} ${size}: load ${loadAtStart.toFixed(1)}; ${manifest.resources} resources in ${manifest.files} files (${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines} lines)`);

  // Readers, each in a fresh process.
  const readers: [string, keyof SizeResult, string][] = [
    ['fs', 'fs', 'fs: walk + read all files'],
    ['js-yaml', 'jsYaml', 'js-yaml loadAll (reference)'],
    ['yaml-documents', 'yamlDocuments', 'yaml parseAllDocuments'],
    ['yaml-cst', 'yamlCst', 'yaml CST Parser only'],
    ['netlens-reader', 'netlensReader', 'netlens reader (fast reader, yaml where it declines)'],
  ];
  for (const [mode, key, metric] of readers) {
    log(`${size}: ${metric}`);
    const { result: r, run } = await child(mode, dir, options.timeoutMs);
    if (!r) {
      add({ metric, value: run.timedOut ? 'TIMEOUT' : `error: ${run.stderr.slice(0, 200)}`, unit: '', status: run.timedOut ? 'TIMEOUT' : 'FAIL' });
      continue;
    }
    (result as unknown as Record<string, unknown>)[key] = r;
    const ms = mode === 'fs' ? (r['scanMs'] as number) + (r['readMs'] as number) : (r['ms'] as number);
    const cpu = `CPU ${round(r['cpuMs'] as number, 0)} ms`;
    add({ metric, value: round(ms), unit: 'ms', note: mode === 'fs' ? `walk ${round(r['scanMs'] as number)} ms + read ${round(r['readMs'] as number)} ms (page cache warm); ${cpu}` : `${cpu}; process peak RSS ${round(r['peakRssMb'] as number, 0)} MB` });
    if (mode === 'netlens-reader') {
      const differing = r['fastDiffering'] as number;
      add({
        metric: 'fast reader: files it answered, each identical to yaml',
        value: `${r['fastAnswered']}/${r['files']}`,
        unit: '',
        target: 'none differ',
        status: differing === 0 ? 'PASS' : 'FAIL',
        note: `${differing} answered files differ from the yaml reader's tree; the others were declined and read by yaml`,
      });
    }
  }
  const jsYamlMs = (result.jsYaml as { ms?: number } | undefined)?.ms;

  // The CLI, cold, as a whole process.
  log(`${size}: netlens check (cold process)`);
  const cliRun = await runMeasured(process.execPath, [CLI_BIN, 'check', '.', '--format', 'json', '--fail-on', 'never'], { cwd: dir, timeoutMs: options.timeoutMs, measureRss: true });
  const cli: NonNullable<SizeResult['cli']> = { wallMs: cliRun.wallMs, exitCode: cliRun.code, timedOut: cliRun.timedOut };
  if (cliRun.peakRssMb !== undefined) cli.peakRssMb = cliRun.peakRssMb;
  if (cliRun.cpuMs !== undefined) cli.cpuMs = cliRun.cpuMs;
  if (!cliRun.timedOut && cliRun.code === 0) {
    try {
      const report = JSON.parse(cliRun.stdout) as { findings: { rule: string; file: string; severity: string }[] };
      cli.findings = report.findings.length;
      cli.planted = plantedInCli(manifest, report.findings);
    } catch (error) {
      cli.error = `unreadable JSON: ${(error as Error).message}`;
    }
  } else if (!cliRun.timedOut) cli.error = `exit ${cliRun.code}: ${cliRun.stderr.slice(0, 300)}`;
  result.cli = cli;
  if (cli.timedOut) {
    add({ metric: 'netlens check cold (wall)', value: `TIMEOUT (> ${options.timeoutMs / 1000} s)`, unit: '', status: 'TIMEOUT' });
    if (jsYamlMs !== undefined && size === '50k') {
      const atLeast = options.timeoutMs / jsYamlMs;
      add({ metric: 'netlens check cold / js-yaml', value: `> ${round(atLeast, 0)}`, unit: 'x', target: '<= 3x', ratio: round(atLeast / 3, 2), status: 'FAIL', note: 'killed at the time limit: at least this' });
    }
  } else {
    add({ metric: 'netlens check cold (wall)', value: round(cli.wallMs), unit: 'ms', note: cli.error ?? (cli.cpuMs !== undefined ? `CPU ${round(cli.cpuMs, 0)} ms` : undefined) });
    if (jsYamlMs !== undefined) {
      const factor = cli.wallMs / jsYamlMs;
      const jsYamlCpu = (result.jsYaml as { cpuMs?: number }).cpuMs;
      const cpuFactor = cli.cpuMs !== undefined && jsYamlCpu ? ` (CPU time: ${round(cli.cpuMs / jsYamlCpu, 1)}x)` : '';
      add({ metric: 'netlens check cold / js-yaml', value: round(factor, 2), unit: 'x', ...target(size === '50k', factor, 3, '<= 3x'), note: `wall time ratio${cpuFactor}` });
    }
  }
  if (cli.peakRssMb !== undefined) {
    // A run killed at the time limit had not reached its peak yet: its value is a lower bound.
    const row: Omit<Row, 'size' | 'run'> = { metric: 'netlens check peak RSS', value: round(cli.peakRssMb, 0), unit: 'MB', ...target(size === '50k', cli.peakRssMb, 600, '<= 600 MB') };
    if (cli.timedOut) {
      row.value = `>= ${round(cli.peakRssMb, 0)} MB`;
      row.note = 'killed at the time limit: peak so far';
      if (row.status === 'PASS') row.status = 'n/a';
    }
    add(row);
  }
  if (cli.planted) add(plantedRow('netlens check finds the planted mistakes', cli.planted));

  // The language server.
  if (!options.skipServer) {
    log(`${size}: language server`);
    const server = await measureServer(dir, manifest, { serverBin: SERVER_BIN, cwd: REPO, timeoutMs: options.timeoutMs, edits: options.edits, log: (line) => log(`${size}: ${line}`) });
    result.server = server;
    serverRows(size, server, cli, add);
  }

  // whoCanReach, in process (bundled by run.mjs when the NetworkPolicy engine exports it).
  const wcrBundle = process.env['BENCH_WHO_CAN_REACH_BUNDLE'];
  if (wcrBundle) {
    log(`${size}: whoCanReach`);
    const run = await runMeasured(process.execPath, [wcrBundle, dir], { timeoutMs: options.timeoutMs, measureRss: true });
    if (run.code === 0 && !run.timedOut) {
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as WhoCanReachResult;
      result.whoCanReach = r;
      add({ metric: 'whoCanReach model build', value: round(r.modelBuildMs), unit: 'ms', note: `${r.workloads} workloads` });
      add({ metric: 'whoCanReach p50', value: round(r.p50, 2), unit: 'ms', note: `${r.calls} calls` });
      add({
        metric: 'whoCanReach p95',
        value: round(r.p95, 2),
        unit: 'ms',
        ...target(size === '10k', r.p95, 20, '<= 20 ms'),
        note: `mean ${round(r.meanSources, 1)} sources; ${r.calledTargetsWithSources}/${r.calledTargets} called targets have sources${r.budgetExceeded ? '; budget exceeded' : ''}`,
      });
    } else {
      const why = run.timedOut ? 'TIMEOUT' : `error: ${run.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`;
      result.whoCanReach = { na: why };
      add({ metric: 'whoCanReach p95', value: why, unit: '', status: run.timedOut ? 'TIMEOUT' : 'FAIL' });
    }
  } else {
    const why = process.env['BENCH_WHO_CAN_REACH_NA'] ?? 'not available';
    result.whoCanReach = { na: why };
    add({ metric: 'whoCanReach p95', value: 'n/a', unit: '', status: 'n/a', note: why });
  }

  if (options.phases || options.profile) {
    log(`${size}: engine phases (in process, --expose-gc)`);
    const { result: r, run } = await child('engine-phases', dir, options.timeoutMs * 2, ['--expose-gc']);
    result.phases = r ?? { error: run.timedOut ? 'TIMEOUT' : run.stderr.slice(0, 500) };
  }
  const loadAtEnd = os.loadavg()[0]!;
  const cores = os.cpus().length;
  loadRow.note = `at end ${round(loadAtEnd, 1)}${Math.max(loadAtStart, loadAtEnd) > cores ? `; over ${cores} cores: other processes compete, wall times are inflated (CPU times much less)` : ''}`;
  if (options.profile) result.profiles = await profiles(`${run.mix}-${run.seed}-${size}`, dir, manifest, options);
  return result;
}

function target(applies: boolean, value: number, limit: number, text: string): Pick<Row, 'target' | 'ratio' | 'status'> {
  if (!applies) return {};
  return { target: text, ratio: round(value / limit, 2), status: value <= limit ? 'PASS' : 'FAIL' };
}

/** PASS when every planted mistake is found. Other findings are listed (rules that also fire on correct manifests). */
function plantedRow(metric: string, check: { found: number; expected: number; missing: string[]; other: Record<string, number> }): Omit<Row, 'size' | 'run'> {
  const other = Object.entries(check.other)
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
  const notes = [check.missing.length ? `missing: ${check.missing.join('; ')}` : '', other ? `other findings: ${other}` : 'no other findings'].filter(Boolean);
  return { metric, value: `${check.found}/${check.expected}`, unit: '', target: 'all found', status: check.found === check.expected ? 'PASS' : 'FAIL', note: notes.join('; ') };
}

function serverRows(size: string, server: ServerResult, cli: NonNullable<SizeResult['cli']>, add: (row: Omit<Row, 'size' | 'run'>) => void): void {
  const is10k = size === '10k';
  if (server.openFirstMs !== undefined) {
    add({ metric: 'server: open file, first diagnostics', value: round(server.openFirstMs), unit: 'ms', ...target(is10k, server.openFirstMs, 300, '<= 300 ms'), note: `[${server.openFirstDiagnostics?.join(', ')}] (final: [${server.openFinalDiagnostics?.join(', ') ?? '?'}])` });
  }
  if (server.openFirstCorrectMs !== undefined) {
    add({ metric: 'server: open file, first correct diagnostics', value: round(server.openFirstCorrectMs), unit: 'ms', ...target(is10k, server.openFirstCorrectMs, 300, '<= 300 ms') });
  }
  const cross = server.crossFileOpen;
  if (cross?.firstMs !== undefined) {
    const claims = cross.falseBeforeFinal.length ? `; false before the final ones: [${cross.falseBeforeFinal.join(', ')}]` : '; nothing false before the final ones';
    add({ metric: 'server: open file with a cross-file finding, first diagnostics', value: round(cross.firstMs), unit: 'ms', note: `[${cross.firstDiagnostics?.join(', ')}] (final: [${cross.finalDiagnostics?.join(', ') ?? '?'}])${claims}` });
  }
  if (cross?.firstCorrectMs !== undefined) {
    add({
      metric: 'server: open file with a cross-file finding, correct diagnostics',
      value: round(cross.firstCorrectMs),
      unit: 'ms',
      ...target(is10k, cross.firstCorrectMs, 300, '<= 300 ms'),
      note: 'a claim of absence about one namespace (the Service selects no pod): final once every file that may hold that namespace is read (the open files\' namespaces are read first)',
    });
  }
  if (server.scanLastReportMs !== undefined) add({ metric: 'server: all files read (last progress report)', value: round(server.scanLastReportMs), unit: 'ms' });
  if (server.allDiagnosticsMs !== undefined) {
    add({
      metric: "server: all files' diagnostics",
      value: round(server.allDiagnosticsMs),
      unit: 'ms',
      note: `${server.distinctUrisPublished}/${server.files} files published, ${server.publishesDuringStartup} publishes; server CPU ${round(server.cpuAfterScanMs ?? NaN, 0)} ms`,
    });
    if (!cli.timedOut) {
      const factor = server.allDiagnosticsMs / cli.wallMs;
      add({ metric: "server all diagnostics / netlens check", value: round(factor, 2), unit: 'x', ...target(true, factor, 2, '<= 2x') });
    }
  }
  if (server.timedOut && server.allDiagnosticsMs === undefined) {
    // Killed during startup: the rows that need the initial diagnostics say so.
    if (server.openFirstCorrectMs === undefined) add({ metric: 'server: open file, first correct diagnostics', value: 'TIMEOUT', unit: '', ...(is10k ? { target: '<= 300 ms' } : {}), status: 'TIMEOUT', note: server.error });
    add({ metric: "server: all files' diagnostics", value: 'TIMEOUT', unit: '', target: '<= 2x netlens check', status: 'TIMEOUT', note: server.error });
  } else if (server.error) {
    add({ metric: 'server', value: server.timedOut ? 'TIMEOUT' : 'error', unit: '', status: server.timedOut ? 'TIMEOUT' : 'FAIL', note: server.error.slice(0, 300) });
  }
  if (server.peakRssMb !== undefined) {
    const row: Omit<Row, 'size' | 'run'> = {
      metric: 'server peak RSS',
      value: round(server.peakRssMb, 0),
      unit: 'MB',
      ...target(size === '50k', server.peakRssMb, 600, '<= 600 MB'),
      note: `after the initial diagnostics: peak ${round(server.peakRssAfterScanMb ?? NaN, 0)} MB, resident ${round(server.rssAfterScanMb ?? NaN, 0)} MB; the rest is edits`,
    };
    if (server.timedOut && server.allDiagnosticsMs === undefined) {
      row.value = `>= ${round(server.peakRssMb, 0)} MB`;
      row.note = 'killed at the time limit: peak so far';
      if (row.status === 'PASS') row.status = 'n/a';
    }
    add(row);
  }
  if (server.planted) add(plantedRow('server finds the planted mistakes', server.planted));
  for (const series of server.edits) {
    const small = series.lines < 200;
    const what = `edit->diagnostics ${small ? `${series.lines}-line file` : `${series.lines}-line bundle`}, ${series.kind === 'local' ? 'image tag' : 'pod label (cross-file)'}`;
    const limit = small ? 15 : 50;
    const note =
      `${series.edits} edits${series.withoutPublish ? `, ${series.withoutPublish} without publish` : ''}; server busy p95 ${round(series.busyP95 ?? NaN)} ms, ` +
      `CPU ${round(series.serverCpuPerEditMs ?? NaN)} ms/edit; ${series.publishesPerEdit} publishes/edit${series.stoppedEarly ? `; ${series.stoppedEarly}` : ''}` +
      `${series.restoreTimedOut ? `; then the full-text restore ${series.restoreTimedOut.replace(/ waiting for .*/, '')}` : ''}`;
    if (series.timedOut || series.edits === 0) {
      add({ metric: `${what} p95`, value: series.timedOut ? 'TIMEOUT' : 'not measured', unit: '', ...(is10k ? { target: `<= ${limit} ms` } : {}), status: series.timedOut ? 'TIMEOUT' : 'n/a', note: series.stoppedEarly });
      continue;
    }
    if (series.p50 === undefined) {
      add({ metric: `${what} p95`, value: 'no publish', unit: '', status: 'FAIL', note });
      continue;
    }
    add({ metric: `${what} p50`, value: round(series.p50, 1), unit: 'ms' });
    add({ metric: `${what} p95`, value: round(series.p95!, 1), unit: 'ms', ...target(is10k, series.p95!, limit, `<= ${limit} ms`), note });
  }
}

/** CPU profiles of the CLI and the server, a heap profile of the CLI; summaries in bench/.work/profiles/<size>/. */
async function profiles(size: string, dir: string, manifest: WorkspaceManifest, options: Options): Promise<Record<string, ProfileSummary>> {
  const out = path.join(WORK, 'profiles', size);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const summaries: Record<string, ProfileSummary> = {};
  const write = (name: string, summary: ProfileSummary, title: string) => {
    summaries[name] = { ...summary, byFunction: summary.byFunction.slice(0, 25) };
    fs.writeFileSync(path.join(out, `${name}.txt`), formatSummary(summary, title));
    log(`${size}: ${title} -> ${path.relative(REPO, path.join(out, `${name}.txt`))}`);
  };
  const checkArgs = [CLI_BIN, 'check', '.', '--format', 'json', '--fail-on', 'never'];
  const cpuDir = path.join(out, 'cli-cpu');
  await runMeasured(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${cpuDir}`, '--cpu-prof-interval=500', ...checkArgs], { cwd: dir, timeoutMs: options.timeoutMs * 2 });
  const cpu = newestFile(cpuDir, '.cpuprofile');
  if (cpu) write('cli-cpu', summarizeCpuProfile(cpu, 40), `netlens check ${size} CPU`);
  // Memory by allocation site: the engine in process (the CLI's heap is gone by the time --heap-prof writes at exit).
  const { result: heap, run: heapRun } = await child('heap-sampling', dir, options.timeoutMs * 2, ['--expose-gc'], [path.join(out, 'engine-heap')]);
  if (heap) {
    const heapFiles = heap['files'] as Record<string, string>;
    write('engine-retained', summarizeHeapProfile(heapFiles['retained']!, 40), `engine ${size}: heap retained with the Analysis loaded`);
    write('engine-allocated', summarizeHeapProfile(heapFiles['allocated']!, 40), `engine ${size}: heap allocated while loading (garbage included)`);
  } else log(`${size}: heap sampling failed: ${heapRun.timedOut ? 'timeout' : heapRun.stderr.slice(0, 300)}`);
  if (!options.skipServer) {
    const serverCpuDir = path.join(out, 'server-cpu');
    await measureServer(dir, manifest, {
      serverBin: SERVER_BIN,
      cwd: REPO,
      timeoutMs: options.timeoutMs * 2,
      nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${serverCpuDir}`, '--cpu-prof-interval=500'],
      edits: 3,
      warmup: 0,
      kinds: ['crossFile'],
      seriesBudgetMs: 60_000,
      editTimeoutMs: options.timeoutMs,
    });
    const serverCpu = newestFile(serverCpuDir, '.cpuprofile');
    if (serverCpu) write('server-cpu', summarizeCpuProfile(serverCpu, 40), `language server ${size} CPU (startup + 2x3 cross-file edits)`);
  }
  return summaries;
}

/**
 * Per run, each time (ms) and memory (MB) figure of the largest size divided by the same figure at the size below it;
 * superlinear when above 1.2x the ratio of the sizes (6x for 10k -> 50k).
 */
export function addGrowth(rows: Row[], sizes: readonly string[]): void {
  if (sizes.length < 2) return;
  const large = sizes[sizes.length - 1]!;
  const small = sizes[sizes.length - 2]!;
  const limit = 1.2 * (sizeToCount(large) / sizeToCount(small));
  for (const row of rows) {
    if (row.size !== large || typeof row.value !== 'number' || (row.unit !== 'ms' && row.unit !== 'MB')) continue;
    const before = rows.find((r) => r.run === row.run && r.size === small && r.metric === row.metric);
    if (!before || typeof before.value !== 'number' || before.value <= 0) continue;
    row.growth = round(row.value / before.value, 2);
    row.superlinear = row.growth > limit;
  }
}

function growthText(r: Row): string {
  return r.growth === undefined ? '' : `${r.growth.toFixed(2)}x${r.superlinear ? ' SUPERLINEAR' : ''}`;
}

function formatTable(rows: Row[]): string {
  const header = ['run', 'size', 'metric', 'value', 'target', 'ratio', 'result', 'growth', 'note'];
  const cells = rows.map((r) => [
    r.run,
    r.size,
    r.metric,
    typeof r.value === 'number' ? `${r.value.toLocaleString('en-US')}${r.unit ? ` ${r.unit}` : ''}` : r.value,
    r.target ?? '',
    r.ratio !== undefined ? r.ratio.toFixed(2) : '',
    r.status ?? '',
    growthText(r),
    (r.note ?? '').length > 110 ? `${r.note!.slice(0, 107)}...` : (r.note ?? ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 3 || i === 5 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The same table in Markdown, with notes, for docs/performance.md. */
export function formatMarkdown(rows: Row[]): string {
  const out = ['| run | size | metric | value | target | ratio | result | growth | note |', '| --- | --- | --- | ---: | --- | ---: | --- | --- | --- |'];
  for (const r of rows) {
    const value = typeof r.value === 'number' ? `${r.value.toLocaleString('en-US')}${r.unit ? ` ${r.unit}` : ''}` : r.value;
    out.push(`| ${r.run} | ${r.size} | ${r.metric} | ${value} | ${r.target ?? ''} | ${r.ratio !== undefined ? r.ratio.toFixed(2) : ''} | ${r.status ?? ''} | ${growthText(r)} | ${(r.note ?? '').replace(/\|/g, '\\|')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** The commit measured and how many paths differ from it (read-only git); BENCH_SOURCE describes a tree without git. */
function gitInfo(): { head?: string; dirtyPaths?: number; source?: string } {
  const source = process.env['BENCH_SOURCE'];
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' });
    return { head, dirtyPaths: status.split('\n').filter(Boolean).length, ...(source ? { source } : {}) };
  } catch {
    return source ? { source } : {};
  }
}

/** What `uptime` says of the machine's load (1, 5 and 15-minute averages) when the report is written. */
function uptimeText(): string {
  const [one, five, fifteen] = os.loadavg().map((l) => l.toFixed(2));
  return `up ${round(os.uptime() / 3600, 1)} h, load average: ${one}, ${five}, ${fifteen} (${os.cpus().length} cores)`;
}

/** Returns true when the process should exit right away (the runner), false to let it end by itself (a child). */
async function main(): Promise<boolean> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'child') {
    const mode = argv[1]!;
    if (!(CHILD_MODES as readonly string[]).includes(mode)) throw new Error(`unknown child mode ${mode}`);
    process.stdout.write(`${JSON.stringify(runChildMode(mode, argv[2]!, argv[3]))}\n`);
    return false;
  }
  const options = parseOptions(argv);
  const started = new Date();
  const t0 = performance.now();
  const rows: Row[] = [];
  const sizes: SizeResult[] = [];
  log(`runs ${options.runs.map((r) => `${r.mix}@${r.seed}`).join(', ')}; sizes ${options.sizes.join(', ')}${options.skipServer ? ', no server' : ''}; peak RSS via ${hasGnuTime() ? '/usr/bin/time -v' : '/proc/<pid>/status VmHWM polling'}`);
  for (const run of options.runs) for (const size of options.sizes) sizes.push(await measureSize(size, run, options, rows));
  addGrowth(rows, options.sizes);
  const table = formatTable(rows);
  process.stdout.write(`\n${table}\n\n`);
  const report = {
    date: started.toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    durationS: round((performance.now() - t0) / 1000, 0),
    uptime: uptimeText(),
    machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 1024 ** 3, 0) },
    git: gitInfo(),
    rssMethod: hasGnuTime() ? '/usr/bin/time -v (CLI), /proc/<pid>/status VmHWM (server)' : '/proc/<pid>/status VmHWM',
    rows,
    markdown: formatMarkdown(rows),
    sizes,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), options.out)} (${report.durationS} s in all)`);
  return true;
}

main().then(
  // A server stopped at a time limit can leave a pipe handle open; the results are written, so leave explicitly.
  (exitNow) => {
    if (exitNow) process.exit(process.exitCode ?? 0);
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
