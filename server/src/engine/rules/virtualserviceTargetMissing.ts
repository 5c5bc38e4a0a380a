import { destinationServiceOf, istioGatewayRef } from '../model/istioRefs';
import { findServicePort } from '../model/serviceBackends';
import type { Gateway } from '../model/resources';
import { defineRule } from './rule';
import { workspaceCoversNamespace } from './shared/gatewayApi';
import { sortedNames } from './shared/order';

const VIRTUAL_SERVICE_REFERENCE = 'https://istio.io/latest/docs/reference/config/networking/virtual-service/';
const PORT_SELECTOR_REQUIRED = 'https://istio.io/latest/docs/reference/config/analysis/ist0112/';

/**
 * virtualservice-target-missing: an Istio VirtualService whose `spec.gateways` names an Istio Gateway that is not in
 * the workspace, or whose route destination names a Kubernetes Service that is not there, or a port that Service
 * does not have (or no port where the Service has several, which Istio's analyzer reports as ambiguous, IST0112).
 * A short host (`reviews`) is read in the VirtualService's namespace, as Istio does. Only said when the workspace
 * declares Services in the namespace in question; other dotted hosts than `<service>.<namespace>.svc.cluster.local`
 * are left alone (ServiceEntries and external names).
 */
export const virtualserviceTargetMissing = defineRule({
  id: 'virtualservice-target-missing',
  defaultSeverity: 'warning',
  title: 'An Istio VirtualService names a missing Gateway, Service or Service port',
  sources: [VIRTUAL_SERVICE_REFERENCE, PORT_SELECTOR_REQUIRED],
  doc: { appliesTo: 'VirtualService (`networking.istio.io`)' },
  appliesTo: ['VirtualService'],
  check(vs, ctx): void {
    for (const ref of vs.gateways) {
      const target = istioGatewayRef(ref.value, vs.namespace);
      if (!target) continue;
      const { namespace, name } = target;
      if (!name || !workspaceCoversNamespace(ctx.index, namespace)) continue;
      const gateways = ctx.index.lookup('Gateway', namespace, name).filter((g) => (g as Gateway).istio);
      if (gateways.length > 0) continue;
      const others = ctx.index.ofKindIn('Gateway', namespace).filter((g) => g.istio);
      const apiGateway = ctx.index.lookup('Gateway', namespace, name).length > 0;
      ctx.report({
        span: ref.span,
        message:
          `VirtualService \`${vs.name}\` binds to Istio Gateway \`${namespace}/${name}\`, which is not in the workspace` +
          (apiGateway ? ' (there is a Gateway API Gateway of that name: it takes HTTPRoutes, not VirtualServices)' : others.length ? ` (Istio Gateways in \`${namespace}\`: ${sortedNames(others).slice(0, 5).join(', ')})` : '') +
          ': its routes are not applied on any gateway. A name without `namespace/` means the VirtualService\'s own namespace.',
        data: { gateway: `${namespace}/${name}` },
      });
    }
    for (const destination of vs.destinations) {
      const target = destinationServiceOf(destination.host, vs.namespace);
      if (!target || !workspaceCoversNamespace(ctx.index, target.namespace)) continue;
      const services = ctx.index.lookup('Service', target.namespace, target.name);
      if (services.length === 0) {
        const declared = ctx.index.ofKindIn('Service', target.namespace);
        if (declared.length === 0) continue;
        ctx.report({
          span: destination.hostSpan,
          message:
            `VirtualService \`${vs.name}\` routes to \`${destination.host}\`, read as Service \`${target.namespace}/${target.name}\`, which is not in the workspace` +
            (target.short && target.namespace === vs.namespace ? ' (a short host is read in the VirtualService\'s namespace, not the Service\'s: write `<service>.<namespace>.svc.cluster.local` for another namespace)' : '') +
            ': requests on this route fail (503).',
          data: { service: `${target.namespace}/${target.name}` },
        });
        continue;
      }
      const service = services[0]!;
      if (destination.port !== undefined) {
        if (!findServicePort(service, destination.port)) {
          ctx.report({
            span: destination.portSpan ?? destination.span,
            message: `VirtualService \`${vs.name}\` routes to port ${destination.port} of Service \`${service.name}\`, which has ports ${service.ports.map((p) => p.port).join(', ') || 'none'}: requests on this route fail.`,
            data: { service: service.name, port: destination.port },
          });
        }
      } else if (service.ports.length > 1) {
        ctx.report({
          span: destination.hostSpan,
          severity: 'info',
          message: `Service \`${service.name}\` has several ports (${service.ports.map((p) => p.port).join(', ')}) and this destination names none: Istio finds the route ambiguous (IST0112). Add \`port: {number: ...}\`.`,
          data: { service: service.name, ambiguousPort: true },
        });
      }
    }
  },
});
