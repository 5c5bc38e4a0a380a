import { unservedIngressClass } from '../kb/ingressClasses';
import { defineRule } from './rule';
import { INGRESS_CLASS_ANNOTATION } from './shared/ingressClass';

/**
 * ingress-class-annotation-deprecated: the `kubernetes.io/ingress.class` annotation has been deprecated since
 * Kubernetes 1.18 in favour of spec.ingressClassName. Setting both is rejected when the Ingress is created. Not
 * reported for classes whose own controller reads only the annotation (GKE's `gce`, `gce-internal`): moving them to
 * ingressClassName would make that controller ignore the Ingress.
 */
export const ingressClassAnnotationDeprecated = defineRule({
  id: 'ingress-class-annotation-deprecated',
  defaultSeverity: 'info',
  title: 'An Ingress uses the deprecated kubernetes.io/ingress.class annotation',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    const value = ingress.annotations[INGRESS_CLASS_ANNOTATION];
    if (value === undefined) return;
    const span = ingress.annotationSpans[INGRESS_CLASS_ANNOTATION] ?? ingress.nameSpan;
    const both = ingress.ingressClassName !== undefined;
    if (!both && unservedIngressClass(value.trim())?.annotationOnly) return;
    ctx.report({
      span,
      message: both
        ? `Ingress \`${ingress.name}\` sets both \`${INGRESS_CLASS_ANNOTATION}: ${value}\` and spec.ingressClassName \`${ingress.ingressClassName}\`: the API server rejects creating it ("can not be set when the class field is also set"). Remove the annotation.`
        : `\`${INGRESS_CLASS_ANNOTATION}\` is deprecated: use \`spec.ingressClassName: ${value === 'azure/application-gateway' ? 'azure-application-gateway' : value}\` instead.`,
      data: { ingressClass: value, both },
    });
  },
});
