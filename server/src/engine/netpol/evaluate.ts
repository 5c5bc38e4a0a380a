/**
 * The Kubernetes NetworkPolicy decision for one source and one destination, per direction, with the trail that
 * led to it.
 *
 * A connection is allowed iff the source's egress allows it AND the destination's ingress allows it. A direction is
 * isolated for a pod when some policy of the pod's namespace selects it and has that direction in its effective
 * policyTypes; a non-isolated direction allows everything. An isolated direction allows the union of what every
 * rule of every selecting policy admits: a rule admits a peer when its from/to is absent or empty, or when one of
 * its peers matches (podSelector alone = pods of the policy's namespace; namespaceSelector alone = every pod of the
 * matching namespaces; both = AND; ipBlock = addresses outside the cluster, never pods); it admits the rule's ports
 * (all ports of all protocols when absent; named ports resolve against the destination pod's container ports with
 * the same protocol, so toward an external address they resolve to nothing).
 */
import { selectorMatches } from '../model/labelSelector';
import type { Protocol } from '../model/resources';
import { rangeWithin, type AddressRange } from './addressSet';
import type { CompiledPeer, CompiledPolicy, CompiledPort, CompiledRule, Direction } from './compiledPolicy';
import type { NetpolModel } from './model';
import type { PodClass } from './podClasses';
import { allConnections, connectionsOf, intersectConnections, isAllConnections, isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from './portSet';

/** One side of a connection: pods of one class, or a range of addresses outside the cluster. */
export type Endpoint = { readonly type: 'pods'; readonly pods: PodClass } | { readonly type: 'external'; readonly range: AddressRange };

export interface PortProblem {
  /** Position in the rule's `ports` list (0-based). */
  readonly index: number;
  readonly reason: string;
}

export interface RuleOutcome {
  readonly policy: CompiledPolicy;
  readonly rule: CompiledRule;
  /** 'all': the rule has no from/to. Otherwise the indices (0-based) of its peers that match the other side; empty: none. */
  readonly matchedPeers: 'all' | readonly number[];
  /** What the rule's ports give toward this destination, whether or not its peers match. */
  readonly ports: ConnectionSet;
  /** Port entries that give nothing here: named ports without a matching container port, invalid entries. */
  readonly portProblems: readonly PortProblem[];
}

export interface DirectionVerdict {
  readonly direction: Direction;
  /** false when the side this direction is about is an external address: policies select pods only. */
  readonly applies: boolean;
  readonly isolated: boolean;
  /** Policies selecting the pods this direction is about, isolating them for it. */
  readonly policies: readonly CompiledPolicy[];
  /** Every rule of those policies with its outcome (only when a trail was asked for). */
  readonly rules: readonly RuleOutcome[];
  readonly allowed: ConnectionSet;
}

export interface PairVerdict {
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
  /** egress ∩ ingress. */
  readonly allowed: ConnectionSet;
}

/**
 * Both directions. With `trail`, every rule of every selecting policy is reported. Without it (the fast path of
 * connectivity lists) rules stop being read once the answer is known, and when egress allows nothing the ingress
 * side is not evaluated at all: its verdict is then a placeholder that allows nothing.
 */
export function evaluatePair(model: NetpolModel, src: Endpoint, dst: Endpoint, trail: boolean): PairVerdict {
  const egress = evaluateDirection(model, 'Egress', src, dst, trail);
  // Without a trail, nothing is left to learn once egress allows nothing.
  const ingress = !trail && isEmptyConnections(egress.allowed) ? skipped('Ingress') : evaluateDirection(model, 'Ingress', src, dst, trail);
  return { egress, ingress, allowed: intersectConnections(egress.allowed, ingress.allowed) };
}

export function allowedBetween(model: NetpolModel, src: Endpoint, dst: Endpoint): ConnectionSet {
  return evaluatePair(model, src, dst, false).allowed;
}

export function evaluateDirection(model: NetpolModel, direction: Direction, src: Endpoint, dst: Endpoint, trail: boolean): DirectionVerdict {
  const subject = direction === 'Ingress' ? dst : src;
  const other = direction === 'Ingress' ? src : dst;
  if (subject.type !== 'pods') return { direction, applies: false, isolated: false, policies: [], rules: [], allowed: allConnections() };
  const policies = model.policiesSelecting(subject.pods, direction);
  if (policies.length === 0) return { direction, applies: true, isolated: false, policies, rules: [], allowed: allConnections() };
  let allowed = noConnections();
  const rules: RuleOutcome[] = [];
  for (const policy of policies) {
    // Without a trail, once everything is allowed no further rule can change the answer.
    if (!trail && isAllConnections(allowed)) break;
    for (const rule of policy.rules[direction]) {
      const matchedPeers = matchPeers(model, policy, rule, other);
      const matches = matchedPeers === 'all' || matchedPeers.length > 0;
      if (!matches && !trail) continue;
      const ports = rulePorts(rule, dst);
      if (matches) allowed = unionConnections(allowed, ports.allowed);
      if (trail) rules.push({ policy, rule, matchedPeers, ports: ports.allowed, portProblems: ports.problems });
    }
  }
  return { direction, applies: true, isolated: true, policies, rules, allowed };
}

function skipped(direction: Direction): DirectionVerdict {
  return { direction, applies: true, isolated: false, policies: [], rules: [], allowed: noConnections() };
}

function matchPeers(model: NetpolModel, policy: CompiledPolicy, rule: CompiledRule, other: Endpoint): 'all' | number[] {
  if (!rule.peers) return 'all';
  const matched: number[] = [];
  for (const peer of rule.peers) if (peerMatches(model, policy, peer, other)) matched.push(peer.index);
  return matched;
}

/** Whether one peer of a rule of `policy` matches the other side of the connection. */
export function peerMatches(model: NetpolModel, policy: CompiledPolicy, peer: CompiledPeer, other: Endpoint): boolean {
  switch (peer.kind) {
    case 'invalid':
      return false;
    case 'ipBlock':
      // ipBlocks are about addresses outside the cluster; pod IPs are implementation-defined and never matched.
      return other.type === 'external' && rangeWithin(other.range, peer.addresses);
    case 'pods': {
      if (other.type !== 'pods') return false;
      const pods = other.pods;
      const namespaceMatches = peer.namespaceSelector ? model.namespaceSelectorMatches(peer.namespaceSelector, pods.namespace) : pods.namespace === policy.namespace;
      return namespaceMatches && (!peer.podSelector || selectorMatches(peer.podSelector, pods.labels));
    }
  }
}

/** The connections a rule's ports give toward a destination. */
export function rulePorts(rule: CompiledRule, dst: Endpoint): { allowed: ConnectionSet; problems: PortProblem[] } {
  if (!rule.ports) return { allowed: allConnections(), problems: [] };
  let allowed = noConnections();
  const problems: PortProblem[] = [];
  for (const port of rule.ports) {
    const resolved = resolvePort(port, dst);
    if (typeof resolved === 'string') problems.push({ index: port.index, reason: resolved });
    else allowed = unionConnections(allowed, resolved);
  }
  return { allowed, problems };
}

function resolvePort(port: CompiledPort, dst: Endpoint): ConnectionSet | string {
  switch (port.kind) {
    case 'invalid':
      return port.reason;
    case 'range':
      return connectionsOf(port.protocol, [{ from: port.from, to: port.to }]);
    case 'named': {
      if (dst.type !== 'pods') return `named port \`${port.name}\` resolves only against a destination pod's container ports, not an external address`;
      const numbers = namedPortNumbers(dst.pods, port.name, port.protocol);
      if (numbers.length === 0) return namedPortMiss(dst.pods, port.name, port.protocol);
      return connectionsOf(port.protocol, numbers.map((n) => ({ from: n, to: n })));
    }
  }
}

function namedPortNumbers(pods: PodClass, name: string, protocol: Protocol): number[] {
  return pods.ports.filter((p) => p.name === name && p.protocol === protocol).map((p) => p.containerPort);
}

function namedPortMiss(pods: PodClass, name: string, protocol: Protocol): string {
  const sameName = pods.ports.filter((p) => p.name === name);
  if (sameName.length > 0) return `named port \`${name}\` is ${sameName.map((p) => `${p.containerPort}/${p.protocol}`).join(', ')} on the destination, not ${protocol}`;
  return `the destination has no container port named \`${name}\``;
}
