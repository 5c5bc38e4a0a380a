import { describeSelector, equalitySelector } from '../model/labelSelector';
import { similarity } from '../util/closestName';
import type { AnyResource, Service } from '../model/resources';
import type { Rule, RuleContext } from './rule';

/**
 * service-selects-nothing: a Service whose selector matches no pod template in its namespace has no endpoints;
 * every connection to it is refused. A Service without selector is left alone: its Endpoints are managed by hand.
 */
export const serviceSelectsNothing: Rule = {
  id: 'service-selects-nothing',
  defaultSeverity: 'warning',
  title: 'A Service selector matches no workload in its namespace',
  appliesTo: ['Service'],
  check(resource: AnyResource, ctx: RuleContext): void {
    const service = resource as Service;
    if (!service.selector || service.type === 'ExternalName') return;
    const selector = equalitySelector(service.selector, service.selectorSpan ?? service.nameSpan);
    if (ctx.index.workloadsSelectedBy(service.namespace, selector).length > 0) return;
    const inNamespace = ctx.index.workloadsIn(service.namespace);
    const hint = closestHint(service.selector, inNamespace.map((w) => ({ name: `${w.kind} ${w.name}`, labels: w.podLabels })));
    ctx.report({
      span: service.selectorSpan ?? service.nameSpan,
      message:
        `Service \`${service.name}\` selects no workload: no pod template in namespace \`${service.namespace}\` has ` +
        `${describeSelector(selector)}` +
        (inNamespace.length === 0 ? ` (the workspace has no workload in \`${service.namespace}\`)` : hint),
      data: { selector: service.selector },
    });
  },
};

/** "closest: Deployment web has app=web-v2" — the candidate sharing most selector keys, with its differing values. */
function closestHint(selector: Record<string, string>, candidates: { name: string; labels: Record<string, string> }[]): string {
  let best: { name: string; labels: Record<string, string>; score: number } | undefined;
  for (const candidate of candidates) {
    let score = 0;
    for (const [key, value] of Object.entries(selector)) {
      const actual = candidate.labels[key];
      // Same key: 1, plus up to 1 for how alike the values are (so `orders` is closer to `order` than `cache` is).
      if (actual !== undefined) score += 1 + similarity(actual, value);
    }
    // Ties go to the alphabetically first name, so the hint never depends on the order files were read in.
    if (score > 0 && (!best || score > best.score || (score === best.score && candidate.name < best.name))) best = { ...candidate, score };
  }
  if (!best) return '';
  const shown = Object.keys(selector)
    .map((key) => (key in best!.labels ? `${key}=${best!.labels[key]}` : `no ${key}`))
    .join(',');
  return ` (closest: ${best.name} has ${shown})`;
}
