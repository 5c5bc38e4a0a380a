/**
 * Exposure analysis (np-guard's `list --exposure`): for each workload and direction, whom the policies admit beyond
 * the workloads the manifests hold.
 *  - not protected (no NetworkPolicy isolates its pods for the direction and no admin policy with rules for it
 *    selects them): exposed to the entire cluster on every port;
 *  - `entire-cluster`: what a pod of any namespace with any labels is admitted for certain (the pair evaluation with
 *    a pod whose namespace and labels are unknown: only rules that match every pod admit it);
 *  - one item per selector a rule names (`[namespace with {...}]/[pod with {...}]`, `ns/[all pods]`, ...): what a pod
 *    that selector stands for is admitted, unless the entire cluster already is. As np-guard, an item stands for its
 *    selector: it is given the rules that name that same selector and those that match every pod.
 *  - admin rules (np-guard's reading): their Deny or Pass toward a named selector does not take the pod out of
 *    `entire-cluster`; each such selector gets an item of its own, the full evaluation for a representative pod of
 *    it, shown when it differs from `entire-cluster` (`No Connections` for a Deny).
 * The verdicts come from the pair evaluation (netpol/evaluate.ts, admin tiers included); this module only chooses
 * the peers to ask about and groups the answers.
 */
import type { LabelSelector } from '../model/labelSelector';
import { NAMESPACE_NAME_LABEL } from '../model/extract/config';
import type { CompiledPeer, Direction } from '../netpol/compiledPolicy';
import { adminPoliciesSelecting, peerMatch } from '../netpol/admin/evaluate';
import type { CompiledAdminPeer } from '../netpol/admin/compiled';
import { evaluateDirection, rulePorts, type Endpoint } from '../netpol/evaluate';
import type { WorkloadPeer } from '../netpol/podClasses';
import { allConnections, connectionsContain, equalConnections, intersectConnections, isEmptyConnections, noConnections, subtractConnections, unionConnections, type ConnectionSet } from '../netpol/portSet';
import { syntheticPodClass } from '../netpol/syntheticPods';
import type { Protocol } from '../model/resources';
import type { ReachModel } from './model';

export const ENTIRE_CLUSTER = 'entire-cluster';

export interface ExposureItem {
  /** `entire-cluster`, or np-guard's `namespace/pods` text of the selector it stands for. */
  readonly peer: string;
  readonly connections: ConnectionSet;
}

export interface DirectionExposure {
  /** Some policy isolates the workload's pods for this direction. */
  readonly protected: boolean;
  readonly items: readonly ExposureItem[];
}

export interface WorkloadExposure {
  readonly workload: WorkloadPeer;
  readonly ingress: DirectionExposure;
  readonly egress: DirectionExposure;
}

/**
 * A pod of some namespace with some labels: only what matches every pod matches it for certain. As np-guard's
 * representative of the entire cluster, an admin rule whose peer does not match every pod does not match it (its
 * Deny or Pass does not take the pod out of `entire-cluster`; a representative peer of its selector shows that).
 */
const ANY_POD = representativePod(() => false);

function representativePod(stands: (peer: CompiledAdminPeer) => boolean): Extract<Endpoint, { type: 'pods' }> {
  return { type: 'pods', pods: syntheticPodClass('', {}), partly: { namespaceUnknown: true, otherLabels: 'unknown' }, representative: { stands } };
}

