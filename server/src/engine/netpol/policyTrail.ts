/**
 * A direction's verdict in words a person reads: whether it is isolated, by which policies, what each of their
 * rules admits and whether it matches this connection (yes, or maybe and why), and why a requested port is not
 * admitted. The cluster model's explanations (reach/explain.ts) are built from these lines.
 */
import { describeSelector, selectorMatches } from '../model/labelSelector';
import type { Protocol } from '../model/resources';
import type { CompiledPeer, CompiledPolicy, Direction } from './compiledPolicy';
import type { AdminDecision } from './admin/evaluate';
import type { DirectionVerdict, RuleOutcome } from './evaluate';
import type { NetpolModel } from './model';
import type { PodClass } from './podClasses';
import { ciliumIsolatingNames, describeCilium } from './cilium/trail';
import { connectionsContain, formatConnections, isAllConnections, isEmptyConnections, type ConnectionSet } from './portSet';

export interface ReachQuery {
  protocol?: Protocol;
  port?: number;
}

/** `egress of <side>: ...` lines. `side` names the pods this direction is about. */
export function describeDirection(model: NetpolModel, verdict: DirectionVerdict, side: string, pods: PodClass | undefined, query: ReachQuery): string[] {
  const word = verdict.direction === 'Ingress' ? 'ingress' : 'egress';
  const subject = `${word} of ${side}`;
  const notes = verdict.notes.map((n) => `  note: ${n}`);
  if (!verdict.applies) return [`${subject}: not a pod, no NetworkPolicy applies`];
  if (verdict.admin && verdict.admin.length > 0) return describeWithAdmin(verdict, subject, word, query);
  const cilium = verdict.cilium ? describeCilium(verdict.cilium, verdict.direction) : [];
  if (!verdict.isolated) {
    const why = verdict.notes.length ? verdict.notes.join('; ') : `no NetworkPolicy of namespace \`${pods?.namespace ?? ''}\` selects it for ${verdict.direction}`;
    const lines = [`${subject}: not isolated (${why}), ${verdict.cilium ? 'all traffic allowed that no Cilium deny item denies' : 'all traffic allowed'}`];
    if (pods) lines.push(...ignoredRuleNotes(model, pods, verdict.direction));
    lines.push(...cilium);
    return lines;
  }
  if (!verdict.cilium && verdict.policies.length && verdict.rules.length === 0 && isAllConnections(verdict.allowed)) {
    return [`${subject}: isolated by ${policyList(verdict.policies)}, but ${verdict.notes.join('; ')}`];
  }
  const isolating = [...verdict.policies.map((p) => `\`${p.name}\``), ...(verdict.cilium ? ciliumIsolatingNames(verdict.cilium, verdict.direction) : [])];
  const lines = [`${subject}: isolated by ${isolating.join(', ')}`];
  for (const policy of verdict.policies) {
    const outcomes = verdict.rules.filter((r) => r.policy === policy);
    if (outcomes.length === 0) lines.push(`  \`${policy.name}\` has no ${word} rules: it admits nothing`);
    for (const outcome of outcomes) lines.push(...describeRule(outcome, verdict.direction));
  }
  lines.push(...cilium);
  lines.push(...notes);
  const wanted = describeQuery(query);
  if (wanted && !queryAllowed(verdict.possible, query)) lines.push(`  ${wanted} is admitted by no ${word} rule`);
  else if (wanted && !queryAllowed(verdict.allowed, query)) lines.push(`  ${wanted} may be admitted, depending on what is noted above`);
  else if (!wanted && isEmptyConnections(verdict.possible)) lines.push(`  no ${word} rule admits this connection`);
  return lines;
}

/**
 * A direction some AdminNetworkPolicy or BaselineAdminNetworkPolicy rule decided: those rules in the order they
 * decide (ANPs by priority, the baseline last), then the NetworkPolicies for what they pass or leave, then the result.
 */
function describeWithAdmin(verdict: DirectionVerdict, subject: string, word: string, query: ReachQuery): string[] {
  const lines = [`${subject}: admin network policies decide first`];
  for (const decision of verdict.admin ?? []) lines.push(`  ${describeAdminDecision(decision, word)}`);
  if (verdict.policies.length > 0) {
    lines.push(`  what they pass or leave is decided by the NetworkPolicies: isolated by ${policyList(verdict.policies)}`);
    for (const policy of verdict.policies) for (const outcome of verdict.rules.filter((r) => r.policy === policy)) lines.push(...describeRule(outcome, verdict.direction).map((l) => `  ${l}`));
  } else {
    lines.push('  no NetworkPolicy isolates it: what the AdminNetworkPolicies pass or leave goes to the BaselineAdminNetworkPolicy, and is allowed when no rule of it denies it');
  }
  lines.push(...verdict.notes.map((n) => `  note: ${n}`));
  const allowed = isEmptyConnections(verdict.allowed) ? 'nothing' : isAllConnections(verdict.allowed) ? 'every port' : formatConnections(verdict.allowed);
  lines.push(`  result: ${word} allows ${allowed}`);
  const wanted = describeQuery(query);
  if (wanted && !queryAllowed(verdict.possible, query)) lines.push(`  ${wanted} is not allowed`);
  else if (wanted && !queryAllowed(verdict.allowed, query)) lines.push(`  ${wanted} may be allowed, depending on what is noted above`);
  return lines;
}

