/**
 * The admin tiers around the NetworkPolicy decision of one direction (compiled.ts has the API's order): ANP rules
 * by priority, then the NetworkPolicy verdict for what they pass or leave, then, when no NetworkPolicy isolates the
 * pod, the BaselineAdminNetworkPolicy. Called from the pair evaluation (../evaluate.ts) with the NetworkPolicy
 * verdict; returns it unchanged when no admin policy selects the pod.
 *
 * Three states: a subject or peer may match only possibly (pods whose labels or namespace are partly known, a
 * network against pod IPs the profile does not place). The tiers are then evaluated under both readings, every
 * possible match taken as a match and as none: `allowed` is what both readings admit with the NetworkPolicies'
 * certain set, `possible` what either admits with their possible set.
 */
import type { Protocol } from '../../model/resources';
import { selectorMatches } from '../../model/labelSelector';
import { rangeWithin } from '../../address/addressRange';
import type { Direction } from '../compiledPolicy';
import type { DirectionVerdict, Endpoint } from '../evaluate';
import type { NetpolModel } from '../model';
import { and3, selectorMatch, unknownNamespaceMatch } from '../partlyKnownPods';
import { allConnections, connectionsOf, intersectConnections, isEmptyConnections, noConnections, subtractConnections, unionConnections, type ConnectionSet } from '../portSet';
import { addressInSpace, type Match } from '../semantics';
import type { CompiledAdminPeer, CompiledAdminPolicy, CompiledAdminRule } from './compiled';

/** One admin rule that decided some connections of this direction (the explain trail). */
export interface AdminDecision {
  readonly policy: CompiledAdminPolicy;
  readonly rule: CompiledAdminRule;
  /** What it decided (Allow: admitted, Deny: dropped, Pass: handed to the NetworkPolicies). */
  readonly connections: ConnectionSet;
  /** Decided only under the reading where possible matches match. */
  readonly possibly: boolean;
}

interface Reading {
  readonly allowed: ConnectionSet;
  readonly decisions: AdminDecision[];
  /** Some subject or peer matched only possibly: the other reading may differ. */
  readonly sawMaybe: boolean;
}

/** The direction's verdict with the admin tiers applied around the NetworkPolicy verdict `np`. */
export function withAdminPolicies(model: NetpolModel, direction: Direction, src: Endpoint, dst: Endpoint, np: DirectionVerdict, trail: boolean): DirectionVerdict {
  const subject = direction === 'Ingress' ? dst : src;
  if (subject.type !== 'pods' || !model.semantics.enforced) return np;
  const selecting = adminPoliciesSelecting(model, direction, subject);
  if (selecting.length === 0) return np;
  const admins = selecting.filter((p) => p.tier === 'admin');
  const baselines = selecting.filter((p) => p.tier === 'baseline');
  const other = direction === 'Ingress' ? src : dst;
  const certain = evaluateTiers(model, direction, subject, other, dst, admins, baselines, np, 'no', np.allowed);
  if (!certain.sawMaybe && np.possible === np.allowed) return { ...np, isolated: np.isolated || certain.decisions.length > 0, allowed: certain.allowed, possible: certain.allowed, admin: trail ? certain.decisions : [] };
  const loose = evaluateTiers(model, direction, subject, other, dst, admins, baselines, np, 'yes', np.possible);
  const strict = evaluateTiers(model, direction, subject, other, dst, admins, baselines, np, 'no', np.possible);
  const eager = evaluateTiers(model, direction, subject, other, dst, admins, baselines, np, 'yes', np.allowed);
  const allowed = intersectConnections(certain.allowed, eager.allowed);
  const possible = unionConnections(loose.allowed, strict.allowed);
  const decisions = trail ? [...certain.decisions, ...eager.decisions.filter((d) => !certain.decisions.some((c) => c.rule === d.rule)).map((d) => ({ ...d, possibly: true }))] : [];
  const notes = [...np.notes];
  if (!isEmptyConnections(subtractConnections(possible, allowed)) && eager.decisions.length !== certain.decisions.length) notes.push('an admin network policy rule may or may not match these pods (their labels, namespace or addresses are only partly known)');
  return { ...np, isolated: np.isolated || certain.decisions.length > 0, allowed, possible: unionConnections(possible, allowed), notes, admin: decisions };
}

const NONE: readonly CompiledAdminPolicy[] = Object.freeze([]);

/** The ANPs and baselines with rules for the direction whose subject selects (or may select) the pods. */
export function adminPoliciesSelecting(model: NetpolModel, direction: Direction, pods: Extract<Endpoint, { type: 'pods' }>): readonly CompiledAdminPolicy[] {
  const admins = model.adminPolicies;
  const baselines = model.baselinePolicies;
  // The common case (no admin policy in the workspace) costs two reads and no allocation.
  if (admins.length === 0 && baselines.length === 0) return NONE;
  return [...admins, ...baselines].filter((p) => p.rules[direction].length > 0 && subjectMatch(model, p, pods) !== 'no');
}

