/**
 * How Istio reads the names a VirtualService writes: `spec.gateways` entries (`[namespace/]name`, `mesh`) and route
 * destination hosts (a short name is read in the VirtualService's namespace, not the Service's). One place for the
 * rules, hovers and navigation.
 */

/** The Istio Gateway a `spec.gateways` entry names, or undefined for `mesh` (the sidecars). */
export function istioGatewayRef(value: string, namespace: string): { namespace: string; name: string } | undefined {
  if (value === 'mesh') return undefined;
  const slash = value.indexOf('/');
  return slash >= 0 ? { namespace: value.slice(0, slash), name: value.slice(slash + 1) } : { namespace, name: value };
}

/**
 * The Kubernetes Service a destination host names: a short name in the VirtualService's namespace, or the full
 * `<service>.<namespace>.svc.cluster.local`. Other dotted hosts (ServiceEntry hosts, external names, wildcards) are
 * not cluster Service names as written: undefined.
 */
export function destinationServiceOf(host: string, namespace: string): { namespace: string; name: string; short: boolean } | undefined {
  if (host.includes('*')) return undefined;
  const parts = host.split('.');
  if (parts.length === 1) return { namespace, name: host, short: true };
  if (parts.length === 5 && parts.slice(2).join('.') === 'svc.cluster.local') return { namespace: parts[1]!, name: parts[0]!, short: false };
  return undefined;
}
