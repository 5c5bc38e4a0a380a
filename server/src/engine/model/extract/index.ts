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
import { networkPolicyOf } from './networkPolicy';
import { serviceOf } from './service';
import { workloadOf } from './workload';

export type { ExtractContext } from './metadata';

const ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

export function extractResources(parsed: ParsedFile, ctx: ExtractContext): AnyResource[] {
  const resources: AnyResource[] = [];
  for (const document of parsed.documents) collect(document.root, ctx, resources);
  return resources;
}

function collect(root: YNode | null, ctx: ExtractContext, out: AnyResource[]): void {
  if (!root || !asMap(root)) return;
  const kind = stringOf(child(root, 'kind'));
  const apiVersion = stringOf(child(root, 'apiVersion'));
  if (!kind || !apiVersion) return;
  if (kind.endsWith('List') && child(root, 'items')) {
    // v1 List, PodList, NamespaceList, ...: items may omit apiVersion/kind when the list's kind says it.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    for (const item of itemsOf(child(root, 'items'))) {
      if (itemKind && !stringOf(child(item, 'kind'))) out.push(resourceOf(item, itemKind, apiVersion, ctx, out.length));
      else collect(item, ctx, out);
    }
    return;
  }
  out.push(resourceOf(root, kind, apiVersion, ctx, out.length));
}

function resourceOf(root: YNode, kind: string, apiVersion: string, ctx: ExtractContext, index: number): AnyResource {
  const base = resourceBaseOf(root, kind, apiVersion, `${ctx.file}#${index}`, ctx);
  if (isWorkloadKind(kind)) return workloadOf(root, base);
  if (ROUTE_KINDS.has(kind)) return routeOf(root, base);
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
