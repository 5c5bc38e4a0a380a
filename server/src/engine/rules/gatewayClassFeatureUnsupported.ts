import { APP_ROUTING_GATEWAY_API, ISTIO_ADDON_GATEWAY_API, knownGatewayClass } from '../kb/gatewayClasses';
import { istioRevisionVersion } from '../kb/istioAddon';
import type { Route } from '../model/resources';
import { defineRule, type RuleContext } from './rule';
import { gatewaysNamed, isGatewayApi, isGatewayParent } from './shared/gatewayApi';

const APP_ROUTING_CLASS = 'approuting-istio';
const ISTIO_CLASS = 'istio';
/** The Istio add-on's first revision with Gateway API support. */
const ISTIO_GATEWAY_API_MIN: [number, number] = [1, 26];

/**
 * gateway-class-feature-unsupported: a Gateway (or a TLSRoute attached to one) asks its AKS GatewayClass for
 * something that implementation does not do, or uses a class the cluster profile says is not available:
 *  - `approuting-istio` (application routing, Gateway API mode): TLS listeners / TLSRoute (not before Istio 1.30);
 *    not available when the profile says the mode is disabled, or when the Istio service mesh add-on is on (the two
 *    cannot be enabled together);
 *  - `istio` with the Istio add-on: Gateway API needs revision `asm-1-26` or later.
 */
export const gatewayClassFeatureUnsupported = defineRule({
  id: 'gateway-class-feature-unsupported',
  defaultSeverity: 'warning',
  title: 'A Gateway asks its AKS GatewayClass for something it does not support, or the class is not available',
  sources: [APP_ROUTING_GATEWAY_API, ISTIO_ADDON_GATEWAY_API],
  appliesTo: ['Gateway', 'TLSRoute'],
  check(resource, ctx): void {
    if (!isGatewayApi(resource)) return;
    if (resource.kind !== 'Gateway') return checkRoute(resource, ctx); // a TLSRoute
    const gateway = resource;
    const className = gateway.gatewayClassName;
    const span = gateway.gatewayClassNameSpan ?? gateway.nameSpan;
    const profile = ctx.profile;
    const origins = profile.origins ?? {};
    if (className === APP_ROUTING_CLASS) {
      if (profile.appRoutingGatewayApi === false) {
        ctx.report({
          span,
          message: `Gateway \`${gateway.name}\` uses GatewayClass \`${APP_ROUTING_CLASS}\`, but the application routing add-on's Gateway API mode is not enabled on this cluster${origins.appRoutingGatewayApi ? ` (from ${origins.appRoutingGatewayApi})` : ''}: nothing programs it. Enable the add-on's Gateway API mode (\`--enable-app-routing-istio\`).`,
          data: { problem: 'not-enabled' },
        });
      } else if ((profile.istioRevisions?.length ?? 0) > 0) {
        ctx.report({
          span,
          message: `Gateway \`${gateway.name}\` uses GatewayClass \`${APP_ROUTING_CLASS}\`, but this cluster runs the Istio service mesh add-on${origins.istioRevisions ? ` (from ${origins.istioRevisions})` : ''}, and the application routing Gateway API mode cannot be enabled together with it. Use GatewayClass \`${ISTIO_CLASS}\` of the mesh add-on instead.`,
          data: { problem: 'istio-addon' },
        });
      }
      const unsupported = knownGatewayClass(APP_ROUTING_CLASS)?.unsupportedProtocols ?? {};
      for (const listener of gateway.listeners) {
        const why = listener.protocol ? unsupported[listener.protocol] : undefined;
        if (!why) continue;
        ctx.report({
          span: listener.span,
          message: `listener \`${listener.name}\` of Gateway \`${gateway.name}\` is ${listener.protocol}: ${why}. Terminate TLS on an HTTPS listener, or use another GatewayClass for passthrough.`,
          data: { problem: 'protocol', protocol: listener.protocol },
        });
      }
      return;
    }
    if (className === ISTIO_CLASS && profile.istioRevisions?.length) {
      const versions = profile.istioRevisions.map(istioRevisionVersion).filter((v): v is [number, number] => !!v);
      if (versions.length === 0 || versions.some((v) => atLeast(v, ISTIO_GATEWAY_API_MIN))) return;
      ctx.report({
        span,
        message: `Gateway \`${gateway.name}\` uses GatewayClass \`${ISTIO_CLASS}\`, but the Istio add-on supports Gateway API from revision asm-1-26, and this cluster runs ${profile.istioRevisions.join(', ')}${origins.istioRevisions ? ` (from ${origins.istioRevisions})` : ''}: upgrade the mesh (and install the managed Gateway API CRDs).`,
        data: { problem: 'istio-revision' },
      });
    }
  },
});

function checkRoute(route: Route, ctx: RuleContext): void {
  const why = knownGatewayClass(APP_ROUTING_CLASS)?.unsupportedProtocols?.['TLS'];
  if (!why) return;
  for (const ref of route.parentRefs) {
    if (!isGatewayParent(ref)) continue;
    const gateways = gatewaysNamed(ctx.index, ref.namespace ?? route.namespace, ref.name);
    if (!gateways.some((g) => g.gatewayClassName === APP_ROUTING_CLASS)) continue;
    ctx.report({
      span: ref.span,
      message: `TLSRoute \`${route.name}\` attaches to Gateway \`${ref.name}\` of class \`${APP_ROUTING_CLASS}\`: ${why}.`,
      data: { problem: 'tlsroute' },
    });
  }
}

function atLeast(version: [number, number], min: [number, number]): boolean {
  return version[0] > min[0] || (version[0] === min[0] && version[1] >= min[1]);
}
