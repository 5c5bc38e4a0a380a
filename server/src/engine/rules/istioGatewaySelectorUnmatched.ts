import { ISTIO_ADDON_GATEWAYS, ISTIO_ADDON_NAMESPACE } from '../kb/istioAddon';
import { equalitySelector, selectorMatches } from '../model/labelSelector';
import { closestName } from '../util/closestName';
import { defineRule } from './rule';

const ISTIO_GATEWAY_REFERENCE = 'https://istio.io/latest/docs/reference/config/networking/gateway/';
/** Upstream Istio's default ingress gateway label, which the AKS add-on's gateways do not carry. */
const UPSTREAM_DEFAULT_LABEL = 'ingressgateway';

/**
 * istio-gateway-selector-unmatched: an Istio (`networking.istio.io`) Gateway configures the gateway pods its
 * `spec.selector` matches. The AKS Istio add-on's ingress gateways carry `istio: aks-istio-ingressgateway-external`
 * or `-internal` (in `aks-istio-ingress`), not upstream's `istio: ingressgateway`. Reported when the selector names
 * an add-on gateway the cluster profile says is not enabled, or matches neither an add-on gateway nor any workload of
 * the workspace while the profile says the add-on is on (or the value is close to an add-on gateway's). Without a
 * profile and without a close name it stays silent: the gateway may be deployed from elsewhere.
 */
export const istioGatewaySelectorUnmatched = defineRule({
  id: 'istio-gateway-selector-unmatched',
  defaultSeverity: 'warning',
  title: 'An Istio Gateway selects no ingress gateway pods',
  sources: [ISTIO_ADDON_GATEWAYS[0]!.source, ISTIO_GATEWAY_REFERENCE],
  doc: { appliesTo: 'Gateway (`networking.istio.io`)' },
  appliesTo: ['Gateway'],
  check(gateway, ctx): void {
    const istio = gateway.istio;
    if (!istio || Object.keys(istio.selector).length === 0) return;
    const span = istio.selectorSpan ?? gateway.nameSpan;
    const selector = istio.selector;
    const addOn = ISTIO_ADDON_GATEWAYS.find((g) => Object.entries(selector).every(([k, v]) => g.placement.labels[k] === v));
    const enabled = ctx.profile.istioIngressGateways;
    if (addOn) {
      if (enabled && !enabled.includes(addOn.mode)) {
        const origin = ctx.profile.origins?.istioIngressGateways;
        ctx.report({
          span,
          message: `Istio Gateway \`${gateway.name}\` selects the add-on's ${addOn.mode} ingress gateway (\`${addOn.name}\`), which is not enabled on this cluster (ingress gateways: ${enabled.join(', ') || 'none'}${origin ? `, from ${origin}` : ''}): no pod serves it. Enable it with \`az aks mesh enable-ingress-gateway --ingress-gateway-type ${addOn.mode}\`.`,
          data: { gateway: addOn.name, notEnabled: true },
        });
      }
      return;
    }
    const labelSelector = equalitySelector(selector, span);
    for (const workload of ctx.index.workloads()) if (selectorMatches(labelSelector, workload.podLabels)) return;
    const istioValue = selector['istio'];
    const suggestion = istioValue !== undefined ? closestName(istioValue, ISTIO_ADDON_GATEWAYS.map((g) => g.name)) : undefined;
    const addOnOn = (ctx.profile.istioRevisions?.length ?? 0) > 0;
    if (!addOnOn && !suggestion) return;
    const shown = Object.entries(selector).map(([k, v]) => `${k}: ${v}`).join(', ');
    const addOnLabels = ISTIO_ADDON_GATEWAYS.filter((g) => !enabled || enabled.includes(g.mode)).map((g) => `\`istio: ${g.name}\``).join(' or ');
    ctx.report({
      span,
      message:
        `Istio Gateway \`${gateway.name}\` selects pods with \`${shown}\`, but no workload in the workspace has these labels` +
        (istioValue === UPSTREAM_DEFAULT_LABEL ? ' (upstream Istio\'s default ingress gateway label, which the AKS add-on does not use)' : '') +
        `; the AKS Istio add-on's ingress gateways in \`${ISTIO_ADDON_NAMESPACE}\` carry ${addOnLabels || 'none (none enabled)'}` +
        (suggestion ? ` (did you mean \`istio: ${suggestion}\`?)` : '') +
        ': the Gateway configures no proxy and its VirtualServices get no traffic.',
      data: suggestion ? { suggestion } : {},
    });
  },
});
