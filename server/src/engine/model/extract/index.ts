/**
 * One parsed file -> the resource facts it declares. `List` kinds are expanded; documents without apiVersion and
 * kind are not Kubernetes objects and are skipped silently.
 */
import { asMap, child, itemsOf, stringOf } from '../../syntax/access';
import type { ParsedFile } from '../../syntax/parse';
import type { YNode } from '../../syntax/tree';
import { isWorkloadKind, type AnyResource } from '../resources';
import { configMapOf, namespaceOf, secretOf } from './config';
import { gatewayClassOf, gatewayOf, referenceGrantOf, routeOf } from './gateway';
import { ingressClassOf, ingressOf } from './ingress';
import { resourceBaseOf, type ExtractContext } from './metadata';
import { ADMIN_POLICY_GROUP, adminNetworkPolicyOf } from './adminNetworkPolicy';
import { networkPolicyOf } from './networkPolicy';
import { ciliumPolicyOf, isCiliumPolicyKind } from './cilium';
import { isIstioNetworking, istioGatewayOf, virtualServiceOf } from './istio';
import { applicationLoadBalancerOf, attachedPolicyOf, externalDnsOf, nginxIngressControllerOf, policyKind } from './attachedPolicies';
import { ALB_GROUP, APP_ROUTING_GROUP, groupOf } from '../../kb/policyKinds';
import { serviceOf } from './service';
import { dataFingerprint } from '../dataFingerprint';
import { workloadOf } from './workload';

export type { ExtractContext } from './metadata';

const ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

export function extractResources(parsed: ParsedFile, ctx: ExtractContext): AnyResource[] {
  const resources: AnyResource[] = [];
  for (const document of parsed.documents) collect(document.root, ctx, resources);
  return resources;
}

/**
 * A document's objects, `List`s expanded (v1 List, PodList, NamespaceList, ...: items may omit apiVersion/kind when
 * the list's kind says it). Aliases make the tree a graph that shares nodes (`items: [*a, *a]`, lists of aliased
 * lists): each node is expanded once, so an alias bomb yields no more objects than its text declares, and the walk
 * keeps its own stack, so no nesting of lists can exhaust the call stack.
 */
function collect(root: YNode | null, ctx: ExtractContext, out: AnyResource[]): void {
  const seen = new Set<YNode>();
  // Items in order: the stack holds them reversed.
  const stack: { node: YNode; itemKind?: string; listApiVersion?: string }[] = root ? [{ node: root }] : [];
  while (stack.length) {
    const { node, itemKind, listApiVersion } = stack.pop()!;
    if (seen.has(node) || !asMap(node)) continue;
    seen.add(node);
    const written = stringOf(child(node, 'kind'));
    if (itemKind && !written) {
      out.push(withFingerprint(resourceOf(node, itemKind, listApiVersion!, ctx, out.length), node));
      continue;
    }
    const kind = written;
    const apiVersion = stringOf(child(node, 'apiVersion'));
    if (!kind || !apiVersion) continue;
    if (kind.endsWith('List') && child(node, 'items')) {
      const items = itemsOf(child(node, 'items'));
      const listItemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
      for (let i = items.length - 1; i >= 0; i--) stack.push(listItemKind ? { node: items[i]!, itemKind: listItemKind, listApiVersion: apiVersion } : { node: items[i]! });
      continue;
    }
    out.push(withFingerprint(resourceOf(node, kind, apiVersion, ctx, out.length), node));
  }
}

/** The object's data fingerprint (identical copies in other files are counted once: model/dataFingerprint.ts). */
function withFingerprint(resource: AnyResource, root: YNode): AnyResource {
  const fingerprint = dataFingerprint(root);
  if (fingerprint !== undefined) resource.dataFingerprint = fingerprint;
  return resource;
}

function resourceOf(root: YNode, kind: string, apiVersion: string, ctx: ExtractContext, index: number): AnyResource {
  const base = resourceBaseOf(root, kind, apiVersion, `${ctx.file}#${index}`, ctx);
  if (isWorkloadKind(kind)) return workloadOf(root, base);
  if (ROUTE_KINDS.has(kind)) return routeOf(root, base);
  if (isCiliumPolicyKind(apiVersion, kind)) return ciliumPolicyOf(root, base);
  const group = groupOf(apiVersion);
  const policy = policyKind(group, kind);
  if (policy) return attachedPolicyOf(root, base, policy);
  if (isIstioNetworking(apiVersion)) {
    if (kind === 'Gateway') return istioGatewayOf(root, base);
    if (kind === 'VirtualService') return virtualServiceOf(root, base);
    return base;
  }
  if (group === ADMIN_POLICY_GROUP && (kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy')) return adminNetworkPolicyOf(root, { ...base, kind });
  if (group === ALB_GROUP && kind === 'ApplicationLoadBalancer') return applicationLoadBalancerOf(root, base);
  if (group === APP_ROUTING_GROUP) {
    if (kind === 'NginxIngressController') return nginxIngressControllerOf(root, base);
    if (kind === 'ClusterExternalDNS' || kind === 'ExternalDNS') return externalDnsOf(root, base);
    return base;
  }
  switch (kind) {
    case 'Service':
      return serviceOf(root, base);
    case 'Ingress':
      return ingressOf(root, base);
    case 'IngressClass':
      return ingressClassOf(root, base);
    case 'NetworkPolicy':
      return networkPolicyOf(root, base);
    case 'Namespace':
      return namespaceOf(base);
    case 'ConfigMap':
      return configMapOf(root, base);
    case 'Secret':
      return secretOf(root, base);
    case 'GatewayClass':
      return gatewayClassOf(root, base);
    case 'Gateway':
      return gatewayOf(root, base);
    case 'ReferenceGrant':
      return referenceGrantOf(root, base);
    default:
      return base;
  }
}
