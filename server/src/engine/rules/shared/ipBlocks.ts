/** The ipBlock peers of a NetworkPolicy's effective rules, with what they cover (for profile-aware rules). */
import { compilePolicy, type CompiledRule, type Direction } from '../../netpol/compiledPolicy';
import { isWholeFamily, parseCidr, rangeOverlaps, type AddressRange } from '../../address/addressRange';
import type { NetworkPolicy, NetworkPolicyPeer } from '../../model/resources';
import type { NamedRange } from '../../profile/ranges';

export interface IpBlockPeer {
  direction: Direction;
  rule: CompiledRule;
  peer: NetworkPolicyPeer & { ipBlock: NonNullable<NetworkPolicyPeer['ipBlock']> };
  /** The cidr as a range (before except). */
  cidr: AddressRange;
  /** cidr minus except. */
  addresses: readonly AddressRange[];
}

/** ipBlock peers of the directions the policy isolates (rules of other directions are ignored by the API). */
export function ipBlockPeers(policy: NetworkPolicy): IpBlockPeer[] {
  const compiled = compilePolicy(policy);
  const out: IpBlockPeer[] = [];
  for (const direction of ['Ingress', 'Egress'] as const) {
    for (const rule of compiled.rules[direction]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind !== 'ipBlock') continue;
        const cidr = parseCidr(peer.peer.ipBlock!.cidr);
        if (!cidr) continue;
        out.push({ direction, rule, peer: peer.peer as IpBlockPeer['peer'], cidr, addresses: peer.addresses });
      }
    }
  }
  return out;
}

/** The named ranges the ipBlock's addresses (after except) overlap. */
export function overlapping(block: IpBlockPeer, ranges: readonly NamedRange[]): NamedRange[] {
  return ranges.filter((r) => block.addresses.some((a) => rangeOverlaps(a, [r.range])));
}

export function coversEverything(block: IpBlockPeer): boolean {
  return isWholeFamily(block.cidr);
}

/** `from` for ingress rules, `to` for egress rules, for messages. */
export function peerWord(direction: Direction): { list: string; admits: string } {
  return direction === 'Ingress' ? { list: 'from', admits: 'traffic from' } : { list: 'to', admits: 'traffic to' };
}
