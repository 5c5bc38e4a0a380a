/** Which sensitive service (database, shell, control plane) a Service port exposes, directly or behind a targetPort. */
import { sensitivePort, type SensitivePort } from '../../kb/sensitivePorts';
import type { Service, ServicePort, Workload } from '../../model/resources';
import { resolveTargetPort } from '../../model/serviceBackends';

export interface SensitiveHit {
  facts: SensitivePort;
  /** `port`: the exposed port itself; `target`: the container port behind it. */
  via: 'port' | 'target';
}

/** `workloads` are the Service's selected workloads, in a deterministic order. */
export function sensitiveTarget(port: ServicePort, workloads: readonly Workload[]): SensitiveHit | undefined {
  const direct = sensitivePort(port.port);
  if (direct) return { facts: direct, via: 'port' };
  const targets = new Set<number>();
  if (typeof port.targetPort === 'number') targets.add(port.targetPort);
  for (const workload of workloads) {
    const resolved = resolveTargetPort(workload, port);
    if (resolved) targets.add(resolved.port.containerPort);
  }
  for (const target of targets) {
    const facts = sensitivePort(target);
    if (facts) return { facts, via: 'target' };
  }
  return undefined;
}

export function exposesSensitivePort(service: Service, workloads: readonly Workload[]): boolean {
  return service.ports.some((p) => sensitiveTarget(p, workloads) !== undefined);
}
