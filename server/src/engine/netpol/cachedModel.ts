/**
 * The NetworkPolicy model of an index, built once and kept by the index until a workload, policy, namespace,
 * Service or Ingress changes. Rules and features that query reachability share it instead of rebuilding it per
 * object or per request. Shared without blanket reads: the model's accessors record what each answer depends on.
 */
import { WORKLOAD_KINDS } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { buildNetpolModel, type NetpolModel, type NetpolOptions } from './model';

const MODEL_INPUT_KINDS: readonly string[] = [...WORKLOAD_KINDS, 'NetworkPolicy', 'Namespace', 'Service', 'Ingress'];

export function netpolModelOf(index: WorkspaceIndex, options: NetpolOptions = {}): NetpolModel {
  return index.shared(`netpol-model:${JSON.stringify(options)}`, MODEL_INPUT_KINDS, () => buildNetpolModel(index, options));
}
