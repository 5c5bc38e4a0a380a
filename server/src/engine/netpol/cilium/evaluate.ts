/**
 * Cilium's policies in the pair evaluation (netpol/evaluate.ts calls `ciliumDirection` and `withCilium` per
 * direction, only when the profile's engine is Cilium). Semantics (compiled.ts has the sources):
 *  - A direction is isolated when a Kubernetes NetworkPolicy or a Cilium rule selecting the pods enables default
 *    deny for it; what is then allowed is the union of what the NetworkPolicies' rules and the Cilium allow items
 *    admit (Cilium turns NetworkPolicies into its own rules: https://docs.cilium.io/en/stable/security/policy/).
 *  - Deny items win over every allow, Cilium's and Kubernetes' alike
 *    (https://docs.cilium.io/en/latest/security/policy/deny/), whether or not the direction is isolated.
 *  - Entities: `all` is everyone; `cluster` every pod and node; `world` (`world-ipv4`, `world-ipv6`) addresses
 *    outside the cluster; `host` the pod's own node; `remote-node` the other nodes. CIDR selectors match addresses
 *    outside the cluster only (pods and nodes have identities, as netpol/semantics.ts says for ipBlocks).
 *  - toFQDNs: which addresses a name resolves to is known at run time only (Cilium learns it from the DNS answers
 *    its proxy sees), so toward an external address a name may match: possible, not certain.
 *  - toServices applies to Services without a selector (https://github.com/cilium/cilium/pull/25864), whose
 *    addresses are not in the manifests: it may match an external address, never pods.
 *  - Traffic from the pod's own node is admitted (Cilium's default, allow-localhost), unless a deny item says so.
 */
import { selectorMatches } from '../../model/labelSelector';
import { rangeWithin } from '../addressSet';
import type { CompiledPort, Direction } from '../compiledPolicy';
import type { DirectionVerdict, Endpoint } from '../evaluate';
import type { NetpolModel } from '../model';
import { and3, selectorMatch, unknownNamespaceMatch, type PartlyKnownPods } from '../partlyKnownPods';
import type { PodClass } from '../podClasses';
import { allConnections, equalConnections, noConnections, subtractConnections, unionConnections, type ConnectionSet } from '../portSet';
import { addressInSpace, type Match } from '../semantics';
import { fqdnMatches, type CiliumPeer, type CiliumSelector, type CompiledCiliumItem, type CompiledCiliumPolicy, type CompiledCiliumRule } from './compiled';

export interface CiliumItemOutcome {
  readonly item: CompiledCiliumItem;
  readonly match: 'yes' | 'maybe';
  /** The peers that match (`every peer` for an item with toPorts only). */
  readonly peers: readonly string[];
  readonly ports: ConnectionSet;
  readonly possiblePorts: ConnectionSet;
}

export interface CiliumDirectionVerdict {
  /** Cilium rules selecting the pods this direction is about (with items or default deny for it). */
  readonly rules: readonly CompiledCiliumRule[];
  /** Whether one of them enables default deny for the direction. */
  readonly isolated: boolean;
  /** What its allow items admit, for certain and possibly. */
  readonly allowed: ConnectionSet;
  readonly possible: ConnectionSet;
  /** What its deny items deny, for certain and possibly. */
  readonly denied: ConnectionSet;
  readonly possiblyDenied: ConnectionSet;
  /** The items that match (yes or maybe), allow and deny. */
  readonly outcomes: readonly CiliumItemOutcome[];
  readonly notes: readonly string[];
}

export type PortsOf = (ports: readonly CompiledPort[] | undefined) => { allowed: ConnectionSet; possible: ConnectionSet; reason?: string };

