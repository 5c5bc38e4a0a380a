/**
 * The workload pairs the model admits for certain, for the connectivity graph, without evaluating every pair.
 *
 * A pair where the source is not isolated for egress and the destination is not isolated for ingress allows
 * everything by default: it is counted, not listed (the graph draws such workloads as open). For the other pairs the
 * isolating policies' rules say which peers can match at all: a rule without `from`/`to` matches every peer, a pod
 * peer matches the pod classes its selectors select (computed once per distinct peer, the policies being shared
 * by many pods; an ipBlock the engine may match against pod IPs, every class; a class Cilium rules or admin
 * policies select, every class). Only those candidate pairs are evaluated, and each by the netpol engine itself
 * (`ClassPairCache`), so the sets are exactly what `netlens connectivity` prints; candidates only avoid the n² pairs
 * that allow nothing.
 *
 * Steppable (`features/steps.ts`): it yields after each pod class's sides and after each destination class, the units
 * whose cost grows with the workspace.
 */
import type { Steps } from '../features/steps';
import type { LabelSelector } from '../model/labelSelector';
import { classesSelected } from '../netpol/classSelection';
import type { CompiledPeer, CompiledPolicy, Direction } from '../netpol/compiledPolicy';
import { ClassPairCache } from '../netpol/connectivity';
import { adminPoliciesSelecting } from '../netpol/admin/evaluate';
import { isolatingPolicies, type Endpoint } from '../netpol/evaluate';
import type { NetpolModel } from '../netpol/model';
import type { PodClass, WorkloadPeer } from '../netpol/podClasses';
import { isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from '../netpol/portSet';
import { ipBlockMatchesNodes, ipBlockMatchesPods } from '../netpol/semantics';

/** The node id of addresses outside the cluster (ipBlocks, rules without peers). */
export const EXTERNAL_NODE_ID = 'external';

export interface AllowedPair {
  /** Peer id, or EXTERNAL_NODE_ID. */
  src: string;
  dst: string;
  allowed: ConnectionSet;
}

export interface PolicyPairs {
  pairs: AllowedPair[];
  /** Ordered peer pairs (one side in scope) that allow everything because neither side is isolated. */
  openPairs: number;
}

type Candidates = 'all' | Set<PodClass>;

interface Side {
  candidates: Candidates;
  /** Some rule can match an address outside the cluster (no peers, or an ipBlock). */
  external: boolean;
}

/**
 * Allowed pairs among `peers` (each with its pod classes), keeping pairs with at least one side `inScope`.
 * `peers` must come from `model`.
 */
export function* policyPairSteps(model: NetpolModel, peers: readonly WorkloadPeer[], inScope: (peer: WorkloadPeer) => boolean): Steps<PolicyPairs> {
  const cache = new ClassPairCache(model);
  const peersOfClass = new Map<PodClass, WorkloadPeer[]>();
  for (const peer of peers) {
    for (const cls of peer.classes) {
      const list = peersOfClass.get(cls);
      if (list) list.push(peer);
      else peersOfClass.set(cls, [peer]);
    }
  }
  const classes = [...peersOfClass.keys()];
  const classesByNamespace = new Map<string, PodClass[]>();
  for (const cls of classes) {
    const list = classesByNamespace.get(cls.namespace);
    if (list) list.push(cls);
    else classesByNamespace.set(cls.namespace, [cls]);
  }
  const classInScope = new Map<PodClass, boolean>(classes.map((c) => [c, peersOfClass.get(c)!.some(inScope)]));

  // Classes a pod peer can match: the same test as the engine's peerMatches, split so that the namespace part is
  // decided once per namespace, and cached by what the peer says (many policies repeat the same peers).
  const matching = new Map<string, PodClass[]>();
  const classesMatching = (policy: CompiledPolicy, peer: Extract<CompiledPeer, { kind: 'pods' }>): PodClass[] => {
    const key = `${peer.namespaceSelector ? selectorKey(peer.namespaceSelector) : `=${policy.namespace}`}\u0000${peer.podSelector ? selectorKey(peer.podSelector) : '*'}`;
    let result = matching.get(key);
    if (result) return result;
    result = [];
    for (const [namespace, inNamespace] of classesByNamespace) {
      const namespaceMatches = peer.namespaceSelector ? model.namespaceSelectorMatches(peer.namespaceSelector, namespace) : namespace === policy.namespace;
      if (!namespaceMatches) continue;
      result.push(...(peer.podSelector ? classesSelected(inNamespace, peer.podSelector) : inNamespace));
    }
    matching.set(key, result);
    return result;
  };
  const sideOf = (cls: PodClass, direction: Direction): Side | undefined => {
    // Cilium rules (under Cilium) and admin policies (ANP Allow/Deny/Pass, the baseline) may admit or deny anyone:
    // every pair of such a class is evaluated.
    if (restrictedBeyondNetworkPolicies(model, cls, direction)) return { candidates: 'all', external: true };
    const policies = isolatingPolicies(model, cls, direction);
    if (policies.length === 0) return undefined;
    let candidates: Candidates = new Set<PodClass>();
    let external = false;
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        if (!rule.peers) {
          candidates = 'all';
          external = true;
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.kind === 'ipBlock') {
            external = true;
            // Engines that match pod (or, for hostNetwork pods, node) IPs with ipBlocks (netpol/semantics.ts) may
            // admit any pod through it.
            if (ipBlockMatchesPods(model.semantics, peer.addresses).match !== 'no' || ipBlockMatchesNodes(model.semantics, peer.addresses).match !== 'no') candidates = 'all';
          } else if (peer.kind === 'pods' && candidates !== 'all') for (const match of classesMatching(policy, peer)) candidates.add(match);
        }
      }
    }
    return { candidates, external };
  };
  const ingress = new Map<PodClass, Side | undefined>();
  const egress = new Map<PodClass, Side | undefined>();
  for (const cls of classes) {
    ingress.set(cls, sideOf(cls, 'Ingress'));
    egress.set(cls, sideOf(cls, 'Egress'));
    yield;
  }
  const admits = (side: Side, cls: PodClass) => side.candidates === 'all' || side.candidates.has(cls);

  // Sources isolated for egress, by the destination classes their rules can reach (for open destinations).
  const egressAll: PodClass[] = [];
  const egressTo = new Map<PodClass, PodClass[]>();
  for (const src of classes) {
    const side = egress.get(src);
    if (!side) continue;
    if (side.candidates === 'all') egressAll.push(src);
    else
      for (const dst of side.candidates) {
        const list = egressTo.get(dst);
        if (list) list.push(src);
        else egressTo.set(dst, [src]);
      }
  }

  const byPeerPair = new Map<string, AllowedPair>();
  const add = (src: string, dst: string, allowed: ConnectionSet): void => {
    const key = `${src}\u0000${dst}`;
    const existing = byPeerPair.get(key);
    if (existing) existing.allowed = unionConnections(existing.allowed, allowed);
    else byPeerPair.set(key, { src, dst, allowed });
  };
  const addClassPair = (src: PodClass, dst: PodClass, allowed: ConnectionSet): void => {
    for (const s of peersOfClass.get(src)!) {
      for (const d of peersOfClass.get(dst)!) if (s !== d && (inScope(s) || inScope(d))) add(s.id, d.id, allowed);
    }
  };
  const evaluate = (src: PodClass, dst: PodClass): void => {
    if (!classInScope.get(src) && !classInScope.get(dst)) return;
    const allowed = cache.allowed(pods(src), pods(dst));
    if (!isEmptyConnections(allowed)) addClassPair(src, dst, allowed);
  };

  // A destination outside the scope only needs the sources inside it.
  const scopedClasses = classes.filter((c) => classInScope.get(c));
  const sourcesOf = (dst: PodClass, candidates: Candidates): Iterable<PodClass> => {
    if (classInScope.get(dst)) return candidates === 'all' ? classes : candidates;
    if (candidates === 'all') return scopedClasses;
    return candidates.size <= scopedClasses.length ? [...candidates].filter((c) => classInScope.get(c)) : scopedClasses.filter((c) => candidates.has(c));
  };
  for (const dst of classes) {
    const inSide = ingress.get(dst);
    if (inSide) {
      for (const src of sourcesOf(dst, inSide.candidates)) {
        const outSide = egress.get(src);
        if (outSide && !admits(outSide, dst)) continue;
        evaluate(src, dst);
      }
    } else {
      for (const src of egressAll) evaluate(src, dst);
      for (const src of egressTo.get(dst) ?? []) evaluate(src, dst);
    }
    yield;
  }

  // Addresses outside the cluster, as one node: what the policies admit from (to) any address range.
  for (const dst of classes) {
    const side = ingress.get(dst);
    if (!side?.external || !classInScope.get(dst)) continue;
    let allowed = noConnections();
    for (const range of model.sourceAtoms) allowed = unionConnections(allowed, cache.allowed({ type: 'external', range }, pods(dst)));
    if (!isEmptyConnections(allowed)) for (const d of peersOfClass.get(dst)!) add(EXTERNAL_NODE_ID, d.id, allowed);
    yield;
  }
  for (const src of classes) {
    const side = egress.get(src);
    if (!side?.external || !classInScope.get(src)) continue;
    let allowed = noConnections();
    for (const range of model.destinationAtoms) allowed = unionConnections(allowed, cache.allowed(pods(src), { type: 'external', range }));
    if (!isEmptyConnections(allowed)) for (const s of peersOfClass.get(src)!) add(s.id, EXTERNAL_NODE_ID, allowed);
    yield;
  }

  return { pairs: [...byPeerPair.values()], openPairs: countOpenPairs(peers, inScope, ingress, egress) };
}

