import type { ReferenceGrant, Route } from '../model/resources';
import { defineRule } from './rule';
import { GATEWAY_GROUP, ROUTE_KINDS, isGatewayApi, routeBackendRefs, workspaceCoversNamespace } from './shared/gatewayApi';

/**
 * route-cross-namespace-without-referencegrant: a backendRef into another namespace needs a ReferenceGrant in the
 * target namespace that allows this route kind from the route's namespace to that kind (optionally that name).
 * Without it the reference is refused (ResolvedRefs=False, RefNotPermitted). Error when the workspace holds the
 * target namespace (the grant would be there); info when it does not.
 */
export const routeCrossNamespaceWithoutReferencegrant = defineRule({
  id: 'route-cross-namespace-without-referencegrant',
  defaultSeverity: 'error',
  title: 'A route backendRef into another namespace has no ReferenceGrant allowing it',
  appliesTo: [...ROUTE_KINDS],
  check(route, ctx): void {
    if (!isGatewayApi(route)) return;
    for (const { ref, namespace } of routeBackendRefs(route)) {
      if (namespace === route.namespace || !ref.name) continue;
      const grants = ctx.index.ofKindIn('ReferenceGrant', namespace);
      if (grants.some((g) => allows(g, route, ref.group, ref.kind, ref.name))) continue;
      const covered = workspaceCoversNamespace(ctx.index, namespace) || grants.length > 0;
      ctx.report({
        span: ref.span,
        ...(covered ? {} : { severity: 'info' as const }),
        message:
          `${route.kind} \`${route.namespace}/${route.name}\` routes to ${ref.kind} \`${namespace}/${ref.name}\` in another namespace, ` +
          `but no ReferenceGrant in \`${namespace}\` allows ${route.kind} from \`${route.namespace}\`` +
          (covered ? '' : ` (the workspace holds nothing of namespace \`${namespace}\`, so the grant may exist elsewhere)`) +
          ': the gateway refuses the reference (RefNotPermitted). ' +
          `Add a ReferenceGrant in \`${namespace}\` with from {group: ${GATEWAY_GROUP}, kind: ${route.kind}, namespace: ${route.namespace}} and to {group: "${ref.group}", kind: ${ref.kind}}.`,
        data: { namespace, service: ref.name, routeKind: route.kind, routeNamespace: route.namespace },
      });
    }
  },
});

function allows(grant: ReferenceGrant, route: Route, group: string, kind: string, name: string): boolean {
  const from = grant.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.namespace);
  const sameGroup = (a: string, b: string) => a === b || ((a === '' || a === 'core') && (b === '' || b === 'core'));
  const to = grant.to.some((t) => sameGroup(t.group, group) && t.kind === kind && (t.name === undefined || t.name === name));
  return from && to;
}
