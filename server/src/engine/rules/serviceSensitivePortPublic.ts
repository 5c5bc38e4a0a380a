import type { AnyResource, Service } from '../model/resources';
import { workloadsOfService } from '../model/serviceBackends';
import type { Rule, RuleContext } from './rule';
import { isPublicLoadBalancer, sourceRestrictions } from './shared/loadBalancer';
import { byLocation } from './shared/order';
import { sensitiveTarget } from './shared/sensitiveExposure';

/**
 * service-sensitive-port-public: a public load balancer (on AKS: any LoadBalancer Service without
 * `azure-load-balancer-internal: "true"`) or a NodePort exposes a database, cache, broker, remote shell or
 * control-plane port. Checked on the exposed port and on the container port behind it (Redis behind port 80 is
 * still Redis). Source ranges narrow the clients but the address stays public, so they do not silence it.
 */
export const serviceSensitivePortPublic: Rule = {
  id: 'service-sensitive-port-public',
  defaultSeverity: 'warning',
  title: 'A public LoadBalancer or NodePort exposes a database, admin or control-plane port',
  appliesTo: ['Service'],
  check(resource: AnyResource, ctx: RuleContext): void {
    const service = resource as Service;
    const publicLb = isPublicLoadBalancer(service);
    if (!publicLb && service.type !== 'NodePort') return;
    const workloads = byLocation(workloadsOfService(ctx.index, service));
    const restrictions = sourceRestrictions(service);
    for (const port of service.ports) {
      const hit = sensitiveTarget(port, workloads);
      if (!hit) continue;
      const what = hit.via === 'port' ? `port ${port.port} (${hit.facts.service})` : `port ${port.port}, which forwards to container port ${hit.facts.port} (${hit.facts.service})`;
      if (publicLb) {
        ctx.report({
          span: port.span,
          message:
            `Public LoadBalancer Service \`${service.name}\` exposes ${what} to the Internet: ${hit.facts.risk}. ` +
            (restrictions.length
              ? `${restrictions.join('; ')} narrows who may connect, but the address stays public. `
              : '') +
            'Keep it private: `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`, type ClusterIP, or a private endpoint.',
          data: { port: port.port, service: hit.facts.service },
        });
      } else {
        // NodePort: reachable on every node's IP; AKS nodes have no public IP unless node public IPs are enabled.
        ctx.report({
          severity: 'info',
          span: port.span,
          message:
            `NodePort Service \`${service.name}\` exposes ${what} on port ${port.nodePort ?? '(allocated)'} of every node: ` +
            `anything that reaches a node (the VNet, or the Internet if nodes have public IPs) reaches ${hit.facts.service}. Prefer ClusterIP.`,
          data: { port: port.port, service: hit.facts.service },
        });
      }
    }
  },
};
