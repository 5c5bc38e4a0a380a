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
import { selectorMatches } from '../model/labelSelector';
import { reachModelOf } from '../reach/model';
import type { CursorContext, PathSegment } from './cursor';
import type { TargetLocation } from './host';
import { namespacesOfSelector, selectorSiteAt, workloadsOfSite } from './selectors';

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

export function referentAt(index: WorkspaceIndex, cursor: CursorContext, path: readonly PathSegment[]): Referent | undefined {
  const resource = cursor.resource;
  if (!resource || !cursor.node) return undefined;
  if (cursor.onKey) return selectorReferent(index, resource, path);
  const value = cursor.node.kind === 'scalar' && cursor.node.value !== null ? String(cursor.node.value) : undefined;
  const within = (span: { start: number; end: number }) => span.start <= cursor.node!.start && cursor.node!.end <= span.end;

  switch (resource.kind) {
    case 'Ingress': {
      const ingress = resource as Ingress;
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
      if (!backend) break;
      const services = index.lookup('Service', ingress.namespace, backend.service);
      if (within(backend.serviceSpan)) return objects(services);
      if (backend.portSpan && within(backend.portSpan) && backend.port !== undefined) return servicePorts(services, backend.port);
      break;
    }
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
    case 'TCPRoute':
    case 'UDPRoute': {
      const route = resource as Route;
      const parent = route.parentRefs.find((p) => within(p.span));
      if (parent && path[0] === 'spec' && path[1] === 'parentRefs') {
        return parent.kind === 'Gateway' ? objects(index.lookup('Gateway', parent.namespace ?? route.namespace, parent.name)) : undefined;
      }
      const ref = route.rules.flatMap((r) => r.backendRefs).find((b) => within(b.span));
      if (!ref || ref.kind !== 'Service') break;
      const services = index.lookup('Service', backendNamespace(route, ref), ref.name);
      if (within(ref.nameSpan)) return objects(services);
      if (ref.portSpan && within(ref.portSpan) && ref.port !== undefined) return servicePorts(services, ref.port);
      break;
    }
    case 'Gateway': {
      const gateway = resource as Gateway;
      if (path[0] === 'spec' && path[1] === 'gatewayClassName' && value) return objects(index.lookup('GatewayClass', '', value));
      const listener = gateway.listeners.find((l) => within(l.span));
      const ref = listener?.certificateRefs.find((c) => within(c.span));
      if (ref && ref.kind === 'Secret') return objects(index.lookup('Secret', ref.namespace ?? gateway.namespace, ref.name));
      break;
    }
    case 'Service': {
      const service = resource as Service;
      if (path[0] === 'spec' && path[1] === 'ports' && path[3] === 'targetPort') {
        const port = service.ports.find((p) => within(p.span));
        if (!port) break;
        const targets: TargetLocation[] = [];
        for (const workload of workloadsOfService(index, service)) {
          const resolved = resolveTargetPort(workload, port);
          if (resolved) targets.push({ file: workload.file, span: resolved.port.span });
        }
        return { targets };
      }
      break;
    }
    case 'NetworkPolicy': {
      const policy = resource as NetworkPolicy;
      const direction = path[1] === 'ingress' ? 'Ingress' : path[1] === 'egress' ? 'Egress' : undefined;
      if (direction && typeof path[2] === 'number' && path[3] === 'ports' && path[5] === 'port' && value && !/^\d+$/.test(value)) {
        const model = reachModelOf(index).netpol;
        const compiled = model.policies.find((p) => p.policy === policy);
        const rule = compiled ? compiledRuleAt(compiled, direction, path[2]) : undefined;
        if (!compiled || !rule) break;
        const destinations = direction === 'Ingress' ? model.classesIn(policy.namespace).filter((c) => selectorMatches(policy.podSelector, c.labels)) : classesMatchedByRule(model, compiled, rule);
        const targets: TargetLocation[] = [];
        for (const cls of destinations) {
          for (const workload of cls.workloads) {
            for (const container of workload.containers) for (const port of container.ports) if (port.name === value) targets.push({ file: workload.file, span: port.span });
          }
        }
        return { targets };
      }
      break;
    }
    case 'VirtualService': {
      if (!('destinations' in resource)) break;
      const vs = resource as VirtualService;
      const gatewayEntry = vs.gateways.find((g) => within(g.span));
      if (gatewayEntry) {
        const ref = istioGatewayRef(gatewayEntry.value, vs.namespace);
        return ref ? objects(index.lookup('Gateway', ref.namespace, ref.name).filter((g) => g.istio)) : undefined;
      }
      const destination = vs.destinations.find((d) => within(d.span));
      const target = destination ? destinationServiceOf(destination.host, vs.namespace) : undefined;
      if (!destination || !target) break;
      const services = index.lookup('Service', target.namespace, target.name);
      if (within(destination.hostSpan)) return objects(services);
      if (destination.portSpan && within(destination.portSpan) && destination.port !== undefined) return servicePorts(services, destination.port);
      break;
    }
    default:
      if (isWorkload(resource)) return workloadReferent(index, resource, cursor, path, within);
      if ('targetRefs' in resource && 'group' in resource) {
        const referent = policyReferent(index, resource as AttachedPolicy, within);
        if (referent) return referent;
      }
      if (resource.kind === 'ConfigMap') {
        const reference = referencesOf(index, resource as ConfigMap).find((r) => within(r.span) || (r.span.start <= cursor.offset && cursor.offset <= r.span.end));
        if (reference) return objects(index.lookup('Service', reference.namespace, reference.serviceName));
      }
  }
  return selectorReferent(index, resource, path);
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
