import { compilePolicy } from '../netpol/compiledPolicy';
import { defineRule } from './rule';

/**
 * netpol-invalid-field: a field of a NetworkPolicy the API server rejects (k8s.io/kubernetes
 * pkg/apis/networking/validation ValidateNetworkPolicySpec, and what it cannot decode at all): a port that is no
 * integer or port name (`80.5`, `true`, `"80"`), out of 1-65535, an endPort that cannot be, an unknown protocol, a
 * peer with nothing or with ipBlock and a selector, a CIDR that does not parse (` 10.0.0.0/8`), an except outside
 * its cidr, an invalid selector, an unknown policyType. The whole object is rejected, so the policy is in effect
 * nowhere (netpol/compiledPolicy.ts `rejected`; docs/netpol.md): each problem is one finding, in the API server's words.
 */
export const netpolInvalidField = defineRule({
  id: 'netpol-invalid-field',
  defaultSeverity: 'error',
  title: 'The API server rejects this NetworkPolicy: a field has a value it does not accept',
  appliesTo: ['NetworkPolicy'],
  check(policy, ctx): void {
    const problems = compilePolicy(policy).rejected ?? [];
    for (const problem of problems) {
      ctx.report({
        span: problem.span,
        message: `the API server rejects NetworkPolicy \`${policy.name}\`: ${problem.field}: ${problem.reason}. A rejected policy is not applied, so it isolates and admits nothing here either`,
        data: { policy: `${policy.namespace}/${policy.name}`, field: problem.field },
      });
    }
  },
});
