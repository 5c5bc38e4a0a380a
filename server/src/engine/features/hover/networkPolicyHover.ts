/**
 * Hovers on a NetworkPolicy: its effect in plain language (which pods, isolated how, admitting whom), the
 * workloads and namespaces each peer matches, and the numbers a named port resolves to on each destination.
 * Every judgement comes from the netpol engine (compiled policies, peer matching); nothing is re-derived here.
 */
import type { NetworkPolicy, Workload } from '../../model/resources';
import { isEmptyConnections } from '../../netpol/portSet';
import type { ReachModel } from '../../reach/model';
import { connectionWords, peerOfWorkloadDefinition, reachBetween } from '../../reach/query';
import type { CompiledPolicy, CompiledRule, Direction, PolicyProblem } from '../../netpol/compiledPolicy';
import { compiledPeerAt, compiledRuleAt, compilePolicy } from '../../netpol/compiledPolicy';
import type { NetpolModel } from '../../netpol/model';
import type { PodClass } from '../../netpol/podClasses';
import { wholeFamily } from '../../netpol/addressSet';
import type { ClusterProfile } from '../../profile/types';
import { bounded, code, objectAtPlace, objectRef, profileOf } from '../host';
import { fieldDocMarkdown } from '../kbDocs';
import { selectorMarkdown, selectorSiteAt } from '../selectors';
import { onIdentity, sections, type HoverContext } from './context';
import { classesMatchedByPeer, classesMatchedByRule, namespacesOfPeer, peerText, podsText, portsText, ruleText, workloadsOfClasses } from './netpolText';
import { enforcementText, ipBlockAt, ipBlockRangesText, scopeOfRanges, sourceAddressText, type DestinationScope } from './profileText';

export function networkPolicyHover(context: HoverContext): string | undefined {
  const policy = context.resource as NetworkPolicy;
  const model = context.model();
  const inEffect = model.policies.find((p) => p.policy === policy) ?? compilePolicy(policy);
  if (!inEffect.rejected) return policyHover(context, model, inEffect);
  // Not applied, but what it says is still what the author needs to see to fix it.
  const written = inEffect.asWritten ? policyHover(context, model, inEffect.asWritten) : undefined;
  return sections(rejectedText(inEffect, inEffect.rejected), written ? `What it says, were it accepted:\n\n${written}` : undefined);
}

