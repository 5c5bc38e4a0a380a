import { defineRule } from './rule';
import { ingressClassOf } from './shared/ingressClass';

/**
 * ingress-class-missing: an Ingress names no class (no spec.ingressClassName, no `kubernetes.io/ingress.class`)
 * and the workspace declares no default IngressClass. Controllers only serve Ingresses of their class (unless the
 * cluster marks one class as default), so this Ingress is likely ignored.
 */
export const ingressClassMissing = defineRule({
  id: 'ingress-class-missing',
  defaultSeverity: 'warning',
  title: 'An Ingress names no ingress class and no default IngressClass is declared',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    if (ingressClassOf(ctx.index, ingress).source !== 'none') return;
    ctx.report({
      span: ingress.nameSpan,
      message:
        `Ingress \`${ingress.name}\` names no ingress class and the workspace declares no default IngressClass: no controller serves it unless the cluster has a default class. ` +
        'Set spec.ingressClassName (on AKS: `webapprouting.kubernetes.azure.com` for the application routing add-on, `azure-alb-external` for Application Gateway for Containers).',
      data: { ingress: ingress.name },
    });
  },
});
