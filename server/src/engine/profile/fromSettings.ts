/**
 * The same keys from editor settings: VS Code hands the `netlens` section as nested JSON
 * (`{cluster: {networkModel: 'overlay'}, ingressControllers: [...], defaultNamespace: 'shop', rules: {...}}`);
 * flat objects (`{"netlens.cluster.networkModel": "overlay"}`) read the same. Other `netlens.*` settings (rules,
 * exclude, ...) are not profile keys and are left alone.
 *
 * Precedence (see docs/profile.md): `.netlens.yaml` keys > the file's `cluster.importFrom` > settings. The file is
 * versioned with the manifests, so the CLI in CI and every editor read the same cluster; settings fill in what no
 * file says (a workspace without a file, or a user's default), and never silently override a repository's statement.
 */
import { budgetMessage, fromJson, nestDottedKeys, plainBudget } from './plainTree';
import { checkConsistency, readProfile, type ProfileIssue } from './readProfile';
import type { ClusterProfile } from './types';

export interface SettingsProfile {
  profile: ClusterProfile;
  /** Issues name the setting (`netlens.cluster.podCidr`); they carry no span. */
  issues: ProfileIssue[];
  /** `netlens.cluster.importFrom`, relative to the workspace folder. */
  importFrom?: string;
}

export function profileFromSettings(section: unknown): SettingsProfile {
  if (section === undefined || section === null) return { profile: {}, issues: [] };
  const budget = plainBudget();
  const root = nestDottedKeys(fromJson(section, budget));
  const read = readProfile(root, { keyPrefix: 'netlens.', originOf: (key) => `setting netlens.${key}`, ignoreUnknownTopLevel: true });
  const overBudget: ProfileIssue[] = budget.exceeded ? [{ severity: 'error', key: '', message: budgetMessage('the netlens settings') }] : [];
  const out: SettingsProfile = { profile: read.profile, issues: [...overBudget, ...read.issues, ...checkConsistency(read.profile, {}, 'netlens.')] };
  if (read.importFrom) out.importFrom = read.importFrom.path;
  return out;
}