function policyHover(context: HoverContext, model: NetpolModel, compiled: CompiledPolicy): string | undefined {
  const policy = compiled.policy;
  const { path } = context;
  const profile = profileOf(context.host, policy.file);
  const index = context.host.analysis.index;
  if (onIdentity(path) || (path[0] === 'spec' && (path.length === 1 || path[1] === 'policyTypes'))) {
    return sections(policySummary(context.reach(), model, compiled), enforcementText(profile, policy, index), path[1] === 'policyTypes' ? fieldDocMarkdown('NetworkPolicy', path, context.value) : undefined);
  }
  if (path[0] === 'spec' && path[1] === 'podSelector') {
    const site = selectorSiteAt(policy, path)!;
    return sections(selectorMarkdown(context.host, site), isolationLine(compiled));
  }
  const direction: Direction | undefined = path[1] === 'ingress' ? 'Ingress' : path[1] === 'egress' ? 'Egress' : undefined;
  if (path[0] !== 'spec' || !direction) return undefined;
  const ruleIndex = path[2];
  const written = direction === 'Ingress' ? policy.ingress : policy.egress;
  if (typeof ruleIndex !== 'number') {
    return sections(directionText(model, compiled, direction), fieldDocMarkdown('NetworkPolicy', path, context.value));
  }
  const rule: CompiledRule | undefined = compiledRuleAt(compiled, direction, ruleIndex);
  if (!rule) {
    return written?.[ruleIndex] ? `This ${direction.toLowerCase()} rule is **ignored**: \`policyTypes\` does not list ${direction}.` : undefined;
  }
  const peersKey = direction === 'Ingress' ? 'from' : 'to';
  if (path[3] === peersKey && typeof path[4] === 'number') {
    const peer = compiledPeerAt(rule, path[4]);
    if (!peer) return undefined;
    const site = selectorSiteAt(policy, path);
    const head = `**Peer** ${peerText(compiled, peer)}`;
    if (peer.kind === 'ipBlock') {
      const block = ipBlockAt(policy, peer.peer.span);
      return sections(
        head,
        'ipBlock is about addresses outside the cluster. Pod IPs are implementation-defined: do not rely on an ipBlock to select pods.',
        block ? ipBlockRangesText(profile, policy, block, index) : undefined,
        direction === 'Egress' ? sourceAddressText(profile, scopeOfRanges(profile, peer.addresses)) : undefined,
        fieldDocMarkdown('NetworkPolicy', path, context.value),
      );
    }
    if (peer.kind === 'invalid') return head;
    const workloads = workloadsOfClasses(classesMatchedByPeer(model, compiled, peer));
    const namespaces = namespacesOfPeer(context.host.analysis.index, compiled, peer);
    const matched = workloads.length
      ? `Matches:\n${bounded(workloads.map((w) => `- ${objectAtPlace(context.host, w)}`), 12).join('\n')}`
      : `Matches no workload of the workspace.`;
    const nsLine = peer.namespaceSelector ? `Namespaces: ${namespaces.length ? namespaces.map(code).join(', ') : 'none of the workspace'}${namespaces.length ? ' (and any namespace outside the workspace with matching labels)' : ''}.` : undefined;
    return sections(
      head,
      nsLine,
      matched,
      site && site.kind !== 'namespaces' && workloads.length === 0 ? selectorMarkdown(context.host, site) : undefined,
      direction === 'Egress' ? sourceAddressText(profile, { cluster: true }) : undefined,
    );
  }
  if (path[3] === 'ports' && typeof path[4] === 'number') {
    const port = rule.rule.ports?.[path[4]];
    const doc = fieldDocMarkdown('NetworkPolicy', path, context.value);
    if (!port || typeof port.port !== 'string') return doc;
    const destinations = direction === 'Ingress' ? selectedClasses(model, compiled) : classesMatchedByRule(model, compiled, rule);
    return sections(namedPortText(port.port, port.protocol, destinations), doc);
  }
  const sources = workloadsOfClasses(classesMatchedByRule(model, compiled, rule));
  const what = direction === 'Ingress' ? 'Sources' : 'Destinations';
  return sections(
    `**${direction} rule ${ruleIndex + 1}** ${ruleText(compiled, rule)}.`,
    rule.peers ? `${what} in the workspace: ${sources.length ? sources.slice(0, 8).map(objectRef).join(', ') + (sources.length > 8 ? `, and ${sources.length - 8} more` : '') : 'none'}.` : undefined,
    direction === 'Egress' && (path.length === 3 || (path.length === 4 && path[3] === peersKey)) ? sourceAddressText(profile, ruleScope(profile, rule)) : undefined,
    path.length > 3 ? fieldDocMarkdown('NetworkPolicy', path, context.value) : undefined,
  );
}

/** Where an egress rule's destinations may be: its ipBlocks' addresses (pods peers stay in the cluster); everywhere without peers. */
function ruleScope(profile: ClusterProfile | undefined, rule: CompiledRule): DestinationScope {
  if (!rule.peers) return scopeOfRanges(profile, [wholeFamily(4)]);
  const scope = scopeOfRanges(profile, rule.peers.flatMap((p) => (p.kind === 'ipBlock' ? p.addresses : [])));
  if (rule.peers.some((p) => p.kind === 'pods')) scope.cluster = true;
  return scope;
}

function selectedClasses(model: NetpolModel, compiled: CompiledPolicy): readonly PodClass[] {
  return model.classesSelectedIn(compiled.namespace, compiled.policy.podSelector);
}

