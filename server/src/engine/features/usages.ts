/**
 * Who uses what, for hovers, references and code lenses: the Ingress paths and route rules that send traffic to a
 * Service, the Services and policies that select a workload, the routes attached to a Gateway, the objects of a class.
 * The two that read every workload or every policy of the workspace are also steppable (`steps.ts`), for the
 * references request, which the language server runs in slices.
 */
import { backendNamespace, referenceAllowed } from '../exposure/backends';
import { servicesSelecting } from '../exposure/exposure';
import { selectorMatches } from '../model/labelSelector';
import { referencesOf } from '../model/references';
import type { AnyResource, ConfigMap, Gateway, Ingress, NetworkPolicy, Route, Service, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { NetpolModel } from '../netpol/model';
import type { Span } from '../syntax/tree';
import { runSteps, type Steps } from './steps';

export interface Usage {
  /** The object that refers. */
  resource: AnyResource;
  /** The referring text (a backend's service name, a parentRef, a selector). */
  span: Span;
  /** What it is, for lists: `host shop.example.com /api`. */
  detail: string;
}

export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

export function allRoutes(index: WorkspaceIndex): Route[] {
  return ROUTE_KINDS.flatMap((kind) => index.ofKind(kind as 'HTTPRoute') as Route[]);
}

/** Ingress backends and route backendRefs that name the Service. */
export function routesToService(index: WorkspaceIndex, service: Service): Usage[] {
  const out: Usage[] = [];
  for (const ingress of index.ofKindIn('Ingress', service.namespace)) out.push(...ingressUsages(ingress, service));
  for (const route of allRoutes(index)) {
    for (const rule of route.rules) {
      for (const ref of rule.backendRefs) {
        if (ref.kind !== 'Service' || ref.name !== service.name || backendNamespace(route, ref) !== service.namespace) continue;
        if (!referenceAllowed(index, route.kind, route.namespace, 'Service', service.namespace, service.name)) continue;
        const paths = rule.matches.flatMap((m) => (m.pathValue !== undefined ? [m.pathValue] : []));
        const hosts = route.hostnames.map((h) => h.value);
        out.push({ resource: route, span: ref.nameSpan, detail: `${hosts.length ? `host ${hosts.join(', ')} ` : ''}${paths.join(', ') || '/'}${ref.port !== undefined ? ` → port ${ref.port}` : ''}` });
      }
    }
  }
  return out;
}

function ingressUsages(ingress: Ingress, service: Service): Usage[] {
  const out: Usage[] = [];
  const port = (p: number | string | undefined) => (p === undefined ? '' : ` → port ${p}`);
  const backend = ingress.defaultBackend?.service;
  if (backend && backend.service === service.name) out.push({ resource: ingress, span: backend.serviceSpan, detail: `default backend${port(backend.port)}` });
  for (const rule of ingress.rules) {
    for (const path of rule.paths) {
      const ref = path.backend.service;
      if (ref && ref.service === service.name) out.push({ resource: ingress, span: ref.serviceSpan, detail: `host ${rule.host ?? '*'} ${path.path ?? '/'}${port(ref.port)}` });
    }
  }
  return out;
}

/** Services whose selector matches the workload's pods. */
export function servicesOfWorkload(index: WorkspaceIndex, workload: Workload): Usage[] {
  return servicesSelecting(index, workload).map((service) => ({ resource: service, span: service.selectorSpan ?? service.nameSpan, detail: 'selects its pods' }));
}

/** Policies whose podSelector matches the workload's pods (they isolate it in some direction). */
export function policiesSelectingWorkload(index: WorkspaceIndex, workload: Workload): Usage[] {
  return index
    .ofKindIn('NetworkPolicy', workload.namespace)
    .filter((p) => selectorMatches(p.podSelector, workload.podLabels))
    .map((policy) => ({ resource: policy, span: policy.podSelector.span, detail: `selects its pods (${directionsOf(policy)})` }));
}

function directionsOf(policy: NetworkPolicy): string {
  const types = policy.policyTypes ?? (policy.egress && policy.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
  return types.map((t) => t.toLowerCase()).join(' and ') || 'no direction';
}

/** Policy peers (from/to entries) that match the workload's pods, yielding after each policy. */
export function* policyPeersMatchingSteps(model: NetpolModel, workload: Workload): Steps<Usage[]> {
  const cls = model.classOf(workload);
  if (!cls) return [];
  const out: Usage[] = [];
  for (const policy of model.policies) {
    yield;
    for (const direction of ['Ingress', 'Egress'] as const) {
      for (const rule of policy.rules[direction]) {
        for (const peer of rule.peers ?? []) {
          if (peer.kind !== 'pods') continue;
          const namespaceMatches = peer.namespaceSelector ? model.namespaceSelectorMatches(peer.namespaceSelector, cls.namespace) : cls.namespace === policy.namespace;
          if (namespaceMatches && (!peer.podSelector || selectorMatches(peer.podSelector, cls.labels))) {
            out.push({ resource: policy.policy, span: peer.peer.span, detail: direction === 'Ingress' ? 'admits it as a source' : 'allows it as a destination' });
          }
        }
      }
    }
  }
  return out;
}

/** Route parentRefs that attach to the Gateway. */
export function routesOfGateway(index: WorkspaceIndex, gateway: Gateway): Usage[] {
  const out: Usage[] = [];
  for (const route of allRoutes(index)) {
    for (const parent of route.parentRefs) {
      if (parent.kind !== 'Gateway' || parent.name !== gateway.name || (parent.namespace ?? route.namespace) !== gateway.namespace) continue;
      out.push({ resource: route, span: parent.span, detail: `${route.kind}${parent.sectionName ? ` on listener ${parent.sectionName}` : ''}` });
    }
  }
  return out;
}

/** Ingresses that name an IngressClass, Gateways that name a GatewayClass. */
export function usersOfClass(index: WorkspaceIndex, resource: AnyResource): Usage[] {
  if (resource.kind === 'IngressClass') {
    return index.ofKind('Ingress').flatMap((i) => (i.ingressClassName === resource.name && i.ingressClassNameSpan ? [{ resource: i, span: i.ingressClassNameSpan, detail: 'ingressClassName' }] : []));
  }
  if (resource.kind === 'GatewayClass') {
    return index.ofKind('Gateway').flatMap((g) => (g.gatewayClassName === resource.name && g.gatewayClassNameSpan ? [{ resource: g, span: g.gatewayClassNameSpan, detail: 'gatewayClassName' }] : []));
  }
  return [];
}

/** Env values and ConfigMap entries that name the Service (model/references.ts decides what counts). */
export function referencesToService(index: WorkspaceIndex, service: Service): Usage[] {
  return runSteps(referencesToServiceSteps(index, service));
}

/** `referencesToService`, yielding after each workload and ConfigMap. */
export function* referencesToServiceSteps(index: WorkspaceIndex, service: Service): Steps<Usage[]> {
  const out: Usage[] = [];
  const sources: (Workload | ConfigMap)[] = [...index.workloads(), ...index.ofKind('ConfigMap')];
  for (const source of sources) {
    yield;
    for (const reference of referencesOf(index, source)) {
      if (reference.serviceName !== service.name || reference.namespace !== service.namespace) continue;
      const detail = reference.via === 'env' ? `env ${reference.envName ?? ''}` : reference.via === 'arg' ? `arg ${JSON.stringify(reference.arg ?? '')}` : `data ${reference.key ?? ''}`;
      out.push({ resource: source, span: reference.span, detail: `${detail} = ${reference.host}${reference.port !== undefined && !reference.portImplied ? `:${reference.port}` : ''}` });
    }
  }
  return out;
}
