/**
 * The generators' closed loop: before generated NetworkPolicies are handed over, the workspace is analysed again
 * with them added, by the same engine. Two things must hold:
 *  - every evidenced connection between two workloads that the reachability model did not deny before is not
 *    denied after (reach/: the one answer to who can reach whom);
 *  - no blocking finding (severity error) appears that was not there before.
 * The generator (generatePolicies.ts) decides what to do when they do not: withhold a namespace's default deny, or
 * refuse.
 */
import { Analysis, DEFAULT_SETTINGS, type AnalysisSettings } from '../analysis';
import type { Protocol, Workload } from '../model/resources';
import { reachModelOf, verdictBetween, workloadPeer, type ReachModel, type Verdict } from '../reach/index';
import type { Finding } from '../rules/rule';
import { describeEndpoint, type TrafficEdge } from './trafficEdges';
import { applyChange, type FixContext, type WorkspaceChange } from './types';

export interface BrokenConnection {
  edge: TrafficEdge;
  /** The port asked about (a named port resolved on the destination's containers). */
  port: number;
  before: Verdict;
  after: Verdict;
}

export interface LoopResult {
  broken: BrokenConnection[];
  /** Blocking findings of the workspace with the generated files that it did not have without them. */
  newFindings: Finding[];
}

/** A workspace analysis of the fix context's files, once; the generated change is tried on it (see `verify`). */
export class ClosedLoop {
  private readonly analysis: Analysis;
  private readonly texts = new Map<string, string>();
  private readonly before: Map<string, number>;
  private readonly verdictsBefore = new Map<string, Verdict>();
  private readonly settingsFor: (file: string) => AnalysisSettings;
  private applied = new Map<string, string>();

  constructor(private readonly ctx: FixContext) {
    const profile = ctx.profile;
    this.settingsFor = ctx.settingsFor ?? (() => (profile ? { ...DEFAULT_SETTINGS, profile } : DEFAULT_SETTINGS));
    this.analysis = new Analysis({ settingsFor: this.settingsFor });
    for (const file of [...ctx.index.files()].sort()) {
      const text = ctx.textOf(file);
      if (text === undefined) continue;
      this.texts.set(file, text);
      this.analysis.setFile(file, text);
    }
    this.analysis.refresh();
    this.before = countBlocking(this.analysis.allFindings());
  }

  /** The broken connections and new blocking findings with `change` applied (the previous trial is undone first). */
  verify(change: WorkspaceChange, edges: readonly TrafficEdge[]): LoopResult {
    this.undo();
    const model = this.model();
    const checked = edges.flatMap((edge) => {
      const port = numericPort(edge);
      return port === undefined ? [] : [{ edge, port, key: `${edge.from.id}>${edge.to.id}>${edge.protocol}/${port}` }];
    });
    for (const { edge, port, key } of checked) if (!this.verdictsBefore.has(key)) this.verdictsBefore.set(key, verdictOfEdge(model, edge, edge.protocol, port));
    const after = applyChange(this.texts, change);
    for (const [file, text] of after) {
      if (this.texts.get(file) === text) continue;
      this.analysis.setFile(file, text);
      this.applied.set(file, text);
    }
    this.analysis.refresh();
    const changed = this.model();
    const broken: BrokenConnection[] = [];
    for (const { edge, port, key } of checked) {
      const before = this.verdictsBefore.get(key)!;
      if (before === 'denied') continue;
      const verdict = verdictOfEdge(changed, edge, edge.protocol, port);
      if (verdict === 'denied') broken.push({ edge, port, before, after: verdict });
    }
    const remaining = new Map(this.before);
    const newFindings: Finding[] = [];
    for (const finding of blocking(this.analysis.allFindings())) {
      const key = findingKey(finding);
      const left = remaining.get(key) ?? 0;
      if (left > 0) remaining.set(key, left - 1);
      else newFindings.push(finding);
    }
    return { broken, newFindings };
  }

  private undo(): void {
    for (const file of this.applied.keys()) {
      const text = this.texts.get(file);
      if (text === undefined) this.analysis.removeFile(file);
      else this.analysis.setFile(file, text);
    }
    this.applied = new Map();
    this.analysis.refresh();
  }

  private model(): ReachModel {
    const anyFile = this.texts.keys().next().value;
    return reachModelOf(this.analysis.index, anyFile !== undefined ? (this.settingsFor(anyFile).profile ?? {}) : (this.ctx.profile ?? {}));
  }
}

function verdictOfEdge(model: ReachModel, edge: TrafficEdge, protocol: Protocol, port: number): Verdict {
  if (edge.from.type !== 'workload' || edge.to.type !== 'workload') return 'unknown';
  const src = model.netpol.peer(edge.from.id);
  const dst = model.netpol.peer(edge.to.id);
  if (!src || !dst) return 'unknown';
  return verdictBetween(model, workloadPeer(src), workloadPeer(dst), protocol, port).verdict;
}

/** Workload-to-workload edges only (the other ends are checked through the findings); a named port resolved. */
function numericPort(edge: TrafficEdge): number | undefined {
  if (edge.from.type !== 'workload' || edge.to.type !== 'workload') return undefined;
  if (typeof edge.port === 'number') return edge.port;
  const workload: Workload = edge.to.workload;
  return workload.containers.flatMap((c) => c.ports).find((p) => p.name === edge.port && p.protocol === edge.protocol)?.containerPort;
}

function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}|${finding.file}|${finding.message}`;
}

function countBlocking(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const finding of blocking(findings)) out.set(findingKey(finding), (out.get(findingKey(finding)) ?? 0) + 1);
  return out;
}

/** Each failure of a loop result in words: a broken connection with its evidence, or a new error finding. */
export function loopFailures(result: LoopResult): string[] {
  return [
    ...result.broken.map((b) => `${describeEndpoint(b.edge.from)} -> ${describeEndpoint(b.edge.to)} : ${b.edge.protocol} ${b.port} would be denied (evidence: ${b.edge.evidence[0]?.text ?? b.edge.origin})`),
    ...result.newFindings.map((f) => `check would report a new error (${f.ruleId}): ${f.message}`),
  ];
}

/** The first failure of a loop result in words, with how many more there are (one line for a note). */
export function loopFailureSummary(result: LoopResult): string {
  const failures = loopFailures(result);
  return `${failures[0] ?? 'no failure'}${failures.length > 1 ? ` (and ${failures.length - 1} more)` : ''}`;
}
