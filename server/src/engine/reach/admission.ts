/**
 * Whether the ingress policies of some pods admit any source at all on a port: a source that exists (a workload of
 * the workspace, an ingress path, the cluster's own DNS pods, an address) or could exist (pods in a namespace the
 * workspace does not hold, which may carry any labels). When none could, nothing can ever connect to that port,
 * and each isolating policy gets the reason it admits nothing: no ingress rules; rules whose ports leave the port
 * out; peers that are invalid or name pods that do not exist where the workspace holds every workload.
 */
import { NAMESPACE_NAME_LABEL } from '../model/extract/config';
import type { LabelSelector } from '../model/labelSelector';
import type { Protocol } from '../model/resources';
import type { CompiledPeer, CompiledPolicy } from '../netpol/compiledPolicy';
import { classesMatchedByPeer, isolatingPolicies, peerMatch, rulePorts, type Endpoint } from '../netpol/evaluate';
import type { PodClass } from '../netpol/podClasses';
import { describePeer } from '../netpol/policyTrail';
import { connectionsContain } from '../netpol/portSet';
import { syntheticPodClass } from '../netpol/syntheticPods';
import type { ReachModel } from './model';

export interface PolicyAdmission {
  readonly policy: CompiledPolicy;
  /** Why the policy admits no source on the port, in words. */
  readonly why: string;
}

export interface SourceAdmission {
  /** The pods are isolated for ingress (otherwise everything is admitted). */
  readonly isolated: boolean;
  /** Some source that exists or could exist may be admitted on the port. */
  readonly admits: boolean;
  /** When nothing is admitted: each isolating policy and why it admits nothing. */
  readonly policies: readonly PolicyAdmission[];
}

/**
 * `holdsWorkloadsOf(namespace)`: the workspace holds every workload of that namespace (a pod selector that matches
 * none there matches nothing that could exist).
 */
export function sourcesAdmittedOn(model: ReachModel, pods: PodClass, protocol: Protocol, port: number, holdsWorkloadsOf: (namespace: string) => boolean): SourceAdmission {
  const netpol = model.netpol;
  const policies = isolatingPolicies(netpol, pods, 'Ingress');
  if (policies.length === 0) return { isolated: false, admits: true, policies: [] };
  const dst: Endpoint = { type: 'pods', pods };
  let synthetic: readonly Endpoint[] | undefined;
  const candidates = () => (synthetic ??= clusterSources(model));
  const out: PolicyAdmission[] = [];
  for (const policy of policies) {
    const rules = policy.rules.Ingress;
    if (rules.length === 0) {
      out.push({ policy, why: `\`${policy.name}\` has no ingress rules` });
      continue;
    }
    const reasons: string[] = [];
    for (const rule of rules) {
      const ports = rulePorts(netpol, rule, dst).possible;
      const which = `its ingress rule ${rule.index + 1}`;
      if (!connectionsContain(ports, protocol, port)) {
        reasons.push(`${which} admits other ports only`);
        continue;
      }
      if (!rule.peers) return { isolated: true, admits: true, policies: [] };
      const dead: string[] = [];
      for (const peer of rule.peers) {
        const why = peerAdmitsNothing(model, policy, peer, candidates, holdsWorkloadsOf);
        if (why === undefined) return { isolated: true, admits: true, policies: [] };
        dead.push(why);
      }
      reasons.push(`${which} admits ${dead.join('; ')}`);
    }
    out.push({ policy, why: `\`${policy.name}\`: ${reasons.join('; ')}` });
  }
  return { isolated: true, admits: false, policies: out };
}

/** Sources the workspace does not declare but the cluster runs: the placed ingress paths' pods, the implied kube-dns pods. */
function clusterSources(model: ReachModel): Endpoint[] {
  const out: Endpoint[] = [];
  for (const path of model.paths()) {
    const source = path.source;
    if (source.kind === 'pods') {
      const cls = syntheticPodClass(source.namespace, source.labels);
      out.push(source.partly ? { type: 'pods', pods: cls, partly: source.partly } : { type: 'pods', pods: cls });
    }
  }
  const dns = model.dns();
  if (dns.kind === 'kube-dns' && dns.implied) for (const pods of dns.classes) out.push({ type: 'pods', pods });
  return out;
}

/** Why a peer admits nothing that exists or could exist; undefined when it may admit something. */
function peerAdmitsNothing(model: ReachModel, policy: CompiledPolicy, peer: CompiledPeer, candidates: () => readonly Endpoint[], holdsWorkloadsOf: (namespace: string) => boolean): string | undefined {
  switch (peer.kind) {
    case 'invalid':
      return `${describePeer(peer, policy)}`;
    case 'ipBlock':
      return undefined;
    case 'pods': {
      if (peer.podSelector?.invalid) return `${describePeer(peer, policy)}, an invalid selector that matches nothing`;
      if (peer.namespaceSelector?.invalid) return `${describePeer(peer, policy)}, an invalid namespace selector that matches nothing`;
      // Pods the workspace does not show could match: in any namespace it does not hold, or one selected by labels.
      const namespaces = peer.namespaceSelector ? pinnedNamespaces(peer.namespaceSelector) : [policy.namespace];
      if (namespaces === undefined || namespaces.some((ns) => !holdsWorkloadsOf(ns))) return undefined;
      // Only those namespaces' pods, and the pods the cluster runs there that the workspace does not declare.
      // Declared classes match yes or no (their labels are known): those the peer matches, from the label index.
      if (namespaces.some((ns) => classesMatchedByPeer(model.netpol, policy, peer, ns).length > 0)) return undefined;
      if (candidates().some((c) => peerMatch(model.netpol, policy, peer, c).match !== 'no')) return undefined;
      return `${describePeer(peer, policy)}, and no such pod exists in ${namespaces.length === 1 ? `namespace ${namespaces[0]}` : `namespaces ${namespaces.join(', ')}`}, whose workloads the workspace holds`;
    }
  }
}

/**
 * The namespace names a namespaceSelector pins through `kubernetes.io/metadata.name` (matchLabels, or `In`);
 * undefined when it selects by other labels only. A pinned name means that namespace whether or not the workspace
 * declares it.
 */
export function pinnedNamespaces(selector: LabelSelector): string[] | undefined {
  if (selector.invalid) return undefined;
  const fixed = selector.matchLabels[NAMESPACE_NAME_LABEL];
  let names: string[] | undefined = fixed !== undefined ? [fixed] : undefined;
  for (const requirement of selector.matchExpressions) {
    if (requirement.key !== NAMESPACE_NAME_LABEL || requirement.operator !== 'In') continue;
    names = names ? names.filter((n) => requirement.values.includes(n)) : [...requirement.values];
  }
  return names;
}
