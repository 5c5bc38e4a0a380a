import type { Gateway } from '../model/resources';
import { closestName } from '../util/closestName';
import { defineRule } from './rule';
import { ROUTE_KINDS, gatewayApiGateways, gatewaysNamed, isCoreKind, isGatewayApi, isGatewayParent, workspaceCoversNamespace } from './shared/gatewayApi';
import { byLocation, sortedNames } from './shared/order';

/**
 * httproute-parent-missing: a route's parentRef names a Gateway that does not exist (or a listener `sectionName` /
 * `port` the Gateway does not have); the route attaches to nothing and serves no traffic. Applies to every route
 * kind (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute). Gateways are often shared and managed elsewhere, so
 * a missing one is an error only when the workspace has Gateways in that namespace, an info when it has Gateways
 * elsewhere only, and silent when it has none at all.
 */
export const httprouteParentMissing = defineRule({
  id: 'httproute-parent-missing',
  defaultSeverity: 'error',
  title: 'A route\'s parentRef names a Gateway or listener that does not exist',
  appliesTo: [...ROUTE_KINDS],
  check(route, ctx): void {
    if (!isGatewayApi(route)) return;
    for (const ref of route.parentRefs) {
      const namespace = ref.namespace ?? route.namespace;
      if (isCoreKind(ref, 'Service')) {
        // GAMMA (mesh) routes attach to a Service.
        if (ctx.index.lookup('Service', namespace, ref.name).length > 0 || !workspaceCoversNamespace(ctx.index, namespace)) continue;
        const suggestion = closestName(ref.name, sortedNames(ctx.index.ofKindIn('Service', namespace)));
        ctx.report({
          span: ref.span,
          message: `${route.kind} \`${route.name}\` attaches to Service \`${ref.name}\`, which does not exist in namespace \`${namespace}\`` + (suggestion ? ` (did you mean \`${suggestion}\`?)` : ''),
          data: { parent: ref.name, namespace },
        });
        continue;
      }
      if (!isGatewayParent(ref)) continue;
      const gateways = byLocation(gatewaysNamed(ctx.index, namespace, ref.name));
      if (gateways.length === 0) {
        const all = gatewayApiGateways(ctx.index);
        if (all.length === 0) continue;
        const here = all.filter((g) => g.namespace === namespace);
        const suggestion = closestName(ref.name, sortedNames(here));
        ctx.report({
          span: ref.span,
          ...(here.length === 0 ? { severity: 'info' as const } : {}),
          message:
            `${route.kind} \`${route.name}\` attaches to Gateway \`${ref.name}\` in namespace \`${namespace}\`, which does not exist` +
            (here.length > 0
              ? (suggestion ? ` (did you mean \`${suggestion}\`?)` : ` (Gateways there: ${sortedNames(here).join(', ')})`) + ': the route serves no traffic.'
              : ` in the workspace (it has Gateways in ${[...new Set(all.map((g) => g.namespace))].sort().join(', ')}); set parentRefs[].namespace if the Gateway lives elsewhere.`),
          data: { parent: ref.name, namespace, ...(suggestion ? { suggestion } : {}) },
        });
        continue;
      }
      const listeners = gateways.flatMap((g: Gateway) => g.listeners);
      if (ref.sectionName !== undefined && !listeners.some((l) => l.name === ref.sectionName)) {
        ctx.report({
          span: ref.span,
          message: `Gateway \`${namespace}/${ref.name}\` has no listener named \`${ref.sectionName}\` (listeners: ${listeners.map((l) => l.name).join(', ') || 'none'}): ${route.kind} \`${route.name}\` does not attach.`,
          data: { parent: ref.name, sectionName: ref.sectionName },
        });
      } else if (ref.port !== undefined && !listeners.some((l) => l.port === ref.port && (ref.sectionName === undefined || l.name === ref.sectionName))) {
        ctx.report({
          span: ref.span,
          message: `Gateway \`${namespace}/${ref.name}\` has no listener on port ${ref.port}${ref.sectionName ? ` named \`${ref.sectionName}\`` : ''} (ports: ${[...new Set(listeners.map((l) => l.port))].sort((a, b) => (a ?? 0) - (b ?? 0)).join(', ') || 'none'}): ${route.kind} \`${route.name}\` does not attach.`,
          data: { parent: ref.name, port: ref.port },
        });
      }
    }
  },
});
