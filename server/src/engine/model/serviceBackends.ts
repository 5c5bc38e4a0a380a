/** How a Service reaches pods: which workloads it selects and which container port each of its ports lands on. */
import { equalitySelector } from './labelSelector';
import type { Container, ContainerPort, Service, ServicePort, Workload } from './resources';
import type { WorkspaceIndex } from './workspaceIndex';

export function workloadsOfService(index: WorkspaceIndex, service: Service): Workload[] {
  if (!service.selector || service.type === 'ExternalName') return [];
  return index.workloadsSelectedBy(service.namespace, equalitySelector(service.selector, service.nameSpan));
}

/** A Service port named by an Ingress/route backend: by number (`port.number`) or by name (`port.name`). */
export function findServicePort(service: Service, ref: number | string): ServicePort | undefined {
  return service.ports.find((p) => (typeof ref === 'number' ? p.port === ref : p.name === ref));
}

export interface ResolvedTarget {
  container: Container;
  port: ContainerPort;
}

/**
 * The container port a Service port's targetPort lands on in one workload. Named targetPorts are looked up the
 * way the endpoints controller does: by name and protocol. A numeric targetPort needs no declaration (traffic goes
 * to that number whether or not a container lists it), so a miss there only means "not declared".
 */
export function resolveTargetPort(workload: Workload, servicePort: ServicePort): ResolvedTarget | undefined {
  for (const container of workload.containers) {
    if (container.init) continue;
    for (const port of container.ports) {
      const matches =
        typeof servicePort.targetPort === 'number'
          ? port.containerPort === servicePort.targetPort
          : port.name === servicePort.targetPort && port.protocol === servicePort.protocol;
      if (matches) return { container, port };
    }
  }
  return undefined;
}

/** Container ports of a workload, for hints: `http (8080/TCP)`. */
export function describeContainerPorts(workload: Workload): string {
  const ports = workload.containers
    .filter((c) => !c.init)
    .flatMap((c) => c.ports.map((p) => (p.name ? `${p.name} (${p.containerPort}/${p.protocol})` : `${p.containerPort}/${p.protocol}`)));
  return ports.length ? ports.join(', ') : 'none';
}
