/**
 * `whoCanReach` latency, in process. The NetworkPolicy engine (server/src/engine/netpol/) is being written while
 * this bench is, so this file does not import it: the runner checks that `netpol/index.ts` exports `whoCanReach`
 * and `buildNetpolModel`, writes a two-line entry in bench/.work/ that imports them and calls `runWhoCanReach`, and
 * bundles that entry with esbuild. When the module or the exports are missing, the metric is reported as n/a.
 *
 * What is timed: one model build for the loaded workspace (what a server would keep between edits), then
 * `whoCanReach(model, workload)` for 50 workloads spread evenly over the workspace (after 5 warm-up calls).
 */
import { performance } from 'node:perf_hooks';
import { Analysis } from '../server/src/engine/analysis';
import type { Workload } from '../server/src/engine/model/resources';
import type { WorkspaceIndex } from '../server/src/engine/model/workspaceIndex';
import { readManifest, scanFiles } from '../server/src/io/scanFiles';
import { percentile } from './util';

export interface NetpolApi {
  buildNetpolModel: (index: WorkspaceIndex) => unknown;
  whoCanReach: (model: unknown, target: Workload) => unknown[];
}

export interface WhoCanReachResult {
  workloads: number;
  loadMs: number;
  modelBuildMs: number;
  calls: number;
  p50: number;
  p95: number;
  max: number;
  meanSources: number;
  /** Targets that some other workload of the workspace calls, and how many of those got at least one source. */
  calledTargets: number;
  calledTargetsWithSources: number;
  budgetExceeded: boolean;
}

const WARMUP = 5;
const CALLS = 50;
const BUDGET_MS = 120_000;

export function runWhoCanReach(api: NetpolApi, dir: string): WhoCanReachResult {
  const analysis = new Analysis();
  let t = performance.now();
  for (const file of scanFiles([dir]).files) {
    const read = readManifest(file);
    if ('text' in read) analysis.setFile(file, read.text);
  }
  // No refresh: the model reads the index only; the rules' findings are not needed here.
  const loadMs = performance.now() - t;
  const workloads = [...analysis.index.workloads()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  t = performance.now();
  const model = api.buildNetpolModel(analysis.index);
  const modelBuildMs = performance.now() - t;

  const step = Math.max(1, Math.floor(workloads.length / (CALLS + WARMUP)));
  const targets = workloads.filter((_, i) => i % step === 0).slice(0, CALLS + WARMUP);
  // A target is "called" when its own allow-list policy (the generator names it after the app) admits pods of its
  // namespace: a caller that the generator also allowed to egress there, so whoCanReach must list at least one.
  const isCalled = (workload: Workload): boolean =>
    analysis.index
      .lookup('NetworkPolicy', workload.namespace, workload.podLabels['app'] ?? '')
      .some((policy) => (policy.ingress ?? []).some((rule) => (rule.peers ?? []).some((peer) => peer.podSelector && !peer.namespaceSelector && !peer.ipBlock)));
  const times: number[] = [];
  let sources = 0;
  let calledTargets = 0;
  let calledTargetsWithSources = 0;
  const deadline = performance.now() + BUDGET_MS;
  let budgetExceeded = false;
  targets.forEach((workload, i) => {
    if (budgetExceeded) return;
    const start = performance.now();
    const result = api.whoCanReach(model, workload);
    const ms = performance.now() - start;
    if (i >= WARMUP) {
      times.push(ms);
      sources += result.length;
      if (isCalled(workload)) {
        calledTargets++;
        if (result.length > 0) calledTargetsWithSources++;
      }
    }
    if (performance.now() > deadline) budgetExceeded = true;
  });
  return {
    workloads: workloads.length,
    loadMs,
    modelBuildMs,
    calls: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    meanSources: times.length ? sources / times.length : 0,
    calledTargets,
    calledTargetsWithSources,
    budgetExceeded,
  };
}
