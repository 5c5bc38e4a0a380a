/**
 * The Kubernetes NetworkPolicy decision for one source and one destination, per direction, with the trail that
 * led to it.
 *
 * A connection is allowed iff the source's egress allows it AND the destination's ingress allows it. A direction is
 * isolated for a pod when some policy of the pod's namespace selects it and has that direction in its effective
 * policyTypes; a non-isolated direction allows everything. An isolated direction allows the union of what every
 * rule of every selecting policy admits: a rule admits a peer when its from/to is absent or empty, or when one of
 * its peers matches (podSelector alone = pods of the policy's namespace; namespaceSelector alone = every pod of the
 * matching namespaces; both = AND; ipBlock = addresses, and pod or node IPs as the engine reads them,
 * netpol/semantics.ts); it admits the rule's ports (all ports of all protocols when absent; named ports resolve
 * against the destination pod's container ports with the same protocol, so toward an address they resolve to
 * nothing).
 *
 * Every answer has two sets: `allowed`, what is admitted whatever the facts the workspace and profile leave open
 * (the engine's reading of an ipBlock, the labels of a controller's pods, the address of an Azure-hosted proxy), and
 * `possible`, what may be admitted under some reading of them. `allowed ⊆ possible`; they differ only where
 * something is unknown, and `uncertain` then says what.
 */
import { selectorMatches } from '../model/labelSelector';
import type { Protocol } from '../model/resources';
import { rangeWithin, type AddressRange } from './addressSet';
import { withAdminPolicies, type AdminDecision } from './admin/evaluate';
import type { CompiledAdminPeer } from './admin/compiled';
import type { CompiledPeer, CompiledPolicy, CompiledPort, CompiledRule, Direction } from './compiledPolicy';
import type { NetpolModel } from './model';
import { and3, selectorMatch, unknownNamespaceMatch, type PartlyKnownPods } from './partlyKnownPods';
import type { PodClass } from './podClasses';
import { allConnections, connectionsOf, equalConnections, intersectConnections, isAllConnections, isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from './portSet';
import { addressInSpace, ipBlockMatchesNodes, ipBlockMatchesPods, type Match } from './semantics';
import { ciliumDirection, withCilium, type CiliumDirectionVerdict } from './cilium/evaluate';

/**
 * One side of a connection:
 *  - pods of one class (with `partly` when some of their facts are not known: a controller the cluster deploys);
 *  - `external`: every address of a range outside the cluster (np-guard's atoms, an address a person names);
 *  - `address`: one address not known exactly: somewhere `within` some ranges (anywhere when absent), outside the
 *    cluster (`outside`), a node's (`node`: traffic SNATed to a node IP), or the pod's own node (`own-node`);
 *    `name`: the host name it is known by (Cilium's toFQDNs match it).
 */
export type Endpoint =
  | { readonly type: 'pods'; readonly pods: PodClass; readonly partly?: PartlyKnownPods; readonly representative?: Representative }
  | { readonly type: 'external'; readonly range: AddressRange }
  | { readonly type: 'address'; readonly role: 'outside' | 'node' | 'own-node'; readonly within?: readonly AddressRange[]; readonly name?: string };

/**
 * np-guard's representative peer (exposure analysis): pods that stand for a selector no workload matches, or for any
 * pod of the cluster. An admin rule's peer matches them only when `stands` says they are that peer's pods or the
 * peer matches every pod; no other peer matches them (np-guard's reading, not "maybe").
 */
export interface Representative {
  readonly stands: (peer: CompiledAdminPeer) => boolean;
}

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
  /** Indices of peers that may match, depending on facts the workspace does not state (see `uncertain`). */
  readonly maybePeers: readonly number[];
  /** What the rule's ports give toward this destination, whether or not its peers match. */
  readonly ports: ConnectionSet;
  /** What they may give (endPort on engines that may enforce only its first port). */
  readonly possiblePorts: ConnectionSet;
  /** Port entries that give nothing here: named ports without a matching container port, invalid entries. */
  readonly portProblems: readonly PortProblem[];
}

export interface DirectionVerdict {
  readonly direction: Direction;
  /** false when the side this direction is about is not a pod: policies select pods only. */
  readonly applies: boolean;
  readonly isolated: boolean;
  /** Policies selecting the pods this direction is about, isolating them for it. */
  readonly policies: readonly CompiledPolicy[];
  /** Every rule of those policies with its outcome (only when a trail was asked for). */
  readonly rules: readonly RuleOutcome[];
  readonly allowed: ConnectionSet;
  /** ⊇ allowed: what may be allowed under facts the workspace and profile leave open. */
  readonly possible: ConnectionSet;
  /** Why `possible` differs from `allowed`, or why a decision holds regardless of the rules. */
  readonly notes: readonly string[];
  /** Cilium's part, when Cilium rules select the pods (the engine is Cilium): netpol/cilium/evaluate.ts. */
  readonly cilium?: CiliumDirectionVerdict;
  /** The AdminNetworkPolicy / BaselineAdminNetworkPolicy rules that decided connections here (admin/evaluate.ts). */
  readonly admin?: readonly AdminDecision[];
}