/** `AdminNetworkPolicy \`a\` (priority 40) egress rule 1 \`deny-dns\`: Deny on UDP 53` */
export function describeAdminDecision(decision: AdminDecision, word: string): string {
  const { policy, rule } = decision;
  const kind = policy.tier === 'admin' ? `AdminNetworkPolicy \`${policy.policy.name}\` (priority ${policy.priority})` : `BaselineAdminNetworkPolicy \`${policy.policy.name}\``;
  const name = rule.rule.name ? ` \`${rule.rule.name}\`` : '';
  const ports = isAllConnections(decision.connections) ? 'every port' : formatConnections(decision.connections);
  return `${kind} ${word} rule ${rule.index + 1}${name}: ${rule.action} on ${ports}${decision.possibly ? ' (if it matches: see the note)' : ''}`;
}

function policyList(policies: readonly CompiledPolicy[]): string {
  return policies.map((p) => `\`${p.name}\``).join(', ');
}

function describeRule(outcome: RuleOutcome, direction: Direction): string[] {
  const { policy, rule } = outcome;
  const head = `  \`${policy.name}\` ${direction === 'Ingress' ? 'ingress' : 'egress'} rule ${rule.index + 1}`;
  const other = direction === 'Ingress' ? 'source' : 'destination';
  const ports = portsWords(outcome.ports, outcome.possiblePorts);
  const lines: string[] = [];
  const peers = rule.peers ?? [];
  if (outcome.matchedPeers === 'all') {
    lines.push(`${head} admits every ${other} (it has no \`${direction === 'Ingress' ? 'from' : 'to'}\`) on ${ports}`);
  } else if (outcome.matchedPeers.length > 0) {
    // matchedPeers are written positions; a peer repeated through an alias is compiled once, at its first one.
    const who = outcome.matchedPeers.map((i) => describePeer(peerAt(peers, i), policy)).join('; ');
    lines.push(`${head} admits ${who} on ${ports}`);
  } else if (outcome.maybePeers.length > 0) {
    const who = outcome.maybePeers.map((i) => describePeer(peerAt(peers, i), policy)).join('; ');
    lines.push(`${head} may match this ${other}: it admits ${who} on ${ports}`);
  } else {
    const who = peers.map((p) => describePeer(p, policy)).join('; ');
    lines.push(`${head} does not match this ${other}: it admits ${who}`);
  }
  for (const problem of outcome.portProblems) lines.push(`    its port ${problem.index + 1} gives nothing: ${problem.reason}`);
  return lines;
}

/** The compiled peer written at position `index` (an alias of an earlier peer is compiled at the first one). */
function peerAt(peers: readonly CompiledPeer[], index: number): CompiledPeer {
  return peers.find((p) => p.index === index)!;
}

function portsWords(ports: ConnectionSet, possible: ConnectionSet): string {
  const words = (set: ConnectionSet) => (isEmptyConnections(set) ? 'no port' : isAllConnections(set) ? 'every port' : formatConnections(set));
  const certain = words(ports);
  const maybe = words(possible);
  return certain === maybe ? certain : `${certain} (maybe ${maybe})`;
}

/** A peer of a rule in words: `pods app=web of namespace shop`, `addresses 10.0.0.0/8 except 10.1.0.0/16`. */
export function describePeer(peer: CompiledPeer, policy: CompiledPolicy): string {
  switch (peer.kind) {
    case 'invalid':
      return `nothing (invalid peer: ${peer.reason})`;
    case 'ipBlock': {
      const block = peer.peer.ipBlock!;
      return `addresses ${block.cidr}${block.except.length ? ` except ${block.except.join(', ')}` : ''}`;
    }
    case 'pods': {
      const pods = peer.podSelector ? describeSelector(peer.podSelector) : '{}';
      const podWords = pods === '{}' ? 'every pod' : `pods ${pods}`;
      if (!peer.namespaceSelector) return `${podWords} of namespace ${policy.namespace}`;
      const namespaces = describeSelector(peer.namespaceSelector);
      return `${podWords} of ${namespaces === '{}' ? 'every namespace' : `namespaces ${namespaces}`}`;
    }
  }
}

function ignoredRuleNotes(model: NetpolModel, pods: PodClass, direction: Direction): string[] {
  return model
    .policiesIn(pods.namespace)
    .filter((p) => p.ignoredRules.includes(direction) && selectorMatches(p.policy.podSelector, pods.labels))
    .map((p) => `  \`${p.name}\` has ${direction.toLowerCase()} rules, but its policyTypes leave ${direction} out: they are ignored`);
}

export function describeQuery(query: ReachQuery): string | undefined {
  if (query.port !== undefined) return `${query.protocol ?? 'TCP'} ${query.port}`;
  return query.protocol;
}

export function queryAllowed(set: ConnectionSet, query: ReachQuery): boolean {
  if (query.port !== undefined) return connectionsContain(set, query.protocol ?? 'TCP', query.port);
  if (query.protocol) return set[query.protocol].length > 0;
  return !isEmptyConnections(set);
}
