/**
 * Exact sets of connections: per protocol (SCTP, TCP, UDP) a canonical list of disjoint, sorted, non-adjacent port
 * ranges within 1-65535. Plain frozen data: every operation returns a new set, so sets can be cached and shared.
 *
 * Canonical form is what makes equality, formatting and "is this everything?" exact: two sets with the same ports
 * always have the same representation (adjacent ranges are merged: 8080 and 8081 are `8080-8081`).
 */
import type { Protocol } from '../model/resources';

/** Output order of protocols (alphabetical, as np-guard prints them). */
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** Inclusive range of ports. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export type ConnectionSet = Readonly<Record<Protocol, readonly PortRange[]>>;

const FULL: readonly PortRange[] = Object.freeze([Object.freeze({ from: MIN_PORT, to: MAX_PORT })]);
const NONE: readonly PortRange[] = Object.freeze([]);

const NO_CONNECTIONS: ConnectionSet = Object.freeze({ SCTP: NONE, TCP: NONE, UDP: NONE });
const ALL_CONNECTIONS: ConnectionSet = Object.freeze({ SCTP: FULL, TCP: FULL, UDP: FULL });

export function noConnections(): ConnectionSet {
  return NO_CONNECTIONS;
}

export function allConnections(): ConnectionSet {
  return ALL_CONNECTIONS;
}

/** One protocol's ports (a range list in any order, overlapping allowed); the other protocols empty. */
export function connectionsOf(protocol: Protocol, ranges: readonly PortRange[]): ConnectionSet {
  return make({ ...NO_CONNECTIONS, [protocol]: canonical(ranges) });
}

/** Every port of one protocol. */
export function allPortsOf(protocol: Protocol): ConnectionSet {
  return make({ ...NO_CONNECTIONS, [protocol]: FULL });
}

export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === b || isEmptyConnections(b)) return a;
  if (isEmptyConnections(a)) return b;
  return combine(a, b, (x, y) => canonical([...x, ...y]));
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === b || isAllConnections(b)) return a;
  if (isAllConnections(a)) return b;
  return combine(a, b, intersectRanges);
}

export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (isEmptyConnections(b)) return a;
  return combine(a, b, subtractRanges);
}

export function isEmptyConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => set[p].length === 0);
}

/** Every port of every protocol: what np-guard prints as `All Connections`. */
export function isAllConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => isFull(set[p]));
}

export function equalConnections(a: ConnectionSet, b: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => sameRanges(a[p], b[p]));
}

export function connectionsContain(set: ConnectionSet, protocol: Protocol, port: number): boolean {
  return set[protocol].some((r) => r.from <= port && port <= r.to);
}

/**
 * np-guard's text for a set: `All Connections`, `No Connections`, or `PROTO ports` items joined by commas without
 * spaces, protocols in SCTP < TCP < UDP order, ranges as `a-b`: `SCTP 7070,TCP 8080-8081,UDP 9090`.
 */
export function formatConnections(set: ConnectionSet): string {
  if (isAllConnections(set)) return 'All Connections';
  if (isEmptyConnections(set)) return 'No Connections';
  return PROTOCOLS.filter((p) => set[p].length > 0)
    .map((p) => `${p} ${formatPortRanges(set[p])}`)
    .join(',');
}

/** `80,443,8000-8080` */
export function formatPortRanges(ranges: readonly PortRange[]): string {
  return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');
}

function make(set: Record<Protocol, readonly PortRange[]>): ConnectionSet {
  return Object.freeze(set);
}

function combine(a: ConnectionSet, b: ConnectionSet, op: (x: readonly PortRange[], y: readonly PortRange[]) => readonly PortRange[]): ConnectionSet {
  return make({ SCTP: op(a.SCTP, b.SCTP), TCP: op(a.TCP, b.TCP), UDP: op(a.UDP, b.UDP) });
}

function isFull(ranges: readonly PortRange[]): boolean {
  return ranges.length === 1 && ranges[0]!.from <= MIN_PORT && ranges[0]!.to >= MAX_PORT;
}

function sameRanges(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to);
}

/** Sorted, clamped to 1-65535, overlapping and adjacent ranges merged; empty or inverted ranges dropped. */
function canonical(ranges: readonly PortRange[]): readonly PortRange[] {
  const valid = ranges
    .map((r) => ({ from: Math.max(MIN_PORT, r.from), to: Math.min(MAX_PORT, r.to) }))
    .filter((r) => r.from <= r.to)
    .sort((x, y) => x.from - y.from || x.to - y.to);
  const out: PortRange[] = [];
  for (const r of valid) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) {
      if (r.to > last.to) out[out.length - 1] = { from: last.from, to: r.to };
    } else {
      out.push(r);
    }
  }
  if (out.length === 1 && isFull(out)) return FULL;
  return Object.freeze(out.map((r) => Object.freeze(r)));
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from <= to) out.push({ from, to });
    if (x.to < y.to) i++;
    else j++;
  }
  return canonical(out);
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  const out: PortRange[] = [];
  for (const x of a) {
    let from = x.from;
    for (const y of b) {
      if (y.to < from || y.from > x.to) continue;
      if (y.from > from) out.push({ from, to: y.from - 1 });
      from = Math.max(from, y.to + 1);
      if (from > x.to) break;
    }
    if (from <= x.to) out.push({ from, to: x.to });
  }
  return canonical(out);
}
