/**
 * The effective profile from its sources, for the language server and the CLI alike (they only differ in how they
 * read files): `.netlens.yaml` keys > its `cluster.importFrom` > editor settings, then the consistency checks of
 * the merged result (facts consistent in each source may contradict once merged).
 */
import type { ImportedProfile } from './importAks';
import { mergeProfiles } from './mergeProfiles';
import type { ParsedProfile } from './parseProfile';
import { checkConsistency, type ProfileIssue } from './readProfile';
import type { SettingsProfile } from './fromSettings';
import type { ClusterProfile } from './types';

export interface ProfileSources {
  file?: ParsedProfile;
  imported?: ImportedProfile;
  settings?: SettingsProfile;
}

export function effectiveProfile(sources: ProfileSources): { profile: ClusterProfile; issues: ProfileIssue[] } {
  const profile = mergeProfiles(sources.file?.profile, sources.imported?.profile, sources.settings?.profile);
  const layers = [sources.file, sources.imported, sources.settings].filter((s) => s !== undefined).length;
  if (layers < 2) return { profile, issues: [] };
  const known = new Set([...(sources.file?.issues ?? []), ...(sources.imported?.issues ?? []), ...(sources.settings?.issues ?? [])].map((i) => i.message));
  const issues = checkConsistency(profile).filter((i) => !known.has(i.message)).map((i) => ({ ...i, message: `effective profile: ${i.message}` }));
  return { profile, issues };
}
