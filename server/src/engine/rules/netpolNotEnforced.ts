import { defineRule } from './rule';

/**
 * netpol-not-enforced: the cluster profile says no network policy engine runs (`cluster.networkPolicyEngine: none`,
 * or an imported cluster with networkPolicy none), so every NetworkPolicy of the workspace is stored by the API
 * server and enforced by nobody. Reported once per policy, on its name.
 */
export const netpolNotEnforced = defineRule({
  id: 'netpol-not-enforced',
  defaultSeverity: 'warning',
  title: 'The cluster profile says no network policy engine runs: this NetworkPolicy does nothing',
  doc: { needs: '`cluster.networkPolicyEngine: none` in the cluster profile' },
  appliesTo: ['NetworkPolicy'],
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine !== 'none') return;
    const policy = resource;
    ctx.report({
      span: policy.nameSpan,
      message:
        `NetworkPolicy \`${policy.name}\` is not enforced: the cluster runs no network policy engine ` +
        `(cluster.networkPolicyEngine: none${ctx.profile.origins?.networkPolicyEngine ? `, from ${ctx.profile.origins.networkPolicyEngine}` : ''}); ` +
        `every pod it selects still accepts and opens any connection`,
      data: { engine: 'none' },
    });
  },
});
