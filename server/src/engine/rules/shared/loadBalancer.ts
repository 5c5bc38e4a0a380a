/**
 * Whether a Service is reachable from outside the cluster network on AKS, and what narrows who may connect.
 * cloud-provider-azure makes a LoadBalancer public unless `azure-load-balancer-internal` is "true" (any case);
 * source ranges only filter clients in the network security group, the address stays public.
 */
import { isInternalLoadBalancer } from '../../exposure/exposure';
import type { Service } from '../../model/resources';

export const ALLOWED_IP_RANGES_ANNOTATION = 'service.beta.kubernetes.io/azure-allowed-ip-ranges';
export const ALLOWED_SERVICE_TAGS_ANNOTATION = 'service.beta.kubernetes.io/azure-allowed-service-tags';
/** The Kubernetes-wide annotation form of spec.loadBalancerSourceRanges. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * A LoadBalancer Service that gets a public frontend IP from cloud-provider-azure. A `loadBalancerClass` hands the
 * Service to another implementation, whose exposure we cannot know: not counted.
 */
export function isPublicLoadBalancer(service: Service): boolean {
  return service.type === 'LoadBalancer' && !service.loadBalancerClass && !isInternalLoadBalancer(service);
}

/** What narrows the clients of a public load balancer, described for messages (empty = the whole Internet). */
export function sourceRestrictions(service: Service): string[] {
  const out: string[] = [];
  if (service.loadBalancerSourceRanges.length) out.push(`loadBalancerSourceRanges ${service.loadBalancerSourceRanges.join(', ')}`);
  for (const key of [SOURCE_RANGES_ANNOTATION, ALLOWED_IP_RANGES_ANNOTATION, ALLOWED_SERVICE_TAGS_ANNOTATION]) {
    const value = service.annotations[key];
    if (value !== undefined && value.trim() !== '') out.push(`${key.slice(key.indexOf('/') + 1)} ${value.trim()}`);
  }
  return out;
}
