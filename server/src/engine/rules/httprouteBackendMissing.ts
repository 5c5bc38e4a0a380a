import { closestName } from '../util/closestName';
import { defineRule } from './rule';
import { ROUTE_KINDS, isCoreKind, isGatewayApi, routeBackendRefs, workspaceCoversNamespace } from './shared/gatewayApi';
import { byLocation, sortedNames } from './shared/order';

/**
 * httproute-backend-missing: a route's backendRef names a Service that does not exist, a port the Service does not
 * have, or no port at all (the API server rejects a Service backendRef without port). Applies to every route kind;
 * the rule id stays `httproute-*`. A backend in another namespace that the workspace does not hold is left alone,
 * and a missing Service in a namespace where the workspace has no Service at all is only an info.
 */
export const httprouteBackendMissing = defineRule({
  id: 'httproute-backend-missing',
  defaultSeverity: 'error',
  title: 'A route backendRef names a missing Service or Service port, or no port',
  appliesTo: [...ROUTE_KINDS],
  check(route, ctx): void {
    if (!isGatewayApi(route)) return;
    for (const { ref, namespace } of routeBackendRefs(route)) {
      if (!isCoreKind(ref, 'Service') || !ref.name) continue;
      if (ref.port === undefined) {
        ctx.report({
          span: ref.nameSpan,
          message: `backendRef to Service \`${ref.name}\` in ${route.kind} \`${route.name}\` has no port: the API server rejects it ("Must have port for Service reference"). Add \`port:\` with a port of the Service.`,
          data: { service: ref.name },
        });
        continue;
      }
      const services = byLocation(ctx.index.lookup('Service', namespace, ref.name));
      if (services.length === 0) {
        if (namespace !== route.namespace && !workspaceCoversNamespace(ctx.index, namespace)) continue;
        const names = sortedNames(ctx.index.ofKindIn('Service', namespace));
        const suggestion = closestName(ref.name, names);
        ctx.report({
          span: ref.nameSpan,
          // No Service at all in the namespace: the workspace likely does not hold the application (less sure).
          ...(names.length === 0 ? { severity: 'info' as const } : {}),
          message:
            `${route.kind} \`${route.name}\` routes to Service \`${ref.name}\`, which does not exist in namespace \`${namespace}\`` +
            (suggestion ? ` (did you mean \`${suggestion}\`?)` : '') + ': requests to it fail (500, or the rule is dropped).',
          data: { service: ref.name, namespace, ...(suggestion ? { suggestion } : {}) },
        });
        continue;
      }
      if (services.some((s) => s.ports.some((p) => p.port === ref.port))) continue;
      const service = services[0]!;
      ctx.report({
        span: ref.portSpan ?? ref.nameSpan,
        message: `${route.kind} \`${route.name}\` routes to port ${ref.port} of Service \`${ref.name}\`, which has no such port (ports: ${service.ports.map((p) => p.port).join(', ') || 'none'}). backendRef ports are Service ports, not container ports.`,
        related: [{ file: service.file, span: service.nameSpan, message: `Service ${service.name}` }],
        data: { service: ref.name, port: ref.port },
      });
    }
  },
});