/** One reading: possible matches read as `maybeAs`, the NetworkPolicy tier admitting `npAllowed`. */
function evaluateTiers(
  model: NetpolModel,
  direction: Direction,
  subject: Extract<Endpoint, { type: 'pods' }>,
  other: Endpoint,
  dst: Endpoint,
  admins: readonly CompiledAdminPolicy[],
  baselines: readonly CompiledAdminPolicy[],
  np: DirectionVerdict,
  maybeAs: 'yes' | 'no',
  npAllowed: ConnectionSet,
): Reading {
  const decisions: AdminDecision[] = [];
  let undecided = allConnections();
  let allowed = noConnections();
  let sawMaybe = false;
  const holds = (m: Match) => {
    if (m === 'maybe') sawMaybe = true;
    return m === 'yes' || (m === 'maybe' && maybeAs === 'yes');
  };
  const apply = (policies: readonly CompiledAdminPolicy[], onDecide: (rule: CompiledAdminRule, connections: ConnectionSet) => void) => {
    for (const policy of policies) {
      if (!holds(subjectMatch(model, policy, subject))) continue;
      for (const rule of policy.rules[direction]) {
        if (isEmptyConnections(undecided)) return;
        if (!rule.action || !holds(rulePeersMatch(model, rule, other))) continue;
        const connections = intersectConnections(adminRulePorts(rule, dst), undecided);
        if (isEmptyConnections(connections)) continue;
        undecided = subtractConnections(undecided, connections);
        decisions.push({ policy, rule, connections, possibly: false });
        onDecide(rule, connections);
      }
    }
  };
  let passed = noConnections();
  apply(admins, (rule, connections) => {
    if (rule.action === 'Allow') allowed = unionConnections(allowed, connections);
    else if (rule.action === 'Pass') passed = unionConnections(passed, connections);
  });
  // What the ANPs passed or left: the NetworkPolicies decide it when they isolate the pod, else the baseline.
  let rest = unionConnections(undecided, passed);
  if (np.isolated) return { allowed: unionConnections(allowed, intersectConnections(rest, npAllowed)), decisions, sawMaybe };
  undecided = rest;
  let denied = noConnections();
  apply(baselines, (rule, connections) => {
    if (rule.action === 'Deny') denied = unionConnections(denied, connections);
  });
  rest = subtractConnections(rest, denied);
  return { allowed: unionConnections(allowed, intersectConnections(rest, npAllowed)), decisions, sawMaybe };
}

function subjectMatch(model: NetpolModel, policy: CompiledAdminPolicy, subject: Extract<Endpoint, { type: 'pods' }>): Match {
  return peerMatch(model, policy.subject, subject);
}

function rulePeersMatch(model: NetpolModel, rule: CompiledAdminRule, other: Endpoint): Match {
  let result: Match = 'no';
  for (const peer of rule.peers) {
    const match = peerMatch(model, peer, other);
    if (match === 'yes') return 'yes';
    if (match === 'maybe') result = 'maybe';
  }
  return result;
}

/** Whether an admin peer (or subject) selects the endpoint. */
export function peerMatch(model: NetpolModel, peer: CompiledAdminPeer, endpoint: Endpoint): Match {
  switch (peer.kind) {
    case 'invalid':
      return 'no';
    case 'namespaces':
    case 'pods': {
      if (endpoint.type !== 'pods') return 'no';
      if (endpoint.representative) return endpoint.representative.stands(peer) || podsMatch(model, peer, endpoint) === 'yes' ? 'yes' : 'no';
      return podsMatch(model, peer, endpoint);
    }
    case 'networks':
      switch (endpoint.type) {
        case 'external':
          return rangeWithin(endpoint.range, peer.addresses) ? 'yes' : 'no';
        case 'address':
          return addressInSpace(peer.addresses, endpoint.role === 'outside' ? endpoint.within : (endpoint.within ?? model.semantics.nodeAddresses));
        default:
          // The API: "cluster-internal traffic will be checked against the rule as well": a network matches the pod
          // IPs it contains; where pods get their IPs is the profile's podCidr (unknown without it).
          return addressInSpace(peer.addresses, endpoint.pods.hostNetwork ? model.semantics.nodeAddresses : model.semantics.podAddresses);
      }
    case 'nodes':
      // Node labels are not in the manifests: only a selector that selects every node is known to match.
      if (endpoint.type === 'address' && endpoint.role !== 'outside') return peer.nodeSelector.invalid ? 'no' : Object.keys(peer.nodeSelector.matchLabels).length === 0 && peer.nodeSelector.matchExpressions.length === 0 ? 'yes' : 'maybe';
      if (endpoint.type === 'pods' && endpoint.pods.hostNetwork) return 'maybe';
      return 'no';
  }
}

/** A namespaces or pods peer against pods (three states when their facts are partly known). */
function podsMatch(model: NetpolModel, peer: Extract<CompiledAdminPeer, { kind: 'namespaces' | 'pods' }>, endpoint: Extract<Endpoint, { type: 'pods' }>): Match {
  const partly = endpoint.partly;
  const namespace: Match = partly?.namespaceUnknown ? unknownNamespaceMatch(peer.namespaceSelector) : model.namespaceSelectorMatches(peer.namespaceSelector, endpoint.pods.namespace) ? 'yes' : 'no';
  if (peer.kind === 'namespaces' || namespace === 'no') return namespace;
  const pods: Match = partly ? selectorMatch(peer.podSelector, endpoint.pods.labels, partly) : selectorMatches(peer.podSelector, endpoint.pods.labels) ? 'yes' : 'no';
  return and3(namespace, pods);
}

/** The connections a rule's ports name toward the destination (named ports resolve against its container ports). */
export function adminRulePorts(rule: CompiledAdminRule, dst: Endpoint): ConnectionSet {
  if (!rule.ports) return allConnections();
  let out = noConnections();
  for (const port of rule.ports) {
    if (port.invalid) continue;
    if (port.range) out = unionConnections(out, connectionsOf(port.range.protocol, [{ from: port.range.from, to: port.range.to }]));
    else if (port.namedPort !== undefined && dst.type === 'pods') {
      for (const p of dst.pods.ports.filter((c) => c.name === port.namedPort)) out = unionConnections(out, connectionsOf(p.protocol as Protocol, [{ from: p.containerPort, to: p.containerPort }]));
    }
  }
  return out;
}
