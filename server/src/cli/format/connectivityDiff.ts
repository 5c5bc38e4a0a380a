/**
 * `netlens diff` output, as np-guard's `diff` prints it (pkg/netpol/diff, diff_formatter*.go):
 *  - txt: `Connectivity diff:` then one line per pair,
 *    `diff-type: changed, source: S, destination: D, ref1: CONNS, ref2: CONNS[, workloads-diff-info: ...]`;
 *  - md: a table `| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |` (a pull-request comment);
 *  - csv: the same columns;
 *  - json (ours; np-guard has none): version 1, `{"version": 1, "ref1": name, "ref2": name, "diffs": [{"diffType",
 *    "src", "dst", "ref1", "ref2", "workloadsDiffInfo", "srcPeer", "dstPeer", "ref1Allowed", "ref2Allowed"}]}`, in the
 *    txt order; `ref1`/`ref2` are the txt strings, `*Allowed` the sets as connectivity --format json writes them.
 * `ref1`/`ref2` are the sides' names (`--arg-names`). Order: the pairs whose source is not the ingress controller
 * first, changed then added then removed, then those of the ingress controller in the same order; within each group
 * the formatted lines sorted (byte order). An empty diff prints nothing (np-guard prints nothing either) except in json.
 */
import type { ConnectionDiff, ConnectivityDiff, DiffType } from '../../engine/reach/connectivityDiff';
import { formatConnections } from '../../engine/netpol/portSet';
import { connectionsJson, peerJson } from './connlistJson';
import { cell, csvField } from './connlistTable';
import { escapeLine } from './terminal';

export interface DiffNames {
  readonly ref1: string;
  readonly ref2: string;
}

export const DEFAULT_DIFF_NAMES: DiffNames = { ref1: 'ref1', ref2: 'ref2' };

const CATEGORIES: readonly DiffType[] = ['changed', 'added', 'removed'];

interface Fields {
  readonly type: DiffType;
  readonly src: string;
  readonly dst: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly info: string;
}

/** np-guard's `workloads-diff-info`: `workload A added`, `workload A and B removed`, or empty. */
export function workloadsDiffInfo(d: ConnectionDiff): string {
  if (!d.srcNewOrRemoved && !d.dstNewOrRemoved) return '';
  const names = [...(d.srcNewOrRemoved ? [d.src.id] : []), ...(d.dstNewOrRemoved ? [d.dst.id] : [])];
  return `workload ${names.join(' and ')} ${d.type}`;
}

function fieldsOf(d: ConnectionDiff): Fields {
  return { type: d.type, src: d.src.id, dst: d.dst.id, ref1: formatConnections(d.ref1), ref2: formatConnections(d.ref2), info: workloadsDiffInfo(d) };
}

/** The lines in np-guard's order, each formatted by `line`. */
function orderedLines(diff: ConnectivityDiff, line: (f: Fields) => string): string[] {
  const out: string[] = [];
  for (const fromController of [false, true]) {
    for (const category of CATEGORIES) {
      const lines = diff.diffs.filter((d) => d.type === category && (d.src.type === 'ingress-controller') === fromController).map((d) => line(fieldsOf(d)));
      out.push(...lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  }
  return out;
}

export function formatDiffText(diff: ConnectivityDiff, names: DiffNames = DEFAULT_DIFF_NAMES): string {
  if (diff.diffs.length === 0) return '';
  const lines = orderedLines(diff, (f) => {
    const base = `diff-type: ${f.type}, source: ${escapeLine(f.src)}, destination: ${escapeLine(f.dst)}, ${escapeLine(names.ref1)}: ${f.ref1}, ${escapeLine(names.ref2)}: ${f.ref2}`;
    return f.info ? `${base}, workloads-diff-info: ${escapeLine(f.info)}` : base;
  });
  return ['Connectivity diff:', ...lines].join('\n') + '\n';
}

export function formatDiffMarkdown(diff: ConnectivityDiff, names: DiffNames = DEFAULT_DIFF_NAMES): string {
  if (diff.diffs.length === 0) return '';
  const header = `| diff-type | source | destination | ${cell(names.ref1)} | ${cell(names.ref2)} | workloads-diff-info |\n|-----------|--------|-------------|------|------|---------------------|`;
  const lines = orderedLines(diff, (f) => `| ${f.type} | ${cell(f.src)} | ${cell(f.dst)} | ${f.ref1} | ${f.ref2} | ${cell(f.info)} |`);
  return [header, ...lines].join('\n') + '\n';
}

export function formatDiffCsv(diff: ConnectivityDiff, names: DiffNames = DEFAULT_DIFF_NAMES): string {
  if (diff.diffs.length === 0) return '';
  const row = (fields: string[]) => fields.map((f) => csvField(escapeLine(f))).join(',');
  const lines = orderedLines(diff, (f) => row([f.type, f.src, f.dst, f.ref1, f.ref2, f.info]));
  return [row(['diff-type', 'source', 'destination', names.ref1, names.ref2, 'workloads-diff-info']), ...lines].join('\n') + '\n';
}

export function formatDiffJson(diff: ConnectivityDiff, names: DiffNames = DEFAULT_DIFF_NAMES): string {
  const byLine = new Map<string, ConnectionDiff>();
  for (const d of diff.diffs) byLine.set(keyOf(fieldsOf(d)), d);
  const items = orderedLines(diff, keyOf).map((key) => {
    const d = byLine.get(key)!;
    const f = fieldsOf(d);
    return {
      diffType: f.type,
      src: f.src,
      dst: f.dst,
      ref1: f.ref1,
      ref2: f.ref2,
      workloadsDiffInfo: f.info,
      srcPeer: peerJson(d.src),
      dstPeer: peerJson(d.dst),
      ref1Allowed: connectionsJson(d.ref1),
      ref2Allowed: connectionsJson(d.ref2),
    };
  });
  return `${JSON.stringify({ version: 1, ref1: names.ref1, ref2: names.ref2, diffs: items }, null, 2)}\n`;
}

/** The txt line without names: unique per pair, and sorting by it is sorting as txt does. */
function keyOf(f: Fields): string {
  return `diff-type: ${f.type}, source: ${f.src}, destination: ${f.dst}, ${f.ref1}, ${f.ref2}`;
}
