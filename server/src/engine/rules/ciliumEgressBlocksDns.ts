import { reachModelOf } from '../reach/model';
import { defineRule } from './rule';
import { CILIUM_KINDS, classesSelectedBy, compiledCiliumOf, qualifiedCilium } from './shared/ciliumScope';
import { describeWorkloads, workloadsOfClasses } from './shared/netpolScope';
import { dnsVerdicts } from './shared/dnsVerdicts';

/**
 * cilium-egress-blocks-dns: a Cilium rule puts pods in default deny for egress, and the reachability model (which
 * reads their NetworkPolicies and Cilium policies together) says their egress admits no DNS to cluster DNS on UDP 53:
 * every name lookup times out. Only under the Cilium engine; reported on the rule's endpointSelector.
 */
export const ciliumEgressBlocksDns = defineRule({
  id: 'cilium-egress-blocks-dns',
  defaultSeverity: 'error',
  title: 'A Cilium policy isolates pods for egress and their egress admits no DNS to cluster DNS',
  sources: ['https://docs.cilium.io/en/stable/security/policy/intro/', 'https://docs.cilium.io/en/stable/security/policy/language/#dns-based'],
  doc: { needs: '`networkPolicyEngine: cilium` in the cluster profile' },
  appliesTo: CILIUM_KINDS,
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine !== 'cilium') return;
    const reach = reachModelOf(ctx.index, ctx.profile);
    const policy = compiledCiliumOf(resource);
    if (!policy) return;
    for (const rule of policy.rules) {
      if (!rule.isolates.Egress || !rule.spec.endpointSelector) continue;
      const blocked = classesSelectedBy(reach.netpol, rule).filter((pods) => dnsVerdicts(reach, pods).udp === 'denied');
      if (blocked.length === 0) continue;
      ctx.report({
        span: rule.spec.endpointSelector.span,
        message:
          `\`${policy.name}\` puts ${describeWorkloads(workloadsOfClasses(blocked))} in default deny for egress, and no egress rule of theirs admits DNS to ${reach.dns().name} on UDP 53: every name lookup times out, so connections by name fail. ` +
          'Add an egress item to kube-dns (k8s:io.kubernetes.pod.namespace: kube-system, k8s:k8s-app: kube-dns) on port 53 ANY',
        data: { policy: qualifiedCilium(policy) },
      });
    }
  },
});
