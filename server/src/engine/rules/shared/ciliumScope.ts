/** Helpers shared by the Cilium rules: the compiled form of a policy and the workspace pods its rules select. */
import { isCiliumPolicyKind } from '../../model/extract/cilium';
import type { AnyResource, CiliumPolicy } from '../../model/resources';
import type { DirectionVerdict } from '../../netpol/evaluate';
import { ciliumPolicyName, compileCiliumPolicy, type CompiledCiliumItem, type CompiledCiliumPolicy } from '../../netpol/cilium/compiled';
import { ciliumClassesSelectedBy } from '../../reach/selection';

export const CILIUM_KINDS = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'] as const;

/** The compiled policy of a cilium.io/v2 object the extractor read (another version of the kind: undefined). */
export function compiledCiliumOf(resource: AnyResource): CompiledCiliumPolicy | undefined {
  return 'rules' in resource && isCiliumPolicyKind(resource.apiVersion, resource.kind) ? compileCiliumPolicy(resource as CiliumPolicy) : undefined;
}

/** Pod classes of the workspace a Cilium rule selects (the model's answer). */
export const classesSelectedBy = ciliumClassesSelectedBy;

/** An egress item that makes Cilium's DNS proxy see the lookups: toPorts on port 53 (or every port) with `rules: dns`. */
export function isDnsVisibilityItem(item: CompiledCiliumItem): boolean {
  return (item.item.ports ?? []).some((p) => p.l7?.protocol === 'dns' && (p.ports.length === 0 || p.ports.some((port) => port.port === undefined || port.port === '0' || port.port === '53')));
}

/** `CiliumNetworkPolicy` with its namespace and name for data. */
export function qualifiedCilium(policy: CompiledCiliumPolicy): string {
  return policy.clusterwide ? policy.name : `${policy.namespace}/${policy.name}`;
}

/** The Cilium policies that take part in a direction's verdict (`CiliumNetworkPolicy \`ns/name\``), in order. */
export function ciliumPoliciesOf(verdict: DirectionVerdict): string[] {
  return [...new Set((verdict.cilium?.rules ?? []).map((r) => r.policy))].map(ciliumPolicyName);
}
