import { describeSelector, equalitySelector } from '../model/labelSelector';
import { closestWorkloadHint } from '../model/closestWorkload';
import { defineRule } from './rule';

/**
 * service-selects-nothing: a Service whose selector matches no pod template in its namespace has no endpoints;
 * every connection to it is refused. A Service without selector is left alone: its Endpoints are managed by hand.
 */
export const serviceSelectsNothing = defineRule({
  id: 'service-selects-nothing',
  defaultSeverity: 'warning',
  title: 'A Service selector matches no workload in its namespace',
  appliesTo: ['Service'],
  check(service, ctx): void {
    if (!service.selector || service.type === 'ExternalName') return;
    const selector = equalitySelector(service.selector, service.selectorSpan ?? service.nameSpan);
    if (ctx.index.workloadsSelectedBy(service.namespace, selector).length > 0) return;
    const inNamespace = ctx.index.workloadsIn(service.namespace);
    const hint = closestWorkloadHint(service.selector, inNamespace);
    ctx.report({
      span: service.selectorSpan ?? service.nameSpan,
      message:
        `Service \`${service.name}\` selects no workload: no pod template in namespace \`${service.namespace}\` has ` +
        `${describeSelector(selector)}` +
        (inNamespace.length === 0 ? ` (the workspace has no workload in \`${service.namespace}\`)` : hint),
      data: { selector: service.selector },
    });
  },
});