/** The exposure of one workload in one direction. */
export function directionExposure(model: ReachModel, workload: WorkloadPeer, direction: Direction): DirectionExposure {
  const netpol = model.netpol;
  let isolated = false;
  let entire = noConnections();
  // Keyed by the selector with its values sorted (the same set of pods), shown as first written.
  const bySelector = new Map<string, { text: string; connections: ConnectionSet }>();
  // Admin rules' selectors: what a pod of that selector is admitted (their Deny may leave it less than the cluster).
  const byAdminSelector = new Map<string, { text: string; connections: ConnectionSet }>();
  for (const pods of workload.classes) {
    const self: Endpoint = { type: 'pods', pods };
    const verdict = direction === 'Ingress' ? evaluateDirection(netpol, direction, ANY_POD, self, false) : evaluateDirection(netpol, direction, self, ANY_POD, false);
    if (!verdict.isolated && adminPoliciesSelecting(netpol, direction, self).length === 0) continue;
    isolated = true;
    entire = unionConnections(entire, verdict.allowed);
    for (const policy of verdict.policies) {
      for (const rule of policy.rules[direction]) {
        for (const peer of rule.peers ?? []) {
          const text = selectorPeerText(peer, policy.namespace);
          if (text === undefined || standsForWorkload(model, peer, policy.namespace)) continue;
          const ports = rulePorts(netpol, rule, direction === 'Ingress' ? self : ANY_POD).allowed;
          const key = selectorPeerText(peer, policy.namespace, true)!;
          const known = bySelector.get(key);
          bySelector.set(key, { text: known?.text ?? firstWritten(model, key) ?? text, connections: unionConnections(known?.connections ?? noConnections(), ports) });
        }
      }
    }
    for (const policy of adminPoliciesSelecting(netpol, direction, self)) {
      for (const rule of policy.rules[direction]) {
        for (const peer of rule.peers) {
          if ((peer.kind !== 'namespaces' && peer.kind !== 'pods') || peerMatch(netpol, peer, ANY_POD) === 'yes' || adminPeerStandsForWorkload(model, peer)) continue;
          const key = adminPeerText(peer, true);
          const pods = representativePod((p) => (p.kind === 'namespaces' || p.kind === 'pods') && adminPeerText(p, true) === key);
          const connections = (direction === 'Ingress' ? evaluateDirection(netpol, direction, pods, self, false) : evaluateDirection(netpol, direction, self, pods, false)).allowed;
          const known = byAdminSelector.get(key);
          byAdminSelector.set(key, { text: known?.text ?? adminPeerText(peer), connections: known ? intersectConnections(known.connections, connections) : connections });
        }
      }
    }
  }
  if (!isolated) return { protected: false, items: [{ peer: ENTIRE_CLUSTER, connections: allConnections() }] };
  const items: ExposureItem[] = [];
  if (!isEmptyConnections(entire)) items.push({ peer: ENTIRE_CLUSTER, connections: entire });
  for (const { text: peer, connections } of bySelector.values()) {
    if (isEmptyConnections(subtractConnections(connections, entire))) continue;
    items.push({ peer, connections: unionConnections(connections, entire) });
  }
  for (const [key, { text: peer, connections }] of byAdminSelector) {
    if (bySelector.has(key) || equalConnections(connections, entire)) continue;
    items.push({ peer, connections });
  }
  return { protected: true, items };
}

/**
 * The text of the first policy peer (in policy order, across the workspace) with the same selector up to the order
 * of values: np-guard keeps one representative per selector and names it as first written.
 */
function firstWritten(model: ReachModel, key: string): string | undefined {
  for (const policy of model.netpol.policies) {
    for (const direction of ['Ingress', 'Egress'] as const) {
      for (const rule of policy.rules[direction]) {
        for (const peer of rule.peers ?? []) if (selectorPeerText(peer, policy.namespace, true) === key) return selectorPeerText(peer, policy.namespace);
      }
    }
  }
  return undefined;
}

/** Every workload's exposure (both directions), in workload order; `only` restricts the workloads. */
export function exposureAnalysis(model: ReachModel, only?: (workload: WorkloadPeer) => boolean): WorkloadExposure[] {
  return model.netpol.peers.filter((w) => !only || only(w)).map((workload) => ({ workload, ingress: directionExposure(model, workload, 'Ingress'), egress: directionExposure(model, workload, 'Egress') }));
}

/**
 * Items that admit the connection (np-guard's `--focus-conn` with `--exposure`): as np-guard, which reads the exposure
 * on that connection alone, a selector's item is shown only when it differs there from `entire-cluster`.
 */
export function exposureOnConnection(items: readonly ExposureItem[], protocol: Protocol, port: number): ExposureItem[] {
  const admitted = items.filter((i) => connectionsContain(i.connections, protocol, port));
  if (!admitted.some((i) => i.peer === ENTIRE_CLUSTER)) return admitted;
  return admitted.filter((i) => i.peer === ENTIRE_CLUSTER);
}

