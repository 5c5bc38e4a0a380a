/**
 * The NetworkPolicy model of an index (per engine semantics), built once and kept by the index until a workload,
 * policy or namespace changes. Rules and features that query reachability share it instead of rebuilding it per
 * object or per request. Shared without blanket reads: the model's accessors record what each answer depends on.
 */
import { ADMIN_POLICY_KINDS } from '../model/extract/adminNetworkPolicy';
import { WORKLOAD_KINDS } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { buildNetpolModel, type NetpolModel, type NetpolOptions } from './model';
import { API_SEMANTICS, semanticsKey } from './semantics';

const MODEL_INPUT_KINDS: readonly string[] = [...WORKLOAD_KINDS, 'NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'Namespace', ...ADMIN_POLICY_KINDS];

export function netpolModelOf(index: WorkspaceIndex, options: NetpolOptions = {}): NetpolModel {
  const key = `netpol-model:${semanticsKey(options.semantics ?? API_SEMANTICS)}`;
  return index.shared(key, MODEL_INPUT_KINDS, () => buildNetpolModel(index, options));
}
