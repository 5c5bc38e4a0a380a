/**
 * Layers of a profile, the first the strongest: `mergeProfiles(file, imported, settings)`. Each key comes whole
 * from the first layer that states it (an `ingressControllers` list is never mixed from two layers), and so does its
 * origin.
 */
import { PROFILE_KEYS } from './keys';
import type { ClusterProfile } from './types';

type Field = Exclude<keyof ClusterProfile, 'origins'>;

/** Every key of the key table (`importFrom` names a file: it is read, not merged). */
const FIELDS: readonly Field[] = PROFILE_KEYS.filter((k) => k.field !== 'importFrom').map((k) => k.field as Field);

export function mergeProfiles(...layers: (ClusterProfile | undefined)[]): ClusterProfile {
  const out: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  for (const field of FIELDS) {
    for (const layer of layers) {
      if (!layer || layer[field] === undefined) continue;
      const value = layer[field];
      out[field] = Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? { ...v } : v)) : value;
      const origin = layer.origins?.[field];
      if (origin !== undefined) origins[field] = origin;
      break;
    }
  }
  if (Object.keys(origins).length) out.origins = origins;
  return out as ClusterProfile;
}

/** Where a profile value came from, for messages: ` (from .netlens.yaml: cluster.networkPolicyEngine)`. */
export function originSuffix(profile: ClusterProfile, field: Field): string {
  const origin = profile.origins?.[field];
  return origin ? ` (from ${origin})` : '';
}