export interface PairVerdict {
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
  /** egress ∩ ingress. */
  readonly allowed: ConnectionSet;
  readonly possible: ConnectionSet;
}

/**
 * Both directions. With `trail`, every rule of every selecting policy is reported. Without it (the fast path of
 * connectivity lists) rules stop being read once the answer is known, and when egress allows nothing for certain
 * and nothing possibly, the ingress side is not evaluated at all: its verdict is then a placeholder.
 */
export function evaluatePair(model: NetpolModel, src: Endpoint, dst: Endpoint, trail: boolean): PairVerdict {
  const egress = evaluateDirection(model, 'Egress', src, dst, trail);
  const ingress = !trail && isEmptyConnections(egress.possible) ? skipped('Ingress') : evaluateDirection(model, 'Ingress', src, dst, trail);
  const allowed = intersectConnections(egress.allowed, ingress.allowed);
  const possible = egress.possible === egress.allowed && ingress.possible === ingress.allowed ? allowed : intersectConnections(egress.possible, ingress.possible);
  return { egress, ingress, allowed, possible };
}

/** What is allowed for certain (the connectivity list's sets). */
export function allowedBetween(model: NetpolModel, src: Endpoint, dst: Endpoint): ConnectionSet {
  return evaluatePair(model, src, dst, false).allowed;
}

/** One direction: the NetworkPolicy verdict inside the admin tiers (AdminNetworkPolicy first, baseline last). */
export function evaluateDirection(model: NetpolModel, direction: Direction, src: Endpoint, dst: Endpoint, trail: boolean): DirectionVerdict {
  return withAdminPolicies(model, direction, src, dst, networkPolicyTier(model, direction, src, dst, trail), trail);
}

/** The NetworkPolicy tier: the Kubernetes NetworkPolicies, combined with Cilium's own policies under Cilium. */
function networkPolicyTier(model: NetpolModel, direction: Direction, src: Endpoint, dst: Endpoint, trail: boolean): DirectionVerdict {
  const verdict = kubernetesDirection(model, direction, src, dst, trail);
  // Cilium's own policies (only under Cilium): one hook per direction, combined with the NetworkPolicies' verdict.
  const subject = direction === 'Ingress' ? dst : src;
  if (subject.type !== 'pods') return verdict;
  const cilium = ciliumDirection(model, direction, subject.pods, direction === 'Ingress' ? src : dst, (ports) => portsGiven(model, ports, dst));
  return cilium ? withCilium(verdict, cilium) : verdict;
}

function kubernetesDirection(model: NetpolModel, direction: Direction, src: Endpoint, dst: Endpoint, trail: boolean): DirectionVerdict {
  const subject = direction === 'Ingress' ? dst : src;
  const other = direction === 'Ingress' ? src : dst;
  if (subject.type !== 'pods') return open(direction, false, [], []);
  const semantics = model.semantics;
  const policies = isolatingPolicies(model, subject.pods, direction);
  if (policies.length === 0) {
    const why = !semantics.enforced ? ['the cluster profile says no engine enforces NetworkPolicies (networkPolicyEngine: none)'] : model.policiesSelecting(subject.pods, direction).length ? ['the pods use hostNetwork, which Cilium does not police'] : [];
    return open(direction, true, [], why);
  }
  if (direction === 'Ingress' && other.type === 'address' && other.role === 'own-node') {
    return { ...open(direction, true, policies, ["traffic from the pod's own node is always admitted (NetworkPolicy API reference)"]), isolated: true };
  }
  let allowed = noConnections();
  let possible = noConnections();
  const notes = new Set<string>();
  const rules: RuleOutcome[] = [];
  for (const policy of policies) {
    // Without a trail, once everything is allowed no further rule can change the answer.
    if (!trail && isAllConnections(allowed)) break;
    for (const rule of policy.rules[direction]) {
      const matched = matchPeers(model, policy, rule, other, notes);
      const certain = matched.yes === 'all' || matched.yes.length > 0;
      const maybe = !certain && matched.maybe.length > 0;
      if (!certain && !maybe && !trail) continue;
      const ports = rulePorts(model, rule, dst);
      if (ports.reason) notes.add(ports.reason);
      if (certain) {
        allowed = unionConnections(allowed, ports.allowed);
        possible = unionConnections(possible, ports.possible);
      } else if (maybe) possible = unionConnections(possible, ports.possible);
      if (trail) rules.push({ policy, rule, matchedPeers: matched.yes, maybePeers: matched.maybe, ports: ports.allowed, possiblePorts: ports.possible, portProblems: ports.problems });
    }
  }
  if (direction === 'Egress' && other.type === 'address' && other.role === 'own-node' && !isAllConnections(allowed)) {
    // The API's concept page says traffic to the pod's own node is always allowed; Azure NPM does not filter it
    // (https://github.com/Azure/azure-container-networking/issues/2786), Cilium does (host identity:
    // https://github.com/cilium/cilium/issues/34387); for Calico or an unstated engine it is not settled.
    if (semantics.engine === 'azure-npm') {
      allowed = allConnections();
      possible = allConnections();
      notes.add("Azure NPM does not filter a pod's traffic to its own node");
    } else if (semantics.engine !== 'cilium') {
      possible = allConnections();
      notes.add(`whether egress to the pod's own node is filtered depends on ${semantics.engine === 'calico' ? 'Calico' : 'the engine (not stated in the cluster profile)'}`);
    }
  }
  if (subject.pods.hostNetwork && !isAllConnections(possible)) {
    possible = allConnections();
    notes.add('the pods use hostNetwork: whether NetworkPolicies apply to them is left to the network plugin');
  }
  return { direction, applies: true, isolated: true, policies, rules, allowed, possible: sameOr(possible, allowed), notes: [...notes] };
}

