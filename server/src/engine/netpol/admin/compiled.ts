/**
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy compiled for evaluation: actions checked, networks parsed into
 * address sets, ANPs ordered by priority. Memoised per fact object (facts are never mutated).
 *
 * The API (https://network-policy-api.sigs.k8s.io/api-overview/, checked 2026-12-06): ANPs are evaluated by
 * priority, lower number first (0-1000); within one, rules in order; the first rule whose peers and ports match a
 * connection decides it: Allow (admitted, NetworkPolicies are not consulted), Deny (dropped), Pass (handed to the
 * NetworkPolicy tier). Connections no ANP rule decides are decided by the NetworkPolicies when some NetworkPolicy
 * isolates the pod for the direction, otherwise by the BaselineAdminNetworkPolicy (Allow / Deny, first match),
 * otherwise admitted. A policy only affects a direction it has rules for.
 */
import type { LabelSelector } from '../../model/labelSelector';
import type { AdminNetworkPolicy, AdminPolicyAction, AdminPolicyPeer, AdminPolicyPort, AdminPolicyRule } from '../../model/resources';
import { canonicalRanges, parseCidrExact, type AddressRange } from '../../address/addressRange';
import type { Direction } from '../compiledPolicy';

export type CompiledAdminPeer =
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelector; readonly index: number }
  | { readonly kind: 'pods'; readonly namespaceSelector: LabelSelector; readonly podSelector: LabelSelector; readonly index: number }
  | { readonly kind: 'networks'; readonly addresses: readonly AddressRange[]; readonly index: number }
  | { readonly kind: 'nodes'; readonly nodeSelector: LabelSelector; readonly index: number }
  | { readonly kind: 'invalid'; readonly reason: string; readonly index: number };

export interface CompiledAdminRule {
  /** Position in the policy's ingress or egress list (0-based). */
  readonly index: number;
  readonly rule: AdminPolicyRule;
  /** undefined: an action the API server rejects; the rule decides nothing. */
  readonly action: AdminPolicyAction | undefined;
  readonly peers: readonly CompiledAdminPeer[];
  readonly ports: readonly AdminPolicyPort[] | undefined;
}

export interface CompiledAdminPolicy {
  readonly policy: AdminNetworkPolicy;
  readonly tier: 'admin' | 'baseline';
  readonly priority: number;
  /** The subject as a peer (namespaces or pods); `invalid` selects nothing. */
  readonly subject: CompiledAdminPeer;
  readonly rules: Readonly<Record<Direction, readonly CompiledAdminRule[]>>;
  /** The networks its egress rules name, as written (not merged): where a connectivity list cuts the address space. */
  readonly egressNetworks: readonly AddressRange[];
}

const ACTIONS: Record<'admin' | 'baseline', readonly string[]> = { admin: ['Allow', 'Deny', 'Pass'], baseline: ['Allow', 'Deny'] };

const compiled = new WeakMap<AdminNetworkPolicy, CompiledAdminPolicy>();

export function compileAdminPolicy(policy: AdminNetworkPolicy): CompiledAdminPolicy {
  let result = compiled.get(policy);
  if (result) return result;
  const tier = policy.kind === 'AdminNetworkPolicy' ? 'admin' : 'baseline';
  const rulesOf = (rules: readonly AdminPolicyRule[]): CompiledAdminRule[] =>
    rules.map((rule, index) => ({
      index,
      rule,
      action: ACTIONS[tier].includes(rule.action) ? (rule.action as AdminPolicyAction) : undefined,
      peers: rule.peers.map(compilePeer),
      ports: rule.ports,
    }));
  const egress = rulesOf(policy.egress);
  result = {
    policy,
    tier,
    priority: policy.priority ?? 0,
    subject: compilePeer(policy.subject, 0),
    rules: { Ingress: rulesOf(policy.ingress), Egress: egress },
    egressNetworks: egress.flatMap((r) => r.peers.flatMap((p) => (p.kind === 'networks' ? p.addresses : []))),
  };
  compiled.set(policy, result);
  return result;
}

function compilePeer(peer: AdminPolicyPeer, index: number): CompiledAdminPeer {
  if (peer.invalid) return { kind: 'invalid', reason: peer.invalid, index };
  if (peer.namespaces) return { kind: 'namespaces', namespaceSelector: peer.namespaces, index };
  if (peer.pods) return { kind: 'pods', namespaceSelector: peer.pods.namespaceSelector, podSelector: peer.pods.podSelector, index };
  if (peer.nodes) return { kind: 'nodes', nodeSelector: peer.nodes, index };
  const ranges: AddressRange[] = [];
  for (const cidr of peer.networks ?? []) {
    const range = parseCidrExact(cidr.value);
    if (!range) return { kind: 'invalid', reason: `\`${cidr.value}\` is not a CIDR`, index };
    ranges.push(range);
  }
  return { kind: 'networks', addresses: canonicalRanges(ranges), index };
}

/** The ANPs in evaluation order (priority, then name: the API leaves equal priorities to the implementation). */
export function orderAdminPolicies(policies: readonly CompiledAdminPolicy[]): CompiledAdminPolicy[] {
  return [...policies].sort((a, b) => a.priority - b.priority || (a.policy.name < b.policy.name ? -1 : a.policy.name > b.policy.name ? 1 : 0));
}
