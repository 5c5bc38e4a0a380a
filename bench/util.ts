/** Small helpers shared by the bench's measurements: percentiles, /proc readings, child processes with a deadline. */
import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** A field of /proc/<pid>/status in MB (VmHWM = peak resident set, VmRSS = current). Undefined when unreadable. */
export function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time a process has used so far, in ms (from /proc/<pid>/stat; clock ticks are 100 Hz on Linux). */
export function procCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export const GNU_TIME = '/usr/bin/time';

export function hasGnuTime(): boolean {
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  timedOut: boolean;
  /** Peak RSS in MB: from GNU time's report, else from polling /proc/<pid>/status VmHWM. */
  peakRssMb?: number;
  /** User + system CPU time of the command, from GNU time's report (absent without it). */
  cpuMs?: number;
}

/**
 * Runs a command to completion (or kills its process group at the deadline). With `measureRss`, wraps it in
 * `/usr/bin/time -v` when available, otherwise polls VmHWM of the child every 20 ms (a slight underestimate at worst).
 */
export function runMeasured(command: string, args: readonly string[], options: { cwd?: string; timeoutMs: number; measureRss?: boolean; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const useTime = options.measureRss === true && hasGnuTime();
  const [file, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, [...args]];
  const spawnOptions: SpawnOptions = { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: options.env ?? process.env };
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(file, argv, spawnOptions);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    let timedOut = false;
    let polledPeak: number | undefined;
    const poll = options.measureRss && !useTime
      ? setInterval(() => {
          const hwm = procStatusMb(child.pid!, 'VmHWM');
          if (hwm !== undefined) polledPeak = Math.max(polledPeak ?? 0, hwm);
        }, 20)
      : undefined;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    let fallback: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      // Under GNU time, kill only the measured command: time then still reports its peak RSS up to that moment.
      const measured = useTime ? childrenOf(child.pid!) : [];
      if (measured.length) {
        for (const pid of measured) process.kill(pid, 'SIGKILL');
        fallback = setTimeout(killGroup, 10_000);
      } else killGroup();
    }, options.timeoutMs);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - start;
      clearTimeout(timer);
      if (fallback) clearTimeout(fallback);
      if (poll) clearInterval(poll);
      let stderr = Buffer.concat(err).toString();
      let peakRssMb = polledPeak;
      let cpuMs: number | undefined;
      if (useTime) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (match) peakRssMb = Number(match[1]) / 1024;
        const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
        const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
        if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
        // GNU time appends its report to the command's stderr: keep only the command's own part.
        const cut = stderr.lastIndexOf('\tCommand being timed:');
        if (cut >= 0) stderr = stderr.slice(0, cut);
      }
      const result: RunResult = { code, signal, stdout: Buffer.concat(out).toString(), stderr, wallMs, timedOut };
      if (peakRssMb !== undefined) result.peakRssMb = peakRssMb;
      if (cpuMs !== undefined) result.cpuMs = cpuMs;
      resolve(result);
    });
  });
}

/** Direct children of a process (Linux /proc), e.g. the command that GNU time runs. */
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Offset -> LSP position (0-based line, UTF-16 column) in `text`. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
