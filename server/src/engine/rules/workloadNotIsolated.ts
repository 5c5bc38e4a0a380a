import { isWorkload, WORKLOAD_KINDS } from '../model/resources';
import type { Direction } from '../netpol/compiledPolicy';
import { defineRule } from './rule';
import { policyNames, qualified, rulesNetpolModel } from './shared/netpolScope';
import { reachModelOf } from '../reach/model';
import { ciliumIsolating } from '../reach/selection';
import { ciliumPolicyName } from '../netpol/cilium/compiled';

/**
 * workload-not-isolated: no NetworkPolicy isolates the workload's pods for ingress, for egress, or both, so they
 * accept connections from anywhere (every pod of the cluster, and whatever reaches the node network) or open
 * connections anywhere. Advice for zero-trust setups, so off by default. Per direction, as the API defines
 * isolation (a policy isolates for the directions in its effective policyTypes; kube-linter's non-isolated-pod
 * counts any selecting policy, whatever its types).
 */
export const workloadNotIsolated = defineRule({
  id: 'workload-not-isolated',
  defaultSeverity: 'off',
  title: 'No NetworkPolicy isolates the workload for ingress and/or egress',
  appliesTo: [...WORKLOAD_KINDS],
  check(resource, ctx): void {
    if (!isWorkload(resource)) return;
    // Under Cilium its own policies isolate too (netpol/cilium/): the model read with the profile's engine says so.
    const cilium = ctx.profile.networkPolicyEngine === 'cilium';
    const model = cilium ? reachModelOf(ctx.index, ctx.profile).netpol : rulesNetpolModel(ctx.index);
    const pods = model.classOf(resource);
    if (!pods) return;
    const open: Direction[] = [];
    const closed: { direction: Direction; names: string }[] = [];
    for (const direction of ['Ingress', 'Egress'] as const) {
      const policies = model.policiesSelecting(pods, direction);
      const ciliumPolicies = cilium ? ciliumIsolating(model, pods, direction) : [];
      if (policies.length === 0 && ciliumPolicies.length === 0) open.push(direction);
      else closed.push({ direction, names: [...(policies.length ? [policyNames(policies)] : []), ...ciliumPolicies.map(ciliumPolicyName)].join(', ') });
    }
    if (open.length === 0) return;
    const words = open.map((d) => d.toLowerCase()).join(' and ');
    const consequence = open.map((d) => (d === 'Ingress' ? 'any pod or address may connect to it' : 'it may connect anywhere')).join(', and ');
    const others = closed.map((c) => ` (${c.direction.toLowerCase()} is isolated by ${c.names})`).join('');
    ctx.report({
      span: resource.nameSpan,
      message:
        `${resource.kind} \`${resource.name}\` is not isolated for ${words}: no NetworkPolicy in namespace \`${resource.namespace}\`${cilium ? ' and no Cilium policy' : ''} selects its pods ` +
        `with ${open.length === 2 ? 'either policy type' : `policyType ${open[0]}`}, so ${consequence}${others}`,
      data: { workload: qualified(resource), namespace: resource.namespace, directions: open },
    });
  },
});
