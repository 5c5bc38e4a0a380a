import { egressOfWorkload } from '../egress/inventory';
import { referencesOf } from '../model/references';
import type { AnyResource, NetworkPolicy } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { parseCidr, type AddressRange } from '../netpol/addressSet';
import { DNS_PORT, dnsEgressOf, KUBE_DNS_LABEL_KEY, KUBE_DNS_LABEL_VALUE, KUBE_DNS_NAMESPACE, kubeDnsPods, type KubeDnsPods } from '../netpol/clusterDns';
import type { CompiledPolicy } from '../netpol/compiledPolicy';
import { evaluateDirection } from '../netpol/evaluate';
import type { NetpolModel } from '../netpol/model';
import type { PodClass } from '../netpol/podClasses';
import { connectionsContain } from '../netpol/portSet';
import { syntheticPodClass } from '../netpol/syntheticPods';
import type { ClusterProfile } from '../profile/types';
import type { Rule, RuleContext, Severity } from './rule';
import {
  compiledPolicyOf,
  describeWorkloads,
  plainSelector,
  podClassesIn,
  qualified,
  rulesNetpolModel,
  workloadsOfClasses,
} from './shared/netpolScope';

/** How a protocol's DNS traffic fares: admitted to kube-dns, only through an ipBlock covering pod addresses, or not. */
type Path = 'yes' | 'ipblock' | 'no';

interface BlockedPods {
  pods: PodClass;
  udp: Path;
  tcp: Path;
  /** Policies isolating these pods for egress (none of them admits DNS). */
  policies: readonly CompiledPolicy[];
}

/**
 * netpol-egress-blocks-dns: pods isolated for egress whose egress admits no DNS query to kube-dns on UDP 53 and
 * TCP 53. Every name lookup then times out, Service names included. kube-dns is the pods labelled
 * `k8s-app: kube-dns` in `kube-system` (CoreDNS on AKS), implied when the workspace does not declare them; the
 * decision is the engine's (netpol/clusterDns.ts).
 *
 * Reported once per set of pods, on the policy that isolates most of them (the broadest: usually the default-deny),
 * so that a default-deny plus per-app egress policies give one finding, not one per policy.
 *
 * Severity:
 *  - error: no UDP 53 to kube-dns and the pods clearly open connections (some egress rule selects them, or they
 *    declare a Service reference or an external destination): their lookups certainly fail;
 *  - warning: no UDP 53 but the pods' egress admits nothing at all and they declare nothing (a full lockdown, maybe
 *    on purpose); UDP but not TCP 53 (large answers fail); DNS admitted only through an ipBlock that covers pod
 *    addresses, which Calico and Azure NPM apply to pods and Cilium does not, with no engine in the profile; pods
 *    the workspace does not hold (a policy in a namespace without workloads, judged on a pod with its labels).
 * Silent when the profile says no engine enforces policies, and for hostNetwork pods.
 */
export const netpolEgressBlocksDns: Rule = {
  id: 'netpol-egress-blocks-dns',
  defaultSeverity: 'error',
  title: 'Pods isolated for egress cannot reach cluster DNS (kube-dns) on UDP and TCP 53',
  appliesTo: ['NetworkPolicy'],
  check(resource: AnyResource, ctx: RuleContext): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    const model = rulesNetpolModel(ctx.index);
    const policy = compiledPolicyOf(model, resource as NetworkPolicy);
    if (!policy.isolates.Egress) return;
    if (podClassesIn(ctx.index, policy.namespace).length > 0) {
      const blocked = blockedInNamespace(ctx.index, model, ctx.profile, policy.namespace).get(policy);
      if (blocked) report(ctx, policy, blocked, severityOf(ctx.index, blocked), false);
      return;
    }
    checkWithoutWorkloads(ctx, model, policy);
  },
};