/** Undefined when no Cilium rule selects the pods for the direction (the NetworkPolicy verdict stands alone). */
export function ciliumDirection(model: NetpolModel, direction: Direction, subject: PodClass, other: Endpoint, portsOf: PortsOf): CiliumDirectionVerdict | undefined {
  if (subject.hostNetwork) return undefined;
  const rules = model.ciliumRulesSelecting(subject, direction);
  if (rules.length === 0) return undefined;
  const notes = new Set<string>();
  const outcomes: CiliumItemOutcome[] = [];
  let allowed = noConnections();
  let possible = noConnections();
  let denied = noConnections();
  let possiblyDenied = noConnections();
  const namespaceOf = (rule: CompiledCiliumRule) => rule.policy.namespace || subject.namespace;
  for (const rule of rules) {
    for (const deny of [false, true]) {
      for (const item of (deny ? rule.deny : rule.allow)[direction]) {
        const matched = itemMatch(model, item, other, namespaceOf(rule), notes);
        if (!matched) continue;
        const ports = portsOf(item.ports);
        if (ports.reason) notes.add(ports.reason);
        outcomes.push({ item, match: matched.match, peers: matched.peers, ports: ports.allowed, possiblePorts: ports.possible });
        if (deny) {
          possiblyDenied = unionConnections(possiblyDenied, ports.possible);
          if (matched.match === 'yes') denied = unionConnections(denied, ports.allowed);
        } else {
          possible = unionConnections(possible, ports.possible);
          if (matched.match === 'yes') allowed = unionConnections(allowed, ports.allowed);
        }
      }
    }
  }
  if (direction === 'Ingress' && other.type === 'address' && other.role === 'own-node') {
    allowed = allConnections();
    possible = allConnections();
    notes.add("Cilium admits traffic from the pod's own node (allow-localhost)");
  }
  return { rules, isolated: rules.some((r) => r.isolates[direction]), allowed, possible, denied, possiblyDenied, outcomes, notes: [...notes] };
}

/** The NetworkPolicy verdict of a direction combined with Cilium's. */
export function withCilium(k8s: DirectionVerdict, cilium: CiliumDirectionVerdict): DirectionVerdict {
  const isolated = k8s.isolated || cilium.isolated;
  let allowed: ConnectionSet;
  let possible: ConnectionSet;
  if (!isolated) {
    allowed = k8s.allowed;
    possible = k8s.possible;
  } else if (!k8s.isolated) {
    allowed = cilium.allowed;
    possible = cilium.possible;
  } else {
    allowed = unionConnections(k8s.allowed, cilium.allowed);
    possible = unionConnections(k8s.possible, cilium.possible);
  }
  allowed = subtractConnections(allowed, cilium.possiblyDenied);
  possible = subtractConnections(possible, cilium.denied);
  const notes = [...k8s.notes, ...cilium.notes.filter((n) => !k8s.notes.includes(n))];
  return { ...k8s, isolated, allowed, possible: equalConnections(possible, allowed) ? allowed : possible, notes, cilium };
}

/** Whether an item's L3 selectors match the other side: undefined when they do not. */
function itemMatch(model: NetpolModel, item: CompiledCiliumItem, other: Endpoint, namespace: string, notes: Set<string>): { match: 'yes' | 'maybe'; peers: string[] } | undefined {
  if (!item.peers) return { match: 'yes', peers: ['every peer'] };
  let best: Match = 'no';
  const peers: string[] = [];
  for (const peer of item.peers) {
    const { match, reason } = peerMatch(model, peer, other, namespace);
    if (match === 'no') continue;
    peers.push(peer.text);
    if (match === 'yes') best = 'yes';
    else {
      if (best === 'no') best = 'maybe';
      if (reason) notes.add(reason);
    }
  }
  return best === 'no' ? undefined : { match: best, peers };
}

function peerMatch(model: NetpolModel, peer: CiliumPeer, other: Endpoint, namespace: string): { match: Match; reason?: string } {
  switch (peer.kind) {
    case 'invalid':
      return { match: 'no' };
    case 'endpoints':
      if (other.type !== 'pods' || other.pods.hostNetwork) return { match: 'no' };
      return podsMatch(model, peer.selector, other.pods, other.partly);
    case 'entity':
      return entityMatch(peer.entity, other);
    case 'cidr':
      if (other.type === 'external') return { match: rangeWithin(other.range, peer.addresses) ? 'yes' : 'no' };
      if (other.type === 'address' && other.role === 'outside') {
        const match = addressInSpace(peer.addresses, other.within);
        return match === 'maybe' ? { match, reason: `the address is not known exactly (see ${peer.text})` } : { match };
      }
      return { match: 'no' };
    case 'service':
      if (other.type === 'pods') return { match: 'no' };
      if (other.type === 'address' && other.role !== 'outside') return { match: 'no' };
      return { match: 'maybe', reason: `toServices selects the endpoints of a Service without a selector (${peer.text} in namespace \`${namespace}\`), whose addresses the manifests do not state` };
    case 'fqdn':
      if (other.type === 'pods') return { match: 'no' };
      if (other.type === 'address' && other.role !== 'outside') return { match: 'no' };
      // A destination known by its host name is matched by name: DNS-based identities approximated by the names.
      if (other.type === 'address' && other.name !== undefined) return { match: fqdnMatches(peer, other.name) ? 'yes' : 'no' };
      return { match: 'maybe', reason: `toFQDNs admits the addresses ${peer.text} resolves to at run time, which the manifests do not state` };
  }
}

