/** The part of every object that is not its spec: identity, labels, annotations, owner. */
import { asMap, booleanOf, child, itemsOf, ownRecord, stringMapOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import { CLUSTER_SCOPED_KINDS, type ResourceBase, type Yaml11Boolean } from '../resources';
import { spanOf } from './common';
import { collectYaml11Booleans } from './yaml11';

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
  // Keyed by manifest keys: no prototype (see stringMapOf).
  const annotationSpans = ownRecord<Span>();
  const annotationValueSpans = ownRecord<Span>();
  for (const pair of annotationsNode?.pairs ?? []) {
    if (!pair.key) continue;
    annotationSpans[String(pair.key.value)] = { start: pair.start, end: pair.end };
    if (pair.value && pair.value.kind === 'scalar') annotationValueSpans[String(pair.key.value)] = { start: pair.value.start, end: pair.value.end };
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
  if (Object.keys(annotationValueSpans).length) base.annotationValueSpans = annotationValueSpans;
  const yaml11Booleans: Yaml11Boolean[] = [];
  collectYaml11Booleans(child(metadata, 'labels'), (key) => `label \`${key}\``, yaml11Booleans);
  collectYaml11Booleans(annotationsNode, (key) => `annotation \`${key}\``, yaml11Booleans);
  if (yaml11Booleans.length) base.yaml11Booleans = yaml11Booleans;
  for (const owner of itemsOf(child(metadata, 'ownerReferences'))) {
    if (booleanOf(child(owner, 'controller')) === true) {
      // The API requires kind, but grouping pods under their controller only needs the name: an owner without kind
      // is kept with kind '' (np-guard groups such pods the same way, so connectivity lists stay comparable).
      const ownerName = stringOf(child(owner, 'name'));
      if (ownerName) base.controllerOwner = { kind: stringOf(child(owner, 'kind')) ?? '', name: ownerName };
      break;
    }
  }
  return base;
}
