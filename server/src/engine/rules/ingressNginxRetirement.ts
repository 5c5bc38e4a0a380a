import type { AnyResource, Ingress } from '../model/resources';
import type { Rule, RuleContext } from './rule';
import { ingressClassOf, nginxFamilyOf } from './shared/ingressClass';

/**
 * ingress-nginx-retirement: the Ingress is served by ingress-nginx, whose upstream maintenance ended in March 2026
 * (no more releases or security fixes), or by the AKS application routing add-on's managed NGINX, which Azure
 * supports with critical security patches through November 2026. Both point to Gateway API; on AKS the add-on's
 * Gateway API mode (GatewayClass `approuting-istio`).
 */
export const ingressNginxRetirement: Rule = {
  id: 'ingress-nginx-retirement',
  defaultSeverity: 'info',
  title: 'An Ingress is served by a retired or retiring NGINX ingress controller',
  appliesTo: ['Ingress'],
  check(resource: AnyResource, ctx: RuleContext): void {
    const ingress = resource as Ingress;
    const resolved = ingressClassOf(ctx.index, ingress);
    const family = nginxFamilyOf(resolved);
    if (!family) return;
    const message =
      family === 'aks-app-routing-nginx'
        ? `Ingress \`${ingress.name}\` is served by the AKS application routing add-on's managed NGINX (class \`${resolved.name}\`), which Azure supports with critical security patches only through November 2026 (upstream ingress-nginx was retired in March 2026). ` +
          'Plan the move to Gateway API: the add-on\'s Gateway API mode (GatewayClass `approuting-istio`), or Application Gateway for Containers (`azure-alb-external`).'
        : `Ingress \`${ingress.name}\` is served by ingress-nginx (class \`${resolved.name}\`), which was retired in March 2026: no more releases, bug fixes or security patches. ` +
          'Move to Gateway API (on AKS: the application routing add-on\'s GatewayClass `approuting-istio`, or Application Gateway for Containers), or to a maintained Ingress controller.';
    ctx.report({ span: resolved.span, message, data: { ingressClass: resolved.name, family } });
  },
};
