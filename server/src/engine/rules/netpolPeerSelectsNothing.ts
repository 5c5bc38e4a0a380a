import { describeSelector, selectorMatches, selectsEverything, type LabelSelector } from '../model/labelSelector';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { clusterDnsOf } from '../reach/clusterDns';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from '../netpol/compiledPolicy';
import { classesMatchedByPeer } from '../reach/selection';
import type { NetpolModel } from '../netpol/model';
import { closestName } from '../util/closestName';
import { GATEWAY_NAME_LABEL } from '../kb/ingressPlacement';
import { closestWorkloadHint } from '../model/closestWorkload';
import { defineRule, type RuleContext } from './rule';
import { byLocation } from './shared/order';
import {
  closestKnownNamespace,
  compiledPolicyOf,
  joinAnd,
  MANAGED_NAMESPACES,
  pinnedNamespaces,
  qualified,
  ruleName,
  rulesNetpolModel,
  workspaceHoldsWorkloadsOf,
} from './shared/netpolScope';

type PodsPeer = Extract<CompiledPeer, { kind: 'pods' }>;

/**
 * netpol-peer-selects-nothing: a `from`/`to` peer of a NetworkPolicy rule that can match no pod, so the rule admits
 * less than it says (often nothing). Judged by the engine's own peer matching (netpol/evaluate.ts peerMatches),
 * and only where the workspace could know:
 *  - podSelector alone: pods of the policy's namespace. A warning when the workspace holds workloads there and none
 *    matches; an info when it holds none (the namespace may be populated from elsewhere).
 *  - namespaceSelector: every namespace carries `kubernetes.io/metadata.name`, and namespaces the workspace does not
 *    declare still exist. A selector pinned to names (`kubernetes.io/metadata.name`) is only questioned when a name
 *    is unknown and close to a known one (info, did-you-mean), or when the named namespaces are declared without
 *    the other labels asked for (warning). A selector on other labels is questioned only when the workspace declares
 *    Namespace objects and none matches: a warning when a value is a near-miss of one the declared namespaces carry
 *    for that key (a typo), else an info (a namespace outside the workspace may carry the label).
 *  - podSelector with a namespaceSelector pinned to namespaces whose workloads the workspace holds: a warning when
 *    no pod there matches. Namespaces selected by other labels may include ones outside the workspace: silent.
 * Only rules of the directions the policy isolates are read (ignored rules are netpol-policytypes-ignores-rules').
 */
export const netpolPeerSelectsNothing = defineRule({
  id: 'netpol-peer-selects-nothing',
  defaultSeverity: 'warning',
  title: 'A NetworkPolicy rule peer selects no pod or namespace',
  appliesTo: ['NetworkPolicy'],
  check(resource, ctx): void {
    const model = rulesNetpolModel(ctx.index);
    const policy = compiledPolicyOf(model, resource);
    for (const rule of [...policy.rules.Ingress, ...policy.rules.Egress]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind !== 'pods') continue;
        if (peer.namespaceSelector) checkNamespacePeer(ctx, model, policy, rule, peer, peer.namespaceSelector);
        else checkPodPeer(ctx, model, policy, rule, peer);
      }
    }
  },
});

function checkPodPeer(ctx: RuleContext, model: NetpolModel, policy: CompiledPolicy, rule: CompiledRule, peer: PodsPeer): void {
  const selector = peer.podSelector;
  const namespace = policy.namespace;
  if (!selector || selector.invalid || selectsEverything(selector) || MANAGED_NAMESPACES.has(namespace)) return;
  if (classesMatchedByPeer(model, policy, peer, namespace).length > 0) return;
  if (selectsGatewayProxies(ctx.index, [namespace], selector)) return;
  const inNamespace = ctx.index.workloadsIn(namespace);
  const elsewhere = otherNamespacesWithMatches(ctx.index, model, selector, namespace);
  const hint = elsewhere.length
    ? ` (pods with those labels run in ${joinAnd(elsewhere.map((n) => `\`${n}\``))}: a podSelector alone means the policy's own namespace; add a namespaceSelector to the same peer)`
    : '';
  const data = { policy: qualified(policy), direction: rule.direction, selector: describeSelector(selector), namespaces: [namespace] };
  if (inNamespace.length === 0) {
    ctx.report({
      span: selector.span,
      severity: 'info',
      message:
        `${ruleName(rule)} of NetworkPolicy \`${policy.name}\` ${verb(rule)} pods with ${describeSelector(selector)} in namespace \`${namespace}\`, ` +
        `where the workspace has no workload${hint || ' (if its workloads are deployed from elsewhere, check the labels there)'}`,
      data,
    });
    return;
  }
  ctx.report({
    span: selector.span,
    message:
      `${ruleName(rule)} of NetworkPolicy \`${policy.name}\` ${verb(rule)} pods with ${describeSelector(selector)} in namespace \`${namespace}\`, ` +
      `but no pod template there has those labels${hint || closestWorkloadHint(selector.matchLabels, inNamespace)}: the peer matches nothing`,
    data,
  });
}

