import { APP_ROUTING_NGINX_SUPPORT_SOURCE } from '../kb/ingressClasses';
import { defineRule } from './rule';
import { ingressClassOf, nginxFamilyOf } from './shared/ingressClass';

const INGRESS_NGINX_RETIREMENT = 'https://www.kubernetes.dev/blog/2025/11/12/ingress-nginx-retirement/';

/**
 * ingress-nginx-retirement: the Ingress is served by ingress-nginx, whose upstream maintenance ended in March 2026
 * (no more releases or security fixes), or by the AKS application routing add-on's managed NGINX, whose Azure
 * support ended after November 2026 (critical security patches only until then). Both point to Gateway API; on AKS
 * the add-on's Gateway API mode (GatewayClass `approuting-istio`, generally available). A warning: both are out of
 * support as of December 2026.
 */
export const ingressNginxRetirement = defineRule({
  id: 'ingress-nginx-retirement',
  defaultSeverity: 'warning',
  title: 'An Ingress is served by a retired NGINX ingress controller that no longer gets security fixes',
  sources: [INGRESS_NGINX_RETIREMENT, APP_ROUTING_NGINX_SUPPORT_SOURCE],
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    const resolved = ingressClassOf(ctx.index, ingress);
    const family = nginxFamilyOf(resolved);
    if (!family) return;
    const message =
      family === 'aks-app-routing-nginx'
        ? `Ingress \`${ingress.name}\` is served by the AKS application routing add-on's managed NGINX (class \`${resolved.name}\`), whose Azure support ended after November 2026: no more security patches (upstream ingress-nginx was retired in March 2026). ` +
          'Move to Gateway API: the add-on\'s Gateway API mode (GatewayClass `approuting-istio`, generally available), or Application Gateway for Containers (`azure-alb-external`).'
        : `Ingress \`${ingress.name}\` is served by ingress-nginx (class \`${resolved.name}\`), which was retired in March 2026: no more releases, bug fixes or security patches. ` +
          'Move to Gateway API (on AKS: the application routing add-on\'s GatewayClass `approuting-istio`, or Application Gateway for Containers), or to a maintained Ingress controller.';
    ctx.report({ span: resolved.span, message, data: { ingressClass: resolved.name, family } });
  },
});
