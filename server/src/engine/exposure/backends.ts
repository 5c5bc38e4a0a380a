/**
 * Backend resolution shared by exposure, hovers and navigation: an Ingress or route backend (Service name + port)
 * resolved to the Service definitions, the Service port, and per selected workload the pod port traffic lands on.
 */
import { findServicePort, resolveTargetPort, workloadsOfService } from '../model/serviceBackends';
import type { BackendRef, ReferenceGrant, Route, Service, ServicePort, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';

export interface PodTarget {
  workload: Workload;
  /** The pod port the Service port lands on; undefined when a named targetPort has no matching container port. */
  port?: number;
  /** The container port's name, when it has one. */
  portName?: string;
}

export interface ServicePortTargets {
  service: Service;
  servicePort: ServicePort;
  targets: PodTarget[];
}

/** Where one Service port lands in each workload the Service selects. */
export function targetsOfServicePort(index: WorkspaceIndex, service: Service, servicePort: ServicePort): ServicePortTargets {
  const targets = workloadsOfService(index, service).map((workload): PodTarget => {
    const resolved = resolveTargetPort(workload, servicePort);
    const target: PodTarget = { workload };
    if (typeof servicePort.targetPort === 'number') target.port = servicePort.targetPort;
    else if (resolved) target.port = resolved.port.containerPort;
    if (resolved?.port.name) target.portName = resolved.port.name;
    return target;
  });
  return { service, servicePort, targets };
}

export interface BackendResolution {
  /** Every definition of the named Service in the namespace (several when variants define it). */
  services: Service[];
  /** The Service port per definition that has it (port absent = every port). */
  ports: ServicePortTargets[];
  /** True when a Service exists but none of its definitions has the port. */
  portMissing: boolean;
}

/** A Service backend (`name` + number or name port) in a namespace. */
export function resolveServiceBackend(index: WorkspaceIndex, namespace: string, name: string, port: number | string | undefined): BackendResolution {
  const services = index.lookup('Service', namespace, name);
  const ports: ServicePortTargets[] = [];
  for (const service of services) {
    const servicePorts = port === undefined ? service.ports : [findServicePort(service, port)].filter((p): p is ServicePort => !!p);
    for (const servicePort of servicePorts) ports.push(targetsOfServicePort(index, service, servicePort));
  }
  return { services, ports, portMissing: services.length > 0 && port !== undefined && ports.length === 0 };
}

/** The namespace a route's backendRef points into. */
export function backendNamespace(route: Route, ref: BackendRef): string {
  return ref.namespace ?? route.namespace;
}

/**
 * Whether a ReferenceGrant in the target namespace lets `fromKind` objects of `fromNamespace` refer to the target
 * (same-namespace references need none).
 */
export function referenceAllowed(index: WorkspaceIndex, fromKind: string, fromNamespace: string, toKind: string, toNamespace: string, toName: string): boolean {
  if (fromNamespace === toNamespace) return true;
  return grantsFor(index, fromKind, fromNamespace, toKind, toNamespace).some((grant) =>
    grant.to.some((to) => to.kind === toKind && (to.name === undefined || to.name === toName)),
  );
}

/** ReferenceGrants in `toNamespace` that admit `fromKind` objects from `fromNamespace` toward `toKind`. */
export function grantsFor(index: WorkspaceIndex, fromKind: string, fromNamespace: string, toKind: string, toNamespace: string): ReferenceGrant[] {
  return index
    .ofKindIn('ReferenceGrant', toNamespace)
    .filter((grant) => grant.from.some((f) => f.kind === fromKind && f.namespace === fromNamespace) && grant.to.some((t) => t.kind === toKind));
}

/** A route's backendRef as a Service backend, when it is one and the reference is allowed. */
export function resolveRouteBackend(index: WorkspaceIndex, route: Route, ref: BackendRef): BackendResolution & { allowed: boolean } {
  const namespace = backendNamespace(route, ref);
  if (ref.kind !== 'Service' || (ref.group !== '' && ref.group !== 'core')) return { services: [], ports: [], portMissing: false, allowed: true };
  const allowed = referenceAllowed(index, route.kind, route.namespace, 'Service', namespace, ref.name);
  return { ...resolveServiceBackend(index, namespace, ref.name, ref.port), allowed };
}

/** Pods a workload runs, for prose: `3 pods`, `1 pod`, `pods on every node`. */
export function podCountOf(workload: Workload): { count?: number; text: string } {
  if (workload.kind === 'DaemonSet') return { text: 'one pod per node' };
  if (workload.kind === 'Pod') return { count: 1, text: '1 pod' };
  if (workload.kind === 'Job' || workload.kind === 'CronJob') return { text: 'job pods' };
  const count = workload.replicas ?? 1;
  return { count, text: `${count} pod${count === 1 ? '' : 's'}` };
}