function checkNamespacePeer(ctx: RuleContext, model: NetpolModel, policy: CompiledPolicy, rule: CompiledRule, peer: PodsPeer, namespaceSelector: LabelSelector): void {
  if (namespaceSelector.invalid) return;
  const matching = model.namespacesMatching(namespaceSelector);
  const pinned = pinnedNamespaces(namespaceSelector);
  const base = { policy: qualified(policy), direction: rule.direction, selector: describeSelector(namespaceSelector) };
  const what = `${ruleName(rule)} of NetworkPolicy \`${policy.name}\` ${verb(rule)} namespaces with ${describeSelector(namespaceSelector)}`;
  if (matching.length === 0) {
    if (pinned) {
      checkPinnedNamespaces(ctx, pinned, ctx.index.knownNamespaces(), namespaceSelector, what, base);
      return;
    }
    if (!ctx.index.declaresNamespaces()) return;
    reportUnmatchedLabels(ctx, namespaceSelector, what, base);
    return;
  }
  const podSelector = peer.podSelector;
  if (!podSelector || podSelector.invalid || selectsEverything(podSelector) || !pinned) return;
  const namespaces = pinned.filter((n) => matching.includes(n));
  if (namespaces.length === 0 || !pinned.every((n) => workspaceHoldsWorkloadsOf(ctx.index, n))) return;
  if (namespaces.some((n) => classesMatchedByPeer(model, policy, peer, n).length > 0)) return;
  if (selectsGatewayProxies(ctx.index, namespaces, podSelector)) return;
  const workloads = namespaces.flatMap((n) => ctx.index.workloadsIn(n));
  ctx.report({
    span: podSelector.span,
    message:
      `${ruleName(rule)} of NetworkPolicy \`${policy.name}\` ${verb(rule)} pods with ${describeSelector(podSelector)} in namespace ${joinAnd(namespaces.map((n) => `\`${n}\``))}, ` +
      `but no pod template there has those labels${closestWorkloadHint(podSelector.matchLabels, workloads)}: the peer matches nothing`,
    data: { policy: qualified(policy), direction: rule.direction, selector: describeSelector(podSelector), namespaces },
  });
}

/**
 * A label namespaceSelector that no declared Namespace matches. A warning when a value is a near-miss of a value the
 * declared namespaces carry for that key (a typo); otherwise an info: a namespace outside the workspace may carry
 * the labels.
 */
function reportUnmatchedLabels(ctx: RuleContext, selector: LabelSelector, what: string, base: Record<string, unknown>): void {
  const declared = byLocation(ctx.index.ofKind('Namespace'));
  const typos: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    const carriers = declared.filter((ns) => key in ns.labels && ns.labels[key] !== value);
    const suggestion = closestName(value, [...new Set(carriers.map((ns) => ns.labels[key]!))]);
    if (suggestion === undefined) continue;
    const on = carriers.find((ns) => ns.labels[key] === suggestion)!;
    typos.push(`${key}=${suggestion}, as on Namespace \`${on.name}\``);
  }
  if (typos.length > 0) {
    ctx.report({
      span: selector.span,
      message: `${what}, but no Namespace the workspace declares has them (did you mean ${typos.join('; ')}?): the peer matches nothing unless a namespace outside the workspace carries those labels`,
      data: { ...base, namespaces: [] },
    });
    return;
  }
  const keys = [...Object.keys(selector.matchLabels), ...selector.matchExpressions.map((r) => r.key)];
  const used = declared.some((ns) => keys.some((k) => k in ns.labels));
  ctx.report({
    span: selector.span,
    severity: 'info',
    message:
      `${what}, and no Namespace the workspace declares has them: ` +
      (used ? '' : 'namespaces carry only the labels given to them plus `kubernetes.io/metadata.name` (to name a namespace, select on that label); ') +
      'fine if a namespace outside the workspace has these labels',
    data: { ...base, namespaces: [] },
  });
}

