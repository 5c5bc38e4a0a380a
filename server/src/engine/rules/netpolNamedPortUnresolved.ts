import type { CompiledPolicy, CompiledPort, CompiledRule } from '../netpol/compiledPolicy';
import { classesMatchedByPeers, rulePorts, type PortProblem } from '../reach/selection';
import type { NetpolModel } from '../netpol/model';
import type { PodClass } from '../netpol/podClasses';
import { defineRule, type RuleContext } from './rule';
import {
  compiledPolicyOf,
  describeWorkloads,
  pinnedNamespaces,
  qualified,
  ruleName,
  rulesNetpolModel,
  workloadsOfClasses,
  workspaceHoldsWorkloadsOf,
} from './shared/netpolScope';

type NamedPort = Extract<CompiledPort, { kind: 'named' }>;

/**
 * netpol-named-port-unresolved: a named port (`port: http`) in a rule resolves against the container ports of the
 * connection's destination, by name and protocol (netpol/evaluate.ts rulePorts). When no destination pod declares
 * it, the entry admits nothing:
 *  - ingress rules: the destination is the policy's own selected pods;
 *  - egress rules: the pods the rule's peers select. Toward ipBlock peers (addresses outside the cluster) a named
 *    port never resolves, which is certain. Toward pods it is judged only when the peers are confined to namespaces
 *    whose workloads the workspace holds (podSelector alone, or a namespaceSelector naming such namespaces); a rule
 *    without `to`, or selecting namespaces by label, may reach pods outside the workspace: silent.
 * Silent when the policy or the peers select no pod at all (netpol-selects-nothing / netpol-peer-selects-nothing).
 */
export const netpolNamedPortUnresolved = defineRule({
  id: 'netpol-named-port-unresolved',
  defaultSeverity: 'warning',
  title: 'A named port in a NetworkPolicy rule matches no container port of the pods it is about',
  appliesTo: ['NetworkPolicy'],
  check(resource, ctx): void {
    const model = rulesNetpolModel(ctx.index);
    const policy = compiledPolicyOf(model, resource);
    for (const rule of [...policy.rules.Ingress, ...policy.rules.Egress]) {
      const named = (rule.ports ?? []).filter((p): p is NamedPort => p.kind === 'named');
      if (named.length === 0) continue;
      if (rule.direction === 'Egress' && rule.peers && rule.peers.every((p) => p.kind !== 'pods') && rule.peers.some((p) => p.kind === 'ipBlock')) {
        for (const port of named) {
          ctx.report({
            span: port.port.span,
            message:
              `named port \`${port.name}\` (${port.protocol}) in ${ruleName(rule)} of NetworkPolicy \`${policy.name}\` cannot resolve: the rule's peers are ` +
              'only ipBlocks (addresses outside the cluster), and a named port resolves against destination pods\' container ports. This entry admits nothing: use the port number',
            data: { policy: qualified(policy), direction: rule.direction, port: port.name, protocol: port.protocol },
          });
        }
        continue;
      }
      const destinations = destinationsOf(ctx, model, policy, rule);
      if (!destinations || destinations.length === 0) continue;
      const problems = destinations.map((pods) => ({ pods, problems: rulePorts(model, rule, { type: 'pods', pods }).problems }));
      for (const port of named) {
        const misses = problems.map((d) => ({ pods: d.pods, problem: d.problems.find((p) => p.index === port.index) }));
        if (misses.some((m) => !m.problem)) continue;
        report(ctx, policy, rule, port, misses as { pods: PodClass; problem: PortProblem }[]);
      }
    }
  },
});

/** The pod classes a rule's named ports resolve against; undefined when they may include pods outside the workspace. */
function destinationsOf(ctx: RuleContext, model: NetpolModel, policy: CompiledPolicy, rule: CompiledRule): readonly PodClass[] | undefined {
  if (rule.direction === 'Ingress') return model.holdsPolicy(policy) && policy.isolates.Ingress ? model.classesSelectedIn(policy.namespace, policy.policy.podSelector) : [];
  if (!rule.peers) return undefined;
  const podPeers = rule.peers.filter((p) => p.kind === 'pods');
  const namespaces = new Set<string>();
  for (const peer of podPeers) {
    const names = peer.namespaceSelector ? pinnedNamespaces(peer.namespaceSelector) : [policy.namespace];
    if (!names) return undefined;
    for (const name of names) namespaces.add(name);
  }
  if ([...namespaces].some((n) => !workspaceHoldsWorkloadsOf(ctx.index, n))) return undefined;
  return [...namespaces].flatMap((n) => classesMatchedByPeers(model, policy, podPeers, n));
}

function report(ctx: RuleContext, policy: CompiledPolicy, rule: CompiledRule, port: NamedPort, misses: { pods: PodClass; problem: PortProblem }[]): void {
  const pods = describeWorkloads(workloadsOfClasses(misses.map((m) => m.pods)));
  const reasons = [...new Set(misses.map((m) => m.problem.reason))];
  const whose = rule.direction === 'Ingress' ? 'the pods the policy selects' : 'the pods the rule admits traffic to';
  const ipBlocks = rule.direction === 'Egress' && rule.peers?.some((p) => p.kind === 'ipBlock') ? ' (and toward its ipBlock peers a named port never resolves)' : '';
  ctx.report({
    span: port.port.span,
    message:
      `named port \`${port.name}\` (${port.protocol}) in ${ruleName(rule)} of NetworkPolicy \`${policy.name}\` resolves on none of ${whose} ` +
      `(${pods}: ${reasons.slice(0, 2).join('; ')})${ipBlocks}: this entry admits nothing`,
    data: { policy: qualified(policy), direction: rule.direction, port: port.name, protocol: port.protocol },
  });
}
