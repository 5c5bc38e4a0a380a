/**
 * An answer in words (what `netlens explain` and `netlens/explain` print): the verdict (ALLOWED, DENIED, or UNKNOWN
 * with what it depends on), the sets, then per leg of the connection whether each direction is isolated, by which
 * policies, what each rule admits and whether it matches; what a way in routes to the pods; and what else decides
 * whether the application's connection works (name lookups, a Service that selects the pods).
 */
import { equalitySelector, selectorMatches } from '../model/labelSelector';
import { describeDirection, describeQuery, queryAllowed, type ReachQuery } from '../netpol/policyTrail';
import { equalConnections, isEmptyConnections } from '../netpol/portSet';
import { DNS_PORT } from './clusterDns';
import type { ReachModel } from './model';
import type { Span } from '../syntax/tree';
import { peerName, type ReachPeer } from './peers';
import { connectionWords, partly, reachBetween, verdictOf, type Leg, type ReachAnswer, type Verdict } from './query';

export interface ReachExplanation {
  verdict: Verdict;
  /** For callers that only need yes/no: the verdict is ALLOWED. */
  allowed: boolean;
  lines: string[];
  /** The policies that isolate either side and the rules that admit the connection, where they are written. */
  deciding: DecidingPart[];
}

/** A policy or rule that decides the answer, named in words, and where it is written (a file key and a span). */
export interface DecidingPart {
  label: string;
  file: string;
  span: Span;
}

export function explainAnswer(model: ReachModel, answer: ReachAnswer, query: ReachQuery = {}): ReachExplanation {
  const verdict = verdictOf(answer, query);
  const wanted = describeQuery(query);
  const dnsName = model.dns().name;
  const src = peerName(answer.src, dnsName);
  const dst = peerName(answer.dst, dnsName);
  const lines: string[] = [];
  const words = verdict === 'allowed' ? (partly(answer, query) ? 'ALLOWED (for some connections only)' : 'ALLOWED') : verdict === 'denied' ? 'DENIED' : 'UNKNOWN (depends on what is noted below)';
  lines.push(`${src} → ${dst}${wanted ? ` on ${wanted}` : ''}: ${words}`);
  lines.push(`  allowed: ${connectionWords(answer.allowed)}`);
  if (!equalConnections(answer.possible, answer.allowed)) lines.push(`  possibly allowed: ${connectionWords(answer.possible)}`);
  if (!equalConnections(answer.allowedForEvery, answer.allowed)) lines.push(`  allowed for every connection: ${connectionWords(answer.allowedForEvery)}`);
  // Notes that belong to one direction are printed there; the others here.
  const inDirections = new Set(answer.legs.flatMap((l) => [...l.verdict.egress.notes, ...l.verdict.ingress.notes]));
  for (const note of [...answer.notes.filter((n) => !inDirections.has(n)), ...applicationNotes(model, answer)]) lines.push(`note: ${note}`);
  const several = answer.legs.length > 1;
  for (const leg of answer.legs) {
    if (several || leg.labels.length) lines.push(`${leg.labels.length ? leg.labels.join(', ') : legPods(leg)}: ${connectionWords(leg.allowed)}${equalConnections(leg.possible, leg.allowed) ? '' : ` (possibly ${connectionWords(leg.possible)})`}`);
    const indent = several || leg.labels.length ? '  ' : '';
    for (const line of describeLeg(model, answer, leg, query)) lines.push(indent + line);
  }
  return { verdict, allowed: verdict === 'allowed', lines, deciding: decidingParts(answer, dnsName) };
}

/**
 * Per leg and direction: each NetworkPolicy isolating the side the direction is about, and each of its rules whose
 * peers match (or may match) the other side, once each, in the order the trail names them.
 */
