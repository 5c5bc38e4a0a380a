import { describeSelector, selectsEverything } from '../model/labelSelector';
import { closestWorkloadHint } from '../model/closestWorkload';
import { defineRule } from './rule';
import { MANAGED_NAMESPACES, qualified } from './shared/netpolScope';

/**
 * netpol-selects-nothing: a NetworkPolicy whose podSelector matches no pod template of its namespace isolates and
 * admits nothing: usually a label typo, so the pods it was written for stay open (or stay closed to what it was
 * meant to admit).
 *
 * How sure: a warning when the workspace holds workloads of the namespace and none matches; an info when it holds
 * none there (the namespace may be populated from elsewhere, and the policy is then just waiting for its pods).
 * Silent for `podSelector: {}` (it selects every pod, present and future), for namespaces that AKS and its add-ons
 * manage (kube-system, app-routing-system, ...), and for invalid selectors (the API server rejects those).
 */
export const netpolSelectsNothing = defineRule({
  id: 'netpol-selects-nothing',
  defaultSeverity: 'warning',
  title: 'A NetworkPolicy podSelector matches no workload in its namespace',
  appliesTo: ['NetworkPolicy'],
  check(policy, ctx): void {
    const selector = policy.podSelector;
    if (selector.invalid || selectsEverything(selector) || MANAGED_NAMESPACES.has(policy.namespace)) return;
    if (ctx.index.workloadsSelectedBy(policy.namespace, selector).length > 0) return;
    const inNamespace = ctx.index.workloadsIn(policy.namespace);
    const data = { policy: qualified(policy), namespace: policy.namespace, selector: describeSelector(selector) };
    if (inNamespace.length === 0) {
      ctx.report({
        span: selector.span,
        severity: 'info',
        message:
          `NetworkPolicy \`${policy.name}\` selects no pod in the workspace (${describeSelector(selector)}): the workspace has no workload in namespace ` +
          `\`${policy.namespace}\`; if that namespace's workloads are deployed from elsewhere, check their labels there`,
        data,
      });
      return;
    }
    ctx.report({
      span: selector.span,
      message:
        `NetworkPolicy \`${policy.name}\` selects no pod: no pod template in namespace \`${policy.namespace}\` has ` +
        `${describeSelector(selector)}${closestWorkloadHint(selector.matchLabels, inNamespace)}: the policy applies to no pod`,
      data,
    });
  },
});