/** A selector naming namespaces through kubernetes.io/metadata.name: only typos and declared-but-unlabelled ones. */
function checkPinnedNamespaces(
  ctx: RuleContext,
  pinned: string[],
  known: readonly string[],
  selector: LabelSelector,
  what: string,
  base: Record<string, unknown>,
): void {
  if (pinned.length === 0) {
    ctx.report({ span: selector.span, message: `${what}: its \`kubernetes.io/metadata.name\` requirements contradict each other, so the peer matches no namespace`, data: { ...base, namespaces: [] } });
    return;
  }
  const unknown = pinned.filter((n) => !known.includes(n));
  if (unknown.length === 0) {
    // Every named namespace is known; if each is declared, its labels are known and lack what the selector asks.
    if (!pinned.every((n) => ctx.index.lookup('Namespace', '', n).length > 0)) return;
    ctx.report({
      span: selector.span,
      message: `${what}, but the workspace declares ${joinAnd(pinned.map((n) => `Namespace \`${n}\``))} without the other labels it asks for: the peer matches nothing`,
      data: { ...base, namespaces: [] },
    });
    return;
  }
  for (const name of unknown) {
    if (MANAGED_NAMESPACES.has(name)) continue;
    const suggestion = closestKnownNamespace(ctx.index, name);
    if (!suggestion) continue;
    ctx.report({
      span: selector.span,
      severity: 'info',
      message: `${what}: namespace \`${name}\` is not one the workspace knows (did you mean \`${suggestion}\`?); if it exists outside the workspace, ignore this`,
      data: { ...base, namespaces: [name], suggestion },
    });
  }
}

/** Namespaces other than `namespace` where pods (declared, or the implied kube-dns) have the selector's labels. */
function otherNamespacesWithMatches(index: WorkspaceIndex, model: NetpolModel, selector: LabelSelector, namespace: string): string[] {
  const out = new Set<string>();
  for (const ns of index.knownNamespaces()) {
    if (ns !== namespace && index.workloadsSelectedBy(ns, selector).length > 0) out.add(ns);
  }
  // The kube-dns pods as the model places them without LocalDNS (the peer names pods, not the node-local proxy).
  const dns = clusterDnsOf(model, {});
  if (dns.kind === 'kube-dns' && dns.implied && namespace !== dns.classes[0]!.namespace && selectorMatchesAny(selector, dns.classes[0]!.labels)) out.add(dns.classes[0]!.namespace);
  return [...out].sort();
}

function selectorMatchesAny(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  // Only a selector that asks for something (not `{}`), so hints stay specific.
  return Object.keys(selector.matchLabels).length > 0 && selectorMatches(selector, labels);
}

/**
 * Gateway API implementations (Istio, the app routing add-on's Istio mode) create the proxy pods of a Gateway
 * themselves, labelled `gateway.networking.k8s.io/gateway-name: <gateway>`: never in the workspace, but real when
 * the Gateway is. A selector that matches those labels for a Gateway of the namespace selects something.
 */
function selectsGatewayProxies(index: WorkspaceIndex, namespaces: readonly string[], selector: LabelSelector): boolean {
  return namespaces.some((namespace) => index.ofKindIn('Gateway', namespace).some((gateway) => selectorMatches(selector, { [GATEWAY_NAME_LABEL]: gateway.name })));
}

function verb(rule: CompiledRule): string {
  return rule.direction === 'Ingress' ? 'admits traffic from' : 'admits traffic to';
}
