/**
 * A NetworkPolicy read once into the form evaluation needs: which directions it isolates (API defaulting applied),
 * its rules with their peers classified (pods / ipBlock / invalid) and their ports classified (whole protocol,
 * number or range, named, invalid). Nothing here depends on the pods of the workspace, so a compiled policy is
 * valid for as long as the policy's facts are.
 */
import { effectivePolicyTypes } from '../model/extract/networkPolicy';
import type { LabelSelector } from '../model/labelSelector';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, Protocol } from '../model/resources';
import { canonicalRanges, parseCidr, subtractRanges, type AddressRange } from './addressSet';
import { MAX_PORT, MIN_PORT } from './portSet';

export type Direction = PolicyType;

export type CompiledPeer =
  | {
      readonly kind: 'pods';
      readonly index: number;
      readonly peer: NetworkPolicyPeer;
      /** undefined: every pod of the selected namespaces. */
      readonly podSelector?: LabelSelector;
      /** undefined: the policy's own namespace only. */
      readonly namespaceSelector?: LabelSelector;
    }
  | {
      readonly kind: 'ipBlock';
      readonly index: number;
      readonly peer: NetworkPolicyPeer;
      /** cidr minus except, canonical. */
      readonly addresses: readonly AddressRange[];
    }
  | {
      /** A peer the API server would reject: it admits nothing (we never guess what it meant). */
      readonly kind: 'invalid';
      readonly index: number;
      readonly peer: NetworkPolicyPeer;
      readonly reason: string;
    };

export type CompiledPort =
  | { readonly kind: 'range'; readonly index: number; readonly port: NetworkPolicyPort; readonly protocol: Protocol; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly index: number; readonly port: NetworkPolicyPort; readonly protocol: Protocol; readonly name: string }
  | { readonly kind: 'invalid'; readonly index: number; readonly port: NetworkPolicyPort; readonly reason: string };

export interface CompiledRule {
  readonly direction: Direction;
  /** Position in the policy's `ingress` / `egress` list (0-based). */
  readonly index: number;
  readonly rule: NetworkPolicyRule;
  /** undefined: `from`/`to` absent or empty, every peer (pods of every namespace and every address). */
  readonly peers?: readonly CompiledPeer[];
  /** undefined: `ports` absent or empty, every port of every protocol. */
  readonly ports?: readonly CompiledPort[];
}

export interface CompiledPolicy {
  readonly policy: NetworkPolicy;
  readonly namespace: string;
  readonly name: string;
  /** Directions the policy isolates its pods for (effective policyTypes). */
  readonly isolates: Readonly<Record<Direction, boolean>>;
  /** Rules of the isolated directions; rules of a direction missing from explicit policyTypes are not here. */
  readonly rules: Readonly<Record<Direction, readonly CompiledRule[]>>;
  /** Directions whose rules are written but ignored, because explicit policyTypes leave the direction out. */
  readonly ignoredRules: readonly Direction[];
  /** ipBlocks written in each direction's rules, ignored ones included (they still cut the address space). */
  readonly writtenIpBlocks: Readonly<Record<Direction, readonly (readonly AddressRange[])[]>>;
}

/**
 * Compiled forms by policy definition. Facts are never mutated (an edit replaces a file's objects), so a compiled
 * policy stays right for as long as its definition object lives; the WeakMap lets it go with the object. This keeps
 * a label edit from recompiling every policy of the workspace when the NetworkPolicy model is rebuilt.
 */
const compiledByDefinition = new WeakMap<NetworkPolicy, CompiledPolicy>();

export function compilePolicy(policy: NetworkPolicy): CompiledPolicy {
  let compiled = compiledByDefinition.get(policy);
  if (!compiled) compiledByDefinition.set(policy, (compiled = compileDefinition(policy)));
  return compiled;
}

function compileDefinition(policy: NetworkPolicy): CompiledPolicy {
  // The API server defaults an empty list exactly like a missing one (`len(spec.policyTypes) == 0`).
  const types = effectivePolicyTypes(policy.policyTypes?.length === 0 ? { ...policy, policyTypes: undefined } : policy);
  const isolates = { Ingress: types.includes('Ingress'), Egress: types.includes('Egress') };
  const ingress = (policy.ingress ?? []).map((rule, index) => compileRule(rule, index, 'Ingress'));
  const egress = (policy.egress ?? []).map((rule, index) => compileRule(rule, index, 'Egress'));
  const ignoredRules: Direction[] = [];
  if (!isolates.Ingress && ingress.length > 0) ignoredRules.push('Ingress');
  if (!isolates.Egress && egress.length > 0) ignoredRules.push('Egress');
  return {
    policy,
    namespace: policy.namespace,
    name: policy.name,
    isolates,
    rules: { Ingress: isolates.Ingress ? ingress : [], Egress: isolates.Egress ? egress : [] },
    ignoredRules,
    writtenIpBlocks: { Ingress: ipBlocksOf(ingress), Egress: ipBlocksOf(egress) },
  };
}

