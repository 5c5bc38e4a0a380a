/**
 * A profile written back in the `.netlens.yaml` format (the effective profile `netlens profile` prints), each
 * value followed by where it came from, and as portable JSON (the same keys, nested).
 */
import { verifyGenerated } from '../fixes/yamlGuard';
import { inFlow, lineCommented, renderComments, renderDocument } from '../fixes/yamlRender';
import { PROFILE_KEYS } from './keys';
import type { ClusterProfile } from './types';

type ClusterField = Exclude<keyof ClusterProfile, 'origins' | 'ingressControllers' | 'defaultNamespace'>;

/** The `cluster:` keys, in the order the key table lists them (`importFrom` is read, never printed back). */
const CLUSTER_FIELDS = PROFILE_KEYS.filter((k) => k.path.startsWith('cluster.') && k.field !== 'importFrom').map((k) => k.field as ClusterField);

/**
 * The profile as `.netlens.yaml` text, each value followed by a comment saying where it came from. Built from data
 * by the `yaml` package and read back (fixes/yamlRender.ts, fixes/yamlGuard.ts): an origin names files, whose names
 * may hold anything, and a value may come from a file too.
 */
export function formatProfileYaml(profile: ClusterProfile): string {
  const origin = (field: string) => profile.origins?.[field];
  const document: Record<string, unknown> = {};
  const cluster = CLUSTER_FIELDS.filter((f) => profile[f] !== undefined);
  if (cluster.length) {
    const fields: Record<string, unknown> = {};
    for (const field of cluster) {
      const value = profile[field]!;
      fields[field] = lineCommented(origin(field), Array.isArray(value) ? inFlow([...value]) : value);
    }
    document.cluster = fields;
  }
  if (profile.ingressControllers) {
    const controllers = profile.ingressControllers.map((c) =>
      inFlow(c.namespace !== undefined ? { class: c.class, namespace: c.namespace, ...(c.podLabels ? { podLabels: { ...c.podLabels } } : {}) } : { class: c.class, subnetCidr: c.subnetCidr ?? '' }),
    );
    document.ingressControllers = lineCommented(origin('ingressControllers'), controllers.length ? controllers : inFlow([]));
  }
  if (profile.defaultNamespace !== undefined) document.defaultNamespace = lineCommented(origin('defaultNamespace'), profile.defaultNamespace);
  if (Object.keys(document).length === 0) return renderComments(['nothing is known about the cluster: every profile key is unset']);
  const text = renderDocument(document);
  const error = verifyGenerated(text, [document]);
  return error ? renderComments([`the profile cannot be printed as YAML (${error}): use --format json`]) : text;
}

/** The portable nested form (`{cluster: {...}, ingressControllers, defaultNamespace, origins}`). */
export function profileToJson(profile: ClusterProfile): Record<string, unknown> {
  const cluster: Record<string, unknown> = {};
  for (const field of CLUSTER_FIELDS) if (profile[field] !== undefined) cluster[field] = profile[field];
  const out: Record<string, unknown> = {};
  if (Object.keys(cluster).length) out.cluster = cluster;
  if (profile.ingressControllers) out.ingressControllers = profile.ingressControllers;
  if (profile.defaultNamespace !== undefined) out.defaultNamespace = profile.defaultNamespace;
  if (profile.origins) out.origins = profile.origins;
  return out;
}
