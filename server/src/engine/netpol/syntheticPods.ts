/**
 * Pods a question is about that the workspace does not declare: the cluster's DNS pods, an ingress controller or a
 * gateway the cluster deploys, the pods a policy will select in a namespace whose workloads live elsewhere. They are
 * pod classes like any other, so the engine evaluates them with the same code; a negative id keeps them out of the
 * model's per-class caches, and they belong to no workload.
 */
import type { Labels } from '../model/labelSelector';
import type { ContainerPort } from '../model/resources';
import type { PodClass } from './podClasses';

/** Id of synthetic classes (the model's own ingress controller stand-in is -1). */
export const SYNTHETIC_CLASS_ID = -2;

export function syntheticPodClass(namespace: string, labels: Labels, ports: readonly ContainerPort[] = []): PodClass {
  return { id: SYNTHETIC_CLASS_ID, namespace, labels: { ...labels }, ports, hostNetwork: false, workloads: [] };
}
