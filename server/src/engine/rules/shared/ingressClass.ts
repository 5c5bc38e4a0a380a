/**
 * Which ingress class serves an Ingress, and which controller that is. The class comes from spec.ingressClassName,
 * else the deprecated `kubernetes.io/ingress.class` annotation, else the IngressClass the cluster marks as default
 * (only knowable when the workspace declares it). A class may also be declared by an NginxIngressController of the
 * application routing add-on, which creates the IngressClass itself.
 */
import { APP_ROUTING_CONTROLLER_PREFIX, knownIngressClass, knownIngressController, type IngressClassFacts, type IngressControllerFamily } from '../../kb/ingressClasses';
import type { Ingress, IngressClass, NginxIngressController } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import type { Span } from '../../syntax/tree';
import { byLocation } from './order';

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export interface ResolvedIngressClass {
  /** undefined when nothing names a class and the workspace has no default IngressClass. */
  name?: string;
  source: 'spec' | 'annotation' | 'default' | 'none';
  /** Where the class is written (the Ingress name when it comes from a default or from nothing). */
  span: Span;
  /** IngressClass objects of that name in the workspace. */
  definitions: IngressClass[];
  /** NginxIngressController objects whose `spec.ingressClassName` is this class (the add-on creates the IngressClass). */
  nginxIngressControllers: NginxIngressController[];
  /** The controller, from a workspace IngressClass or from the knowledge base. */
  controller?: string;
  /** Knowledge-base facts about that controller, when it is one we know. */
  known?: IngressClassFacts;
}

/** Default IngressClasses, by name (several defaults are a cluster misconfiguration; the first name is used). */
export function defaultIngressClasses(index: WorkspaceIndex): IngressClass[] {
  return index.ofKind('IngressClass').filter((c) => c.isDefault).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function ingressClassOf(index: WorkspaceIndex, ingress: Ingress): ResolvedIngressClass {
  let name: string | undefined;
  let source: ResolvedIngressClass['source'] = 'none';
  let span: Span = ingress.nameSpan;
  if (ingress.ingressClassName) {
    name = ingress.ingressClassName;
    source = 'spec';
    span = ingress.ingressClassNameSpan ?? ingress.nameSpan;
  } else if (ingress.annotations[INGRESS_CLASS_ANNOTATION]?.trim()) {
    name = ingress.annotations[INGRESS_CLASS_ANNOTATION]!.trim();
    source = 'annotation';
    span = ingress.annotationValueSpans?.[INGRESS_CLASS_ANNOTATION] ?? ingress.annotationSpans[INGRESS_CLASS_ANNOTATION] ?? ingress.nameSpan;
  } else {
    const defaults = defaultIngressClasses(index);
    if (defaults.length > 0) {
      name = defaults[0]!.name;
      source = 'default';
    }
  }
  if (name === undefined) return { source, span, definitions: [], nginxIngressControllers: [] };
  const definitions = byLocation(index.lookup('IngressClass', '', name));
  const nginxIngressControllers = nginxIngressControllersOf(index, name);
  const controller =
    definitions.find((d) => d.controller)?.controller ??
    (nginxIngressControllers.length ? `${APP_ROUTING_CONTROLLER_PREFIX}/${nginxIngressControllers[0]!.name}` : undefined) ??
    knownIngressClass(name)?.controller;
  const known = (controller ? knownIngressController(controller) : undefined) ?? knownIngressClass(name);
  const resolved: ResolvedIngressClass = { name, source, span, definitions, nginxIngressControllers };
  if (controller) resolved.controller = controller;
  if (known) resolved.known = known;
  return resolved;
}

/** The NGINX-based controller family serving the class, if it is one. */
export function nginxFamilyOf(resolved: ResolvedIngressClass): Extract<IngressControllerFamily, 'ingress-nginx' | 'aks-app-routing-nginx'> | undefined {
  const family = resolved.known?.family;
  return family === 'ingress-nginx' || family === 'aks-app-routing-nginx' ? family : undefined;
}

/** The application routing add-on's NginxIngressController objects that declare ingress class `name`. */
export function nginxIngressControllersOf(index: WorkspaceIndex, name: string): NginxIngressController[] {
  return byLocation(index.ofKind('NginxIngressController').filter((c) => c.ingressClassName?.value === name));
}
