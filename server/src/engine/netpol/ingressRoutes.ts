/**
 * What the ingress controller is asked to connect to: every Ingress backend (rules' paths and the default backend)
 * names a Service of the Ingress's namespace and one of its ports; the Service's selector picks pods, and the
 * port's targetPort says which pod port the controller opens. The controller speaks HTTP, so only TCP Service ports
 * count. Named targetPorts resolve on each pod (by name and protocol, as the endpoints controller does); a numeric
 * targetPort needs no containerPort declaration, since traffic goes to that number whether or not one is listed.
 */
import { findServicePort, resolveTargetPort, workloadsOfService } from '../model/serviceBackends';
import type { Ingress, IngressBackend, Service, ServicePort, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { connectionsOf, unionConnections, noConnections, type ConnectionSet } from './portSet';
import type { PodClass } from './podClasses';

export interface IngressRoute {
  readonly ingress: Ingress;
  readonly service: Service;
  readonly servicePort: ServicePort;
  readonly workload: Workload;
  /** The pod port the controller connects to (TCP). */
  readonly targetPort: number;
}

export interface IngressRoutes {
  /** TCP target ports of every route to the class. */
  readonly ports: ConnectionSet;
  readonly routes: readonly IngressRoute[];
}

export function ingressRoutesByClass(index: WorkspaceIndex, classOf: (workload: Workload) => PodClass | undefined): Map<number, IngressRoutes> {
  const byClass = new Map<number, { ports: ConnectionSet; routes: IngressRoute[] }>();
  for (const ingress of index.ofKind('Ingress')) {
    const backends: IngressBackend[] = [...(ingress.defaultBackend ? [ingress.defaultBackend] : []), ...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend))];
    for (const backend of backends) {
      if (!backend.service) continue;
      const ref = backend.service;
      for (const service of index.lookup('Service', ingress.namespace, ref.service)) {
        // A backend without a port (invalid for networking.k8s.io/v1) is read as "any port of the Service".
        const servicePorts = ref.port === undefined ? service.ports : [findServicePort(service, ref.port)].filter((p): p is ServicePort => !!p);
        for (const servicePort of servicePorts) {
          if (servicePort.protocol !== 'TCP') continue;
          for (const workload of workloadsOfService(index, service)) {
            const cls = classOf(workload);
            if (!cls) continue;
            const targetPort = typeof servicePort.targetPort === 'number' ? servicePort.targetPort : resolveTargetPort(workload, servicePort)?.port.containerPort;
            if (targetPort === undefined) continue;
            let entry = byClass.get(cls.id);
            if (!entry) byClass.set(cls.id, (entry = { ports: noConnections(), routes: [] }));
            entry.ports = unionConnections(entry.ports, connectionsOf('TCP', [{ from: targetPort, to: targetPort }]));
            entry.routes.push({ ingress, service, servicePort, workload, targetPort });
          }
        }
      }
    }
  }
  return byClass;
}
