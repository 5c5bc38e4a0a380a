/**
 * What the name or value under the cursor refers to: the objects (or parts of objects) it resolves to in the
 * workspace. Definition answers these targets; references starts from the object they name.
 */
import { backendNamespace } from '../exposure/backends';
import { referencesOf } from '../model/references';
import { destinationServiceOf, istioGatewayRef } from '../model/istioRefs';
import { isWorkload, type AnyResource, type AttachedPolicy, type ConfigMap, type Gateway, type Ingress, type NetworkPolicy, type Route, type Service, type VirtualService, type Workload } from '../model/resources';
import { resolveTargetPort, workloadsOfService } from '../model/serviceBackends';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { compiledRuleAt } from '../netpol/compiledPolicy';
import { classesMatchedByRule } from './hover/netpolText';
import { reachModelOf } from '../reach/model';
import type { CursorContext, PathSegment } from './cursor';
import type { TargetLocation } from './host';
import { namespacesOfSelector, selectorSiteAt, workloadsOfSite } from './selectors';
import type { Span } from '../syntax/tree';

export interface Referent {
  targets: TargetLocation[];
  /** The one object the name refers to, when it names an object (for find references). */
  resource?: AnyResource;
}

const at = (resource: AnyResource): TargetLocation => ({ file: resource.file, span: resource.nameSpan });

function objects(resources: AnyResource[]): Referent {
  const referent: Referent = { targets: resources.map(at) };
  if (resources[0]) referent.resource = resources[0];
  return referent;
}

/** The cursor's scalar and where it is, as the readers of each kind take them. */
interface At {
  index: WorkspaceIndex;
  path: readonly PathSegment[];
  /** The scalar's text (undefined on a map, a list or null). */
  value: string | undefined;
  within(span: Span): boolean;
}

/** A reader decided the cursor refers to nothing (no fallback to the selector under it). */
const NOTHING = 'nothing';

/** What a reader of one kind says: a referent, NOTHING, or undefined to ask the selector under the cursor. */
type Reading = Referent | typeof NOTHING | undefined;

export function referentAt(index: WorkspaceIndex, cursor: CursorContext, path: readonly PathSegment[]): Referent | undefined {
  const resource = cursor.resource;
  const node = cursor.node;
  if (!resource || !node) return undefined;
  if (cursor.onKey) return selectorReferent(index, resource, path);
  const here: At = { index, path, value: node.kind === 'scalar' && node.value !== null ? String(node.value) : undefined, within: (span) => span.start <= node.start && node.end <= span.end };
  const reading = readingOf(resource, cursor, here);
  return reading === NOTHING ? undefined : reading ?? selectorReferent(index, resource, path);
}

/** The reader of the object's kind. */
function readingOf(resource: AnyResource, cursor: CursorContext, here: At): Reading {
  switch (resource.kind) {
    case 'Ingress':
      return ingressReading(resource as Ingress, here);
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
    case 'TCPRoute':
    case 'UDPRoute':
      return routeReading(resource as Route, here);
    case 'Gateway':
      return gatewayReading(resource as Gateway, here);
    case 'Service':
      return serviceReading(resource as Service, here);
    case 'NetworkPolicy':
      return namedPortReading(resource as NetworkPolicy, here);
    case 'VirtualService':
      return 'destinations' in resource ? virtualServiceReading(resource as VirtualService, here) : undefined;
    default:
      if (isWorkload(resource)) return workloadReferent(here.index, resource, cursor, here.path, here.within) ?? NOTHING;
      if ('targetRefs' in resource && 'group' in resource) {
        const referent = policyReferent(here.index, resource as AttachedPolicy, here.within);
        if (referent) return referent;
      }
      if (resource.kind === 'ConfigMap') {
        const reference = referencesOf(here.index, resource as ConfigMap).find((r) => here.within(r.span) || (r.span.start <= cursor.offset && cursor.offset <= r.span.end));
        if (reference) return objects(here.index.lookup('Service', reference.namespace, reference.serviceName));
      }
      return undefined;
  }
}