/** A policy the API server rejects is not in effect: say so, and why (netpol-invalid-field reports each field). */
function rejectedText(compiled: CompiledPolicy, problems: readonly PolicyProblem[]): string {
  return sections(
    `**NetworkPolicy ${code(`${compiled.namespace}/${compiled.name}`)}** is **rejected by the API server**, so it is not applied: it isolates and admits nothing.`,
    bounded(problems.map((p) => `- ${code(`${p.field}: ${p.reason}`)}`), 5).join('\n'),
  )!;
}

/**
 * The resolved picture first (which pods it selects; per direction it isolates, whom it admits with what the model
 * says reaches them, and what it newly blocks), then its rules as written, per direction.
 */
function policySummary(reach: ReachModel, model: NetpolModel, compiled: CompiledPolicy): string {
  const classes = selectedClasses(model, compiled);
  const selected = workloadsOfClasses(classes);
  const inEffect = model.policies.includes(compiled);
  const picture = [
    `**NetworkPolicy ${code(`${compiled.namespace}/${compiled.name}`)}**`,
    `- **Selects** ${selected.length ? podsText(selected) : `no pod of the workspace in ${code(compiled.namespace)}`}`,
    ...(['Ingress', 'Egress'] as const)
      .filter((d) => compiled.isolates[d])
      .map((d) => `- **${d}:** ${admittedText(reach, model, compiled, d, inEffect ? selected : [])}; ${newlyBlockedText(reach, model, compiled, d, classes)}`),
  ];
  if (!compiled.isolates.Ingress && !compiled.isolates.Egress) picture.push('- Isolates its pods in no direction: it changes nothing.');
  return sections(picture.join('\n'), directionText(model, compiled, 'Ingress'), directionText(model, compiled, 'Egress'))!;
}

/** Sources (destinations) the rules of a direction name, resolved: the model's connections to (from) the selected pods. */
function admittedText(reach: ReachModel, model: NetpolModel, compiled: CompiledPolicy, direction: Direction, selected: readonly Workload[]): string {
  const rules = compiled.rules[direction];
  const verb = direction === 'Ingress' ? 'admits' : 'allows';
  if (rules.length === 0) return `${verb} nothing`;
  const items: string[] = [];
  const seen = new Set<Workload>();
  for (const rule of rules) {
    if (!rule.peers) {
      items.push(`every ${direction === 'Ingress' ? 'source' : 'destination'} ${portsText(rule.rule.ports)}`);
      continue;
    }
    for (const peer of rule.peers) {
      if (peer.kind !== 'pods') {
        items.push(`${peerText(compiled, peer)} ${portsText(rule.rule.ports)}`);
        continue;
      }
      for (const other of workloadsOfClasses(classesMatchedByPeer(model, compiled, peer))) {
        if (seen.has(other)) continue;
        seen.add(other);
        items.push(resolvedPeer(reach, direction, other, selected[0]) ?? `${objectRef(other)} ${portsText(rule.rule.ports)}`);
      }
    }
  }
  if (items.length === 0) return `${verb} no workload of the workspace`;
  return `${verb} ${items.slice(0, 3).join(', ')}${items.length > 3 ? `, and ${items.length - 3} more (below)` : ''}`;
}

/** `Deployment \`shop/web\` (TCP 9000)`: what the model says connects between the peer and the first selected workload. */
function resolvedPeer(reach: ReachModel, direction: Direction, other: Workload, target: Workload | undefined): string | undefined {
  const mine = target ? peerOfWorkloadDefinition(reach, target) : undefined;
  const theirs = peerOfWorkloadDefinition(reach, other);
  if (!mine || !theirs) return undefined;
  const answer = direction === 'Ingress' ? reachBetween(reach, theirs, mine, false) : reachBetween(reach, mine, theirs, false);
  const words = !isEmptyConnections(answer.allowed)
    ? connectionWords(answer.allowed)
    : !isEmptyConnections(answer.possible)
      ? `maybe ${connectionWords(answer.possible)}`
      : `blocked: its ${direction === 'Ingress' ? 'egress' : 'ingress'} policies drop it`;
  return `${objectRef(other)} (${words})`;
}

