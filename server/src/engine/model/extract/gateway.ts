/** Gateway API: GatewayClass, Gateway, the route kinds and ReferenceGrant (gateway.networking.k8s.io). */
import { child, integerOf, itemsOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import type { BackendRef, Gateway, GatewayClass, GatewayListener, ParentRef, ReferenceGrant, ResourceBase, Route, RouteRule } from '../resources';
import { labelSelectorOf, spanOf, spannedStringMap } from './common';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function gatewayClassOf(root: YNode, base: ResourceBase): GatewayClass {
  const gatewayClass: GatewayClass = { ...base, kind: 'GatewayClass' };
  const controllerName = stringOf(child(root, 'spec', 'controllerName'));
  if (controllerName) gatewayClass.controllerName = controllerName;
  return gatewayClass;
}

export function gatewayOf(root: YNode, base: ResourceBase): Gateway {
  const spec = child(root, 'spec');
  const classNode = child(spec, 'gatewayClassName');
  const gateway: Gateway = { ...base, kind: 'Gateway', listeners: itemsOf(child(spec, 'listeners')).map(listenerOf) };
  const className = stringOf(classNode);
  if (className) {
    gateway.gatewayClassName = className;
    gateway.gatewayClassNameSpan = spanOf(classNode, base.span);
  }
  return gateway;
}

function listenerOf(node: YNode): GatewayListener {
  const span = spanOf(node, { start: 0, end: 0 });
  const listener: GatewayListener = {
    name: stringOf(child(node, 'name')) ?? '',
    certificateRefs: itemsOf(child(node, 'tls', 'certificateRefs')).map((ref) => {
      const certificateRef: GatewayListener['certificateRefs'][number] = {
        kind: stringOf(child(ref, 'kind')) ?? 'Secret',
        group: stringOf(child(ref, 'group')) ?? '',
        name: stringOf(child(ref, 'name')) ?? '',
        span: spanOf(ref, span),
      };
      const namespace = stringOf(child(ref, 'namespace'));
      if (namespace) certificateRef.namespace = namespace;
      return certificateRef;
    }),
    span,
  };
  const port = integerOf(child(node, 'port'));
  if (port !== undefined) listener.port = port;
  const protocol = stringOf(child(node, 'protocol'));
  if (protocol) listener.protocol = protocol;
  const hostname = stringOf(child(node, 'hostname'));
  if (hostname) listener.hostname = hostname;
  const tlsMode = stringOf(child(node, 'tls', 'mode'));
  if (tlsMode) listener.tlsMode = tlsMode;
  const tlsOptions = spannedStringMap(child(node, 'tls', 'options'));
  if (Object.keys(tlsOptions.values).length) {
    listener.tlsOptions = tlsOptions.values;
    listener.tlsOptionValueSpans = tlsOptions.valueSpans;
  }
  const namespaces = child(node, 'allowedRoutes', 'namespaces');
  if (namespaces) {
    listener.allowedRoutesNamespaces = { from: stringOf(child(namespaces, 'from')) ?? 'Same' };
    const selector = child(namespaces, 'selector');
    if (selector) listener.allowedRoutesNamespaces.selector = labelSelectorOf(selector, span);
  }
  const kinds = itemsOf(child(node, 'allowedRoutes', 'kinds')).flatMap((k) => {
    const kind = stringOf(child(k, 'kind'));
    return kind ? [kind] : [];
  });
  if (kinds.length) listener.allowedRouteKinds = kinds;
  return listener;
}

export function routeOf(root: YNode, base: ResourceBase): Route {
  const spec = child(root, 'spec');
  return {
    ...base,
    kind: base.kind as Route['kind'],
    parentRefs: itemsOf(child(spec, 'parentRefs')).map((ref) => parentRefOf(ref, base.span)),
    hostnames: itemsOf(child(spec, 'hostnames')).flatMap((h) => {
      const value = stringOf(h);
      return value === undefined ? [] : [{ value, span: spanOf(h, base.span) }];
    }),
    rules: itemsOf(child(spec, 'rules')).map(routeRuleOf),
  };
}

function parentRefOf(node: YNode, fallback: Span): ParentRef {
  const ref: ParentRef = {
    group: stringOf(child(node, 'group')) ?? GATEWAY_GROUP,
    kind: stringOf(child(node, 'kind')) ?? 'Gateway',
    name: stringOf(child(node, 'name')) ?? '',
    span: spanOf(node, fallback),
  };
  const namespace = stringOf(child(node, 'namespace'));
  if (namespace) ref.namespace = namespace;
  const sectionName = stringOf(child(node, 'sectionName'));
  if (sectionName) ref.sectionName = sectionName;
  const port = integerOf(child(node, 'port'));
  if (port !== undefined) ref.port = port;
  return ref;
}

function routeRuleOf(node: YNode): RouteRule {
  const span = spanOf(node, { start: 0, end: 0 });
  return {
    matches: itemsOf(child(node, 'matches')).map((m) => {
      const match: RouteRule['matches'][number] = { span: spanOf(m, span) };
      const pathType = stringOf(child(m, 'path', 'type'));
      const pathValue = stringOf(child(m, 'path', 'value'));
      const method = stringOf(child(m, 'method')) ?? stringOf(child(m, 'method', 'method'));
      if (pathType) match.pathType = pathType;
      if (pathValue !== undefined) match.pathValue = pathValue;
      if (method) match.method = method;
      return match;
    }),
    backendRefs: itemsOf(child(node, 'backendRefs')).map((b) => backendRefOf(b, span)),
    span,
  };
}

function backendRefOf(node: YNode, fallback: Span): BackendRef {
  const span = spanOf(node, fallback);
  const nameNode = child(node, 'name');
  const portNode = child(node, 'port');
  // BackendObjectReference defaults: group "" (core) and kind Service.
  const ref: BackendRef = {
    group: stringOf(child(node, 'group')) ?? '',
    kind: stringOf(child(node, 'kind')) ?? 'Service',
    name: stringOf(nameNode) ?? '',
    span,
    nameSpan: spanOf(nameNode, span),
  };
  const namespace = stringOf(child(node, 'namespace'));
  if (namespace) ref.namespace = namespace;
  const port = integerOf(portNode);
  if (port !== undefined) {
    ref.port = port;
    ref.portSpan = spanOf(portNode, span);
  }
  const weight = integerOf(child(node, 'weight'));
  if (weight !== undefined) ref.weight = weight;
  return ref;
}

export function referenceGrantOf(root: YNode, base: ResourceBase): ReferenceGrant {
  const spec = child(root, 'spec');
  return {
    ...base,
    kind: 'ReferenceGrant',
    from: itemsOf(child(spec, 'from')).map((f) => ({
      group: stringOf(child(f, 'group')) ?? '',
      kind: stringOf(child(f, 'kind')) ?? '',
      namespace: stringOf(child(f, 'namespace')) ?? '',
    })),
    to: itemsOf(child(spec, 'to')).map((t) => {
      const to: ReferenceGrant['to'][number] = { group: stringOf(child(t, 'group')) ?? '', kind: stringOf(child(t, 'kind')) ?? '' };
      const name = stringOf(child(t, 'name'));
      if (name) to.name = name;
      return to;
    }),
  };
}

