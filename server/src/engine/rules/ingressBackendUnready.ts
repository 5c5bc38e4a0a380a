import { defineRule } from './rule';
import { ingressServiceBackends } from './shared/ingressBackends';
import { serviceReadiness } from './shared/readiness';
import { byLocation } from './shared/order';

/**
 * ingress-backend-unready: an Ingress routes to a Service that exists but selects no pods, so it has no endpoints
 * and the controller answers 503 for that path. Less sure (info) when the workspace has no workload at all in the
 * namespace.
 */
export const ingressBackendUnready = defineRule({
  id: 'ingress-backend-unready',
  defaultSeverity: 'warning',
  title: 'An Ingress backend Service exists but selects no pods',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    for (const { ref, where } of ingressServiceBackends(ingress)) {
      const services = byLocation(ctx.index.lookup('Service', ingress.namespace, ref.service));
      const readiness = serviceReadiness(ctx.index, services);
      if (readiness.ready) continue;
      ctx.report({
        span: ref.serviceSpan,
        ...(readiness.sure ? {} : { severity: 'info' as const }),
        message: `Ingress \`${ingress.name}\` routes ${where} to Service \`${ref.service}\`, which selects no pods (${readiness.reason}): the controller answers 503 there.`,
        related: [{ file: services[0]!.file, span: services[0]!.selectorSpan ?? services[0]!.nameSpan, message: `Service ${ref.service} selector` }],
        data: { service: ref.service },
      });
    }
  },
});
