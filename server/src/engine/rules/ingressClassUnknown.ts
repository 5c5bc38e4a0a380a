import { KNOWN_INGRESS_CLASSES, UNSERVED_INGRESS_CLASSES, knownIngressClass, unservedIngressClass } from '../kb/ingressClasses';
import { closestName } from '../util/closestName';
import { defineRule } from './rule';
import { ingressClassOf } from './shared/ingressClass';
import { sortedNames } from './shared/order';

/**
 * ingress-class-unknown: the Ingress's class is neither an IngressClass in the workspace (nor one an
 * NginxIngressController of the application routing add-on declares) nor a class clusters commonly provide
 * (kb/ingressClasses.ts). With a close known name it is likely a typo (warning); otherwise the cluster may well have
 * it, so it is only an info. A class that nothing on AKS serves (the retired HTTP application routing add-on, GKE's
 * `gce` classes) is a warning that says why.
 */
export const ingressClassUnknown = defineRule({
  id: 'ingress-class-unknown',
  defaultSeverity: 'warning',
  title: 'An Ingress names an ingress class that is neither declared nor known',
  sources: [...new Set(UNSERVED_INGRESS_CLASSES.map((c) => c.source))],
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    const resolved = ingressClassOf(ctx.index, ingress);
    const unserved = resolved.name !== undefined && resolved.source !== 'default' && resolved.definitions.length === 0 ? unservedIngressClass(resolved.name) : undefined;
    if (unserved) {
      const why =
        unserved.reason === 'retired'
          ? `it belongs to ${unserved.product}, which is retired: nothing serves it`
          : `it belongs to ${unserved.product}, which does not run on AKS` +
            (resolved.source === 'spec' && unserved.annotationOnly ? ' (and which itself only reads the `kubernetes.io/ingress.class` annotation, ignoring ingressClassName)' : '');
      ctx.report({
        span: resolved.span,
        message: `ingress class \`${resolved.name}\` of Ingress \`${ingress.name}\`: ${why}, so the Ingress gets no address. Use ${unserved.replacement}.`,
        data: { ingressClass: resolved.name, unserved: unserved.reason },
      });
      return;
    }
    const annotationOnly = resolved.source === 'spec' && resolved.definitions.length === 0 ? knownIngressClass(resolved.name ?? '') : undefined;
    if (annotationOnly?.annotationOnly) {
      const className = KNOWN_INGRESS_CLASSES.find((c) => c.controller === annotationOnly.controller && !c.annotationOnly)?.name;
      ctx.report({
        span: resolved.span,
        message: `\`${resolved.name}\` is the value of the old \`kubernetes.io/ingress.class\` annotation, not an IngressClass name (names cannot contain \`/\`)` + (className ? `: use ingressClassName \`${className}\`.` : '.'),
        data: { ingressClass: resolved.name, ...(className ? { suggestion: className } : {}) },
      });
      return;
    }
    if (!resolved.name || resolved.source === 'default' || resolved.definitions.length > 0 || resolved.known) return;
    const declared = sortedNames(ctx.index.ofKind('IngressClass'));
    const known = KNOWN_INGRESS_CLASSES.filter((c) => resolved.source === 'annotation' || !c.annotationOnly).map((c) => c.name);
    const suggestion = closestName(resolved.name, [...new Set([...declared, ...known])]);
    const where = resolved.source === 'spec' ? 'ingressClassName' : '`kubernetes.io/ingress.class`';
    ctx.report({
      span: resolved.span,
      ...(suggestion ? {} : { severity: 'info' as const }),
      message:
        `${where} \`${resolved.name}\` of Ingress \`${ingress.name}\` is not an IngressClass in the workspace nor a class Netlens knows` +
        (suggestion
          ? ` (did you mean \`${suggestion}\`?): no controller may serve this Ingress.`
          : `: make sure the cluster has it${declared.length ? ` (declared: ${declared.join(', ')})` : ''}.`),
      data: { ingressClass: resolved.name, ...(suggestion ? { suggestion } : {}) },
    });
  },
});
