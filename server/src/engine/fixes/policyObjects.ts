/**
 * NetworkPolicy objects as plain data, ready for `yamlRender`: selectors of workloads, peers, the DNS rule, the
 * default deny. Shared by the quick-fixes and the generators so that every policy we write reads the same way.
 */
import { NAMESPACE_NAME_LABEL } from '../model/extract/config';
import { selectorMatches, type LabelSelector } from '../model/labelSelector';
import type { Protocol, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { safeFileName } from '../util/fileName';

/** A label selector as written in YAML: `{matchLabels, matchExpressions}` with empty parts left out. */
export interface PlainSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface PolicyPort {
  protocol: Protocol;
  port: number | string;
}

export const DNS_NAMESPACE = 'kube-system';
export const DNS_POD_LABELS: Readonly<Record<string, string>> = { 'k8s-app': 'kube-dns' };
export const DNS_PORTS: readonly PolicyPort[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];

export function plainSelector(selector: Pick<LabelSelector, 'matchLabels' | 'matchExpressions'> | PlainSelector | undefined): PlainSelector {
  const out: PlainSelector = {};
  if (!selector) return out;
  const labels = selector.matchLabels ?? {};
  if (Object.keys(labels).length) out.matchLabels = { ...labels };
  const expressions = selector.matchExpressions ?? [];
  if (expressions.length) {
    out.matchExpressions = expressions.map((e) => {
      const values = (e as { values?: string[] }).values;
      return values && values.length && e.operator !== 'Exists' && e.operator !== 'DoesNotExist' ? { key: e.key, operator: e.operator, values: [...values] } : { key: e.key, operator: e.operator };
    });
  }
  return out;
}

export function namespaceSelectorOf(namespace: string): PlainSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

/**
 * The selector a policy uses for a workload's pods: the controller's own `spec.selector` when it is plain
 * matchLabels that select exactly this workload's pods in the namespace (it is what the owner keeps stable), else
 * every pod label. `ambiguous` says that even all labels also select pods of another workload.
 */
export function workloadSelector(index: WorkspaceIndex, workload: Workload): { selector: PlainSelector; ambiguous: boolean; empty: boolean } {
  const others = index.workloadsIn(workload.namespace).filter((w) => w.name !== workload.name || w.kind !== workload.kind);
  const selectsOthers = (labels: Record<string, string>) =>
    others.some((w) => selectorMatches({ matchLabels: labels, matchExpressions: [], span: { start: 0, end: 0 } }, w.podLabels));
  const own = workload.selector;
  if (own && !own.invalid && own.matchExpressions.length === 0 && Object.keys(own.matchLabels).length > 0 && selectorMatches(own, workload.podLabels) && !selectsOthers(own.matchLabels)) {
    return { selector: { matchLabels: { ...own.matchLabels } }, ambiguous: false, empty: false };
  }
  const labels = { ...workload.podLabels };
  if (Object.keys(labels).length === 0) return { selector: {}, ambiguous: others.length > 0, empty: true };
  return { selector: { matchLabels: labels }, ambiguous: selectsOthers(labels), empty: false };
}

/** A peer for pods of `namespace` seen from a policy in `policyNamespace`. */
export function podPeer(policyNamespace: string, namespace: string, podSelector: PlainSelector): Record<string, unknown> {
  if (namespace === policyNamespace) return { podSelector };
  return { namespaceSelector: namespaceSelectorOf(namespace), podSelector };
}

export function dnsPeer(): Record<string, unknown> {
  return { namespaceSelector: namespaceSelectorOf(DNS_NAMESPACE), podSelector: { matchLabels: { ...DNS_POD_LABELS } } };
}

export function portsOf(ports: readonly PolicyPort[]): Record<string, unknown>[] {
  return sortPorts(ports).map((p) => ({ protocol: p.protocol, port: p.port }));
}

export function sortPorts(ports: readonly PolicyPort[]): PolicyPort[] {
  const seen = new Set<string>();
  const out: PolicyPort[] = [];
  for (const p of ports) {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => {
    const an = typeof a.port === 'number' ? a.port : Number.MAX_SAFE_INTEGER;
    const bn = typeof b.port === 'number' ? b.port : Number.MAX_SAFE_INTEGER;
    return an - bn || String(a.port).localeCompare(String(b.port)) || a.protocol.localeCompare(b.protocol);
  });
}

/** The DNS egress rule: UDP and TCP 53 to the cluster DNS pods (`k8s-app: kube-dns` in kube-system). */
export function dnsEgressRule(): Record<string, unknown> {
  // UDP first: it is what lookups use; TCP is for answers too large for UDP.
  return { to: [dnsPeer()], ports: DNS_PORTS.map((p) => ({ protocol: p.protocol, port: p.port })) };
}

export interface PolicySpec {
  name: string;
  namespace: string;
  podSelector: PlainSelector;
  ingress?: unknown[];
  egress?: unknown[];
  policyTypes: ('Ingress' | 'Egress')[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function networkPolicy(spec: PolicySpec): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name: spec.name, namespace: spec.namespace };
  if (spec.labels && Object.keys(spec.labels).length) metadata.labels = spec.labels;
  if (spec.annotations && Object.keys(spec.annotations).length) metadata.annotations = spec.annotations;
  const body: Record<string, unknown> = { podSelector: spec.podSelector, policyTypes: spec.policyTypes };
  if (spec.ingress) body.ingress = spec.ingress;
  if (spec.egress) body.egress = spec.egress;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: body };
}

export function defaultDenyPolicy(namespace: string, name = 'default-deny'): Record<string, unknown> {
  return networkPolicy({ name, namespace, podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
}

export function allowDnsPolicy(namespace: string, name = 'allow-dns', podSelector: PlainSelector = {}): Record<string, unknown> {
  return networkPolicy({ name, namespace, podSelector, policyTypes: ['Egress'], egress: [dnsEgressRule()] });
}

/** A DNS-1123 name made from parts: lowercase, `-` for anything else, at most 63 characters. */
export function dnsName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return (name.slice(0, 63).replace(/-$/, '') || 'policy');
}

/** `base`, or `base-2`, `base-3`, ... : the first name no object of that kind in the namespace has, nor `taken`. */
export function uniqueName(index: WorkspaceIndex, kind: string, namespace: string, base: string, taken: Set<string> = new Set()): string {
  const used = (name: string) => taken.has(`${kind}/${namespace}/${name}`) || index.lookupAny(kind, namespace, name).length > 0;
  let name = base;
  for (let i = 2; used(name); i++) name = dnsName(`${base.slice(0, 58)}-${i}`);
  taken.add(`${kind}/${namespace}/${name}`);
  return name;
}

/** The directory part of a file key (engine code has no `path` module): up to and including the last separator. */
export function directoryOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(0, cut + 1) : '';
}

/** A file key beside `sibling` named `name`, made unique against files that exist. */
export function fileBeside(sibling: string, generatedName: string, exists: (file: string) => boolean): string {
  const dir = directoryOf(sibling);
  // The name comes from manifest text (a namespace, an Ingress name): one safe path segment, never `../../x`.
  const name = safeFileName(generatedName);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let file = `${dir}${name}`;
  for (let i = 2; exists(file); i++) file = `${dir}${stem}-${i}${ext}`;
  return file;
}
