/** The address ranges a profile states, as parsed ranges with their written text (for rules and messages). */
import { parseCidr, type AddressRange } from '../address/addressRange';
import type { ClusterProfile } from './types';

export interface NamedRange {
  /** The CIDR as the profile writes it. */
  cidr: string;
  range: AddressRange;
  /** What it is, for messages: `the pod CIDR`, `the VNet range`. */
  role: 'pod CIDR' | 'VNet range' | 'service CIDR';
}

function named(cidr: string | undefined, role: NamedRange['role']): NamedRange[] {
  const range = cidr ? parseCidr(cidr) : undefined;
  return range ? [{ cidr: cidr!, range, role }] : [];
}

/**
 * Where pod IPs come from: the pod CIDR; under the flat model also the VNet ranges (Azure CNI gives pods VNet IPs
 * from the node or pod subnet). Empty when the profile does not say.
 */
export function podRanges(profile: ClusterProfile): NamedRange[] {
  const vnets = profile.networkModel === 'flat' ? (profile.vnetCidrs ?? []).flatMap((c) => named(c, 'VNet range')) : [];
  return [...named(profile.podCidr, 'pod CIDR'), ...vnets];
}

/** Where node IPs come from: the VNet ranges (the node subnet is in the VNet). */
export function nodeRanges(profile: ClusterProfile): NamedRange[] {
  return (profile.vnetCidrs ?? []).flatMap((c) => named(c, 'VNet range'));
}

export function serviceRanges(profile: ClusterProfile): NamedRange[] {
  return named(profile.serviceCidr, 'service CIDR');
}
