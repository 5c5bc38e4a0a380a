/**
 * IP address ranges for `ipBlock`s: parsing (IPv4 and IPv6 CIDRs and addresses), exact set arithmetic on canonical
 * range lists, and the cutting of the address space into disjoint atoms at every ipBlock boundary.
 *
 * Addresses are bigints so that IPv4 and IPv6 share one implementation; a range never mixes families. A set is a
 * list of ranges sorted by family then first address, disjoint and non-adjacent (canonical).
 */

export type IpFamily = 4 | 6;

/** Inclusive range of addresses of one family. */
export interface AddressRange {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

export function maxAddress(family: IpFamily): bigint {
  return (1n << BigInt(BITS[family])) - 1n;
}

/** 0.0.0.0/0 or ::/0. */
export function wholeFamily(family: IpFamily): AddressRange {
  return { family, first: 0n, last: maxAddress(family) };
}

/** An address (`8.8.8.8`, `2001:db8::1`) or a CIDR (`10.0.0.0/8`) as a range; undefined when it is neither. */
export function parseAddressOrCidr(text: string): AddressRange | undefined {
  const trimmed = text.trim();
  return trimmed.includes('/') ? parseCidr(trimmed) : parseAddressRange(trimmed);
}

/** A CIDR typed by a person (a profile, a command argument): surrounding spaces are ignored. */
export function parseCidr(text: string): AddressRange | undefined {
  return parseCidrExact(text.trim());
}

/**
 * A CIDR exactly as the API server parses an ipBlock's (Go's net.ParseCIDR, as Kubernetes' sloppy parser): no
 * surrounding spaces, an IPv4 or IPv6 address, `/` and a prefix length within the family's bits. Host bits set
 * (`10.1.2.3/8`) mean the network.
 */
export function parseCidrExact(text: string): AddressRange | undefined {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const address = parseAddress(match[1]!);
  if (!address) return undefined;
  const prefix = Number(match[2]);
  const bits = BITS[address.family];
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  // Host bits set (`10.1.2.3/8`) mean the network, as the Go parser Kubernetes uses reads them.
  const first = (address.value >> hostBits) << hostBits;
  return { family: address.family, first, last: first + (1n << hostBits) - 1n };
}

function parseAddressRange(text: string): AddressRange | undefined {
  const address = parseAddress(text);
  return address ? { family: address.family, first: address.value, last: address.value } : undefined;
}

export function parseAddress(text: string): { family: IpFamily; value: bigint } | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIPv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return value;
}

export function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  // RFC 5952: the longest run (first on ties) of two or more zero groups becomes `::`.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** `first-last`, the way np-guard prints an external peer (without its `[External]` suffix). */
export function formatRange(range: AddressRange): string {
  return `${formatAddress(range.family, range.first)}-${formatAddress(range.family, range.last)}`;
}

export function compareRanges(a: AddressRange, b: AddressRange): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.first < b.first ? -1 : a.first > b.first ? 1 : a.last < b.last ? -1 : a.last > b.last ? 1 : 0;
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

/** True when some address of `range` is in `set`. */
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
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < sorted.length; i++) {
      const first = sorted[i]!;
      const last = i + 1 < sorted.length ? sorted[i + 1]! - 1n : max;
      atoms.push({ family, first, last });
    }
  }
  return atoms;
}
