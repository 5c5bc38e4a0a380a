import { describeSelector, selectsEverything } from '../model/labelSelector';
import type { Workload } from '../model/resources';
import { defineRule } from './rule';
import { compiledPolicyOf, describeWorkloads, joinAnd, qualified, rulesNetpolModel } from './shared/netpolScope';

/** Words in policy names that say nothing about which pods are meant. */
const GENERIC_WORDS: ReadonlySet<string> = new Set(['allow', 'deny', 'default', 'policy', 'policies', 'netpol', 'np', 'network', 'ingress', 'egress', 'from', 'to', 'all', 'only', 'access', 'traffic', 'in', 'out', 'and', 'the']);

/**
 * netpol-selector-left-empty: a NetworkPolicy whose `spec.podSelector` is written with its parts left empty
 * (`podSelector:` with no value, `matchLabels:` or `matchExpressions:` with nothing under them), so it selects every
 * pod of the namespace, while the policy itself shows a specific target was meant:
 *  - its name names some workloads of the namespace and not others (`redis-policy` beside app=redis);
 *  - its ingress rules' ports are declared only by some workloads of the namespace;
 *  - its rules admit specific pods (podSelectors with labels), as an allow-list between two apps reads.
 * The first two are the evidence; the third is reported with them. Information: `{}` is the usual way to select every
 * pod and is never reported; the empty form usually means labels that were never filled in (the policy then isolates
 * every pod and admits only what it names, often nothing for the pods it was not written for).
 */
export const netpolSelectorLeftEmpty = defineRule({
  id: 'netpol-selector-left-empty',
  defaultSeverity: 'info',
  title: 'A NetworkPolicy podSelector left empty selects every pod where the policy names a specific target',
  appliesTo: ['NetworkPolicy'],
  check(policy, ctx): void {
    const selector = policy.podSelector;
    if (!selector.leftEmpty || !selectsEverything(selector)) return;
    const workloads = ctx.index.workloadsIn(policy.namespace);
    const names = new Set(workloads.map((w) => w.name));
    if (names.size < 2) return;
    const evidence: string[] = [];
    const named = namedByPolicyName(policy.name, workloads);
    if (named.length && named.length < workloads.length) evidence.push(`its name \`${policy.name}\` names ${describeWorkloads(named)}`);
    const compiled = compiledPolicyOf(rulesNetpolModel(ctx.index), policy);
    const ports = [...new Set(compiled.rules.Ingress.flatMap((r) => r.ports ?? []).flatMap((p) => (p.kind === 'range' && p.from === p.to ? [p.from] : [])))];
    for (const port of ports) {
      const declaring = workloads.filter((w) => w.containers.some((c) => !c.init && c.ports.some((cp) => cp.containerPort === port)));
      if (declaring.length && declaring.length < workloads.length) evidence.push(`its ingress port ${port} is declared only by ${describeWorkloads(declaring)}`);
    }
    if (evidence.length === 0) return;
    const specific = [...compiled.rules.Ingress, ...compiled.rules.Egress]
      .flatMap((r) => r.peers ?? [])
      .flatMap((p) => (p.kind === 'pods' && p.podSelector && !selectsEverything(p.podSelector) ? [describeSelector(p.podSelector)] : []));
    if (specific.length) evidence.push(`its rules name specific pods (${[...new Set(specific)].join('; ')})`);
    ctx.report({
      // A null `podSelector:` has no text of its own: the finding goes on the policy's name.
      span: selector.span.end > selector.span.start ? selector.span : policy.nameSpan,
      message:
        `\`podSelector\` is left empty (no labels under it), so NetworkPolicy \`${policy.name}\` selects every pod of namespace \`${policy.namespace}\`, ` +
        `but ${joinAnd(evidence)}: a specific target seems meant. If so, fill in its labels; if every pod is meant, write \`podSelector: {}\``,
      data: { policy: qualified(policy), evidence },
    });
  },
});

/**
 * Workloads whose name, or a label value of their pods, is what the policy's name says: its words and runs of them
 * (`redis-cart-policy` says `redis`, `cart`, `redis-cart`); of several, the ones the longest run names.
 */
function namedByPolicyName(name: string, workloads: readonly Workload[]): Workload[] {
  const words = name.toLowerCase().split(/[-_.]+/);
  const runs = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const run = words.slice(i, j);
      if (run.length === 1 && (run[0]!.length < 2 || GENERIC_WORDS.has(run[0]!))) continue;
      runs.set(run.join('-'), run.length);
    }
  }
  const score = (w: Workload) => Math.max(0, ...[w.name, ...Object.values(w.podLabels)].map((v) => runs.get(v.toLowerCase()) ?? 0));
  const best = Math.max(0, ...workloads.map(score));
  return best === 0 ? [] : workloads.filter((w) => score(w) === best);
}
