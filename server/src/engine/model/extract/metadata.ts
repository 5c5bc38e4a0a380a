/** The part of every object that is not its spec: identity, labels, annotations, owner. */
import { asMap, booleanOf, child, itemsOf, stringMapOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import { CLUSTER_SCOPED_KINDS, type ResourceBase } from '../resources';
import { spanOf } from './common';

export interface ExtractContext {
  file: string;
  defaultNamespace: string;
}

export function resourceBaseOf(root: YNode, kind: string, apiVersion: string, id: string, ctx: ExtractContext): ResourceBase {
  const span: Span = { start: root.start, end: root.end };
  const metadata = child(root, 'metadata');
  const nameNode = child(metadata, 'name');
  const namespaceNode = child(metadata, 'namespace');
  const explicitNamespace = stringOf(namespaceNode);
  const clusterScoped = CLUSTER_SCOPED_KINDS.has(kind);
  const annotationsNode = asMap(child(metadata, 'annotations'));
  const annotationSpans: Record<string, Span> = {};
  for (const pair of annotationsNode?.pairs ?? []) {
    if (pair.key) annotationSpans[String(pair.key.value)] = { start: pair.start, end: pair.end };
  }
  const base: ResourceBase = {
    id,
    file: ctx.file,
    apiVersion,
    kind,
    name: stringOf(nameNode) ?? stringOf(child(metadata, 'generateName')) ?? '',
    namespace: clusterScoped ? '' : explicitNamespace || ctx.defaultNamespace,
    namespaceExplicit: !clusterScoped && !!explicitNamespace,
    labels: stringMapOf(child(metadata, 'labels')),
    annotations: stringMapOf(annotationsNode),
    annotationSpans,
    span,
    nameSpan: spanOf(nameNode, spanOf(metadata, span)),
    kindSpan: spanOf(child(root, 'kind'), span),
  };
  for (const owner of itemsOf(child(metadata, 'ownerReferences'))) {
    if (booleanOf(child(owner, 'controller')) === true) {
      const ownerKind = stringOf(child(owner, 'kind'));
      const ownerName = stringOf(child(owner, 'name'));
      if (ownerKind && ownerName) base.controllerOwner = { kind: ownerKind, name: ownerName };
      break;
    }
  }
  return base;
}
