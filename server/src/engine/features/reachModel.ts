/**
 * The reachability model features ask (engine/reach/): for a file, under the cluster profile of its folder; for the
 * whole workspace (the graph, `netlens/explain`), under the profile of the workspace's first folder that has files
 * (multi-root workspaces whose folders describe different clusters get one answer per folder only in per-file
 * features).
 */
import type { Analysis } from '../analysis';
import type { ClusterProfile } from '../profile/types';
import { reachModelOf, type ReachModel } from '../reach/model';

export function reachModelFor(analysis: Analysis, file?: string): ReachModel {
  return reachModelOf(analysis.index, file !== undefined ? (analysis.settingsOf(file).profile ?? {}) : workspaceProfile(analysis));
}

/** The profile whole-workspace answers use. */
export function workspaceProfile(analysis: Analysis): ClusterProfile {
  const first = analysis.fileNames().sort()[0];
  return first !== undefined ? (analysis.settingsOf(first).profile ?? {}) : {};
}
