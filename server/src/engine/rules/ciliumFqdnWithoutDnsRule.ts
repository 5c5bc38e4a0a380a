import { reachModelOf } from '../reach/model';
import { defineRule } from './rule';
import { CILIUM_KINDS, classesSelectedBy, compiledCiliumOf, isDnsVisibilityItem, qualifiedCilium } from './shared/ciliumScope';

/**
 * cilium-fqdn-without-dns-rule: an egress item with `toFQDNs` whose pods have no DNS rule, i.e. no egress item with
 * toPorts on port 53 and `rules: dns` (the rule that sends their lookups through Cilium's DNS proxy). Cilium learns
 * which addresses a name stands for only from the DNS answers its proxy sees, so without it the names never turn
 * into allowed addresses and every connection to them is dropped
 * (https://docs.cilium.io/en/stable/security/policy/language/#dns-based, checked 2026-12-06; on AKS:
 * https://learn.microsoft.com/azure/aks/container-network-security-fqdn-filtering-concepts).
 *
 * The DNS rule may be in the same rule, or, under the Cilium engine, in any Cilium rule selecting every pod of the
 * workspace this one selects.
 */
export const ciliumFqdnWithoutDnsRule = defineRule({
  id: 'cilium-fqdn-without-dns-rule',
  defaultSeverity: 'error',
  title: 'toFQDNs without a DNS rule (rules: dns on port 53): the names never resolve to allowed addresses',
  sources: ['https://docs.cilium.io/en/stable/security/policy/language/#dns-based', 'https://learn.microsoft.com/azure/aks/container-network-security-fqdn-filtering-concepts'],
  appliesTo: CILIUM_KINDS,
  check(resource, ctx): void {
    const policy = compiledCiliumOf(resource);
    if (!policy) return;
    for (const rule of policy.rules) {
      const fqdnItem = rule.allow.Egress.find((item) => item.item.fqdns?.length);
      if (!fqdnItem) continue;
      if (rule.allow.Egress.some(isDnsVisibilityItem)) continue;
      if (ctx.profile.networkPolicyEngine === 'cilium') {
        const model = reachModelOf(ctx.index, ctx.profile).netpol;
        const classes = classesSelectedBy(model, rule);
        if (classes.length > 0 && classes.every((c) => model.ciliumRulesSelecting(c, 'Egress').some((r) => r.allow.Egress.some(isDnsVisibilityItem)))) continue;
      }
      const names = fqdnItem.item.fqdns!.map((f) => f.matchName ?? f.matchPattern ?? '').join(', ');
      ctx.report({
        span: fqdnItem.item.fqdns![0]!.span,
        message:
          `\`${policy.name}\` admits egress to ${names} by name (toFQDNs), but no egress rule of its pods sends their DNS lookups through Cilium's DNS proxy ` +
          '(toPorts on port 53 with `rules: dns`, toward kube-dns): Cilium learns the addresses of a name only from the answers it sees, so these names never resolve to allowed addresses and the connections are dropped. ' +
          'Add an egress item to kube-dns (k8s:io.kubernetes.pod.namespace: kube-system, k8s:k8s-app: kube-dns) on port 53 ANY with `rules: {dns: [{matchPattern: "*"}]}`',
        data: { policy: qualifiedCilium(policy), names: fqdnItem.item.fqdns!.map((f) => f.matchName ?? f.matchPattern ?? '') },
      });
    }
  },
});
