import { defineRule } from './rule';
import { CILIUM_KINDS, compiledCiliumOf } from './shared/ciliumScope';

/**
 * cilium-advanced-policy-not-enabled: a Cilium policy uses a feature the cluster profile says is not enabled. On AKS,
 * FQDN filtering (`toFQDNs`) and L7 rules (`rules: http`, `rules: kafka`) come with Advanced Container Networking
 * Services: `networkProfile.advancedNetworking.security.advancedNetworkPolicies` is `FQDN` (FQDN only) or `L7` (both),
 * and `None` (or ACNS off) enables neither
 * (https://learn.microsoft.com/azure/aks/container-network-security-fqdn-filtering-concepts,
 * https://learn.microsoft.com/azure/aks/container-network-security-l7-policy-concepts, checked 2026-12-06).
 * Silent when the profile does not say (`cluster.advancedNetworkPolicies` unset) or the engine is not Cilium
 * (cilium-policy-unavailable covers that).
 */
export const ciliumAdvancedPolicyNotEnabled = defineRule({
  id: 'cilium-advanced-policy-not-enabled',
  defaultSeverity: 'warning',
  title: 'toFQDNs or an L7 rule while the cluster profile says Advanced Container Networking Services does not enable it',
  sources: ['https://learn.microsoft.com/azure/aks/container-network-security-fqdn-filtering-concepts', 'https://learn.microsoft.com/azure/aks/container-network-security-l7-policy-concepts'],
  doc: { needs: '`cluster.advancedNetworkPolicies` and `networkPolicyEngine: cilium` in the cluster profile' },
  appliesTo: CILIUM_KINDS,
  check(resource, ctx): void {
    const setting = ctx.profile.advancedNetworkPolicies;
    if (setting === undefined || setting === 'L7' || ctx.profile.networkPolicyEngine !== 'cilium') return;
    const policy = compiledCiliumOf(resource);
    if (!policy) return;
    const origin = ctx.profile.origins?.advancedNetworkPolicies ? `, from ${ctx.profile.origins.advancedNetworkPolicies}` : '';
    for (const rule of policy.rules) {
      for (const item of [...rule.allow.Egress, ...rule.allow.Ingress]) {
        const fqdn = item.item.fqdns?.[0];
        if (fqdn && setting === 'None') {
          ctx.report({
            span: fqdn.span,
            message: `\`${policy.name}\` filters egress by name (toFQDNs), but the cluster profile says FQDN policies are not enabled (advancedNetworkPolicies: None${origin}): enable Advanced Container Networking Services with advancedNetworkPolicies FQDN or L7`,
            data: { feature: 'FQDN', setting },
          });
        }
        for (const ports of item.item.ports ?? []) {
          if (!ports.l7 || ports.l7.protocol === 'dns') continue;
          ctx.report({
            span: ports.l7.span,
            message: `\`${policy.name}\` has an L7 rule (\`rules: ${ports.l7.protocol}\`), but the cluster profile says advancedNetworkPolicies is ${setting}${origin}: L7 policies need advancedNetworkPolicies L7`,
            data: { feature: 'L7', setting },
          });
        }
      }
    }
  },
});