/**
 * The policies that isolate these pods for the direction, as the cluster enforces them: none when no engine
 * enforces policies, or for hostNetwork pods under Cilium (which does not police them).
 */
export function isolatingPolicies(model: NetpolModel, pods: PodClass, direction: Direction): readonly CompiledPolicy[] {
  if (!model.semantics.enforced) return [];
  if (pods.hostNetwork && model.semantics.engine === 'cilium') return [];
  return model.policiesSelecting(pods, direction);
}

function open(direction: Direction, applies: boolean, policies: readonly CompiledPolicy[], notes: readonly string[]): DirectionVerdict {
  const all = allConnections();
  return { direction, applies, isolated: false, policies, rules: [], allowed: all, possible: all, notes };
}

function skipped(direction: Direction): DirectionVerdict {
  const none = noConnections();
  return { direction, applies: true, isolated: false, policies: [], rules: [], allowed: none, possible: none, notes: [] };
}

/** The same object when equal, so that callers can tell "nothing uncertain" cheaply. */
function sameOr(possible: ConnectionSet, allowed: ConnectionSet): ConnectionSet {
  return possible === allowed || equalConnections(possible, allowed) ? allowed : possible;
}

function matchPeers(model: NetpolModel, policy: CompiledPolicy, rule: CompiledRule, other: Endpoint, notes: Set<string>): { yes: 'all' | number[]; maybe: number[] } {
  if (!rule.peers) return { yes: 'all', maybe: [] };
  const yes: number[] = [];
  const maybe: number[] = [];
  for (const peer of rule.peers) {
    const { match, reason } = peerMatch(model, policy, peer, other);
    if (match === 'yes') yes.push(peer.index);
    else if (match === 'maybe') {
      maybe.push(peer.index);
      if (reason) notes.add(reason);
    }
  }
  return { yes, maybe };
}

/** Whether one peer of a rule of `policy` certainly matches the other side of the connection. */
export function peerMatches(model: NetpolModel, policy: CompiledPolicy, peer: CompiledPeer, other: Endpoint): boolean {
  return peerMatch(model, policy, peer, other).match === 'yes';
}

/**
 * The pod classes of a namespace that a peer of a rule of `policy` certainly matches, in model order: the classes its
 * podSelector selects (the model's label index, classSelection.ts), each then judged by `peerMatches`, rather than
 * every class of the namespace tested per peer.
 */
export function classesMatchedByPeer(model: NetpolModel, policy: CompiledPolicy, peer: CompiledPeer, namespace: string): PodClass[] {
  if (peer.kind !== 'pods') return [];
  const candidates = peer.podSelector ? model.classesSelectedIn(namespace, peer.podSelector) : model.classesIn(namespace);
  return candidates.filter((pods) => peerMatches(model, policy, peer, { type: 'pods', pods }));
}

