import { parseAddress } from '../address/ipAddress';
import { originSuffix } from '../profile/mergeProfiles';
import { nodeRanges, podRanges, serviceRanges } from '../profile/ranges';
import type { Span } from '../syntax/tree';
import { defineRule } from './rule';
import { isInternalLoadBalancer } from '../exposure/exposure';

const IPV4_ANNOTATION = 'service.beta.kubernetes.io/azure-load-balancer-ipv4';
const IPV6_ANNOTATION = 'service.beta.kubernetes.io/azure-load-balancer-ipv6';

/**
 * internal-lb-ip-outside-subnet: an internal Azure load balancer takes its frontend IP from a subnet of the cluster
 * VNet. A requested IP (`azure-load-balancer-ipv4`/`-ipv6`, or the deprecated `spec.loadBalancerIP`) outside every
 * VNet range of the profile cannot be allocated: the Service stays `<pending>`. Silent when the profile states no
 * `cluster.vnetCidrs`.
 */
export const internalLbIpOutsideSubnet = defineRule({
  id: 'internal-lb-ip-outside-subnet',
  defaultSeverity: 'error',
  title: "An internal LoadBalancer requests an IP outside the cluster's VNet ranges",
  doc: { needs: '`cluster.vnetCidrs` in the cluster profile' },
  appliesTo: ['Service'],
  check(service, ctx): void {
    if (service.type !== 'LoadBalancer' || service.loadBalancerClass || !isInternalLoadBalancer(service)) return;
    const vnets = nodeRanges(ctx.profile);
    if (vnets.length === 0) return;
    const requests: { ip: string; where: string; span: Span }[] = [];
    for (const key of [IPV4_ANNOTATION, IPV6_ANNOTATION]) {
      const value = service.annotations[key];
      if (value === undefined) continue;
      const span = service.annotationValueSpans?.[key] ?? service.annotationSpans[key] ?? service.nameSpan;
      // Dual-stack Services may list several addresses; each must be allocatable.
      for (const ip of value.split(',').map((v) => v.trim()).filter(Boolean)) requests.push({ ip, where: `annotation ${key.slice(key.indexOf('/') + 1)}`, span });
    }
    if (requests.length === 0 && service.loadBalancerIP) requests.push({ ip: service.loadBalancerIP.trim(), where: 'spec.loadBalancerIP', span: service.typeSpan ?? service.nameSpan });
    for (const request of requests) {
      const address = parseAddress(request.ip);
      if (!address) continue; // azure-annotation-invalid reports malformed addresses
      const sameFamily = vnets.filter((v) => v.range.family === address.family);
      if (sameFamily.length === 0) continue;
      if (sameFamily.some((v) => v.range.first <= address.value && address.value <= v.range.last)) continue;
      const inside = [...serviceRanges(ctx.profile), ...podRanges(ctx.profile)].find((r) => r.range.family === address.family && r.range.first <= address.value && address.value <= r.range.last);
      ctx.report({
        span: request.span,
        message:
          `internal LoadBalancer \`${service.name}\` requests ${request.ip} (${request.where}), which is outside the cluster's VNet ranges ` +
          `${sameFamily.map((v) => v.cidr).join(', ')}${originSuffix(ctx.profile, 'vnetCidrs')}` +
          (inside ? `; it is in the ${inside.role} ${inside.cidr}, which is not a VNet subnet` : '') +
          `: Azure cannot allocate it and the Service stays pending`,
        data: { ip: request.ip, vnetCidrs: sameFamily.map((v) => v.cidr) },
      });
    }
  },
});
