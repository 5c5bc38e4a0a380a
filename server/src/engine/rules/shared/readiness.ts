/** Whether a Service that exists has pods behind it, for the "backend exists but selects nothing" rules. */
import type { Service } from '../../model/resources';
import { workloadsOfService } from '../../model/serviceBackends';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { byLocation } from './order';

export type Readiness = { ready: true } | { ready: false; reason: string; sure: boolean };

/**
 * Over every definition of the Service (variants): ready when any selects a workload. Services without a selector
 * (hand-made Endpoints) and ExternalName Services are taken as ready. Not sure when the workspace holds no workload
 * in the namespace at all (the pods may come from elsewhere).
 */
export function serviceReadiness(index: WorkspaceIndex, services: readonly Service[]): Readiness {
  if (services.length === 0) return { ready: true };
  const sorted = byLocation(services);
  for (const service of sorted) {
    if (!service.selector || service.type === 'ExternalName') return { ready: true };
    if (workloadsOfService(index, service).length > 0) return { ready: true };
  }
  const service = sorted[0]!;
  const selector = Object.entries(service.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const none = !index.hasWorkloadsIn(service.namespace);
  return {
    ready: false,
    sure: !none,
    reason: none
      ? `the workspace has no workload in namespace \`${service.namespace}\``
      : `no pod template in namespace \`${service.namespace}\` has ${selector}`,
  };
}
