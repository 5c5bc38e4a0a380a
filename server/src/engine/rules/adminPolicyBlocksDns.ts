import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { AdminDecision } from '../netpol/admin/evaluate';
import type { PodClass } from '../netpol/podClasses';
import { connectionsContain } from '../netpol/portSet';
import type { ClusterProfile } from '../profile/types';
import { DNS_PORT } from '../reach/clusterDns';
import { reachModelOf, type ReachModel } from '../reach/model';
import { verdictOf } from '../reach/query';
import { compareStrings as cmp } from '../util/compare';
import { defineRule } from './rule';
import { dnsAnswer } from './shared/dnsVerdicts';
import { describeWorkloads, workloadsOfClasses } from './shared/netpolScope';

/** Pods whose DNS one admin rule drops, by the side it drops them on. */
interface Dropped {
  readonly decision: AdminDecision;
  /** egress: the rule is the pods' own (their subject); ingress: the rule guards cluster DNS. */
  readonly side: 'egress' | 'ingress';
  readonly pods: PodClass[];
}

/**
 * admin-policy-blocks-dns: an AdminNetworkPolicy or BaselineAdminNetworkPolicy rule with action Deny drops workspace
 * pods' DNS queries to cluster DNS on UDP 53, as the reachability model decides it (admin tiers, NetworkPolicies and
 * Cilium together): every name lookup of those pods times out. Either on the pods' egress (their subject's egress
 * rule) or at kube-dns (a rule whose subject selects kube-system, as a baseline over every namespace does).
 * NetworkPolicy isolation has netpol-egress-blocks-dns and Cilium cilium-egress-blocks-dns; this rule names the admin
 * rule that decides, where those rules have nothing to point at.
 */
export const adminPolicyBlocksDns = defineRule({
  id: 'admin-policy-blocks-dns',
  defaultSeverity: 'error',
  title: 'An admin network policy rule denies pods their DNS lookups to cluster DNS',
  sources: ['https://network-policy-api.sigs.k8s.io/reference/spec/', 'https://network-policy-api.sigs.k8s.io/api-overview/'],
  appliesTo: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'],
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    const reach = reachModelOf(ctx.index, ctx.profile);
    const policy = resource;
    for (const dropped of droppedDns(ctx.index, reach, ctx.profile).filter((d) => d.decision.policy.policy === policy)) {
      const rule = dropped.decision.rule;
      const kind = policy.kind === 'BaselineAdminNetworkPolicy' ? 'baseline admin policy' : 'admin policy';
      const namespaces = [...new Set(dropped.pods.map((p) => p.namespace))].sort(cmp);
      const where = `${describeWorkloads(workloadsOfClasses(dropped.pods))} (namespace${namespaces.length > 1 ? 's' : ''} ${namespaces.map((n) => `\`${n}\``).join(', ')})`;
      const how = dropped.side === 'egress' ? `denies the egress of ${where} to ${reach.dns().name} on UDP ${DNS_PORT}` : `denies queries from ${where} arriving at ${reach.dns().name} on UDP ${DNS_PORT}`;
      const fix =
        policy.kind === 'BaselineAdminNetworkPolicy'
          ? 'Admit DNS before the baseline decides: a NetworkPolicy or an AdminNetworkPolicy Allow rule for UDP and TCP 53 to kube-dns, or keep kube-system out of the baseline rule'
          : 'Add an Allow rule for UDP and TCP 53 to kube-dns before this one (earlier in this policy, or in a policy with a lower priority number)';
      ctx.report({
        span: rule.rule.span,
        message: `The ${kind} \`${policy.name}\` rule \`${rule.rule.name}\` ${how}: every name lookup times out, so connections by name fail. ${fix}`,
        data: { policy: policy.name, rule: rule.rule.name, side: dropped.side, workloads: workloadsOfClasses(dropped.pods).map((w) => `${w.namespace}/${w.name}`) },
      });
    }
  },
});

/** Every Deny decision that drops some workspace pods' UDP 53 to cluster DNS (once per model and profile). */
function droppedDns(index: WorkspaceIndex, reach: ReachModel, profile: ClusterProfile): readonly Dropped[] {
  const key = `admin-rules:dns-dropped|${JSON.stringify([profile.networkPolicyEngine, profile.podCidr, profile.networkModel, profile.vnetCidrs, profile.localDns, profile.kubernetesVersion])}`;
  return index.memo(key, () => {
    const model = reach.netpol;
    if (model.adminPolicies.length === 0 && model.baselinePolicies.length === 0) return [];
    const out = new Map<string, Dropped>();
    const classes = [...new Set(model.peers.flatMap((p) => p.classes))].filter((c) => !c.hostNetwork);
    for (const pods of classes) {
      const answer = dnsAnswer(reach, pods, true);
      if (verdictOf(answer, { protocol: 'UDP', port: DNS_PORT }) !== 'denied') continue;
      for (const leg of answer.legs) {
        for (const side of ['egress', 'ingress'] as const) {
          for (const decision of leg.verdict[side].admin ?? []) {
            if (decision.rule.action !== 'Deny' || decision.possibly || !connectionsContain(decision.connections, 'UDP', DNS_PORT)) continue;
            const id = `${decision.policy.policy.kind}/${decision.policy.policy.name}|${side}|${decision.rule.index}`;
            const entry = out.get(id);
            if (!entry) out.set(id, { decision, side, pods: [pods] });
            else if (!entry.pods.includes(pods)) entry.pods.push(pods);
          }
        }
      }
    }
    return [...out.values()];
  });
}
