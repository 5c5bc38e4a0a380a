import { egressOfWorkload } from '../egress/inventory';
import { referencesOf } from '../model/references';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { CompiledPolicy } from '../netpol/compiledPolicy';
import type { NetpolModel } from '../netpol/model';
import type { PodClass } from '../netpol/podClasses';
import { syntheticPodClass } from '../reach/selection';
import type { ClusterProfile } from '../profile/types';
import { LOCAL_DNS } from '../kb/localDns';
import { KUBE_DNS_LABEL_KEY, KUBE_DNS_LABEL_VALUE, KUBE_DNS_NAMESPACE } from '../reach/clusterDns';
import { reachModelOf, type ReachModel } from '../reach/model';
import type { Verdict } from '../reach/query';
import { defineRule, type RuleContext, type Severity } from './rule';
import { dnsVerdicts } from './shared/dnsVerdicts';
import { compiledPolicyOf, describeWorkloads, plainSelector, podClassesIn, qualified, workloadsOfClasses } from './shared/netpolScope';
import { compareStrings as cmp } from '../util/compare';

interface BlockedPods {
  pods: PodClass;
  /** The model's verdict for UDP 53 and TCP 53 to cluster DNS. */
  udp: Verdict;
  tcp: Verdict;
  /** Why a verdict is UNKNOWN (the model's notes). */
  reasons: readonly string[];
  /** Policies isolating these pods for egress (none of them admits DNS). */
  policies: readonly CompiledPolicy[];
}

/**
 * netpol-egress-blocks-dns: pods isolated for egress whose egress admits no DNS query to kube-dns on UDP 53 and
 * TCP 53. Every name lookup then times out, Service names included. Cluster DNS is placed by the reachability model
 * (reach/clusterDns.ts): the pods labelled `k8s-app: kube-dns` in `kube-system` (CoreDNS on AKS, implied when the
 * workspace does not declare them), or with LocalDNS on the DNS proxy on each pod's own node; the decision is the
 * model's.
 *
 * Reported once per set of pods, on the policy that isolates most of them (the broadest: usually the default-deny),
 * so that a default-deny plus per-app egress policies give one finding, not one per policy.
 *
 * Severity:
 *  - error: no UDP 53 to kube-dns and the pods clearly open connections (some egress rule selects them, or they
 *    declare a Service reference or an external destination): their lookups certainly fail;
 *  - warning: no UDP 53 but the pods' egress admits nothing at all and they declare nothing (a full lockdown, maybe
 *    on purpose); UDP but not TCP 53 (large answers fail); DNS that the model cannot settle (UNKNOWN: an ipBlock
 *    that Calico and Azure NPM apply to pod addresses and Cilium does not, with no engine in the profile; egress
 *    to the pod's own node under LocalDNS); pods the workspace does not hold (a policy in a namespace without
 *    workloads, judged on a pod with its labels).
 * Silent when the profile says no engine enforces policies, and for hostNetwork pods.
 */
export const netpolEgressBlocksDns = defineRule({
  id: 'netpol-egress-blocks-dns',
  defaultSeverity: 'error',
  title: 'Pods isolated for egress cannot reach cluster DNS (kube-dns) on UDP and TCP 53',
  appliesTo: ['NetworkPolicy'],
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    const reach = reachModelOf(ctx.index, ctx.profile);
    const model = reach.netpol;
    const policy = compiledPolicyOf(model, resource);
    if (!policy.isolates.Egress) return;
    if (model.hasClassesIn(policy.namespace)) {
      const blocked = blockedInNamespace(ctx.index, reach, ctx.profile, policy.namespace).get(policy);
      if (blocked) report(ctx, reach, policy, blocked, severityOf(ctx.index, blocked), false);
      return;
    }
    checkWithoutWorkloads(ctx, reach, policy);
  },
});

/** Blocked pods of a namespace, grouped under the policy each is reported on (computed once per namespace and model). */
function blockedInNamespace(index: WorkspaceIndex, reach: ReachModel, profile: ClusterProfile, namespace: string): Map<CompiledPolicy, BlockedPods[]> {
  // The profile is per folder; the index is per workspace: key by what the model reads of the profile too.
  const key = `netpol-rules:dns-blocked|${JSON.stringify([profile.networkPolicyEngine, profile.podCidr, profile.networkModel, profile.vnetCidrs, profile.localDns, profile.kubernetesVersion])}|${namespace}`;
  return index.memo(key, () => computeNamespace(index, reach, namespace));
}