/**
 * Whether anything may restrict the pods' connections in the direction: a NetworkPolicy that isolates them, a Cilium
 * rule (under Cilium) or an admin policy (where policies are enforced) that selects them. Where nothing does, every
 * connection of that direction is allowed by default: the graph draws such pods as open and does not list their pairs.
 */
export function restrictedByPolicy(model: NetpolModel, cls: PodClass, direction: Direction): boolean {
  return isolatingPolicies(model, cls, direction).length > 0 || restrictedBeyondNetworkPolicies(model, cls, direction);
}

function restrictedBeyondNetworkPolicies(model: NetpolModel, cls: PodClass, direction: Direction): boolean {
  return model.ciliumRulesSelecting(cls, direction).length > 0 || (model.semantics.enforced && adminPoliciesSelecting(model, direction, { type: 'pods', pods: cls }).length > 0);
}

function pods(cls: PodClass): Endpoint {
  return { type: 'pods', pods: cls };
}

/** Peer pairs (one side in scope, not a peer to itself) where the source's egress and the destination's ingress are both open. */
function countOpenPairs(
  peers: readonly WorkloadPeer[],
  inScope: (peer: WorkloadPeer) => boolean,
  ingress: ReadonlyMap<PodClass, Side | undefined>,
  egress: ReadonlyMap<PodClass, Side | undefined>,
): number {
  let openOut = 0;
  let openIn = 0;
  let openOutOutside = 0;
  let openInOutside = 0;
  let bothInScope = 0;
  for (const peer of peers) {
    const out = peer.classes.every((c) => !egress.get(c));
    const inn = peer.classes.every((c) => !ingress.get(c));
    const scoped = inScope(peer);
    if (out) openOut++;
    if (inn) openIn++;
    if (out && !scoped) openOutOutside++;
    if (inn && !scoped) openInOutside++;
    if (out && inn && scoped) bothInScope++;
  }
  return openOut * openIn - openOutOutside * openInOutside - bothInScope;
}

function selectorKey(selector: LabelSelector): string {
  return JSON.stringify([selector.matchLabels, selector.matchExpressions, selector.invalid ?? null]);
}
