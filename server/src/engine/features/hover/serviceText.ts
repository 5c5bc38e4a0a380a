/** Shared prose about Services and their ports, used by the Service hover and by backend lines elsewhere. */
import { podCountOf, targetsOfServicePort, type ServicePortTargets } from '../../exposure/backends';
import { isInternalLoadBalancer } from '../../exposure/exposure';
import { describeSelector, equalitySelector } from '../../model/labelSelector';
import type { Service, ServicePort } from '../../model/resources';
import { describeContainerPorts } from '../../model/serviceBackends';
import { code, objectRef, where, type FeatureHost } from '../host';

export function typeExplanation(service: Service): string {
  const headless = service.clusterIP === 'None';
  switch (service.type) {
    case 'ClusterIP':
      return headless
        ? '**Headless** (`clusterIP: None`): no virtual IP and no proxying. DNS returns the pod IPs themselves; clients connect straight to a pod on the container port, so `port`/`targetPort` mapping does not apply.'
        : '**ClusterIP**: a virtual IP reachable only inside the cluster. kube-proxy (or Cilium) forwards TCP/UDP connections by port to a ready pod; it knows nothing of hosts, paths or HTTP. Nothing outside the cluster reaches it unless an Ingress or Gateway routes to it.';
    case 'NodePort':
      return '**NodePort** (L4): every node listens on the `nodePort` (30000-32767) on its own IP and forwards TCP/UDP connections to the pods, by port only: no hosts, paths or HTTP. Anyone who can reach a node IP reaches the pods.';
    case 'LoadBalancer': {
      const internal = isInternalLoadBalancer(service);
      const azure = internal
        ? 'On AKS this adds a frontend IP on the **internal** Azure load balancer (`kubernetes-internal`), a private address in the cluster VNet.'
        : 'On AKS this adds a **public** frontend IP on the cluster\'s Azure load balancer and opens NSG rules for its ports to the Internet' +
          (service.loadBalancerSourceRanges.length ? ` (only from ${service.loadBalancerSourceRanges.map(code).join(', ')})` : '') +
          '. Set `service.beta.kubernetes.io/azure-load-balancer-internal: "true"` for a private IP instead.';
      return `**LoadBalancer** (L4): forwards TCP/UDP connections by port and knows nothing of hosts, paths or HTTP; TLS, if any, is the pods' job. ${azure}`;
    }
    case 'ExternalName':
      return `**ExternalName**: a DNS CNAME to ${code(service.externalName ?? '(no externalName)')}. No virtual IP, no proxying, no ports or selector; NetworkPolicies see the address the name resolves to, not the Service.`;
  }
}

export function trafficPolicyExplanation(service: Service): string | undefined {
  if (service.type !== 'LoadBalancer' && service.type !== 'NodePort') return undefined;
  const local = service.externalTrafficPolicy === 'Local';
  return local
    ? '**externalTrafficPolicy: Local**: only nodes running a ready pod answer; the client source IP is kept (no SNAT). ' +
        (service.type === 'LoadBalancer' ? `The Azure load balancer probes each node's health-check node port${service.healthCheckNodePort ? ` (${service.healthCheckNodePort})` : ''} to find them. ` : '') +
        'Load spreads per node, not per pod.'
    : '**externalTrafficPolicy: Cluster**' + (service.externalTrafficPolicy ? '' : ' (default)') +
        ': every node accepts and forwards, possibly to another node; the client source IP is replaced by a node IP (SNAT), so pods and NetworkPolicies do not see it. Use `Local` to keep it.';
}

/** `80/TCP → targetPort \`http\`` */
export function portHead(port: ServicePort): string {
  const name = port.name ? ` (${code(port.name)})` : '';
  const node = port.nodePort !== undefined ? `, nodePort ${port.nodePort}` : '';
  return `port ${port.port}/${port.protocol}${name}${node} → targetPort ${typeof port.targetPort === 'number' ? port.targetPort : code(port.targetPort)}${port.targetPortExplicit ? '' : ' (default: same as port)'}`;
}

/** Where a port lands, one line per workload: `→ 8080 on 3 pods of Deployment \`shop/web\` (web.yaml:12)`. */
export function landingLines(host: FeatureHost, resolved: ServicePortTargets): string[] {
  const { service, servicePort, targets } = resolved;
  if (service.type === 'ExternalName') return [];
  if (!service.selector) return [': no selector: the endpoints are managed outside this Service (EndpointSlices by hand or by another controller)'];
  if (targets.length === 0) return [`: no pods: selector ${code(describeSelector(equalitySelector(service.selector, service.nameSpan)))} matches no workload in ${code(service.namespace)}`];
  return targets.map((t) => {
    const place = `${podCountOf(t.workload).text} of ${objectRef(t.workload)} (${where(host, t.workload.file, t.workload.nameSpan)})`;
    if (t.port !== undefined) return `→ ${t.port} on ${place}`;
    return `: no container port named ${code(String(servicePort.targetPort))}/${servicePort.protocol} on ${place}; its ports: ${describeContainerPorts(t.workload)}`;
  });
}

/** One markdown list item per port with its landing lines nested. */
export function portLines(host: FeatureHost, service: Service, only?: ServicePort): string[] {
  const lines: string[] = [];
  for (const port of service.ports) {
    if (only && port !== only) continue;
    const landing = landingLines(host, targetsOfServicePort(host.analysis.index, service, port));
    if (landing.length === 1) lines.push(`- ${joinLanding(portHead(port), landing[0]!)}`);
    else lines.push(`- ${portHead(port)}`, ...landing.map((l) => `  - ${l.replace(/^: /, '')}`));
  }
  return lines;
}

/** `head → 8080 on …` or `head: no pods …` (failure lines start with `: `). */
export function joinLanding(head: string, landing: string): string {
  return landing.startsWith(':') ? `${head}${landing}` : `${head} ${landing}`;
}
