/** Ingress (networking.k8s.io/v1) and IngressClass. */
import { child, intOrStringOf, itemsOf, stringOf } from '../../syntax/access';
import type { YNode } from '../../syntax/tree';
import type { Ingress, IngressBackend, IngressClass, IngressPath, IngressRule, IngressTLS, ResourceBase, ServiceBackendRef } from '../resources';
import { spanOf } from './common';

export function ingressOf(root: YNode, base: ResourceBase): Ingress {
  const spec = child(root, 'spec');
  const classNode = child(spec, 'ingressClassName');
  const ingress: Ingress = {
    ...base,
    kind: 'Ingress',
    rules: itemsOf(child(spec, 'rules')).map(ruleOf),
    tls: itemsOf(child(spec, 'tls')).map(tlsOf),
  };
  const className = stringOf(classNode);
  if (className) {
    ingress.ingressClassName = className;
    ingress.ingressClassNameSpan = spanOf(classNode, base.span);
  }
  // networking.k8s.io/v1beta1 and extensions/v1beta1 called it `backend`.
  const defaultBackendNode = child(spec, 'defaultBackend') ?? child(spec, 'backend');
  if (defaultBackendNode) ingress.defaultBackend = backendOf(defaultBackendNode);
  return ingress;
}

function ruleOf(node: YNode): IngressRule {
  const hostNode = child(node, 'host');
  const rule: IngressRule = {
    paths: itemsOf(child(node, 'http', 'paths')).map(pathOf),
    span: spanOf(node, { start: 0, end: 0 }),
  };
  const host = stringOf(hostNode);
  if (host) {
    rule.host = host;
    rule.hostSpan = spanOf(hostNode, rule.span);
  }
  return rule;
}

function pathOf(node: YNode): IngressPath {
  const result: IngressPath = { backend: backendOf(child(node, 'backend') ?? node), span: spanOf(node, { start: 0, end: 0 }) };
  const path = stringOf(child(node, 'path'));
  const pathType = stringOf(child(node, 'pathType'));
  if (path !== undefined) result.path = path;
  if (pathType) result.pathType = pathType;
  return result;
}

function backendOf(node: YNode): IngressBackend {
  const backend: IngressBackend = { span: spanOf(node, { start: 0, end: 0 }) };
  const serviceNode = child(node, 'service');
  if (serviceNode) {
    const nameNode = child(serviceNode, 'name');
    const portNumberNode = child(serviceNode, 'port', 'number');
    const portNameNode = child(serviceNode, 'port', 'name');
    backend.service = serviceRef(stringOf(nameNode) ?? '', spanOf(nameNode, backend.span), portNumberNode ?? portNameNode);
    return backend;
  }
  // v1beta1 shape: serviceName / servicePort.
  const legacyName = child(node, 'serviceName');
  if (legacyName) {
    backend.service = serviceRef(stringOf(legacyName) ?? '', spanOf(legacyName, backend.span), child(node, 'servicePort'));
    return backend;
  }
  const resource = child(node, 'resource');
  if (resource) {
    backend.resource = { kind: stringOf(child(resource, 'kind')) ?? '', name: stringOf(child(resource, 'name')) ?? '' };
    const apiGroup = stringOf(child(resource, 'apiGroup'));
    if (apiGroup) backend.resource.apiGroup = apiGroup;
  }
  return backend;
}

function serviceRef(name: string, nameSpan: ServiceBackendRef['serviceSpan'], portNode: YNode | undefined): ServiceBackendRef {
  const ref: ServiceBackendRef = { service: name, serviceSpan: nameSpan };
  const port = intOrStringOf(portNode);
  if (port !== undefined && portNode) {
    ref.port = port;
    ref.portSpan = spanOf(portNode, nameSpan);
  }
  return ref;
}

function tlsOf(node: YNode): IngressTLS {
  const span = spanOf(node, { start: 0, end: 0 });
  const tls: IngressTLS = {
    hosts: itemsOf(child(node, 'hosts')).flatMap((h) => {
      const value = stringOf(h);
      return value === undefined ? [] : [{ value, span: spanOf(h, span) }];
    }),
    span,
  };
  const secretNode = child(node, 'secretName');
  const secretName = stringOf(secretNode);
  if (secretName) {
    tls.secretName = secretName;
    tls.secretNameSpan = spanOf(secretNode, span);
  }
  return tls;
}

const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export function ingressClassOf(root: YNode, base: ResourceBase): IngressClass {
  const ingressClass: IngressClass = { ...base, kind: 'IngressClass', isDefault: base.annotations[DEFAULT_CLASS_ANNOTATION] === 'true' };
  const controller = stringOf(child(root, 'spec', 'controller'));
  if (controller) ingressClass.controller = controller;
  return ingressClass;
}