function computeNamespace(index: WorkspaceIndex, reach: ReachModel, namespace: string): Map<CompiledPolicy, BlockedPods[]> {
  const model = reach.netpol;
  const classes = podClassesIn(index, namespace).filter((c) => !c.hostNetwork);
  const breadth = new Map<CompiledPolicy, number>();
  const blocked: BlockedPods[] = [];
  for (const pods of classes) {
    const policies = model.policiesSelecting(pods, 'Egress');
    for (const p of policies) breadth.set(p, (breadth.get(p) ?? 0) + 1);
    if (policies.length === 0) continue;
    const paths = dnsVerdicts(reach, pods);
    if (paths.udp !== 'allowed' || paths.tcp !== 'allowed') blocked.push({ pods, ...paths, policies });
  }
  const out = new Map<CompiledPolicy, BlockedPods[]>();
  for (const entry of blocked) {
    // The broadest policy isolating these pods carries the finding; ties by name, then location.
    const blamed = [...entry.policies].sort((a, b) => (breadth.get(b) ?? 0) - (breadth.get(a) ?? 0) || compareLocation(a, b))[0]!;
    const list = out.get(blamed);
    if (list) list.push(entry);
    else out.set(blamed, [entry]);
  }
  return out;
}

function severityOf(index: WorkspaceIndex, blocked: readonly BlockedPods[]): Severity {
  let severity: Severity = 'info';
  for (const entry of blocked) {
    const one: Severity = entry.udp === 'denied' ? (opensConnections(index, entry) ? 'error' : 'warning') : 'warning';
    if (one === 'error') return 'error';
    severity = one;
  }
  return severity;
}

/** Some egress rule applies to the pods, or one of their workloads declares where it connects. */
function opensConnections(index: WorkspaceIndex, entry: BlockedPods): boolean {
  if (entry.policies.some((p) => p.rules.Egress.length > 0)) return true;
  return entry.pods.workloads.some((w) => referencesOf(index, w).length > 0 || egressOfWorkload(index, w).length > 0);
}

/**
 * A policy in a namespace where the workspace has no workload: judged on a pod with exactly the labels its
 * podSelector asks for (only for matchLabels selectors), reported by the policy with the fewest labels among those
 * isolating that pod for egress. A warning: the pods are not in the workspace.
 */
function checkWithoutWorkloads(ctx: RuleContext, reach: ReachModel, policy: CompiledPolicy): void {
  const model: NetpolModel = reach.netpol;
  const selector = policy.policy.podSelector;
  if (selector.invalid || selector.matchExpressions.length > 0) return;
  const pods = syntheticPodClass(policy.namespace, selector.matchLabels);
  const policies = model.policiesSelecting(pods, 'Egress');
  const first = [...policies].sort((a, b) => labelCount(a) - labelCount(b) || compareLocation(a, b))[0];
  if (first && first.policy !== policy.policy) return;
  const paths = dnsVerdicts(reach, pods);
  if (paths.udp === 'allowed' && paths.tcp === 'allowed') return;
  report(ctx, reach, policy, [{ pods, ...paths, policies: policies.length ? policies : [policy] }], 'warning', true);
}

type DnsState = 'denied' | 'unknown' | 'denied-tcp';
const STATE_ORDER: readonly DnsState[] = ['denied', 'unknown', 'denied-tcp'];

/** How a set of pods fares: no UDP 53 (every lookup fails), not settled, or UDP without TCP 53 (large answers fail). */
function stateOf(entry: BlockedPods): DnsState {
  return entry.udp === 'denied' ? 'denied' : entry.udp === 'unknown' || entry.tcp === 'unknown' ? 'unknown' : 'denied-tcp';
}

/**
 * One finding per policy: the sentence is about the pods in the worst state (its data.verdict); pods of the same
 * policy in a milder state get a sentence of their own, so that no pod is said to lack what it has.
 */
