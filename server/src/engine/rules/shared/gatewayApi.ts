/**
 * Gateway API helpers. `kind: Gateway` is also Istio's own networking.istio.io Gateway, so every lookup filters on
 * the gateway.networking.k8s.io group.
 */
import type { AnyResource, BackendRef, Gateway, ParentRef, Route } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

export function isGatewayApi(resource: AnyResource): boolean {
  return resource.apiVersion.startsWith(`${GATEWAY_GROUP}/`);
}

export function isGatewayParent(ref: ParentRef): boolean {
  return ref.group === GATEWAY_GROUP && ref.kind === 'Gateway';
}

/** A backendRef or certificateRef to the core group (written "" or, loosely, "core"). */
export function isCoreKind(ref: { group: string; kind: string }, kind: string): boolean {
  return (ref.group === '' || ref.group === 'core') && ref.kind === kind;
}

export function gatewaysNamed(index: WorkspaceIndex, namespace: string, name: string): Gateway[] {
  return index.lookup('Gateway', namespace, name).filter(isGatewayApi);
}

export function gatewayApiGateways(index: WorkspaceIndex): Gateway[] {
  return index.ofKind('Gateway').filter(isGatewayApi);
}

/** Every backendRef of a route with the namespace it points into. */
export function routeBackendRefs(route: Route): { ref: BackendRef; namespace: string }[] {
  return route.rules.flatMap((rule) => rule.backendRefs.map((ref) => ({ ref, namespace: ref.namespace ?? route.namespace })));
}

/**
 * Whether the workspace appears to hold the manifests of a namespace (a declaration, workloads or Services), so
 * that the absence of something there can be told with confidence.
 */
export function workspaceCoversNamespace(index: WorkspaceIndex, namespace: string): boolean {
  return index.lookup('Namespace', '', namespace).length > 0 || index.hasWorkloadsIn(namespace) || index.hasOfKindIn('Service', namespace);
}
