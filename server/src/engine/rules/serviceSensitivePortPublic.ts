import { workloadsOfService } from '../model/serviceBackends';
import { defineRule } from './rule';
import { isPublicLoadBalancer, sourceRestrictions } from './shared/loadBalancer';
import { byLocation } from './shared/order';
import { sensitiveTarget } from './shared/sensitiveExposure';
import { reachModelOf } from '../reach/model';
import { serviceEntryVerdict, verdictsByEngine } from '../reach/ways';

/**
 * service-sensitive-port-public: a public load balancer (on AKS: any LoadBalancer Service without
 * `azure-load-balancer-internal: "true"`) or a NodePort exposes a database, cache, broker, remote shell or
 * control-plane port. Checked on the exposed port and on the container port behind it (Redis behind port 80 is
 * still Redis). Source ranges narrow the clients but the address stays public, so they do not silence it. The
 * message says what the reachability model (reach/) says of the pods' NetworkPolicies: that they admit it, drop it
 * (then they are all that stands between the port and the Internet), or that it cannot tell.
 */
export const serviceSensitivePortPublic = defineRule({
  id: 'service-sensitive-port-public',
  defaultSeverity: 'warning',
  title: 'A public LoadBalancer or NodePort exposes a database, admin or control-plane port',
  appliesTo: ['Service'],
  check(service, ctx): void {
    const publicLb = isPublicLoadBalancer(service);
    if (!publicLb && service.type !== 'NodePort') return;
    const workloads = byLocation(workloadsOfService(ctx.index, service));
    const restrictions = sourceRestrictions(service);
    const model = reachModelOf(ctx.index, ctx.profile);
    for (const port of service.ports) {
      const hit = sensitiveTarget(port, workloads);
      if (!hit) continue;
      const reach = serviceEntryVerdict(model, service, publicLb ? 'load-balancer' : 'node-port', port);
      const policyWords = reach.policies.map((p) => `\`${p}\``).join(', ');
      const policyText =
        reach.verdict === 'denied'
          ? ` For now the pods' NetworkPolicies (${policyWords}) drop these connections: they are all that stands between ${hit.facts.service} and ${publicLb ? 'the Internet' : 'the node network'}.`
          : reach.verdict === 'unknown'
            ? ` Whether the pods' NetworkPolicies${policyWords ? ` (${policyWords})` : ''} drop these connections depends on what the cluster profile does not state: ${
                verdictsByEngine(model, (m) => serviceEntryVerdict(m, service, publicLb ? 'load-balancer' : 'node-port', port).verdict) ?? reach.notes[0] ?? 'see netlens explain'
              }.`
            : '';
      const what = hit.via === 'port' ? `port ${port.port} (${hit.facts.service})` : `port ${port.port}, which forwards to container port ${hit.facts.port} (${hit.facts.service})`;
      if (publicLb) {
        ctx.report({
          span: port.span,
          message:
            `Public LoadBalancer Service \`${service.name}\` exposes ${what} to the Internet: ${hit.facts.risk}. ` +
            (restrictions.length
              ? `${restrictions.join('; ')} narrows who may connect, but the address stays public. `
              : '') +
            'Keep it private: `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`, type ClusterIP, or a private endpoint.' +
            policyText,
          data: { port: port.port, service: hit.facts.service, verdict: reach.verdict ?? null },
        });
      } else {
        // NodePort: reachable on every node's IP; AKS nodes have no public IP unless node public IPs are enabled.
        ctx.report({
          severity: 'info',
          span: port.span,
          message:
            `NodePort Service \`${service.name}\` exposes ${what} on port ${port.nodePort ?? '(allocated)'} of every node: ` +
            `anything that reaches a node (the VNet, or the Internet if nodes have public IPs) reaches ${hit.facts.service}. Prefer ClusterIP.` +
            policyText,
          data: { port: port.port, service: hit.facts.service, verdict: reach.verdict ?? null },
        });
      }
    }
  },
});
