/**
 * Lookup of annotation documentation: exact keys first, then key patterns (`service.beta.kubernetes.io/port_{port}_...`),
 * the annotations that belong on a kind (for completion), and the prefixes we document (so a hover can say that a
 * key under a known prefix is unknown, which usually means a typo the controller will silently ignore).
 *
 * An entry whose `kinds` contains `*` belongs on every kind.
 */
import type { AnnotationDoc, AnnotationOwner } from './types';
import { AGIC_ANNOTATIONS } from './annotations/agic';
import { AKS_APP_ROUTING_ANNOTATIONS } from './annotations/aksAppRouting';
import { APP_GATEWAY_FOR_CONTAINERS_ANNOTATIONS } from './annotations/appGatewayForContainers';
import { AZURE_LOAD_BALANCER_ANNOTATIONS } from './annotations/azureLoadBalancer';
import { AZURE_PORT_ANNOTATIONS } from './annotations/azurePortProbes';
import { CERT_MANAGER_ANNOTATIONS } from './annotations/certManager';
import { INGRESS_NGINX_ROUTING_ANNOTATIONS, NGINX_PREFIX } from './annotations/ingressNginxRouting';
import { INGRESS_NGINX_SECURITY_ANNOTATIONS } from './annotations/ingressNginxSecurity';
import { KUBERNETES_ANNOTATIONS } from './annotations/kubernetes';
import { NETLENS_ANNOTATIONS } from './annotations/netlens';

const ALL_ANNOTATION_DOCS: readonly AnnotationDoc[] = [
  ...KUBERNETES_ANNOTATIONS,
  ...INGRESS_NGINX_ROUTING_ANNOTATIONS,
  ...INGRESS_NGINX_SECURITY_ANNOTATIONS,
  ...AKS_APP_ROUTING_ANNOTATIONS,
  ...APP_GATEWAY_FOR_CONTAINERS_ANNOTATIONS,
  ...AGIC_ANNOTATIONS,
  ...AZURE_LOAD_BALANCER_ANNOTATIONS,
  ...AZURE_PORT_ANNOTATIONS,
  ...CERT_MANAGER_ANNOTATIONS,
  ...NETLENS_ANNOTATIONS,
];

/** A key prefix whose keys we document, and who reads keys under it. */
export interface KnownAnnotationPrefix {
  prefix: string;
  owner: AnnotationOwner;
}

/** Longest first, so the first prefix a key starts with is the most specific one. */
const KNOWN_PREFIXES: readonly KnownAnnotationPrefix[] = ([
  { prefix: 'service.beta.kubernetes.io/azure-', owner: 'azure-load-balancer' },
  { prefix: 'service.beta.kubernetes.io/port_', owner: 'azure-load-balancer' },
  { prefix: 'appgw.ingress.kubernetes.io/', owner: 'agic' },
  { prefix: 'ingressclass.kubernetes.io/', owner: 'kubernetes' },
  { prefix: 'alb.networking.azure.io/', owner: 'application-gateway-for-containers' },
  { prefix: 'acme.cert-manager.io/', owner: 'cert-manager' },
  { prefix: NGINX_PREFIX, owner: 'ingress-nginx' },
  { prefix: 'cert-manager.io/', owner: 'cert-manager' },
  { prefix: 'netlens.io/', owner: 'netlens' },
] as KnownAnnotationPrefix[]).sort((a, b) => b.prefix.length - a.prefix.length);

const EXACT: ReadonlyMap<string, AnnotationDoc> = new Map(ALL_ANNOTATION_DOCS.filter((d) => !d.pattern).map((d) => [d.key, d]));
const PATTERNS: readonly { regex: RegExp; doc: AnnotationDoc }[] = ALL_ANNOTATION_DOCS.filter((d) => d.pattern).map((doc) => ({ regex: patternRegex(doc.key), doc }));

/** Documentation of an annotation key: an exact key first, then the first pattern that matches. */
export function annotationDoc(key: string): AnnotationDoc | undefined {
  return EXACT.get(key) ?? PATTERNS.find((p) => p.regex.test(key))?.doc;
}

/** Annotations that belong on objects of `kind` (patterns included, keys as written with placeholders). */
export function annotationDocsFor(kind: string): AnnotationDoc[] {
  return ALL_ANNOTATION_DOCS.filter((d) => d.kinds.includes(kind) || d.kinds.includes('*'));
}

/** Prefixes whose keys we document, longest first: a key under one of them that `annotationDoc` misses is unknown. */
export function knownAnnotationPrefixes(): readonly KnownAnnotationPrefix[] {
  return KNOWN_PREFIXES;
}

/** Every annotation doc (for tests and documentation export). */
export function allAnnotationDocs(): readonly AnnotationDoc[] {
  return ALL_ANNOTATION_DOCS;
}

/**
 * Turns a key with `{placeholders}` into an anchored regular expression. `{port}` stands for a port number; any
 * other placeholder for one run of characters allowed in a key, without `/`.
 */
function patternRegex(key: string): RegExp {
  const source = key
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      if (part === '{port}') return '\\d{1,5}';
      if (/^\{[a-zA-Z]+\}$/.test(part)) return '[A-Za-z0-9._-]+';
      return part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}
