/**
 * A `reach` result in words a person reads: the verdict, then per direction whether it is isolated, by which
 * policies, what each of their rules admits and whether it matches this connection, and why a requested port is
 * not admitted. Used by `netlens explain` and by hovers.
 */
import { describeSelector, selectorMatches } from '../model/labelSelector';
import type { Protocol } from '../model/resources';
import type { CompiledPeer, CompiledPolicy, Direction } from './compiledPolicy';
import type { DirectionVerdict, RuleOutcome } from './evaluate';
import type { NetpolModel } from './model';
import type { PodClass } from './podClasses';
import { connectionsContain, formatConnections, isAllConnections, isEmptyConnections, type ConnectionSet } from './portSet';
import type { ReachPair, ReachResult, ResolvedEndpoint } from './reach';

export interface ReachQuery {
  protocol?: Protocol;
  port?: number;
}

export interface ReachExplanation {
  /** Whether the query (a port, a protocol, or anything at all) is allowed. */
  allowed: boolean;
  lines: string[];
}

export function explainReach(model: NetpolModel, result: ReachResult, query: ReachQuery = {}): ReachExplanation {
  const wanted = describeQuery(query);
  const allowed = queryAllowed(result.allowed, query);
  const lines: string[] = [];
  lines.push(`${result.src.label} => ${result.dst.label}${wanted ? ` on ${wanted}` : ''}: ${allowed ? 'ALLOWED' : 'DENIED'}`);
  lines.push(`  allowed: ${isEmptyConnections(result.allowed) ? 'nothing' : formatConnections(result.allowed)}`);
  if (result.allowedForEveryPod) lines.push(`  allowed for every pod pair: ${isEmptyConnections(result.allowedForEveryPod) ? 'nothing' : formatConnections(result.allowedForEveryPod)}`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  const several = result.pairs.length > 1;
  for (const pair of result.pairs) {
    if (several) lines.push(`for ${podsLabel(pair.srcPods, result.src)} => ${podsLabel(pair.dstPods, result.dst)}: ${formatConnections(pair.allowed)}`);
    const indent = several ? '  ' : '';
    for (const line of describePair(model, result, pair, query)) lines.push(indent + line);
  }
  return { allowed, lines };
}

function describePair(model: NetpolModel, result: ReachResult, pair: ReachPair, query: ReachQuery): string[] {
  const lines: string[] = [];
  lines.push(...describeDirection(model, pair.verdict.egress, result.src, pair.srcPods, query));
  lines.push(...describeDirection(model, pair.verdict.ingress, result.dst, pair.dstPods, query));
  if (pair.ingressRoutes === null) {
    lines.push(`ingress controller: no Ingress routes to ${result.dst.label}, so it opens no connection there`);
  } else if (pair.ingressRoutes) {
    for (const route of pair.ingressRoutes.routes) {
      lines.push(
        `ingress controller: Ingress \`${route.ingress.namespace}/${route.ingress.name}\` routes through Service \`${route.service.name}\` port ${route.servicePort.port} to pod port TCP ${route.targetPort}`,
      );
    }
    const wanted = describeQuery(query);
    if (wanted && !queryAllowed(pair.ingressRoutes.ports, query)) lines.push(`  ${wanted} is not a port any Ingress routes to`);
  }
  return lines;
}

function describeDirection(model: NetpolModel, verdict: DirectionVerdict, side: ResolvedEndpoint, pods: PodClass | undefined, query: ReachQuery): string[] {
  const word = verdict.direction === 'Ingress' ? 'ingress' : 'egress';
  const subject = `${word} of ${side.label}`;
  if (!verdict.applies) return [`${subject}: outside the cluster, no NetworkPolicy applies`];
  if (!verdict.isolated) {
    const lines = [`${subject}: not isolated (no NetworkPolicy of namespace \`${pods?.namespace ?? ''}\` selects it for ${verdict.direction}), all traffic allowed`];
    if (pods) lines.push(...ignoredRuleNotes(model, pods, verdict.direction));
    return lines;
  }
  const lines = [`${subject}: isolated by ${verdict.policies.map((p) => `\`${p.name}\``).join(', ')}`];
  for (const policy of verdict.policies) {
    const outcomes = verdict.rules.filter((r) => r.policy === policy);
    if (outcomes.length === 0) lines.push(`  \`${policy.name}\` has no ${word} rules: it admits nothing`);
    for (const outcome of outcomes) lines.push(...describeRule(outcome, verdict.direction));
  }
  const wanted = describeQuery(query);
  if (wanted && !queryAllowed(verdict.allowed, query)) lines.push(`  ${wanted} is admitted by no ${word} rule`);
  else if (!wanted && isEmptyConnections(verdict.allowed)) lines.push(`  no ${word} rule admits this connection`);
  return lines;
}

function describeRule(outcome: RuleOutcome, direction: Direction): string[] {
  const { policy, rule } = outcome;
  const head = `  \`${policy.name}\` ${direction === 'Ingress' ? 'ingress' : 'egress'} rule ${rule.index + 1}`;
  const other = direction === 'Ingress' ? 'source' : 'destination';
  const ports = isEmptyConnections(outcome.ports) ? 'no port' : isAllConnections(outcome.ports) ? 'every port' : formatConnections(outcome.ports);
  const lines: string[] = [];
  if (outcome.matchedPeers === 'all') {
    lines.push(`${head} admits every ${other} (it has no \`${direction === 'Ingress' ? 'from' : 'to'}\`) on ${ports}`);
  } else if (outcome.matchedPeers.length > 0) {
    const peers = rule.peers ?? [];
    // matchedPeers are written positions; a peer repeated through an alias is compiled once, at its first one.
    const who = outcome.matchedPeers.map((i) => describePeer(peers.find((p) => p.index === i)!, policy)).join('; ');
    lines.push(`${head} admits ${who} on ${ports}`);
  } else {
    const who = (rule.peers ?? []).map((p) => describePeer(p, policy)).join('; ');
    lines.push(`${head} does not match this ${other}: it admits ${who}`);
  }
  for (const problem of outcome.portProblems) lines.push(`    its port ${problem.index + 1} gives nothing: ${problem.reason}`);
  return lines;
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

function podsLabel(pods: PodClass | undefined, side: ResolvedEndpoint): string {
  if (!pods) return side.label;
  const labels = Object.entries(pods.labels).map(([k, v]) => `${k}=${v}`);
  return `pods of ${pods.workloads.map((w) => `${w.namespace}/${w.name}`).join(', ')}${labels.length ? ` (${labels.join(',')})` : ''}`;
}

function describeQuery(query: ReachQuery): string | undefined {
  if (query.port !== undefined) return `${query.protocol ?? 'TCP'} ${query.port}`;
  return query.protocol;
}

function queryAllowed(set: ConnectionSet, query: ReachQuery): boolean {
  if (query.port !== undefined) return connectionsContain(set, query.protocol ?? 'TCP', query.port);
  if (query.protocol) return set[query.protocol].length > 0;
  return !isEmptyConnections(set);
}
