/**
 * A profile written back in the `.netlens.yaml` format (the effective profile `netlens profile` prints), each
 * value followed by where it came from, and as portable JSON (the same keys, nested).
 */
import type { ClusterProfile } from './types';

const CLUSTER_FIELDS = ['networkModel', 'podCidr', 'serviceCidr', 'dnsServiceIP', 'vnetCidrs', 'networkPolicyEngine', 'outboundType', 'windowsNodes', 'kubernetesVersion'] as const;

/** Plain scalars that YAML would read as something else (numbers, booleans, null) are quoted. */
function scalar(value: string | boolean): string {
  if (typeof value === 'boolean') return String(value);
  return /^[A-Za-z0-9][A-Za-z0-9._\/:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~|[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i.test(value) ? value : JSON.stringify(value);
}

export function formatProfileYaml(profile: ClusterProfile): string {
  const origin = (field: string) => (profile.origins?.[field] ? `  # ${profile.origins[field]}` : '');
  const lines: string[] = [];
  const cluster = CLUSTER_FIELDS.filter((f) => profile[f] !== undefined);
  if (cluster.length) {
    lines.push('cluster:');
    for (const field of cluster) {
      const value = profile[field]!;
      if (Array.isArray(value)) lines.push(`  ${field}: [${value.map(scalar).join(', ')}]${origin(field)}`);
      else lines.push(`  ${field}: ${scalar(value)}${origin(field)}`);
    }
  }
  if (profile.ingressControllers) {
    if (profile.ingressControllers.length === 0) lines.push(`ingressControllers: []${origin('ingressControllers')}`);
    else {
      lines.push(`ingressControllers:${origin('ingressControllers')}`);
      for (const c of profile.ingressControllers) {
        const where = c.namespace !== undefined ? `namespace: ${scalar(c.namespace)}` : `subnetCidr: ${scalar(c.subnetCidr ?? '')}`;
        lines.push(`  - {class: ${scalar(c.class)}, ${where}}`);
      }
    }
  }
  if (profile.defaultNamespace !== undefined) lines.push(`defaultNamespace: ${scalar(profile.defaultNamespace)}${origin('defaultNamespace')}`);
  if (lines.length === 0) return '# nothing is known about the cluster: every profile key is unset\n';
  return `${lines.join('\n')}\n`;
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
