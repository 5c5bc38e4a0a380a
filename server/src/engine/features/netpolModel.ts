/**
 * The NetworkPolicy model features query. The ingress controller is placed where the workspace's Ingresses say it
 * runs: when every Ingress is served by one known in-cluster controller with a known namespace (on AKS the
 * application routing add-on's `app-routing-system`), policies are judged against that namespace; otherwise the
 * engine's neutral default is kept.
 */
import { ingressControllerOf } from '../exposure/controllers';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { netpolModelOf } from '../netpol/cachedModel';
import type { NetpolModel } from '../netpol/model';

export function netpolModelFor(index: WorkspaceIndex): NetpolModel {
  const namespaces = new Set<string>();
  let unknown = false;
  for (const ingress of index.ofKind('Ingress')) {
    const controller = ingressControllerOf(index, ingress);
    if (controller.hosting === 'in-cluster' && controller.facts?.namespace) namespaces.add(controller.facts.namespace);
    else unknown = true;
  }
  if (namespaces.size === 1 && !unknown) return netpolModelOf(index, { ingressController: { namespace: [...namespaces][0]! } });
  return netpolModelOf(index);
}