/**
 * As np-guard: a selector of pod labels (matchLabels only) that some workload of the input matches (namespace and pods) stands
 * for that workload, which the connectivity list already shows; a selector of every pod of some namespaces does not.
 */
function standsForWorkload(model: ReachModel, peer: CompiledPeer, policyNamespace: string): boolean {
  if (peer.kind !== 'pods') return false;
  const namespaceSelector = peer.namespaceSelector;
  return labelsSelectWorkload(model, (namespace) => (namespaceSelector ? model.netpol.namespaceSelectorMatches(namespaceSelector, namespace) : namespace === policyNamespace), peer.podSelector);
}

/** As standsForWorkload, for an admin rule's `namespaces` or `pods` peer. */
function adminPeerStandsForWorkload(model: ReachModel, peer: Extract<CompiledAdminPeer, { kind: 'namespaces' | 'pods' }>): boolean {
  return peer.kind === 'pods' && labelsSelectWorkload(model, (namespace) => model.netpol.namespaceSelectorMatches(peer.namespaceSelector, namespace), peer.podSelector);
}

/** A non-empty pod selector of labels only that pods of some workload in a namespace `inNamespace` accepts match. */
function labelsSelectWorkload(model: ReachModel, inNamespace: (namespace: string) => boolean, podSelector: LabelSelector | undefined): boolean {
  if (!podSelector || isEmptySelector(podSelector) || podSelector.matchExpressions.length > 0) return false;
  return model.netpol.classNamespaces.some((namespace) => inNamespace(namespace) && model.netpol.classesSelectedIn(namespace, podSelector).length > 0);
}

/**
 * np-guard's text for the pods a rule peer selects, or undefined for an ipBlock or an invalid peer. Without a
 * namespaceSelector: the policy's namespace; a selector of `kubernetes.io/metadata.name` alone: that name.
 */
export function selectorPeerText(peer: CompiledPeer, policyNamespace: string, sortValues = false): string | undefined {
  if (peer.kind !== 'pods') return undefined;
  return peerText(peer.namespaceSelector ? namespaceText(peer.namespaceSelector, sortValues) : policyNamespace, peer.podSelector, sortValues);
}

/** The same text for an admin rule's `namespaces` or `pods` peer. */
function adminPeerText(peer: Extract<CompiledAdminPeer, { kind: 'namespaces' | 'pods' }>, sortValues = false): string {
  return peerText(namespaceText(peer.namespaceSelector, sortValues), peer.kind === 'pods' ? peer.podSelector : undefined, sortValues);
}

function peerText(namespace: string, podSelector: LabelSelector | undefined, sortValues: boolean): string {
  return `${namespace}/${!podSelector || isEmptySelector(podSelector) ? '[all pods]' : `[pod with {${selectorText(podSelector, sortValues)}}]`}`;
}

function namespaceText(selector: LabelSelector, sortValues: boolean): string {
  const keys = Object.keys(selector.matchLabels);
  if (keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && selector.matchExpressions.length === 0) return selector.matchLabels[NAMESPACE_NAME_LABEL]!;
  if (isEmptySelector(selector)) return '[all namespaces]';
  return `[namespace with {${selectorText(selector, sortValues)}}]`;
}

function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/**
 * A selector as np-guard writes it: matchLabels as `k=v` sorted by key, then each requirement as Go prints the
 * struct (`{Key:app,Operator:NotIn,Values:[a b],}`, values as written), sorted, all joined by commas.
 */
export function selectorText(selector: LabelSelector, sortValues = false): string {
  const labels = Object.keys(selector.matchLabels)
    .sort()
    .map((k) => `${k}=${selector.matchLabels[k]}`)
    .join(',');
  const requirements = selector.matchExpressions.map((r) => `{Key:${r.key},Operator:${r.operator},Values:[${(sortValues ? [...r.values].sort() : r.values).join(' ')}],}`).sort();
  return [...(labels ? [labels] : []), ...requirements].join(',');
}
