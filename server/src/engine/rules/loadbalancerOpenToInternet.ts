import { workloadsOfService } from '../model/serviceBackends';
import { defineRule } from './rule';
import { isPublicLoadBalancer, sourceRestrictions } from './shared/loadBalancer';
import { byLocation } from './shared/order';
import { exposesSensitivePort } from './shared/sensitiveExposure';
import { reachModelOf } from '../reach/model';
import { serviceEntryVerdict, verdictsByEngine } from '../reach/ways';

/**
 * loadbalancer-open-to-internet: a public LoadBalancer Service that admits every client address: no
 * loadBalancerSourceRanges and no AKS `azure-allowed-ip-ranges` / `azure-allowed-service-tags`. Often intended (a
 * public website); worth a conscious decision, hence info. Left to service-sensitive-port-public (a warning that
 * already says the Service is public) when a port is a database, shell or control-plane port. Silent when the
 * reachability model (reach/) says the pods' NetworkPolicies drop what the load balancer sends on every port; when
 * it cannot tell, the message says so.
 */
export const loadbalancerOpenToInternet = defineRule({
  id: 'loadbalancer-open-to-internet',
  defaultSeverity: 'info',
  title: 'A public LoadBalancer Service admits every client address',
  appliesTo: ['Service'],
  check(service, ctx): void {
    if (!isPublicLoadBalancer(service) || sourceRestrictions(service).length > 0) return;
    if (exposesSensitivePort(service, byLocation(workloadsOfService(ctx.index, service)))) return;
    const model = reachModelOf(ctx.index, ctx.profile);
    const verdicts = service.ports.map((p) => serviceEntryVerdict(model, service, 'load-balancer', p));
    if (verdicts.length > 0 && verdicts.every((v) => v.verdict === 'denied')) return;
    const unsettled = verdicts.some((v) => v.verdict === 'unknown') && !verdicts.some((v) => v.verdict === 'allowed');
    const ports = service.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'no ports';
    ctx.report({
      span: service.typeSpan ?? service.nameSpan,
      message:
        `Service \`${service.name}\` gets a public IP open to every address on the Internet (${ports}). ` +
        'If that is not intended, restrict clients with spec.loadBalancerSourceRanges or `service.beta.kubernetes.io/azure-allowed-ip-ranges`, ' +
        'or make it internal with `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`.' +
        (unsettled
          ? ` Whether the pods' NetworkPolicies admit what it sends depends on what the cluster profile does not state (${
              verdictsByEngine(model, (m) => {
                const each = service.ports.map((p) => serviceEntryVerdict(m, service, 'load-balancer', p).verdict);
                return each.includes('allowed') ? 'allowed' : each.every((v) => v === 'denied') ? 'denied' : 'unknown';
              }) ?? verdicts.flatMap((v) => v.notes)[0] ?? 'see netlens explain'
            }).`
          : ''),
      data: { service: service.name, verdict: unsettled ? 'unknown' : 'allowed' },
    });
  },
});
