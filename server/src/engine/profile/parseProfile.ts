/**
 * `.netlens.yaml` text -> a ClusterProfile and issues with spans (for the editor and `netlens profile`).
 *
 *     cluster:
 *       networkModel: overlay
 *       podCidr: 10.244.0.0/16
 *       networkPolicyEngine: cilium
 *       importFrom: ./infra/aks.json
 *     ingressControllers:
 *       - {class: webapprouting.kubernetes.azure.com, namespace: app-routing-system}
 *     defaultNamespace: shop
 *
 * Pure: `importFrom` is returned as written; the IO layer reads that file and calls `importAksJson`, then
 * `mergeProfiles` puts this file's keys over the imported ones.
 */
import { parseYamlText } from '../syntax/parse';
import { budgetMessage, fromYaml, nestDottedKeys, plainBudget } from './plainTree';
import { checkConsistency, readProfile, type ProfileIssue } from './readProfile';
import type { Span } from '../syntax/tree';
import type { ClusterProfile } from './types';

export type { ProfileIssue } from './readProfile';

export const PROFILE_FILE_NAME = '.netlens.yaml';

export interface ParsedProfile {
  profile: ClusterProfile;
  /** Sorted by position; errors mean the file is invalid (`netlens profile` exits 1). */
  issues: ProfileIssue[];
  /** `cluster.importFrom` as written, relative to the profile file's folder. */
  importFrom?: { path: string; span?: Span };
}

/** `source` names the file in `origins` (default `.netlens.yaml`). */
export function parseProfile(text: string, source: string = PROFILE_FILE_NAME): ParsedProfile {
  const parsed = parseYamlText(text);
  const issues: ProfileIssue[] = parsed.issues.map((i) => ({ severity: i.severity, key: '', message: i.message, span: i.span }));
  const documents = parsed.documents.filter((d) => d.root !== null);
  if (documents.length > 1) {
    issues.push({ severity: 'warning', key: '', message: `${source} holds ${documents.length} YAML documents; only the first is read`, span: documents[1]!.span });
  }
  const budget = plainBudget();
  const root = nestDottedKeys(fromYaml(documents[0]?.root ?? null, budget));
  if (budget.exceeded) issues.push({ severity: 'error', key: '', message: budgetMessage(source), span: documents[0]!.span });
  const read = readProfile(root, { keyPrefix: '', originOf: (key) => `${source}: ${key}` });
  issues.push(...read.issues, ...checkConsistency(read.profile, read.spans));
  issues.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const out: ParsedProfile = { profile: read.profile, issues };
  if (read.importFrom) out.importFrom = read.importFrom;
  return out;
}

export function hasErrors(issues: readonly ProfileIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
