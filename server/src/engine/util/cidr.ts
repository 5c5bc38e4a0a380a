/**
 * Address classes the egress inventory and profile rules need. Parsing and containment of addresses and CIDRs live
 * in netpol/addressSet.ts (`parseAddress`, `parseCidr`, `rangeWithin`, `rangeOverlaps`); this file only adds which
 * ranges are private, loopback or unspecified.
 */
import { parseAddress, parseCidr, type AddressRange } from '../netpol/addressSet';

/** RFC 1918, RFC 6598 (carrier-grade NAT, also used by some VNets), link-local, and IPv6 unique-local / link-local. */
const PRIVATE_CIDRS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', 'fc00::/7', 'fe80::/10'];
const LOOPBACK_CIDRS = ['127.0.0.0/8', '::1/128'];

const PRIVATE: readonly AddressRange[] = PRIVATE_CIDRS.map((c) => parseCidr(c)!);
const LOOPBACK: readonly AddressRange[] = LOOPBACK_CIDRS.map((c) => parseCidr(c)!);

export type AddressClass = 'public' | 'private' | 'loopback' | 'unspecified';

/** The class of an IP address as text; undefined when it is not an address. */
export function classifyAddress(text: string): AddressClass | undefined {
  const address = parseAddress(text);
  if (!address) return undefined;
  if (address.value === 0n) return 'unspecified';
  const inside = (ranges: readonly AddressRange[]) => ranges.some((r) => r.family === address.family && r.first <= address.value && address.value <= r.last);
  if (inside(LOOPBACK)) return 'loopback';
  if (inside(PRIVATE)) return 'private';
  return 'public';
}

/** A range covering a whole address family (`0.0.0.0/0`, `::/0`): "anywhere", never a deliberate choice of pods. */
export function isWholeFamily(range: AddressRange): boolean {
  return range.first === 0n && range.last === (range.family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n);
}

export function rangesOverlap(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}
