/**
 * Hover: explain the field or object under the cursor, then resolve it against the workspace. The dispatcher finds
 * the object and the key path; one module per object family writes the markdown.
 */
import type { AnyResource } from '../model/resources';
import { isWorkload } from '../model/resources';
import type { Span } from '../syntax/tree';
import { cursorAt, scalarText } from './cursor';
import type { FeatureHost } from './host';
import { hoverContextOf, type HoverContext } from './hover/context';
import { gatewayHover, routeHover } from './hover/gatewayHover';
import { ingressHover } from './hover/ingressHover';
import { networkPolicyHover } from './hover/networkPolicyHover';
import { ciliumHover } from './hover/ciliumHover';
import { serviceHover } from './hover/serviceHover';
import { aksResourceHover } from './hover/aksResourceHover';
import { classHover } from './hover/classHover';
import { egressHover } from './hover/egressHover';
import { workloadHover } from './hover/workloadHover';
import { annotationMarkdown, fieldDocMarkdown } from './kbDocs';

export interface HoverResult {
  markdown: string;
  /** What the hover is about (the key or value under the cursor). */
  span: Span;
}

export function hover(host: FeatureHost, file: string, text: string, offset: number): HoverResult | undefined {
  try {
    const cursor = cursorAt(host.analysis, host.trees, file, text, offset);
    const context = hoverContextOf(host, cursor);
    if (!context) return undefined;
    const markdown = hoverMarkdown(context);
    return markdown ? { markdown, span: { start: context.node.start, end: context.node.end } } : undefined;
  } catch {
    return undefined;
  }
}

function hoverMarkdown(context: HoverContext): string | undefined {
  const { path, resource } = context;
  if (path[0] === 'metadata' && path[1] === 'annotations' && typeof path[2] === 'string') {
    const value = context.cursor.onKey ? resource.annotations[path[2]] : scalarText(context.node);
    return annotationMarkdown(context.host, resource.kind, path[2], value);
  }
  const egress = egressHover(context);
  if (egress) return egress;
  const specific = specificHover(context, resource);
  if (specific) return specific;
  return fieldDocMarkdown(resource.kind, path, context.value, resource.apiVersion);
}

function specificHover(context: HoverContext, resource: AnyResource): string | undefined {
  if (isWorkload(resource)) return workloadHover(context, resource);
  const aks = aksResourceHover(context);
  if (aks !== undefined) return aks;
  switch (resource.kind) {
    case 'Service':
      return serviceHover(context);
    case 'Ingress':
      return ingressHover(context);
    case 'NetworkPolicy':
      return networkPolicyHover(context);
    case 'CiliumNetworkPolicy':
    case 'CiliumClusterwideNetworkPolicy':
      return ciliumHover(context);
    case 'Gateway':
      return gatewayHover(context);
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
    case 'TCPRoute':
    case 'UDPRoute':
      return routeHover(context);
    case 'IngressClass':
    case 'GatewayClass':
      return classHover(context);
    default:
      return undefined;
  }
}
