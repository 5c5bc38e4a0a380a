/**
 * Summaries of V8 profiles written by `node --cpu-prof` / `--heap-prof` on the esbuild bundles: self time (or
 * allocated bytes still live at exit) per function and per source area. Positions in dist/*.js are mapped back to
 * their sources with the bundle's source map (a minimal VLQ decoder: esbuild writes standard v3 maps), so functions
 * of the `yaml` package and of each engine layer can be told apart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

export interface ProfileEntry {
  name: string;
  where: string;
  area: string;
  /** Self time in ms (CPU) or live bytes in MB (heap). */
  value: number;
  percent: number;
}

export interface ProfileSummary {
  kind: 'cpu' | 'heap';
  file: string;
  total: number;
  unit: 'ms' | 'MB';
  byFunction: ProfileEntry[];
  byArea: { area: string; value: number; percent: number }[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Generated (line, column) -> original source, from a v3 source map. Lines are 0-based here. */
class SourceMap {
  private readonly lines: { col: number; src: number; line: number }[][] = [];
  readonly sources: string[];

  constructor(json: { sources: string[]; mappings: string; sourceRoot?: string }) {
    // esbuild writes sources relative to the bundle (`../server/src/...`); the bench may profile a copy of the bundle
    // elsewhere, so show them from the repository root: without the leading `../`.
    this.sources = json.sources.map((s) => path.join(json.sourceRoot ?? '', s).replace(/^(\.\.\/)+/, ''));
    let src = 0;
    let srcLine = 0;
    let srcCol = 0;
    for (const lineText of json.mappings.split(';')) {
      const segments: { col: number; src: number; line: number }[] = [];
      let col = 0;
      if (lineText) {
        for (const segment of lineText.split(',')) {
          const values = decodeVlq(segment);
          if (!values.length) continue;
          col += values[0]!;
          if (values.length >= 4) {
            src += values[1]!;
            srcLine += values[2]!;
            srcCol += values[3]!;
            segments.push({ col, src, line: srcLine });
          }
        }
      }
      this.lines.push(segments);
    }
  }

  lookup(line: number, column: number): { source: string; line: number } | undefined {
    const segments = this.lines[line];
    if (!segments || !segments.length) return undefined;
    let best: { col: number; src: number; line: number } | undefined;
    for (const segment of segments) {
      if (segment.col <= column) best = segment;
      else break;
    }
    best ??= segments[0]!;
    return { source: this.sources[best.src] ?? '?', line: best.line + 1 };
  }
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = B64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

const mapCache = new Map<string, SourceMap | null>();

/** A frame's script as a file path: CPU profiles give file: URLs, heap profiles of CommonJS code plain paths. */
function scriptPath(url: string): string | undefined {
  if (url.startsWith('file:')) return fileURLToPath(url);
  return path.isAbsolute(url) ? url : undefined;
}

function sourceMapFor(url: string): SourceMap | null {
  const file = scriptPath(url);
  if (!file) return null;
  if (mapCache.has(file)) return mapCache.get(file)!;
  let map: SourceMap | null = null;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  } catch {
    map = null;
  }
  mapCache.set(file, map);
  return map;
}

/** Where a frame's code comes from, and the area it belongs to (yaml, engine/syntax, node, gc, ...). */
function locate(frame: CallFrame): { where: string; area: string } {
  if (!frame.url) {
    const special = frame.functionName;
    if (special === '(garbage collector)') return { where: '', area: 'gc' };
    if (special === '(program)' || special === '(idle)' || special === '(root)') return { where: '', area: special.slice(1, -1) };
    return { where: '', area: 'v8/native' };
  }
  if (frame.url.startsWith('node:')) return { where: frame.url, area: 'node' };
  const map = sourceMapFor(frame.url);
  const original = map?.lookup(frame.lineNumber, frame.columnNumber);
  const source = original ? original.source : path.relative(process.cwd(), scriptPath(frame.url) ?? frame.url);
  const where = original ? `${source}:${original.line}` : `${source}:${frame.lineNumber + 1}`;
  return { where, area: areaOf(source) };
}

function areaOf(source: string): string {
  const normalized = source.split(path.sep).join('/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalized);
  if (pkg) return pkg[1] === 'yaml' ? `yaml (${/yaml\/dist\/([^/]+)/.exec(normalized)?.[1] ?? ''})` : pkg[1]!;
  const engine = /server\/src\/engine\/([^/]+)(\/[^/]+)?/.exec(normalized);
  if (engine) return engine[2] && !engine[2].endsWith('.ts') ? `engine/${engine[1]}${engine[2]}` : `engine/${engine[1]}`;
  const server = /server\/src\/([^/]+)/.exec(normalized);
  if (server) return server[1]!;
  return normalized;
}

function summarize(kind: 'cpu' | 'heap', file: string, samples: Map<string, { name: string; where: string; area: string; value: number }>, unit: 'ms' | 'MB', top: number): ProfileSummary {
  const entries = [...samples.values()];
  const total = entries.reduce((sum, e) => sum + e.value, 0);
  const byArea = new Map<string, number>();
  for (const e of entries) byArea.set(e.area, (byArea.get(e.area) ?? 0) + e.value);
  return {
    kind,
    file,
    total,
    unit,
    byFunction: entries
      .sort((a, b) => b.value - a.value)
      .slice(0, top)
      .map((e) => ({ ...e, percent: (100 * e.value) / total })),
    byArea: [...byArea.entries()].map(([area, value]) => ({ area, value, percent: (100 * value) / total })).sort((a, b) => b.value - a.value),
  };
}

export function summarizeCpuProfile(file: string, top = 30): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; attribute each interval to the sample that ends it.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map<string, { name: string; where: string; area: string; value: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { where, area } = locate(node.callFrame);
    const name = node.callFrame.functionName || '(anonymous)';
    const key = `${name}@${where}@${area}`;
    const entry = byFunction.get(key) ?? { name, where, area, value: 0 };
    entry.value += us / 1000;
    byFunction.set(key, entry);
  }
  return summarize('cpu', file, byFunction, 'ms', top);
}

export function summarizeHeapProfile(file: string, top = 30): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
  const byFunction = new Map<string, { name: string; where: string; area: string; value: number }>();
  const visit = (node: HeapNode) => {
    if (node.selfSize > 0) {
      const { where, area } = locate(node.callFrame);
      const name = node.callFrame.functionName || '(anonymous)';
      const key = `${name}@${where}@${area}`;
      const entry = byFunction.get(key) ?? { name, where, area, value: 0 };
      entry.value += node.selfSize / 1024 / 1024;
      byFunction.set(key, entry);
    }
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  return summarize('heap', file, byFunction, 'MB', top);
}

export function formatSummary(summary: ProfileSummary, title: string, topAreas = 15): string {
  const lines = [`${title}: ${summary.kind === 'cpu' ? 'self time' : 'sampled heap by allocation site'}, total ${summary.total.toFixed(summary.unit === 'ms' ? 0 : 1)} ${summary.unit}`, '', 'By area:'];
  for (const a of summary.byArea.slice(0, topAreas)) lines.push(`  ${a.value.toFixed(1).padStart(9)} ${summary.unit}  ${a.percent.toFixed(1).padStart(5)}%  ${a.area}`);
  lines.push('', 'Top functions:');
  for (const e of summary.byFunction) lines.push(`  ${e.value.toFixed(1).padStart(9)} ${summary.unit}  ${e.percent.toFixed(1).padStart(5)}%  ${e.name}  ${e.where}  [${e.area}]`);
  return `${lines.join('\n')}\n`;
}

/** The newest file with `extension` in `dir` (node names profiles with a timestamp and the pid). */
export function newestFile(dir: string, extension: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(extension)).map((f) => path.join(dir, f));
  return files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}
