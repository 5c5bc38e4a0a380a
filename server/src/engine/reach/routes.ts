/**
 * Where each way in sends traffic: per pod class, the pod ports (and the objects that route there).
 *  - An ingress controller: every backend of the Ingresses it serves (rules' paths and the default backend) names a
 *    Service of the Ingress's namespace and one of its ports (by number or name; none: every port); the Service's
 *    selector picks the pods; the targetPort gives the pod port, named targetPorts resolving on each pod by name and
 *    protocol. Only TCP Service ports count (the controller speaks HTTP).
 *  - A gateway: every backendRef to a core Service of the routes attached to it (a cross-namespace one only with a
 *    ReferenceGrant); UDPRoutes carry UDP, the others TCP.
 *  - A LoadBalancer or NodePort Service: every port of the Service, with its protocol.
 * A numeric targetPort needs no containerPort declaration: traffic goes to that number whether or not one is listed.
 */
import { referenceAllowed } from '../exposure/backends';
import { findServicePort, resolveTargetPort, workloadsOfService } from '../model/serviceBackends';
import type { Ingress, IngressBackend, Protocol, Route, Service, ServicePort, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { PodClass } from '../netpol/podClasses';
import { connectionsOf, noConnections, unionConnections, type ConnectionSet } from '../netpol/portSet';
import type { IngressPath } from './placement';

export interface PathRoute {
  /** The Ingress or route that sends the traffic; for a Service's own load balancer or NodePort, the Service. */
  readonly via: Ingress | Route | Service;
  readonly service: Service;
  readonly servicePort: ServicePort;
  readonly workload: Workload;
  readonly protocol: Protocol;
  /** The pod port the traffic is sent to. */
  readonly targetPort: number;
}

export interface RoutesToClass {
  /** Every pod port routed to the class. */
  readonly ports: ConnectionSet;
  readonly routes: readonly PathRoute[];
}

type ClassOf = (workload: Workload) => PodClass | undefined;

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

export function routesOfPath(index: WorkspaceIndex, path: IngressPath, classOf: ClassOf): Map<number, RoutesToClass> {
  const out = new Map<number, { ports: ConnectionSet; routes: PathRoute[] }>();
  for (const ingress of path.ingresses) {
    const backends: IngressBackend[] = [...(ingress.defaultBackend ? [ingress.defaultBackend] : []), ...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend))];
    for (const backend of backends) {
      const ref = backend.service;
      if (!ref) continue;
      for (const service of index.lookup('Service', ingress.namespace, ref.service)) {
        // A backend without a port (invalid for networking.k8s.io/v1) is read as "any port of the Service".
        const ports = ref.port === undefined ? service.ports : [findServicePort(service, ref.port)].filter((p): p is ServicePort => !!p);
        for (const servicePort of ports) if (servicePort.protocol === 'TCP') addService(index, out, ingress, service, servicePort, classOf);
      }
    }
  }
  const gateway = path.gateway;
  if (gateway) {
    for (const kind of ROUTE_KINDS) {
      for (const route of index.ofKind(kind as 'HTTPRoute') as Route[]) {
        if (!route.apiVersion.startsWith('gateway.networking.k8s.io/')) continue;
        const attached = route.parentRefs.some((p) => p.kind === 'Gateway' && p.name === gateway.name && (p.namespace ?? route.namespace) === gateway.namespace);
        if (!attached) continue;
        const protocol: Protocol = route.kind === 'UDPRoute' ? 'UDP' : 'TCP';
        for (const rule of route.rules) {
          for (const ref of rule.backendRefs) {
            if (ref.kind !== 'Service' || (ref.group !== '' && ref.group !== 'core')) continue;
            const namespace = ref.namespace ?? route.namespace;
            if (!referenceAllowed(index, route.kind, route.namespace, 'Service', namespace, ref.name)) continue;
            for (const service of index.lookup('Service', namespace, ref.name)) {
              const ports = ref.port === undefined ? service.ports : service.ports.filter((p) => p.port === ref.port);
              for (const servicePort of ports) if (servicePort.protocol === protocol) addService(index, out, route, service, servicePort, classOf);
            }
          }
        }
      }
    }
  }
  return out;
}

/** A Service's own way in (its load balancer or NodePort): every port, with its protocol. */
export function routesOfService(index: WorkspaceIndex, service: Service, classOf: ClassOf): Map<number, RoutesToClass> {
  const out = new Map<number, { ports: ConnectionSet; routes: PathRoute[] }>();
  for (const servicePort of service.ports) addService(index, out, service, service, servicePort, classOf);
  return out;
}

function addService(index: WorkspaceIndex, out: Map<number, { ports: ConnectionSet; routes: PathRoute[] }>, via: PathRoute['via'], service: Service, servicePort: ServicePort, classOf: ClassOf): void {
  for (const workload of workloadsOfService(index, service)) {
    const cls = classOf(workload);
    if (!cls) continue;
    const targetPort = typeof servicePort.targetPort === 'number' ? servicePort.targetPort : resolveTargetPort(workload, servicePort)?.port.containerPort;
    if (targetPort === undefined) continue;
    let entry = out.get(cls.id);
    if (!entry) out.set(cls.id, (entry = { ports: noConnections(), routes: [] }));
    entry.ports = unionConnections(entry.ports, connectionsOf(servicePort.protocol, [{ from: targetPort, to: targetPort }]));
    entry.routes.push({ via, service, servicePort, workload, protocol: servicePort.protocol, targetPort });
  }
}
