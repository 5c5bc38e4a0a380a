/** Service: type, selector, ports (with targetPort defaulting), traffic policies and load balancer settings. */
import { asMap, asScalar, child, intOrStringOf, integerOf, itemsOf, stringListOf, stringMapOf, stringOf } from '../../syntax/access';
import type { YNode } from '../../syntax/tree';
import type { ResourceBase, Service, ServicePort, ServiceType } from '../resources';
import { protocolOf, spanOf } from './common';

const SERVICE_TYPES: ReadonlySet<string> = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

export function serviceOf(root: YNode, base: ResourceBase): Service {
  const spec = child(root, 'spec');
  const typeNode = child(spec, 'type');
  const typeText = stringOf(typeNode);
  const selectorNode = child(spec, 'selector');
  const selectorMap = asMap(selectorNode);
  const service: Service = {
    ...base,
    kind: 'Service',
    type: typeText && SERVICE_TYPES.has(typeText) ? (typeText as ServiceType) : 'ClusterIP',
    // An absent or empty selector means "no selector": the API treats both as manual Endpoints.
    selector: selectorMap && selectorMap.pairs.length > 0 ? stringMapOf(selectorMap) : null,
    ports: itemsOf(child(spec, 'ports')).flatMap((p) => {
      const port = servicePortOf(p);
      return port ? [port] : [];
    }),
    loadBalancerSourceRanges: stringListOf(child(spec, 'loadBalancerSourceRanges')),
  };
  if (typeNode) service.typeSpan = spanOf(typeNode, base.span);
  if (selectorNode && service.selector) service.selectorSpan = spanOf(selectorNode, base.span);
  const optionalStrings = {
    clusterIP: stringOf(child(spec, 'clusterIP')),
    externalName: stringOf(child(spec, 'externalName')),
    externalTrafficPolicy: stringOf(child(spec, 'externalTrafficPolicy')),
    internalTrafficPolicy: stringOf(child(spec, 'internalTrafficPolicy')),
    loadBalancerIP: stringOf(child(spec, 'loadBalancerIP')),
    loadBalancerClass: stringOf(child(spec, 'loadBalancerClass')),
  };
  for (const [key, value] of Object.entries(optionalStrings)) if (value !== undefined) (service as unknown as Record<string, unknown>)[key] = value;
  const etpNode = child(spec, 'externalTrafficPolicy');
  if (etpNode) service.externalTrafficPolicySpan = spanOf(etpNode, base.span);
  const healthCheckNodePort = integerOf(child(spec, 'healthCheckNodePort'));
  if (healthCheckNodePort !== undefined) service.healthCheckNodePort = healthCheckNodePort;
  return service;
}

function servicePortOf(node: YNode): ServicePort | undefined {
  const port = integerOf(child(node, 'port'));
  const protocol = protocolOf(child(node, 'protocol'));
  if (port === undefined || !protocol) return undefined;
  const targetPortNode = child(node, 'targetPort');
  const targetPort = intOrStringOf(targetPortNode);
  const explicit = targetPort !== undefined && !(asScalar(targetPortNode)?.value === null);
  const result: ServicePort = {
    port,
    protocol,
    // A string that is all digits is still a name to the API (IntOrString keeps its type), but YAML authors who
    // quote a number mean the number; the API server rejects names that are not IANA_SVC_NAMEs, so digits-only
    // strings can never name a port. We read them as numbers.
    targetPort: explicit ? (typeof targetPort === 'string' && /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort!) : port,
    targetPortExplicit: explicit,
    span: spanOf(node, { start: 0, end: 0 }),
  };
  if (targetPortNode) result.targetPortSpan = spanOf(targetPortNode, result.span);
  const name = stringOf(child(node, 'name'));
  if (name) result.name = name;
  const nodePort = integerOf(child(node, 'nodePort'));
  if (nodePort !== undefined) result.nodePort = nodePort;
  const appProtocol = stringOf(child(node, 'appProtocol'));
  if (appProtocol) result.appProtocol = appProtocol;
  return result;
}
