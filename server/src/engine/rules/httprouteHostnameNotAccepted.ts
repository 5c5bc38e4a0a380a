import type { Gateway, GatewayListener, Route } from '../model/resources';
import { defineRule } from './rule';
import { gatewaysNamed, isGatewayApi, isGatewayParent } from './shared/gatewayApi';
import { gatewayHostnamesIntersect } from './shared/hostnames';
import { byLocation } from './shared/order';

/** The route kinds this rule reads. */
const KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute'] as const;

/** Listener protocols each route kind attaches to. */
const PROTOCOLS: Readonly<Partial<Record<Route['kind'], readonly string[]>>> = {
  HTTPRoute: ['HTTP', 'HTTPS'],
  GRPCRoute: ['HTTP', 'HTTPS'],
  TLSRoute: ['TLS'],
};

/**
 * httproute-hostname-not-accepted: a route lists hostnames, but no listener of its parent Gateway (the one its
 * sectionName/port selects, of a protocol the route kind uses) accepts any of them, so the route attaches nowhere
 * (Accepted=False, NoMatchingListenerHostname). A listener without hostname accepts all; wildcard listener
 * hostnames match by suffix (`*.example.com` matches `a.example.com` and `a.b.example.com`, not `example.com`).
 * Applies to HTTPRoute, GRPCRoute and TLSRoute.
 */
export const httprouteHostnameNotAccepted = defineRule({
  id: 'httproute-hostname-not-accepted',
  defaultSeverity: 'warning',
  title: 'No listener of the parent Gateway accepts any of the route\'s hostnames',
  appliesTo: KINDS,
  check(route, ctx): void {
    if (!isGatewayApi(route) || route.hostnames.length === 0) return;
    const protocols = PROTOCOLS[route.kind] ?? [];
    for (const ref of route.parentRefs) {
      if (!isGatewayParent(ref)) continue;
      const namespace = ref.namespace ?? route.namespace;
      const gateways = byLocation(gatewaysNamed(ctx.index, namespace, ref.name));
      const listeners = gateways
        .flatMap((g: Gateway) => g.listeners)
        .filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port) && l.protocol !== undefined && protocols.includes(l.protocol));
      if (listeners.length === 0 || listeners.some((l) => !l.hostname)) continue;
      if (route.hostnames.some((h) => listeners.some((l) => gatewayHostnamesIntersect(l.hostname!, h.value)))) continue;
      ctx.report({
        span: route.hostnames[0]!.span,
        message:
          `None of the hostnames of ${route.kind} \`${route.name}\` (${route.hostnames.map((h) => h.value).join(', ')}) is accepted by ` +
          `${ref.sectionName ? `listener \`${ref.sectionName}\`` : 'the listeners'} of Gateway \`${namespace}/${ref.name}\` (${describe(listeners)}): the route does not attach there.`,
        data: { gateway: `${namespace}/${ref.name}`, listenerHostnames: listeners.map((l) => l.hostname) },
      });
    }
  },
});

function describe(listeners: readonly GatewayListener[]): string {
  return listeners.map((l) => `${l.name}: ${l.hostname}`).join(', ');
}