function ipBlocksOf(rules: readonly CompiledRule[]): (readonly AddressRange[])[] {
  const out: (readonly AddressRange[])[] = [];
  for (const rule of rules) for (const peer of rule.peers ?? []) if (peer.kind === 'ipBlock') out.push(peer.addresses);
  return out;
}

function compileRule(rule: NetworkPolicyRule, index: number, direction: Direction): CompiledRule {
  const compiled: { -readonly [K in keyof CompiledRule]: CompiledRule[K] } = { direction, index, rule };
  if (rule.peers) compiled.peers = rule.peers.map(compilePeer);
  if (rule.ports) compiled.ports = rule.ports.map(compilePort);
  return compiled;
}

function compilePeer(peer: NetworkPolicyPeer, index: number): CompiledPeer {
  const selectors = peer.podSelector !== undefined || peer.namespaceSelector !== undefined;
  if (peer.ipBlock) {
    if (selectors) return { kind: 'invalid', index, peer, reason: 'a peer may not combine ipBlock with a selector' };
    const cidr = parseCidr(peer.ipBlock.cidr);
    if (!cidr) return { kind: 'invalid', index, peer, reason: `ipBlock cidr \`${peer.ipBlock.cidr}\` is not a CIDR` };
    const holes: AddressRange[] = [];
    for (const text of peer.ipBlock.except) {
      const hole = parseCidr(text);
      if (!hole) return { kind: 'invalid', index, peer, reason: `ipBlock except \`${text}\` is not a CIDR` };
      const strictlyInside = hole.family === cidr.family && hole.first >= cidr.first && hole.last <= cidr.last && hole.last - hole.first < cidr.last - cidr.first;
      if (!strictlyInside) {
        return { kind: 'invalid', index, peer, reason: `ipBlock except \`${text}\` is not a strict subset of cidr \`${peer.ipBlock.cidr}\`` };
      }
      holes.push(hole);
    }
    return { kind: 'ipBlock', index, peer, addresses: subtractRanges([cidr], canonicalRanges(holes)) };
  }
  if (!selectors) return { kind: 'invalid', index, peer, reason: 'a peer must set podSelector, namespaceSelector or ipBlock' };
  const compiled: { kind: 'pods'; index: number; peer: NetworkPolicyPeer; podSelector?: LabelSelector; namespaceSelector?: LabelSelector } = { kind: 'pods', index, peer };
  if (peer.podSelector) compiled.podSelector = peer.podSelector;
  if (peer.namespaceSelector) compiled.namespaceSelector = peer.namespaceSelector;
  return compiled;
}

function compilePort(port: NetworkPolicyPort, index: number): CompiledPort {
  if (port.invalidProtocol !== undefined) return { kind: 'invalid', index, port, reason: `protocol \`${port.invalidProtocol}\` is not TCP, UDP or SCTP` };
  const protocol = port.protocol;
  if (port.port === undefined) {
    if (port.endPort !== undefined) return { kind: 'invalid', index, port, reason: 'endPort needs a numeric port' };
    return { kind: 'range', index, port, protocol, from: MIN_PORT, to: MAX_PORT };
  }
  if (typeof port.port === 'string') {
    if (port.endPort !== undefined) return { kind: 'invalid', index, port, reason: `endPort cannot extend the named port \`${port.port}\`` };
    return { kind: 'named', index, port, protocol, name: port.port };
  }
  const from = port.port;
  const to = port.endPort ?? from;
  if (!inPortRange(from)) return { kind: 'invalid', index, port, reason: `port ${from} is outside 1-65535` };
  if (!inPortRange(to)) return { kind: 'invalid', index, port, reason: `endPort ${to} is outside 1-65535` };
  if (to < from) return { kind: 'invalid', index, port, reason: `endPort ${to} is below port ${from}` };
  return { kind: 'range', index, port, protocol, from, to };
}

function inPortRange(port: number): boolean {
  return Number.isInteger(port) && port >= MIN_PORT && port <= MAX_PORT;
}
