import { KNOWN_GATEWAY_CLASSES, knownGatewayClass } from '../kb/gatewayClasses';
import { closestName } from '../util/closestName';
import { defineRule } from './rule';
import { isGatewayApi } from './shared/gatewayApi';
import { sortedNames } from './shared/order';

/**
 * gateway-class-unknown: a Gateway's gatewayClassName is neither a GatewayClass in the workspace nor a class AKS
 * clusters commonly provide (`approuting-istio`, `istio`, `azure-alb-external`, ...). No controller programs the
 * Gateway. A warning when a close name exists (a likely typo); an info otherwise, since the cluster may have it.
 */
export const gatewayClassUnknown = defineRule({
  id: 'gateway-class-unknown',
  defaultSeverity: 'warning',
  title: 'A Gateway names a GatewayClass that is neither declared nor known',
  appliesTo: ['Gateway'],
  check(gateway, ctx): void {
    if (!isGatewayApi(gateway)) return;
    const className = gateway.gatewayClassName;
    const declared = sortedNames(ctx.index.ofKind('GatewayClass').filter(isGatewayApi));
    if (!className) {
      ctx.report({
        span: gateway.nameSpan,
        message: `Gateway \`${gateway.name}\` has no spec.gatewayClassName, which is required: the API server rejects it.`,
        data: {},
      });
      return;
    }
    if (declared.includes(className) || knownGatewayClass(className)) return;
    const suggestion = closestName(className, [...new Set([...declared, ...KNOWN_GATEWAY_CLASSES.map((c) => c.name)])]);
    ctx.report({
      span: gateway.gatewayClassNameSpan ?? gateway.nameSpan,
      ...(suggestion ? {} : { severity: 'info' as const }),
      message:
        `GatewayClass \`${className}\` of Gateway \`${gateway.name}\` is not declared in the workspace nor one Netlens knows` +
        (suggestion
          ? ` (did you mean \`${suggestion}\`?): no controller programs this Gateway.`
          : `: make sure the cluster has it (AKS provides \`approuting-istio\` with the application routing add-on, \`istio\` with the Istio add-on, \`azure-alb-external\` with Application Gateway for Containers).`),
      data: { gatewayClass: className, ...(suggestion ? { suggestion } : {}) },
    });
  },
});