/** The same for several peers (any of them), in model order. */
export function classesMatchedByPeers(model: NetpolModel, policy: CompiledPolicy, peers: readonly CompiledPeer[], namespace: string): PodClass[] {
  if (peers.length === 1) return classesMatchedByPeer(model, policy, peers[0]!, namespace);
  const matched = new Set(peers.flatMap((peer) => classesMatchedByPeer(model, policy, peer, namespace)));
  // Class ids grow with model order within a namespace (namespaceGroups.ts numbers them as it groups).
  return [...matched].sort((a, b) => a.id - b.id);
}

/** Whether one peer of a rule of `policy` matches the other side: yes, no, or maybe (with the reason). */
export function peerMatch(model: NetpolModel, policy: CompiledPolicy, peer: CompiledPeer, other: Endpoint): { match: Match; reason?: string } {
  switch (peer.kind) {
    case 'invalid':
      return { match: 'no' };
    case 'ipBlock':
      switch (other.type) {
        case 'external':
          return { match: rangeWithin(other.range, peer.addresses) ? 'yes' : 'no' };
        case 'address':
          if (other.role === 'outside') {
            const match = addressInSpace(peer.addresses, other.within);
            return match === 'maybe' ? { match, reason: 'the source address is not known exactly (see the ipBlock)' } : { match };
          }
          if (other.within) {
            const byAddress = addressInSpace(peer.addresses, other.within);
            if (byAddress === 'no') return { match: 'no' };
          }
          return ipBlockMatchesNodes(model.semantics, peer.addresses);
        default:
          return other.pods.hostNetwork ? ipBlockMatchesNodes(model.semantics, peer.addresses) : ipBlockMatchesPods(model.semantics, peer.addresses);
      }
    case 'pods': {
      if (other.type !== 'pods') return { match: 'no' };
      const pods = other.pods;
      const partly = other.partly;
      let namespaceMatch: Match;
      if (partly?.namespaceUnknown) namespaceMatch = unknownNamespaceMatch(peer.namespaceSelector);
      else namespaceMatch = (peer.namespaceSelector ? model.namespaceSelectorMatches(peer.namespaceSelector, pods.namespace) : pods.namespace === policy.namespace) ? 'yes' : 'no';
      if (namespaceMatch === 'no') return { match: 'no' };
      const podMatch: Match = !peer.podSelector ? 'yes' : partly ? selectorMatch(peer.podSelector, pods.labels, partly) : selectorMatches(peer.podSelector, pods.labels) ? 'yes' : 'no';
      const match = and3(namespaceMatch, podMatch);
      if (match !== 'maybe') return { match };
      return { match, reason: namespaceMatch === 'maybe' ? "the source pods' namespace is not known" : "the source pods' labels are only partly known" };
    }
  }
}

/** The connections a rule's ports give toward a destination: for certain, and possibly. */
export function rulePorts(model: NetpolModel, rule: CompiledRule, dst: Endpoint): { allowed: ConnectionSet; possible: ConnectionSet; problems: PortProblem[]; reason?: string } {
  return portsGiven(model, rule.ports, dst);
}

/** The same for a list of ports (undefined: every port of every protocol). */
function portsGiven(model: NetpolModel, ports: readonly CompiledPort[] | undefined, dst: Endpoint): { allowed: ConnectionSet; possible: ConnectionSet; problems: PortProblem[]; reason?: string } {
  if (!ports) {
    const all = allConnections();
    return { allowed: all, possible: all, problems: [] };
  }
  let allowed = noConnections();
  let possible = noConnections();
  let reason: string | undefined;
  const problems: PortProblem[] = [];
  for (const port of ports) {
    const resolved = resolvePort(port, dst);
    if (typeof resolved === 'string') {
      problems.push({ index: port.index, reason: resolved });
      continue;
    }
    possible = unionConnections(possible, resolved);
    if (port.kind === 'range' && port.port.endPort !== undefined && port.to > port.from && model.semantics.endPort === 'maybe-first-port') {
      allowed = unionConnections(allowed, connectionsOf(port.protocol, [{ from: port.from, to: port.from }]));
      reason = model.semantics.endPortReason;
    } else allowed = unionConnections(allowed, resolved);
  }
  const result: { allowed: ConnectionSet; possible: ConnectionSet; problems: PortProblem[]; reason?: string } = { allowed, possible: reason ? possible : allowed, problems };
  if (reason) result.reason = reason;
  return result;
}

function resolvePort(port: CompiledPort, dst: Endpoint): ConnectionSet | string {
  switch (port.kind) {
    case 'invalid':
      return port.reason;
    case 'range':
      return connectionsOf(port.protocol, [{ from: port.from, to: port.to }]);
    case 'named': {
      if (dst.type !== 'pods') return `named port \`${port.name}\` resolves only against a destination pod's container ports, not an address`;
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