/** Blocked pods of a namespace, grouped under the policy each is reported on (computed once per namespace and model). */
function blockedInNamespace(index: WorkspaceIndex, model: NetpolModel, profile: ClusterProfile, namespace: string): Map<CompiledPolicy, BlockedPods[]> {
  // The profile is per folder; the index is per workspace: key by the engine and the pod CIDR too.
  const key = `netpol-rules:dns-blocked|${profile.networkPolicyEngine ?? ''}|${profile.podCidr ?? ''}|${namespace}`;
  return index.memo(key, () => computeNamespace(index, model, profile, namespace));
}

function computeNamespace(index: WorkspaceIndex, model: NetpolModel, profile: ClusterProfile, namespace: string): Map<CompiledPolicy, BlockedPods[]> {
  const dns = kubeDnsPods(model);
  const classes = podClassesIn(index, namespace).filter((c) => !c.hostNetwork);
  const reach = new Map<CompiledPolicy, number>();
  const blocked: BlockedPods[] = [];
  for (const pods of classes) {
    const policies = model.policiesSelecting(pods, 'Egress');
    for (const p of policies) reach.set(p, (reach.get(p) ?? 0) + 1);
    if (policies.length === 0) continue;
    const paths = dnsPaths(model, profile, pods, dns);
    if (paths.udp !== 'yes' || paths.tcp !== 'yes') blocked.push({ pods, ...paths, policies });
  }
  const out = new Map<CompiledPolicy, BlockedPods[]>();
  for (const entry of blocked) {
    // The broadest policy isolating these pods carries the finding; ties by name, then location.
    const blamed = [...entry.policies].sort((a, b) => (reach.get(b) ?? 0) - (reach.get(a) ?? 0) || compareLocation(a, b))[0]!;
    const list = out.get(blamed);
    if (list) list.push(entry);
    else out.set(blamed, [entry]);
  }
  return out;
}

/** UDP and TCP 53 toward kube-dns, with the ipBlock reading that depends on the network policy engine. */
function dnsPaths(model: NetpolModel, profile: ClusterProfile, pods: PodClass, dns: KubeDnsPods): { udp: Path; tcp: Path } {
  const direct = dnsEgressOf(model, pods, dns);
  if (direct.udp && direct.tcp) return { udp: 'yes', tcp: 'yes' };
  const viaIpBlock = { udp: false, tcp: false };
  if (profile.networkPolicyEngine !== 'cilium') {
    for (const range of podAddressRanges(profile)) {
      const allowed = evaluateDirection(model, 'Egress', { type: 'pods', pods }, { type: 'external', range }, false).allowed;
      viaIpBlock.udp ||= connectionsContain(allowed, 'UDP', DNS_PORT);
      viaIpBlock.tcp ||= connectionsContain(allowed, 'TCP', DNS_PORT);
    }
  }
  // Calico and Azure NPM match ipBlocks against pod addresses too; with neither named, it is a maybe.
  const ipBlockWorks = profile.networkPolicyEngine === 'calico' || profile.networkPolicyEngine === 'azure-npm';
  const path = (directly: boolean, ipBlock: boolean): Path => (directly ? 'yes' : ipBlock ? (ipBlockWorks ? 'yes' : 'ipblock') : 'no');
  return { udp: path(direct.udp, viaIpBlock.udp), tcp: path(direct.tcp, viaIpBlock.tcp) };
}

/** Where kube-dns pods get addresses: the profile's pod CIDR, else every private IPv4 range (AKS uses one of them). */
function podAddressRanges(profile: ClusterProfile): AddressRange[] {
  const fromProfile = profile.podCidr ? parseCidr(profile.podCidr) : undefined;
  if (fromProfile) return [fromProfile];
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c)!);
}

