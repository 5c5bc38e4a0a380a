import { defineRule } from './rule';
import { ingressHostsOverlap } from './shared/hostnames';

/**
 * ingress-tls-host-not-in-rules: a host listed under spec.tls that no rule routes. The certificate is configured
 * for a name the Ingress does not serve, which usually means a typo in one of the two lists (and then the real
 * host is served with the controller's default certificate). Rules without a host serve every name, so they cover
 * all TLS hosts.
 */
export const ingressTlsHostNotInRules = defineRule({
  id: 'ingress-tls-host-not-in-rules',
  defaultSeverity: 'warning',
  title: 'An Ingress TLS host is not routed by any of its rules',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    if (ingress.rules.some((r) => !r.host)) return;
    const ruleHosts = ingress.rules.map((r) => r.host!);
    for (const tls of ingress.tls) {
      for (const host of tls.hosts) {
        if (ruleHosts.some((r) => ingressHostsOverlap(r, host.value))) continue;
        ctx.report({
          span: host.span,
          message:
            `TLS host \`${host.value}\` of Ingress \`${ingress.name}\` matches no rule host (${ruleHosts.join(', ') || 'none'}): ` +
            'the certificate is set up for a name this Ingress does not route. Fix the spelling in spec.tls or spec.rules.',
          data: { host: host.value, ruleHosts },
        });
      }
    }
  },
});