function decidingParts(answer: ReachAnswer, dnsName: string): DecidingPart[] {
  const parts = new Map<string, DecidingPart>();
  const add = (part: DecidingPart) => {
    const key = `${part.file}|${part.span.start}`;
    if (!parts.has(key)) parts.set(key, part);
  };
  for (const leg of answer.legs) {
    for (const verdict of [leg.verdict.egress, leg.verdict.ingress]) {
      if (!verdict.applies || !verdict.isolated) continue;
      const direction = verdict.direction.toLowerCase();
      const side = peerName(verdict.direction === 'Egress' ? answer.src : answer.dst, dnsName);
      for (const compiled of verdict.policies) {
        const policy = compiled.policy;
        add({ label: `NetworkPolicy ${policy.namespace}/${policy.name}: isolates ${side} for ${direction}`, file: policy.file, span: policy.nameSpan });
      }
      for (const outcome of verdict.rules) {
        const matches = outcome.matchedPeers === 'all' || outcome.matchedPeers.length > 0;
        if ((!matches && outcome.maybePeers.length === 0) || isEmptyConnections(outcome.possiblePorts)) continue;
        const policy = outcome.policy.policy;
        const verb = matches && !isEmptyConnections(outcome.ports) ? (direction === 'ingress' ? 'admits' : 'allows') : direction === 'ingress' ? 'may admit' : 'may allow';
        add({ label: `NetworkPolicy ${policy.namespace}/${policy.name}, ${direction} rule ${outcome.rule.index + 1}: ${verb} ${connectionWords(isEmptyConnections(outcome.ports) ? outcome.possiblePorts : outcome.ports)}`, file: policy.file, span: outcome.rule.rule.span });
      }
    }
  }
  return [...parts.values()];
}

/** Resolve, answer and explain in one call. */
export function explainReach(model: ReachModel, src: ReachPeer, dst: ReachPeer, query: ReachQuery = {}): ReachExplanation {
  return explainAnswer(model, reachBetween(model, src, dst, true), query);
}

function legPods(leg: Leg): string {
  const side = (pods: Leg['srcPods']) => (pods ? pods.workloads.map((w) => `${w.namespace}/${w.name}`).join(', ') || pods.namespace : 'addresses');
  return `${side(leg.srcPods)} → ${side(leg.dstPods)}`;
}

function describeLeg(model: ReachModel, answer: ReachAnswer, leg: Leg, query: ReachQuery): string[] {
  const dnsName = model.dns().name;
  const lines = [
    ...describeDirection(model.netpol, leg.verdict.egress, peerName(answer.src, dnsName), leg.srcPods, query),
    ...describeDirection(model.netpol, leg.verdict.ingress, peerName(answer.dst, dnsName), leg.dstPods, query),
  ];
  if (leg.routed === null) lines.push(`it routes nothing to these pods, so it opens no connection there`);
  else if (leg.routed) {
    for (const route of leg.routed.routes) {
      const via = route.via.kind === 'Service' ? `Service \`${route.service.namespace}/${route.service.name}\` port ${route.servicePort.port}` : `${route.via.kind} \`${route.via.namespace}/${route.via.name}\` routes through Service \`${route.service.name}\` port ${route.servicePort.port}`;
      lines.push(`route: ${via} to pod port ${route.protocol} ${route.targetPort}`);
    }
    const wanted = describeQuery(query);
    if (wanted && !queryAllowed(leg.routed.ports, query)) lines.push(`  ${wanted} is not a port it routes to`);
  }
  return lines;
}

/**
 * What decides whether the application's connection works besides the packets between the two: the source's name
 * lookups (a connection by Service name needs DNS first) and whether any Service selects the destination's pods.
 */
function applicationNotes(model: ReachModel, answer: ReachAnswer): string[] {
  if (answer.src.kind !== 'workload' || answer.dst.kind !== 'workload' || isEmptyConnections(answer.allowed)) return [];
  const notes: string[] = [];
  const dns = reachBetween(model, answer.src, { kind: 'dns' }, false);
  const udp = verdictOf(dns, { protocol: 'UDP', port: DNS_PORT });
  if (udp !== 'allowed') {
    notes.push(
      `${peerName(answer.src)} ${udp === 'denied' ? 'cannot' : 'may not be able to'} look names up: its egress ${udp === 'denied' ? 'admits no' : 'may not admit'} DNS to ${model.dns().name} on UDP ${DNS_PORT}, so a connection made by Service name ${udp === 'denied' ? 'fails' : 'may fail'} before it starts (only the pod IPs work)`,
    );
  }
  const dst = answer.dst;
  const selected = model.index
    .ofKindIn('Service', dst.peer.namespace)
    .some((s) => s.selector && s.type !== 'ExternalName' && dst.classes.some((c) => selectorMatches(equalitySelector(s.selector!, s.nameSpan), c.labels)));
  if (!selected) notes.push(`no Service selects the pods of ${peerName(dst)}: clients reach them only by pod IP`);
  return notes;
}
