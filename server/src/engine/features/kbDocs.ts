/**
 * The knowledge base as features read it: field docs and annotation docs rendered as hover markdown, and the
 * lookups completion needs. The kb modules are data; this is the one place that turns them into text.
 */
import { annotationDoc, annotationDocsFor, knownAnnotationPrefixes } from '../kb/annotationDocs';
import { fieldDoc, fieldDocIn, fieldDocKind } from '../kb/fieldDocs';
import type { AnnotationDoc } from '../kb/types';
import { closestName } from '../util/closestName';
import type { PathSegment } from './cursor';
import { code, escapeText, type FeatureHost } from './host';

export { annotationDoc, annotationDocsFor, fieldDoc, fieldDocIn, fieldDocKind, knownAnnotationPrefixes };

/**
 * The field's doc as markdown, with the current value's meaning marked for enums. `apiVersion` picks the docs of the
 * object's API group for kinds another group also uses (Istio's Gateway).
 */
export function fieldDocMarkdown(kind: string, path: readonly PathSegment[], currentValue?: string, apiVersion?: string): string | undefined {
  const doc = fieldDoc(kind, [...path], apiVersion);
  if (!doc) return undefined;
  const parts = [`**${code(doc.path)}** · ${doc.kind}`, doc.doc];
  if (doc.values?.length) {
    parts.push(doc.values.map((v) => `- ${v.value === currentValue ? `**${code(v.value)}**` : code(v.value)}: ${v.doc}`).join('\n'));
  }
  parts.push(`[Reference](${doc.source})`);
  return parts.join('\n\n');
}

/** An annotation key's doc; for an unknown key under a known prefix, says so (with the closest known key). */
export function annotationMarkdown(_host: FeatureHost, kind: string, key: string, value: string | undefined): string | undefined {
  const doc = annotationDoc(key);
  if (doc) {
    const parts = [`**${code(key)}** · ${ownerText(doc.owner)}`, doc.doc];
    const facts: string[] = [];
    if (doc.valueHint) facts.push(`Value: ${doc.valueHint}`);
    if (doc.defaultValue !== undefined) facts.push(`Default: ${code(doc.defaultValue)}`);
    if (value !== undefined && doc.values?.length && !doc.values.includes(value)) facts.push(`${code(value)} is not one of ${doc.values.map(code).join(', ')}`);
    if (!doc.kinds.includes(kind) && !doc.kinds.includes('*') && doc.kinds.length) facts.push(`Read on ${doc.kinds.join(', ')}, not on ${escapeText(kind)}`);
    if (facts.length) parts.push(facts.join(' · '));
    parts.push(`[Source](${doc.source})`);
    return parts.join('\n\n');
  }
  const prefix = knownAnnotationPrefixes().find((p) => key.startsWith(p.prefix))?.prefix;
  if (!prefix) return undefined;
  const candidates = [...annotationDocsFor(kind).map((d) => d.key)].filter((k) => k.startsWith(prefix));
  const suggestion = closestName(key, candidates);
  return `**${code(key)}**\n\nNot a known annotation under ${code(prefix)}: the controller that owns this prefix ignores keys it does not know.${suggestion ? ` Did you mean ${code(suggestion)}?` : ''}`;
}

const OWNERS: Record<AnnotationDoc['owner'], string> = {
  'azure-load-balancer': 'Azure load balancer (cloud-provider-azure)',
  kubernetes: 'Kubernetes',
  'ingress-nginx': 'ingress-nginx',
  'aks-app-routing': 'AKS application routing',
  'application-gateway-for-containers': 'Application Gateway for Containers',
  agic: 'Application Gateway Ingress Controller',
  istio: 'Istio',
  'cert-manager': 'cert-manager',
  netlens: 'Netlens',
};

function ownerText(owner: AnnotationDoc['owner']): string {
  return OWNERS[owner] ?? owner;
}
