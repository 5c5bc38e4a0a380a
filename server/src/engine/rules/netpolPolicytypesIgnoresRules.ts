import type { Direction } from '../netpol/compiledPolicy';
import { defineRule } from './rule';
import { compiledPolicyOf, qualified, rulesNetpolModel } from './shared/netpolScope';

/**
 * netpol-policytypes-ignores-rules: the policy lists rules of a direction (`egress:` or `ingress:`, non-empty) that
 * an explicit, non-empty `policyTypes` leaves out. The API server keeps them and every network plugin ignores them:
 * the pods are not isolated for that direction and the rules admit nothing. The engine's compiled policy says which
 * directions are ignored (netpol/compiledPolicy.ts `ignoredRules`); an empty `policyTypes: []` is defaulted by the
 * API like a missing one, so it never ignores anything.
 */
export const netpolPolicytypesIgnoresRules = defineRule({
  id: 'netpol-policytypes-ignores-rules',
  defaultSeverity: 'warning',
  title: 'NetworkPolicy rules of a direction that policyTypes leaves out do nothing',
  appliesTo: ['NetworkPolicy'],
  check(policy, ctx): void {
    const compiled = compiledPolicyOf(rulesNetpolModel(ctx.index), policy);
    for (const direction of compiled.ignoredRules) {
      const rules = (direction === 'Egress' ? policy.egress : policy.ingress) ?? [];
      const span = (direction === 'Egress' ? policy.egressSpan : policy.ingressSpan) ?? policy.nameSpan;
      const key = direction === 'Egress' ? 'egress' : 'ingress';
      const types = (policy.policyTypes ?? []).join(', ');
      ctx.report({
        span,
        message:
          `policyTypes [${types}] of NetworkPolicy \`${policy.name}\` leaves out ${direction}, so its ${rules.length} ${key} ` +
          `rule${rules.length === 1 ? '' : 's'} ${rules.length === 1 ? 'is' : 'are'} ignored: the selected pods are not isolated for ${key} by this policy and ` +
          `the rule${rules.length === 1 ? ' admits' : 's admit'} nothing. Add ${direction} to policyTypes (which also isolates them for ${key}) or remove the rules`,
        ...(policy.policyTypesSpan ? { related: [{ file: policy.file, span: policy.policyTypesSpan, message: 'policyTypes' }] } : {}),
        data: { policy: qualified(policy), direction: direction satisfies Direction },
      });
    }
  },
});
