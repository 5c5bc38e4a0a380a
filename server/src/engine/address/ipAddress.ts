/**
 * IP addresses as text: parsing, printing and classifying, with ipaddr.js. This is the one address parser of the
 * engine (ipBlocks, profiles, annotations, egress destinations and the client all use it); the set arithmetic on
 * ranges of addresses is in addressRange.ts.
 *
 * The parser is strict, as the API server is with KEP-4858's StrictIPCIDRValidation (alpha in 1.33, since promoted;
 * older servers accepted leading zeros with a warning) and as cloud-provider-azure (Go's net/netip) always was: an
 * IPv4 address is four decimal parts without leading zeros (`010.0.0.1` is rejected: older parsers read it as
 * octal, others as decimal); no zone (`%eth0`), no surrounding spaces. Sources (checked 2026-12-06): https://github.com/kubernetes/enhancements/issues/4858,
 * https://pkg.go.dev/net/netip#ParseAddr.
 */
import * as ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

/** An address of one family as a number (bigint, so that IPv4 and IPv6 share one arithmetic). */
export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

export function familyBits(family: IpFamily): number {
  return BITS[family];
}

export function maxAddress(family: IpFamily): bigint {
  return (1n << BigInt(BITS[family])) - 1n;
}

/** `10.0.0.1`, `2001:db8::1`, `::ffff:10.0.0.1`; undefined when the text is not exactly one address. */
export function parseAddress(text: string): IpAddress | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return { family: 4, value: fromWords(ipaddr.IPv4.parse(text).octets, 8n) };
  return parseIPv6(text);
}

function parseIPv6(text: string): IpAddress | undefined {
  // ipaddr.js also accepts a zone (`fe80::1%eth0`), which no manifest field allows, and reads an embedded IPv4
  // tail its own way (`::1.2.3.4` as `::ffff:1.2.3.4`, `010` as octal): the tail is read here, as netip reads it.
  if (text.includes('%') || !text.includes(':')) return undefined;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  let hex = text;
  if (tail.includes('.')) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return undefined;
    const [a, b, c, d] = ipaddr.IPv4.parse(tail).octets as [number, number, number, number];
    hex = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(hex)) return undefined;
  return { family: 6, value: fromWords(ipaddr.IPv6.parse(hex).parts, 16n) };
}

function fromWords(words: readonly number[], width: bigint): bigint {
  let value = 0n;
  for (const word of words) value = (value << width) | BigInt(word);
  return value;
}

function toWords(value: bigint, count: number, width: bigint): number[] {
  const mask = (1n << width) - 1n;
  const out: number[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(Number((value >> (BigInt(i) * width)) & mask));
  return out;
}

/** Dotted decimal for IPv4, RFC 5952 text (lower case, the longest run of zero groups as `::`) for IPv6. */
export function formatAddress(family: IpFamily, value: bigint): string {
  return family === 4 ? new ipaddr.IPv4(toWords(value, 4, 8n)).toString() : new ipaddr.IPv6(toWords(value, 8, 16n)).toRFC5952String();
}

export type AddressClass = 'public' | 'private' | 'loopback' | 'unspecified';

/**
 * Private: RFC 1918, RFC 6598 (carrier-grade NAT, also used by some VNets), link-local, and IPv6 unique-local and
 * link-local. Unspecified is the one all-zero address of each family.
 */
const CLASS_RANGES: Parameters<typeof ipaddr.subnetMatch>[1] = {
  unspecified: [ipaddr.parseCIDR('0.0.0.0/32'), ipaddr.parseCIDR('::/128')],
  loopback: [ipaddr.parseCIDR('127.0.0.0/8'), ipaddr.parseCIDR('::1/128')],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', 'fc00::/7', 'fe80::/10'].map((cidr) => ipaddr.parseCIDR(cidr)),
};

/** The class of an IP address as text; undefined when it is not an address. */
export function classifyAddress(text: string): AddressClass | undefined {
  const address = parseAddress(text);
  if (!address) return undefined;
  const parsed = address.family === 4 ? new ipaddr.IPv4(toWords(address.value, 4, 8n)) : new ipaddr.IPv6(toWords(address.value, 8, 16n));
  return ipaddr.subnetMatch(parsed, CLASS_RANGES, 'public') as AddressClass;
}
