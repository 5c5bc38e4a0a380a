/**
 * What the NetworkPolicy rules share: the one NetworkPolicy model they all query (cached on the index), per-index
 * tables derived from it, and the judgement of how much of a namespace the workspace holds, so that "selects
 * nothing" is only said where the workspace could know.
 */
import { type LabelSelector, type SelectorRequirement } from '../../model/labelSelector';
import type { NetworkPolicy, Workload } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { reachModelOf } from '../../reach/model';
import { compilePolicy, type CompiledPolicy, type CompiledRule } from '../../netpol/compiledPolicy';
import type { NetpolModel } from '../../netpol/model';
import type { PodClass } from '../../netpol/podClasses';
import { closestName } from '../../util/closestName';
import { ISTIO_ADDON_NAMESPACE, ISTIO_ADDON_SYSTEM_NAMESPACE } from '../../kb/istioAddon';

/**
 * The NetworkPolicy model for questions of selection (which pods a policy or a peer selects), which do not depend on
 * the cluster. Questions of reachability go to the reachability model (reach/: `reachModelOf(index, profile)`).
 */
export function rulesNetpolModel(index: WorkspaceIndex): NetpolModel {
  return reachModelOf(index).netpol;
}

/**
 * The model's compiled form of a policy definition: compiled forms are kept per definition (compilePolicy), so the
 * model holds this very object when it holds the definition, and a search of the namespace's policies per rule run
 * (quadratic in a namespace of thousands of policies) finds nothing more. The read is recorded as the search did.
 */
export function compiledPolicyOf(model: NetpolModel, policy: NetworkPolicy): CompiledPolicy {
  const compiled = compilePolicy(policy);
  model.holdsPolicy(compiled);
  return compiled;
}

/** Pod classes of one namespace. */
export function podClassesIn(index: WorkspaceIndex, namespace: string): readonly PodClass[] {
  return rulesNetpolModel(index).classesIn(namespace);
}

/**
 * Namespaces the cluster or its add-ons run pods in that workspaces rarely declare in full (AKS system pods, the
 * application routing add-on, the Istio add-on, Azure Policy, Calico). "Selects nothing there" is never said.
 */
export const MANAGED_NAMESPACES: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'app-routing-system',
  ISTIO_ADDON_SYSTEM_NAMESPACE,
  ISTIO_ADDON_NAMESPACE,
  'aks-istio-egress',
  'gatekeeper-system',
  'calico-system',
  'tigera-operator',
]);

/** The workspace holds the namespace's workloads: it declares some, and the namespace is not a managed one. */
export function workspaceHoldsWorkloadsOf(index: WorkspaceIndex, namespace: string): boolean {
  return !MANAGED_NAMESPACES.has(namespace) && index.hasWorkloadsIn(namespace);
}

/** The known (or managed) namespace closest to an unknown name, if it is a likely typo (cached per index). */
export function closestKnownNamespace(index: WorkspaceIndex, name: string): string | undefined {
  // A memo, not a derived value: its readers depend on the set of known namespaces only, as the computation does.
  return index.memo(`netpol-rules:namespace-suggestion|${name}`, () => {
    const candidates = [...new Set([...index.knownNamespaces(), ...MANAGED_NAMESPACES])].filter((c) => c !== name);
    return closestName(name, candidates);
  });
}

export { pinnedNamespaces } from '../../reach/admission';

/** `Deployment \`a\`, StatefulSet \`b\` and 3 more`. */
export function describeWorkloads(workloads: readonly Workload[], max = 4): string {
  const names = [...new Set(workloads.map((w) => `${w.kind} \`${w.name}\``))].sort();
  if (names.length <= max) return joinAnd(names);
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Workload definitions of the classes, in a stable order. */
export function workloadsOfClasses(classes: readonly PodClass[]): Workload[] {
  return classes.flatMap((c) => c.workloads);
}

/** A selector as plain data (no span), for finding data. */
export function plainSelector(selector: LabelSelector): { matchLabels: Record<string, string>; matchExpressions: SelectorRequirement[] } {
  return { matchLabels: { ...selector.matchLabels }, matchExpressions: selector.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, values: [...r.values] })) };
}

/** `ingress rule 2` (1-based, as people count). */
export function ruleName(rule: CompiledRule): string {
  return `${rule.direction === 'Ingress' ? 'ingress' : 'egress'} rule ${rule.index + 1}`;
}

/** `\`ns/name\`` list of policies, sorted. */
export function policyNames(policies: readonly CompiledPolicy[]): string {
  return joinAnd([...new Set(policies.map((p) => `\`${p.name}\``))].sort());
}

/** `ns/name`. */
export function qualified(resource: { namespace: string; name: string }): string {
  return `${resource.namespace}/${resource.name}`;
}