/** An Ingress's class, AGC annotations, TLS Secret, backend Service and port. */
function ingressReading(ingress: Ingress, { index, path, value, within }: At): Reading {
  if (path[0] === 'spec' && path[1] === 'ingressClassName' && value) {
    const classes = index.lookup('IngressClass', '', value);
    return objects(classes.length ? classes : index.ofKind('NginxIngressController').filter((c) => c.ingressClassName?.value === value));
  }
  if (path[0] === 'metadata' && path[1] === 'annotations' && value) {
    if (path[2] === 'alb.networking.azure.io/alb-ingress-extension') return objects(index.lookup('IngressExtension', ingress.namespace, value));
    if (path[2] === 'alb.networking.azure.io/alb-name') return objects(index.lookup('ApplicationLoadBalancer', ingress.annotations['alb.networking.azure.io/alb-namespace']?.trim() || ingress.namespace, value));
  }
  if (path[0] === 'spec' && path[1] === 'tls' && path[3] === 'secretName' && value) return objects(index.lookup('Secret', ingress.namespace, value));
  const backends = [...(ingress.defaultBackend ? [ingress.defaultBackend] : []), ...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend))];
  const backend = backends.find((b) => within(b.span))?.service;
  if (!backend) return undefined;
  const services = index.lookup('Service', ingress.namespace, backend.service);
  if (within(backend.serviceSpan)) return objects(services);
  if (backend.portSpan && within(backend.portSpan) && backend.port !== undefined) return servicePorts(services, backend.port);
  return undefined;
}

/** A route's parent Gateway, backend Service and port. */
function routeReading(route: Route, { index, path, within }: At): Reading {
  const parent = route.parentRefs.find((p) => within(p.span));
  if (parent && path[0] === 'spec' && path[1] === 'parentRefs') {
    return parent.kind === 'Gateway' ? objects(index.lookup('Gateway', parent.namespace ?? route.namespace, parent.name)) : NOTHING;
  }
  const ref = route.rules.flatMap((r) => r.backendRefs).find((b) => within(b.span));
  if (!ref || ref.kind !== 'Service') return undefined;
  const services = index.lookup('Service', backendNamespace(route, ref), ref.name);
  if (within(ref.nameSpan)) return objects(services);
  if (ref.portSpan && within(ref.portSpan) && ref.port !== undefined) return servicePorts(services, ref.port);
  return undefined;
}

/** A Gateway's class and its listeners' certificate Secrets. */
function gatewayReading(gateway: Gateway, { index, path, value, within }: At): Reading {
  if (path[0] === 'spec' && path[1] === 'gatewayClassName' && value) return objects(index.lookup('GatewayClass', '', value));
  const listener = gateway.listeners.find((l) => within(l.span));
  const ref = listener?.certificateRefs.find((c) => within(c.span));
  if (ref && ref.kind === 'Secret') return objects(index.lookup('Secret', ref.namespace ?? gateway.namespace, ref.name));
  return undefined;
}

/** A Service port's targetPort: the container ports it lands on. */
function serviceReading(service: Service, { index, path, within }: At): Reading {
  if (!(path[0] === 'spec' && path[1] === 'ports' && path[3] === 'targetPort')) return undefined;
  const port = service.ports.find((p) => within(p.span));
  if (!port) return undefined;
  const targets: TargetLocation[] = [];
  for (const workload of workloadsOfService(index, service)) {
    const resolved = resolveTargetPort(workload, port);
    if (resolved) targets.push({ file: workload.file, span: resolved.port.span });
  }
  return { targets };
}

/** A named port in a NetworkPolicy rule: the container ports of that name on the pods the rule is about. */
function namedPortReading(policy: NetworkPolicy, { index, path, value }: At): Reading {
  const direction = path[1] === 'ingress' ? 'Ingress' : path[1] === 'egress' ? 'Egress' : undefined;
  if (!(direction && typeof path[2] === 'number' && path[3] === 'ports' && path[5] === 'port' && value && !/^\d+$/.test(value))) return undefined;
  const model = reachModelOf(index).netpol;
  const compiled = model.policies.find((p) => p.policy === policy);
  const rule = compiled ? compiledRuleAt(compiled, direction, path[2]) : undefined;
  if (!compiled || !rule) return undefined;
  const destinations = direction === 'Ingress' ? model.classesSelectedIn(policy.namespace, policy.podSelector) : classesMatchedByRule(model, compiled, rule);
  const targets: TargetLocation[] = [];
  for (const cls of destinations) {
    for (const workload of cls.workloads) {
      for (const container of workload.containers) for (const port of container.ports) if (port.name === value) targets.push({ file: workload.file, span: port.span });
    }
  }
  return { targets };
}

