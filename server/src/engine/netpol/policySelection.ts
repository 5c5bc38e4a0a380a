/**
 * Which policies of a namespace select a pod class, answered from the policies filed by one label of their
 * podSelector instead of a test of every policy of the namespace per class (issue 17): with one policy per workload,
 * that test made a namespace of thousands of workloads quadratic.
 *
 * A policy whose podSelector has matchLabels is filed under one of its pairs (every pod it selects carries that pair);
 * any other policy (`{}`, only matchExpressions, invalid) is a candidate for every class. A class's candidates are
 * those filed under its own labels plus the others, in the namespace's policy order, each then tested by
 * `selectorMatches` itself: the filing only skips policies that cannot select the class. Built once per namespace
 * and per policy set (NetpolModel keeps the set until a NetworkPolicy changes), from lists never mutated.
 */
import { selectorMatches, type Labels } from '../model/labelSelector';
import type { CompiledPolicy, Direction } from './compiledPolicy';

export interface PolicyFiling {
  /** First matchLabels key -> its value -> policies. */
  readonly byLabel: Map<string, Map<string, CompiledPolicy[]>>;
  /** Policies with no matchLabels. */
  readonly unfiled: readonly CompiledPolicy[];
  readonly position: Map<CompiledPolicy, number>;
}

export function filePolicies(policies: readonly CompiledPolicy[]): PolicyFiling {
  const byLabel = new Map<string, Map<string, CompiledPolicy[]>>();
  const unfiled: CompiledPolicy[] = [];
  const position = new Map<CompiledPolicy, number>();
  policies.forEach((policy, i) => {
    position.set(policy, i);
    const selector = policy.policy.podSelector;
    const [key] = selector.invalid ? [] : Object.keys(selector.matchLabels);
    if (key === undefined) {
      unfiled.push(policy);
      return;
    }
    let values = byLabel.get(key);
    if (!values) byLabel.set(key, (values = new Map()));
    const value = selector.matchLabels[key]!;
    const list = values.get(value);
    if (list) list.push(policy);
    else values.set(value, [policy]);
  });
  return { byLabel, unfiled, position };
}

/** The filed policies that isolate pods with these labels for the direction and select them, in policy order. */
export function policiesSelectingLabels(filing: PolicyFiling, labels: Labels, direction: Direction): CompiledPolicy[] {
  let candidates: CompiledPolicy[] | undefined;
  for (const key of Object.keys(labels)) {
    const list = filing.byLabel.get(key)?.get(labels[key]!);
    if (list) (candidates ??= [...filing.unfiled]).push(...list);
  }
  if (candidates) candidates.sort((a, b) => filing.position.get(a)! - filing.position.get(b)!);
  return (candidates ?? filing.unfiled).filter((p) => p.isolates[direction] && selectorMatches(p.policy.podSelector, labels));
}
