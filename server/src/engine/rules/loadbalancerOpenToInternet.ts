import type { AnyResource, Service } from '../model/resources';
import { workloadsOfService } from '../model/serviceBackends';
import type { Rule, RuleContext } from './rule';
import { isPublicLoadBalancer, sourceRestrictions } from './shared/loadBalancer';
import { byLocation } from './shared/order';
import { exposesSensitivePort } from './shared/sensitiveExposure';

/**
 * loadbalancer-open-to-internet: a public LoadBalancer Service that admits every client address: no
 * loadBalancerSourceRanges and no AKS `azure-allowed-ip-ranges` / `azure-allowed-service-tags`. Often intended (a
 * public website); worth a conscious decision, hence info. Left to service-sensitive-port-public (a warning that
 * already says the Service is public) when a port is a database, shell or control-plane port.
 */
export const loadbalancerOpenToInternet: Rule = {
  id: 'loadbalancer-open-to-internet',
  defaultSeverity: 'info',
  title: 'A public LoadBalancer Service admits every client address',
  appliesTo: ['Service'],
  check(resource: AnyResource, ctx: RuleContext): void {
    const service = resource as Service;
    if (!isPublicLoadBalancer(service) || sourceRestrictions(service).length > 0) return;
    if (exposesSensitivePort(service, byLocation(workloadsOfService(ctx.index, service)))) return;
    const ports = service.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'no ports';
    ctx.report({
      span: service.typeSpan ?? service.nameSpan,
      message:
        `Service \`${service.name}\` gets a public IP open to every address on the Internet (${ports}). ` +
        'If that is not intended, restrict clients with spec.loadBalancerSourceRanges or `service.beta.kubernetes.io/azure-allowed-ip-ranges`, ' +
        'or make it internal with `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`.',
      data: { service: service.name },
    });
  },
};
