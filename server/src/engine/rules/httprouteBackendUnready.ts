import { defineRule } from './rule';
import { ROUTE_KINDS, isCoreKind, isGatewayApi, routeBackendRefs } from './shared/gatewayApi';
import { serviceReadiness } from './shared/readiness';
import { byLocation } from './shared/order';

/**
 * httproute-backend-unready: a route's backend Service exists but selects no pods, so the gateway has no endpoint
 * for it (503). Applies to every route kind.
 */
export const httprouteBackendUnready = defineRule({
  id: 'httproute-backend-unready',
  defaultSeverity: 'warning',
  title: 'A route backend Service exists but selects no pods',
  appliesTo: [...ROUTE_KINDS],
  check(route, ctx): void {
    if (!isGatewayApi(route)) return;
    for (const { ref, namespace } of routeBackendRefs(route)) {
      if (!isCoreKind(ref, 'Service') || !ref.name) continue;
      const services = byLocation(ctx.index.lookup('Service', namespace, ref.name));
      const readiness = serviceReadiness(ctx.index, services);
      if (readiness.ready) continue;
      ctx.report({
        span: ref.nameSpan,
        ...(readiness.sure ? {} : { severity: 'info' as const }),
        message: `${route.kind} \`${route.name}\` routes to Service \`${ref.name}\`, which selects no pods (${readiness.reason}): the gateway answers 503 for it.`,
        related: [{ file: services[0]!.file, span: services[0]!.selectorSpan ?? services[0]!.nameSpan, message: `Service ${ref.name} selector` }],
        data: { service: ref.name },
      });
    }
  },
});
