/**
 * Ranges and sets of IP addresses: CIDR parsing, exact set arithmetic on canonical range lists, and the cutting of
 * the address space into disjoint atoms at every boundary (what ipBlocks, profiles and np-guard's output need; no
 * library does this for us). Addresses themselves are parsed and printed by ipAddress.ts.
 *
 * A range never mixes families. A set is a list of ranges sorted by family then first address, disjoint and
 * non-adjacent (canonical).
 */
import { compareBigints } from '../util/compare';
import { familyBits, formatAddress, maxAddress, parseAddress, type IpFamily } from './ipAddress';

/** Inclusive range of addresses of one family. */
export interface AddressRange {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** 0.0.0.0/0 or ::/0. */
export function wholeFamily(family: IpFamily): AddressRange {
  return { family, first: 0n, last: maxAddress(family) };
}

/** A range covering a whole address family (`0.0.0.0/0`, `::/0`): "anywhere", never a deliberate choice of pods. */
export function isWholeFamily(range: AddressRange): boolean {
  return range.first === 0n && range.last === maxAddress(range.family);
}

/** An address (`8.8.8.8`, `2001:db8::1`) or a CIDR (`10.0.0.0/8`) as a range; undefined when it is neither. */
export function parseAddressOrCidr(text: string): AddressRange | undefined {
  const trimmed = text.trim();
  if (trimmed.includes('/')) return parseCidr(trimmed);
  const address = parseAddress(trimmed);
  return address ? { family: address.family, first: address.value, last: address.value } : undefined;
}

/** A CIDR typed by a person (a profile, a command argument): surrounding spaces are ignored. */
export function parseCidr(text: string): AddressRange | undefined {
  return parseCidrExact(text.trim());
}

/**
 * A CIDR exactly as written in a manifest: no surrounding spaces, an address (parsed strictly, see ipAddress.ts),
 * `/` and a decimal prefix length within the family's bits. Host bits set (`10.1.2.3/8`) mean the network, as the
 * Go parser Kubernetes uses reads them.
 */
export function parseCidrExact(text: string): AddressRange | undefined {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const address = parseAddress(match[1]!);
  if (!address) return undefined;
  const prefix = Number(match[2]);
  const bits = familyBits(address.family);
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const first = (address.value >> hostBits) << hostBits;
  return { family: address.family, first, last: first + (1n << hostBits) - 1n };
}

/** `first-last`, the way np-guard prints an external peer (without its `[External]` suffix). */
export function formatRange(range: AddressRange): string {
  return `${formatAddress(range.family, range.first)}-${formatAddress(range.family, range.last)}`;
}

export function compareRanges(a: AddressRange, b: AddressRange): number {
  return a.family - b.family || compareBigints(a.first, b.first) || compareBigints(a.last, b.last);
}

/** Sorted, merged (overlapping and adjacent ranges of one family become one). */
export function canonicalRanges(ranges: readonly AddressRange[]): AddressRange[] {
  const sorted = [...ranges].sort(compareRanges);
  const out: AddressRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.first <= last.last + 1n) {
      if (r.last > last.last) out[out.length - 1] = { family: r.family, first: last.first, last: r.last };
    } else {
      out.push(r);
    }
  }
  return out;
}

/** `set` minus `holes`, both canonical. */
export function subtractRanges(set: readonly AddressRange[], holes: readonly AddressRange[]): AddressRange[] {
  const out: AddressRange[] = [];
  for (const r of set) {
    let first = r.first;
    let done = false;
    for (const h of holes) {
      if (h.family !== r.family || h.last < first || h.first > r.last) continue;
      if (h.first > first) out.push({ family: r.family, first, last: h.first - 1n });
      if (h.last >= r.last) {
        done = true;
        break;
      }
      first = h.last + 1n;
    }
    if (!done) out.push({ family: r.family, first, last: r.last });
  }
  return out;
}

/** True when every address of `range` is in the canonical `set`. */
export function rangeWithin(range: AddressRange, set: readonly AddressRange[]): boolean {
  return set.some((r) => r.family === range.family && r.first <= range.first && range.last <= r.last);
}

/** True when some address of `range` is in `set` (any list of ranges; one range is `[range]`). */
export function rangeOverlaps(range: AddressRange, set: readonly AddressRange[]): boolean {
  return set.some((r) => r.family === range.family && r.first <= range.last && range.first <= r.last);
}

/**
 * The address space of each family cut into disjoint atoms at every boundary of the given sets: each set is a
 * union of atoms, and two adjacent atoms always differ in membership of at least one set. IPv4 is always present
 * (the whole of it is one atom when no set cuts it); IPv6 only when a set mentions IPv6 addresses, so that
 * IPv4-only workspaces print exactly what np-guard prints.
 */
export function cutAddressSpace(sets: readonly (readonly AddressRange[])[]): AddressRange[] {
  const families: IpFamily[] = [4];
  if (sets.some((s) => s.some((r) => r.family === 6))) families.push(6);
  const atoms: AddressRange[] = [];
  for (const family of families) {
    // A cut point is the first address of a piece; 0 always starts one.
    const cuts = new Set<bigint>([0n]);
    const max = maxAddress(family);
    for (const set of sets) {
      for (const r of set) {
        if (r.family !== family) continue;
        cuts.add(r.first);
        if (r.last < max) cuts.add(r.last + 1n);
      }
    }
    const sorted = [...cuts].sort(compareBigints);
    for (let i = 0; i < sorted.length; i++) {
      const first = sorted[i]!;
      const last = i + 1 < sorted.length ? sorted[i + 1]! - 1n : max;
      atoms.push({ family, first, last });
    }
  }
  return atoms;
}