/** A Cilium endpoint selector against pods (maybe when their labels or namespace are only partly known). */
export function podsMatch(model: NetpolModel, selector: CiliumSelector, pods: PodClass, partly: PartlyKnownPods | undefined): { match: Match; reason?: string } {
  let namespaceMatch: Match;
  if (partly?.namespaceUnknown) namespaceMatch = selector.scope !== undefined ? 'maybe' : unknownNamespaceMatch(selector.namespace ?? { matchLabels: {}, matchExpressions: [], span: selector.pods.span });
  else if (selector.scope !== undefined) namespaceMatch = pods.namespace === selector.scope ? 'yes' : 'no';
  else namespaceMatch = !selector.namespace || model.namespaceSelectorMatches(selector.namespace, pods.namespace) ? 'yes' : 'no';
  if (namespaceMatch === 'no') return { match: 'no' };
  const podMatch: Match = partly ? selectorMatch(selector.pods, pods.labels, partly) : selectorMatches(selector.pods, pods.labels) ? 'yes' : 'no';
  const match = and3(namespaceMatch, podMatch);
  if (match !== 'maybe') return { match };
  return { match, reason: namespaceMatch === 'maybe' ? "the pods' namespace is not known" : "the pods' labels are only partly known" };
}

function entityMatch(entity: string, other: Endpoint): { match: Match; reason?: string } {
  if (entity === 'all') return { match: 'yes' };
  switch (other.type) {
    case 'pods':
      if (entity === 'cluster') return { match: 'yes' };
      if (other.pods.hostNetwork && (entity === 'host' || entity === 'remote-node')) return { match: 'maybe', reason: 'hostNetwork pods have the identity of their node (`host` on the same node, `remote-node` on another)' };
      return { match: 'no' };
    case 'external':
      if (entity === 'world') return { match: 'yes' };
      if (entity === 'world-ipv4') return { match: other.range.family === 4 ? 'yes' : 'no' };
      if (entity === 'world-ipv6') return { match: other.range.family === 6 ? 'yes' : 'no' };
      return { match: 'no' };
    case 'address':
      if (other.role === 'outside') {
        if (entity === 'world') return { match: 'yes' };
        if (entity === 'world-ipv4' || entity === 'world-ipv6') {
          const family = entity === 'world-ipv4' ? 4 : 6;
          if (other.within && other.within.length) {
            if (other.within.every((r) => r.family === family)) return { match: 'yes' };
            if (other.within.every((r) => r.family !== family)) return { match: 'no' };
          }
          return { match: 'maybe', reason: `\`${entity}\` matches one address family, and the address is not known exactly` };
        }
        return { match: 'no' };
      }
      if (entity === 'cluster') return { match: 'yes' };
      if (other.role === 'node') return { match: entity === 'remote-node' ? 'yes' : 'no' };
      return { match: entity === 'host' ? 'yes' : 'no' };
  }
}

/** The Cilium policies that put the pods in default deny for the direction (none unless the engine is Cilium). */
export function ciliumIsolating(model: NetpolModel, pods: PodClass, direction: Direction): CompiledCiliumPolicy[] {
  if (pods.hostNetwork) return [];
  return [...new Set(model.ciliumRulesSelecting(pods, direction).filter((r) => r.isolates[direction]).map((r) => r.policy))];
}

/** The pod classes of the workspace a Cilium rule selects (its namespace, or every namespace when clusterwide). */
export function classesSelectedBy(model: NetpolModel, rule: CompiledCiliumRule): PodClass[] {
  const candidates = rule.policy.clusterwide ? model.classes : model.classesIn(rule.policy.namespace);
  return candidates.filter((c) => !c.hostNetwork && ruleSelects(model, rule, c));
}

/** Whether a Cilium rule's subject selects pods of a class (namespace and labels as the workspace states them). */
export function ruleSelects(model: NetpolModel, rule: CompiledCiliumRule, pods: PodClass): boolean {
  return !!rule.subject && podsMatch(model, rule.subject, pods, undefined).match === 'yes';
}