/**
 * NetworkPolicies add up: a policy blocks something new only for pods no other policy isolates in that direction
 * (everything its rules do not admit); for pods another policy isolates already it only admits more.
 */
function newlyBlockedText(reach: ReachModel, model: NetpolModel, compiled: CompiledPolicy, direction: Direction, classes: readonly PodClass[]): string {
  const already = new Set<string>();
  const first: PodClass[] = [];
  for (const cls of classes) {
    const others = model.policiesSelecting(cls, direction).filter((p) => p !== compiled);
    if (others.length === 0) first.push(cls);
    for (const other of others) already.add(other.name);
  }
  const enforced = reach.semantics.enforced ? '' : ' (but the cluster profile says no engine enforces NetworkPolicies)';
  const word = direction.toLowerCase();
  if (classes.length === 0) return 'blocks nothing in the workspace';
  if (first.length === 0) return `blocks nothing new: ${[...already].sort().map(code).join(', ')} isolate${already.size === 1 ? 's' : ''} these pods for ${word} already${enforced}`;
  const pods = workloadsOfClasses(first);
  const names = `${pods.slice(0, 3).map(objectRef).join(', ')}${pods.length > 3 ? `, and ${pods.length - 3} more` : ''}`;
  return `newly blocks all other ${word} ${direction === 'Ingress' ? 'to' : 'from'} ${names}${enforced}`;
}

function isolationLine(compiled: CompiledPolicy): string {
  const directions = (['Ingress', 'Egress'] as const).filter((d) => compiled.isolates[d]);
  return directions.length ? `Isolates these pods for ${directions.map((d) => d.toLowerCase()).join(' and ')}.` : 'Isolates these pods in no direction.';
}

function directionText(model: NetpolModel, compiled: CompiledPolicy, direction: Direction): string {
  const others = new Set<string>();
  for (const cls of selectedClasses(model, compiled)) {
    for (const other of model.policiesSelecting(cls, direction)) if (other !== compiled) others.add(other.name);
  }
  const also = others.size ? `; also isolated by ${[...others].sort().map(code).join(', ')}` : '';
  if (!compiled.isolates[direction]) {
    const ignored = compiled.ignoredRules.includes(direction) ? ` Its ${direction.toLowerCase()} rules are **ignored**: \`policyTypes\` does not list ${direction}.` : '';
    return `**${direction}:** not isolated by this policy${also}.${ignored}`;
  }
  const rules = compiled.rules[direction];
  if (rules.length === 0) return `**${direction}:** isolated; ${direction === 'Ingress' ? 'admits' : 'allows'} nothing (deny all ${direction.toLowerCase()})${also}.`;
  const lines = rules.map((rule) => {
    const matched = rule.peers ? workloadsOfClasses(classesMatchedByRule(model, compiled, rule)) : [];
    const suffix = rule.peers ? ` — ${matched.length ? `matches ${matched.slice(0, 4).map(objectRef).join(', ')}${matched.length > 4 ? `, and ${matched.length - 4} more` : ''}` : 'matches no workload of the workspace'}` : '';
    return `- ${ruleText(compiled, rule)}${suffix}`;
  });
  return `**${direction}:** isolated${also}.\n${bounded(lines, 10).join('\n')}`;
}

function namedPortText(name: string, protocol: string, destinations: readonly PodClass[]): string {
  const head = `**Named port** ${code(name)}/${protocol} resolves on each destination pod:`;
  if (destinations.length === 0) return `${head} no destination pod in the workspace.`;
  const lines: string[] = [];
  for (const cls of destinations) {
    const numbers = cls.ports.filter((p) => p.name === name && p.protocol === protocol).map((p) => p.containerPort);
    const owners = cls.workloads.map(objectRef).join(', ');
    lines.push(numbers.length ? `- ${owners}: ${numbers.join(', ')}` : `- ${owners}: **no ${protocol} container port named ${code(name)}**, so nothing is allowed there`);
  }
  return `${head}\n${bounded(lines, 12).join('\n')}`;
}
