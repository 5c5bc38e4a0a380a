/**
 * Which ingress controller serves an Ingress, and where it runs. Facts about known classes come from the knowledge
 * base (kb/ingressClasses.ts, kb/gatewayClasses.ts); the workspace's own IngressClass / GatewayClass objects decide
 * which controller a class name means.
 */
import { knownGatewayClass, type GatewayClassFacts } from '../kb/gatewayClasses';
import { knownIngressClass, knownIngressController, type IngressClassFacts, type IngressControllerFamily } from '../kb/ingressClasses';
import type { GatewayClass, Ingress, IngressClass } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';

export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** in-cluster: controller pods in the cluster; azure: an Azure-managed proxy outside the cluster. */
export type ControllerHosting = 'in-cluster' | 'azure' | 'unknown';

export interface IngressControllerInfo {
  /** The class name the Ingress asks for (or the default class), if any. */
  className?: string;
  /** How the class was chosen. */
  classSource: 'ingressClassName' | 'annotation' | 'default-class' | 'none';
  /** The workspace's IngressClass objects of that name. */
  classObjects: IngressClass[];
  /** Known controller facts, when the class or its controller is a known one. */
  facts?: IngressClassFacts;
  family?: IngressControllerFamily;
  hosting: ControllerHosting;
  /** Short name for paths: `app routing NGINX`. */
  label: string;
}

const LABELS: Record<IngressControllerFamily, string> = {
  'aks-app-routing-nginx': 'app routing NGINX',
  'ingress-nginx': 'ingress-nginx',
  agic: 'Application Gateway (AGIC)',
  agc: 'Application Gateway for Containers',
  istio: 'Istio ingress gateway',
  traefik: 'Traefik',
};

const HOSTING: Record<IngressControllerFamily, ControllerHosting> = {
  'aks-app-routing-nginx': 'in-cluster',
  'ingress-nginx': 'in-cluster',
  agic: 'azure',
  agc: 'azure',
  istio: 'in-cluster',
  traefik: 'in-cluster',
};

export function ingressControllerOf(index: WorkspaceIndex, ingress: Ingress): IngressControllerInfo {
  let className = ingress.ingressClassName;
  let classSource: IngressControllerInfo['classSource'] = className ? 'ingressClassName' : 'none';
  if (!className && ingress.annotations[LEGACY_CLASS_ANNOTATION]) {
    className = ingress.annotations[LEGACY_CLASS_ANNOTATION];
    classSource = 'annotation';
  }
  if (!className) {
    const defaults = index.ofKind('IngressClass').filter((c) => c.isDefault);
    if (defaults.length > 0) {
      className = defaults[0]!.name;
      classSource = 'default-class';
    }
  }
  return describeIngressClass(index, className, classSource);
}

export function describeIngressClass(index: WorkspaceIndex, className: string | undefined, classSource: IngressControllerInfo['classSource'] = 'ingressClassName'): IngressControllerInfo {
  const classObjects = className ? index.lookup('IngressClass', '', className) : [];
  let facts: IngressClassFacts | undefined;
  for (const object of classObjects) {
    if (object.controller) facts = knownIngressController(object.controller);
    if (facts) break;
  }
  if (!facts && className && classObjects.length === 0) facts = knownIngressClass(className);
  const info: IngressControllerInfo = { classSource, classObjects, hosting: 'unknown', label: className ? `controller of class \`${className}\`` : 'ingress controller' };
  if (className) info.className = className;
  if (facts) {
    info.facts = facts;
    info.family = facts.family;
    info.hosting = HOSTING[facts.family];
    info.label = LABELS[facts.family];
  } else if (classObjects[0]?.controller) {
    info.label = `controller \`${classObjects[0].controller}\``;
  }
  return info;
}

export interface GatewayClassInfo {
  className?: string;
  classObjects: GatewayClass[];
  facts?: GatewayClassFacts;
  hosting: ControllerHosting;
}

export function describeGatewayClass(index: WorkspaceIndex, className: string | undefined): GatewayClassInfo {
  const classObjects = className ? index.lookup('GatewayClass', '', className) : [];
  let facts = className ? knownGatewayClass(className) : undefined;
  if (!facts) {
    for (const object of classObjects) {
      if (object.controllerName === 'alb.networking.azure.io/alb-controller') facts = knownGatewayClass('azure-alb-external');
      else if (object.controllerName === 'istio.io/gateway-controller') facts = knownGatewayClass('istio');
      if (facts) break;
    }
  }
  const info: GatewayClassInfo = { classObjects, hosting: facts ? (facts.name === 'azure-alb-external' ? 'azure' : 'in-cluster') : 'unknown' };
  if (className) info.className = className;
  if (facts) info.facts = facts;
  return info;
}
