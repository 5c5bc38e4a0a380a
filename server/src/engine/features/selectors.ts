/**
 * Selectors under the cursor: which selector it is (a Service selector, a policy's podSelector, a peer's
 * podSelector / namespaceSelector, a listener's namespace selector), what scope it selects in, what it matches, and
 * why nothing matches when nothing does.
 */
import { describeSelector, equalitySelector, selectorMatches, selectsEverything, type LabelSelector, type Labels } from '../model/labelSelector';
import { type AnyResource, type NetworkPolicyPeer, type Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { PathSegment } from './cursor';
import { bounded, code, objectAtPlace, type FeatureHost } from './host';
import { escapeMessage } from '../util/markdown';

export type SelectorSite =
  /** Selects pods of one namespace (Service selector, policy podSelector, peer podSelector without namespaceSelector). */
  | { kind: 'pods'; selector: LabelSelector; namespace: string; what: string }
  /** Selects pods in the namespaces another selector picks (peer podSelector with a namespaceSelector). */
  | { kind: 'pods-in-namespaces'; selector: LabelSelector; namespaceSelector: LabelSelector; what: string }
  /** Selects namespaces. */
  | { kind: 'namespaces'; selector: LabelSelector; what: string };

/** The selector the path is in, if any. */
export function selectorSiteAt(resource: AnyResource, path: readonly PathSegment[]): SelectorSite | undefined {
  if (resource.kind === 'Service' && path[0] === 'spec' && path[1] === 'selector') {
    const service = resource as Extract<AnyResource, { kind: 'Service' }>;
    if (!service.selector) return undefined;
    return { kind: 'pods', selector: equalitySelector(service.selector, service.selectorSpan ?? service.nameSpan), namespace: service.namespace, what: 'Service selector' };
  }
  if (resource.kind === 'NetworkPolicy') {
    const policy = resource as Extract<AnyResource, { kind: 'NetworkPolicy' }>;
    if (path[0] === 'spec' && path[1] === 'podSelector') return { kind: 'pods', selector: policy.podSelector, namespace: policy.namespace, what: 'podSelector' };
    const peer = peerAt(policy, path);
    if (peer && (path[5] === 'podSelector' || path[5] === 'namespaceSelector')) {
      if (path[5] === 'namespaceSelector' && peer.namespaceSelector) return { kind: 'namespaces', selector: peer.namespaceSelector, what: 'namespaceSelector' };
      if (path[5] === 'podSelector' && peer.podSelector) {
        if (peer.namespaceSelector) return { kind: 'pods-in-namespaces', selector: peer.podSelector, namespaceSelector: peer.namespaceSelector, what: 'podSelector' };
        return { kind: 'pods', selector: peer.podSelector, namespace: policy.namespace, what: 'podSelector' };
      }
    }
  }
  if (resource.kind === 'Gateway' && path[0] === 'spec' && path[1] === 'listeners' && typeof path[2] === 'number' && path[3] === 'allowedRoutes' && path[5] === 'selector') {
    const gateway = resource as Extract<AnyResource, { kind: 'Gateway' }>;
    const selector = gateway.listeners[path[2]]?.allowedRoutesNamespaces?.selector;
    if (selector) return { kind: 'namespaces', selector, what: 'allowedRoutes namespace selector' };
  }
  return undefined;
}

/** The peer at `spec.ingress[i].from[j]` / `spec.egress[i].to[j]`. */
export function peerAt(policy: Extract<AnyResource, { kind: 'NetworkPolicy' }>, path: readonly PathSegment[]): NetworkPolicyPeer | undefined {
  if (path[0] !== 'spec' || typeof path[2] !== 'number' || typeof path[4] !== 'number') return undefined;
  if (!((path[1] === 'ingress' && path[3] === 'from') || (path[1] === 'egress' && path[3] === 'to'))) return undefined;
  const rules = path[1] === 'ingress' ? policy.ingress : policy.egress;
  return rules?.[path[2]]?.peers?.[path[4]];
}

/** Workloads a site selects (pods sites only). */
export function workloadsOfSite(index: WorkspaceIndex, site: SelectorSite): Workload[] {
  switch (site.kind) {
    case 'pods':
      return index.workloadsSelectedBy(site.namespace, site.selector);
    case 'pods-in-namespaces': {
      const out: Workload[] = [];
      for (const namespace of namespacesOfSelector(index, site.namespaceSelector)) out.push(...index.workloadsSelectedBy(namespace, site.selector));
      return out;
    }
    case 'namespaces':
      return [];
  }
}

/** Namespaces of the workspace (declared or used) that a namespace selector matches. */
export function namespacesOfSelector(index: WorkspaceIndex, selector: LabelSelector): string[] {
  return index.namespaceNames().filter((ns) => selectorMatches(selector, index.namespaceLabels(ns)));
}

/** Markdown for a selector hover: what it matches, or the closest candidates when it matches nothing. */
export function selectorMarkdown(host: FeatureHost, site: SelectorSite): string {
  const index = host.analysis.index;
  const text = code(describeSelector(site.selector));
  if (site.kind === 'namespaces') {
    const namespaces = namespacesOfSelector(index, site.selector);
    const head = `**${site.what}** ${text}`;
    if (selectsEverything(site.selector)) return `${head}\n\nMatches every namespace.`;
    if (namespaces.length === 0) {
      return `${head}\n\nMatches no namespace of the workspace. Namespaces here: ${index.namespaceNames().map(code).join(', ') || 'none'}. ` +
        `A namespace outside the workspace with these labels would match (every namespace has \`kubernetes.io/metadata.name\`).`;
    }
    return `${head}\n\nMatches ${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${namespaces.map(code).join(', ')}` +
      (index.declaresNamespaces() ? '' : ' (by `kubernetes.io/metadata.name`; the workspace declares no Namespace objects)') + '.';
  }
  const workloads = workloadsOfSite(index, site);
  const scope = site.kind === 'pods' ? `in namespace ${code(site.namespace)}` : `in namespaces ${code(describeSelector(site.namespaceSelector))}`;
  const head = `**${site.what}** ${text} ${scope}`;
  if (workloads.length > 0) {
    return `${head}\n\nMatches:\n${bounded(workloads.map((w) => `- ${objectAtPlace(host, w)}`), 12).join('\n')}`;
  }
  const candidates = site.kind === 'pods' ? [...index.workloadsIn(site.namespace)] : [...index.workloads()];
  return `${head}\n\nMatches no workload.${closestCandidates(host, site.selector, candidates)}`;
}

/** "Closest: Deployment `shop/web` has app=webb (wants app=web)" for the workloads that miss by the fewest labels. */
export function closestCandidates(host: FeatureHost, selector: LabelSelector, candidates: readonly Workload[]): string {
  if (candidates.length === 0) return ' No workload runs in that scope.';
  const scored = candidates
    .map((w) => ({ workload: w, misses: missesOf(selector, w.podLabels) }))
    .sort((a, b) => a.misses.length - b.misses.length)
    .slice(0, 3);
  return `\n\nClosest:\n${scored.map((s) => `- ${objectAtPlace(host, s.workload)}: ${s.misses.join('; ')}`).join('\n')}`;
}

function missesOf(selector: LabelSelector, labels: Labels): string[] {
  const misses: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] === value) continue;
    misses.push(key in labels ? `has ${code(`${key}=${labels[key]}`)}, wants ${code(`${key}=${value}`)}` : `no label ${code(key)} (wants ${code(`${key}=${value}`)})`);
  }
  for (const requirement of selector.matchExpressions) {
    const single: LabelSelector = { matchLabels: {}, matchExpressions: [requirement], span: selector.span };
    if (!selectorMatches(single, labels)) misses.push(`fails ${code(describeSelector(single))}`);
  }
  if (selector.invalid) misses.push(`the selector is invalid: ${escapeMessage(selector.invalid)}`);
  return misses.length ? misses : ['matches'];
}
