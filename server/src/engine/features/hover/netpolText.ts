/** Plain-language descriptions of NetworkPolicy rules, peers and ports, and what they match in the workspace. */
import { podCountOf } from '../../exposure/backends';
import { describeSelector, selectsEverything } from '../../model/labelSelector';
import type { NetworkPolicyPort, Workload } from '../../model/resources';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from '../../netpol/compiledPolicy';
import { classesMatchedByPeer as classesMatchedIn } from '../../reach/selection';
import type { NetpolModel } from '../../netpol/model';
import type { PodClass } from '../../netpol/podClasses';
import { code, objectRef } from '../host';
import { namespacesOfSelector } from '../selectors';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { escapeMessage } from '../../util/markdown';

export function peerText(policy: CompiledPolicy, peer: CompiledPeer): string {
  switch (peer.kind) {
    case 'invalid':
      return `an invalid peer (${escapeMessage(peer.reason)}), which matches nothing`;
    case 'ipBlock': {
      const block = peer.peer.ipBlock!;
      return `addresses ${code(block.cidr)}${block.except.length ? ` except ${block.except.map(code).join(', ')}` : ''}`;
    }
    case 'pods': {
      const pods = !peer.podSelector || selectsEverything(peer.podSelector) ? 'every pod' : `pods ${code(describeSelector(peer.podSelector))}`;
      if (!peer.namespaceSelector) return `${pods} in ${code(policy.namespace)}`;
      if (selectsEverything(peer.namespaceSelector)) return `${pods} in every namespace`;
      return `${pods} in namespaces ${code(describeSelector(peer.namespaceSelector))}`;
    }
  }
}

export function portsText(ports: readonly NetworkPolicyPort[] | undefined): string {
  if (!ports) return 'on every port';
  return `on ${ports
    .map((p) => {
      if (p.invalidProtocol !== undefined) return `${code(p.invalidProtocol)} (invalid protocol)`;
      if (p.port === undefined) return `every ${p.protocol} port`;
      if (typeof p.port === 'string') return `${p.protocol} ${code(p.port)}`;
      return `${p.protocol} ${p.port}${p.endPort !== undefined ? `-${p.endPort}` : ''}`;
    })
    .join(', ')}`;
}

export function ruleText(policy: CompiledPolicy, rule: CompiledRule): string {
  const verb = rule.direction === 'Ingress' ? 'admits' : 'allows';
  const peers = rule.peers
    ? rule.peers.map((p) => peerText(policy, p)).join('; or ')
    : rule.direction === 'Ingress'
      ? 'every source (all pods and all addresses)'
      : 'every destination (all pods and all addresses)';
  return `${verb} ${peers} ${portsText(rule.rule.ports)}`;
}

/** Workload classes a peer matches (pods peers only), in model order. */
export function classesMatchedByPeer(model: NetpolModel, policy: CompiledPolicy, peer: CompiledPeer): PodClass[] {
  if (peer.kind !== 'pods') return [];
  return model.classNamespaces.flatMap((namespace) => classesMatchedIn(model, policy, peer, namespace));
}

/** Classes a rule's peers match (every class when it has no peers). */
export function classesMatchedByRule(model: NetpolModel, policy: CompiledPolicy, rule: CompiledRule): PodClass[] {
  if (!rule.peers) return [...model.classes];
  const out = new Set<PodClass>();
  for (const peer of rule.peers) for (const cls of classesMatchedByPeer(model, policy, peer)) out.add(cls);
  return [...out];
}

export function workloadsOfClasses(classes: readonly PodClass[]): Workload[] {
  const seen = new Set<Workload>();
  for (const cls of classes) for (const w of cls.workloads) seen.add(w);
  return [...seen];
}

/** `3 pods (Deployment \`shop/api\`)`, `5 pods (Deployment \`shop/a\`: 3, StatefulSet \`shop/db\`: 2)` */
export function podsText(workloads: readonly Workload[]): string {
  const counts = workloads.map((w) => podCountOf(w));
  const known = counts.every((c) => c.count !== undefined);
  const total = counts.reduce((sum, c) => sum + (c.count ?? 0), 0);
  const head = known ? `${total} pod${total === 1 ? '' : 's'}` : 'the pods';
  const names = workloads.slice(0, 5).map((w, i) => (workloads.length > 1 ? `${objectRef(w)}: ${counts[i]!.text}` : objectRef(w)));
  return `${head} (${names.join(', ')}${workloads.length > 5 ? `, and ${workloads.length - 5} more` : ''})`;
}

/** Namespaces of the workspace that a pods peer can match (its namespaceSelector's, or the policy's own). */
export function namespacesOfPeer(index: WorkspaceIndex, policy: CompiledPolicy, peer: CompiledPeer): string[] {
  if (peer.kind !== 'pods') return [];
  return peer.namespaceSelector ? namespacesOfSelector(index, peer.namespaceSelector) : [policy.namespace];
}