function severityOf(index: WorkspaceIndex, blocked: readonly BlockedPods[]): Severity {
  let severity: Severity = 'info';
  for (const entry of blocked) {
    const one: Severity = entry.udp === 'no' ? (opensConnections(index, entry) ? 'error' : 'warning') : 'warning';
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
function checkWithoutWorkloads(ctx: RuleContext, model: NetpolModel, policy: CompiledPolicy): void {
  const selector = policy.policy.podSelector;
  if (selector.invalid || selector.matchExpressions.length > 0) return;
  const pods = syntheticPodClass(policy.namespace, selector.matchLabels);
  const policies = model.policiesSelecting(pods, 'Egress');
  const first = [...policies].sort((a, b) => labelCount(a) - labelCount(b) || compareLocation(a, b))[0];
  if (first && first.policy !== policy.policy) return;
  const paths = dnsPaths(model, ctx.profile, pods, kubeDnsPods(model));
  if (paths.udp === 'yes' && paths.tcp === 'yes') return;
  report(ctx, policy, [{ pods, ...paths, policies: policies.length ? policies : [policy] }], 'warning', true);
}

function report(ctx: RuleContext, policy: CompiledPolicy, blocked: readonly BlockedPods[], severity: Severity, synthetic: boolean): void {
  const who = synthetic
    ? `the pods it selects in namespace \`${policy.namespace}\` (the workspace has no workload there)`
    : `${describeWorkloads(workloadsOfClasses(blocked.map((b) => b.pods)))} (namespace \`${policy.namespace}\`)`;
  const udp = worst(blocked.map((b) => b.udp));
  const tcp = worst(blocked.map((b) => b.tcp));
  const kubeDns = `kube-dns (pods with ${KUBE_DNS_LABEL_KEY}=${KUBE_DNS_LABEL_VALUE} in \`${KUBE_DNS_NAMESPACE}\`)`;
  let what: string;
  if (udp === 'no') {
    what =
      `no egress rule of theirs admits DNS to ${kubeDns} on UDP 53${tcp === 'no' ? ' or TCP 53' : ''}: every name lookup times out, ` +
      'so connections by name (Services included) fail';
  } else if (udp === 'ipblock' || tcp === 'ipblock') {
    what =
      `DNS to ${kubeDns} is admitted only through an ipBlock that covers pod addresses: Calico and Azure NPM apply ipBlocks to pods, ` +
      'Cilium (Azure CNI powered by Cilium) does not, so lookups fail there (set the network policy engine in the cluster profile to be sure)';
  } else {
    what = `their egress admits DNS to ${kubeDns} on UDP 53 but not TCP 53: answers too large for UDP are retried over TCP and fail`;
  }
  const others = [...new Set(blocked.flatMap((b) => b.policies))].filter((p) => p !== policy).sort(compareLocation);
  ctx.report({
    span: policy.policy.podSelector.span,
    severity,
    message:
      `NetworkPolicy \`${policy.name}\` isolates ${who} for egress, and ${what}. Allow UDP and TCP 53 to namespaceSelector ` +
      `kubernetes.io/metadata.name=${KUBE_DNS_NAMESPACE} with podSelector ${KUBE_DNS_LABEL_KEY}=${KUBE_DNS_LABEL_VALUE} (in the same peer)`,
    related: others.map((p) => ({ file: p.policy.file, span: p.policy.nameSpan, message: `NetworkPolicy ${p.name} also isolates these pods for egress without DNS` })),
    data: { policy: qualified(policy), namespace: policy.namespace, podSelector: plainSelector(policy.policy.podSelector), udp: udp === 'yes', tcp: tcp === 'yes' },
  });
}

function worst(paths: readonly Path[]): Path {
  return paths.includes('no') ? 'no' : paths.includes('ipblock') ? 'ipblock' : 'yes';
}

function labelCount(policy: CompiledPolicy): number {
  return Object.keys(policy.policy.podSelector.matchLabels).length + policy.policy.podSelector.matchExpressions.length;
}

function compareLocation(a: CompiledPolicy, b: CompiledPolicy): number {
  return cmp(a.name, b.name) || cmp(a.policy.file, b.policy.file) || a.policy.span.start - b.policy.span.start;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