function report(ctx: RuleContext, reach: ReachModel, policy: CompiledPolicy, blocked: readonly BlockedPods[], severity: Severity, synthetic: boolean): void {
  const groups = STATE_ORDER.map((state) => ({ state, entries: blocked.filter((b) => stateOf(b) === state) })).filter((g) => g.entries.length > 0);
  const lead = groups[0]!;
  const who = (entries: readonly BlockedPods[]) =>
    synthetic
      ? `the pods it selects in namespace \`${policy.namespace}\` (the workspace has no workload there)`
      : `${describeWorkloads(workloadsOfClasses(entries.map((b) => b.pods)))} (namespace \`${policy.namespace}\`)`;
  const tcp = worst(lead.entries.map((b) => b.tcp));
  const dns = reach.dns();
  const target = dns.kind === 'local-dns' ? dns.name : `kube-dns (pods with ${KUBE_DNS_LABEL_KEY}=${KUBE_DNS_LABEL_VALUE} in \`${KUBE_DNS_NAMESPACE}\`)`;
  const reasonsOf = (entries: readonly BlockedPods[]) => [...new Set(entries.flatMap((b) => b.reasons))].join('; ') || 'the cluster profile leaves it open';
  let what: string;
  if (lead.state === 'denied') {
    what =
      `no egress rule of theirs admits DNS to ${target} on UDP 53${tcp === 'denied' ? ' or TCP 53' : ''}: every name lookup times out, ` +
      'so connections by name (Services included) fail';
  } else if (lead.state === 'unknown') {
    what = `whether their egress admits DNS to ${target} cannot be settled: ${reasonsOf(lead.entries)}. Lookups may fail (state the network policy engine and pod CIDR in the cluster profile to be sure)`;
  } else {
    what = `their egress admits DNS to ${target} on UDP 53 but not TCP 53: answers too large for UDP are retried over TCP and fail`;
  }
  const milder = groups.slice(1).map((g) =>
    g.state === 'unknown'
      ? ` For ${who(g.entries)} whether DNS is admitted cannot be settled: ${reasonsOf(g.entries)}.`
      : ` ${who(g.entries)}: UDP 53 is admitted but not TCP 53, so answers too large for UDP fail.`,
  );
  const fix =
    dns.kind === 'local-dns'
      ? `Allow UDP and TCP 53 to ipBlock ${LOCAL_DNS.podAddress}/32 (LocalDNS)`
      : `Allow UDP and TCP 53 to namespaceSelector kubernetes.io/metadata.name=${KUBE_DNS_NAMESPACE} with podSelector ${KUBE_DNS_LABEL_KEY}=${KUBE_DNS_LABEL_VALUE} (in the same peer)`;
  const others = [...new Set(blocked.flatMap((b) => b.policies))].filter((p) => p !== policy).sort(compareLocation);
  const udp = worst(lead.entries.map((b) => b.udp));
  ctx.report({
    span: policy.policy.podSelector.span,
    severity,
    message: `NetworkPolicy \`${policy.name}\` isolates ${who(lead.entries)} for egress, and ${what}.${milder.join('')} ${fix}`,
    related: others.map((p) => ({ file: p.policy.file, span: p.policy.nameSpan, message: `NetworkPolicy ${p.name} also isolates these pods for egress without DNS` })),
    data: {
      policy: qualified(policy),
      namespace: policy.namespace,
      podSelector: plainSelector(policy.policy.podSelector),
      udp: udp === 'allowed',
      tcp: tcp === 'allowed',
      verdict: lead.state,
      // The workloads the verdict is about (kind/name, in the policy's namespace); the milder ones are in the message.
      workloads: workloadsOfClasses(lead.entries.map((b) => b.pods)).map((w) => `${w.kind}/${w.name}`),
    },
  });
}

function worst(verdicts: readonly Verdict[]): Verdict {
  return verdicts.includes('denied') ? 'denied' : verdicts.includes('unknown') ? 'unknown' : 'allowed';
}

function labelCount(policy: CompiledPolicy): number {
  return Object.keys(policy.policy.podSelector.matchLabels).length + policy.policy.podSelector.matchExpressions.length;
}

function compareLocation(a: CompiledPolicy, b: CompiledPolicy): number {
  return cmp(a.name, b.name) || cmp(a.policy.file, b.policy.file) || a.policy.span.start - b.policy.span.start;
}