/** An Istio VirtualService's gateways and destination Services and ports. */
function virtualServiceReading(vs: VirtualService, { index, within }: At): Reading {
  const gatewayEntry = vs.gateways.find((g) => within(g.span));
  if (gatewayEntry) {
    const ref = istioGatewayRef(gatewayEntry.value, vs.namespace);
    return ref ? objects(index.lookup('Gateway', ref.namespace, ref.name).filter((g) => g.istio)) : NOTHING;
  }
  const destination = vs.destinations.find((d) => within(d.span));
  const target = destination ? destinationServiceOf(destination.host, vs.namespace) : undefined;
  if (!destination || !target) return undefined;
  const services = index.lookup('Service', target.namespace, target.name);
  if (within(destination.hostSpan)) return objects(services);
  if (destination.portSpan && within(destination.portSpan) && destination.port !== undefined) return servicePorts(services, destination.port);
  return undefined;
}

/** A policy's target (the object, or the Gateway listener / Service port a section names). */
function policyReferent(index: WorkspaceIndex, policy: AttachedPolicy, within: (span: { start: number; end: number }) => boolean): Referent | undefined {
  const ref = policy.targetRefs.find((r) => within(r.span));
  if (!ref) return undefined;
  const found = index.lookupAny(ref.kind, ref.namespace ?? policy.namespace, ref.name).filter((r) => ref.kind !== 'Gateway' || !(r as Gateway).istio);
  const section = ref.sections.find((s) => within(s.span));
  if (!section) return objects(found);
  const targets: TargetLocation[] = [];
  for (const target of found) {
    if (ref.kind === 'Gateway') for (const l of (target as Gateway).listeners) if (l.name === section.value) targets.push({ file: target.file, span: l.span });
    if (ref.kind === 'Service') for (const p of (target as Service).ports) if (p.name === section.value) targets.push({ file: target.file, span: p.span });
  }
  return { targets };
}

/** A selector (anywhere inside it): every matched workload, or the matched Namespace objects. */
function selectorReferent(index: WorkspaceIndex, resource: AnyResource, path: readonly PathSegment[]): Referent | undefined {
  const site = selectorSiteAt(resource, path);
  if (!site) return undefined;
  if (site.kind === 'namespaces') {
    return { targets: namespacesOfSelector(index, site.selector).flatMap((ns) => index.lookup('Namespace', '', ns).map(at)) };
  }
  return { targets: workloadsOfSite(index, site).map(at) };
}

function servicePorts(services: Service[], port: number | string): Referent {
  const targets: TargetLocation[] = [];
  for (const service of services) {
    for (const p of service.ports) if (typeof port === 'number' ? p.port === port : p.name === port) targets.push({ file: service.file, span: p.span });
  }
  return { targets };
}

function workloadReferent(index: WorkspaceIndex, workload: Workload, cursor: CursorContext, path: readonly PathSegment[], within: (span: { start: number; end: number }) => boolean): Referent | undefined {
  const reference = referencesOf(index, workload).find((r) => within(r.span) || (r.span.start <= cursor.offset && cursor.offset <= r.span.end));
  if (reference) return objects(index.lookup('Service', reference.namespace, reference.serviceName));
  const value = cursor.node?.kind === 'scalar' && cursor.node.value !== null ? String(cursor.node.value) : undefined;
  if (!value || path[path.length - 1] !== 'name') return undefined;
  const parent = path[path.length - 2];
  if (parent === 'configMapKeyRef' || parent === 'configMapRef' || parent === 'configMap') return objects(index.lookup('ConfigMap', workload.namespace, value));
  if (parent === 'secretKeyRef' || parent === 'secretRef') return objects(index.lookup('Secret', workload.namespace, value));
  if (parent === 'secret' && path.includes('volumes')) return objects(index.lookup('Secret', workload.namespace, value));
  return undefined;
}
