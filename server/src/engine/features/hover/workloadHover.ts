/**
 * Hover on a workload's name: how its pods can be reached, as the reachability model says (reach/: `whoCanReach`,
 * the ways in with their verdicts); from outside, the exposure paths (public/internal load balancers, NodePorts,
 * Ingresses, Gateways).
 */
import { podCountOf } from '../../exposure/backends';
import { exposureOf, formatExposurePath } from '../../exposure/exposure';
import type { Workload } from '../../model/resources';
import { isolatingPolicies } from '../../reach/selection';
import { isEmptyConnections } from '../../netpol/portSet';
import { directionExposure, ENTIRE_CLUSTER } from '../../reach/exposure';
import type { ReachModel } from '../../reach/model';
import { peerName, type ReachPeer } from '../../reach/peers';
import { connectionWords, peerOfWorkloadDefinition, reachBetween, verdictOf, whoCanReach, type ReachRow } from '../../reach/query';
import { bounded, code, escapeText, objectRef, where } from '../host';
import { policiesSelectingWorkload, servicesOfWorkload } from '../usages';
import { onIdentity, sections, type HoverContext } from './context';
import { exposureVerdict, exposureVerdictWords } from '../../reach/ways';
import { ruleText } from './netpolText';

export function workloadHover(context: HoverContext, workload: Workload): string | undefined {
  if (!onIdentity(context.path)) return containerPortHover(context, workload);
  const host = context.host;
  const index = host.analysis.index;
  const ports = workload.containers.filter((c) => !c.init).flatMap((c) => c.ports.map((p) => `${p.name ? `${code(p.name)} ` : ''}${p.containerPort}/${p.protocol}`));
  const head = `**${workload.kind} ${code(`${workload.namespace}/${workload.name}`)}** · ${podCountOf(workload).text}${ports.length ? ` · ports ${ports.join(', ')}` : ''}`;
  const services = servicesOfWorkload(index, workload).map((u) => `${objectRef(u.resource)} (${where(host, u.resource.file, u.resource.nameSpan)})`);
  const policies = policiesSelectingWorkload(index, workload).map((u) => `${code(u.resource.name)} ${escapeText(u.detail.replace('selects its pods ', ''))}`);
  const paths = exposureOf(index, workload);
  const reach = context.reach();
  const outside = paths.map((p) => {
    const verdict = exposureVerdictWords(exposureVerdict(reach, p));
    return `- ${formatExposurePath(p)}${verdict ? `: ${verdict}` : ''}`;
  });
  return sections(
    head,
    services.length ? `**Selected by** ${services.join(', ')}` : 'No Service selects its pods.',
    insideText(context.reach(), workload),
    exposureText(context.reach(), workload),
    policies.length ? `**Policies selecting it:** ${policies.join(', ')}` : undefined,
    outside.length ? `**From outside**\n${bounded(outside, 8).join('\n')}` : '**From outside:** not exposed (no LoadBalancer or NodePort Service, Ingress or route reaches it).',
    workload.hostNetwork ? '`hostNetwork: true`: the pods use the node\'s network; whether NetworkPolicies apply depends on the network plugin.' : undefined,
  );
}

function insideText(model: ReachModel, workload: Workload): string {
  const target = peerOfWorkloadDefinition(model, workload);
  if (!target) return '';
  const cls = target.classes[0]!;
  const isolating = isolatingPolicies(model.netpol, cls, 'Ingress');
  const rows = whoCanReach(model, target);
  const waysIn = rows.filter((r) => r.peer.kind === 'ingress' || r.peer.kind === 'service-entry');
  const blocked = blockedWaysIn(model, target, rows);
  if (isolating.length === 0) {
    const why = !model.semantics.enforced ? ' (the cluster profile says no engine enforces NetworkPolicies)' : '';
    return sections(`**Inside the cluster:** not isolated for ingress${why}: every pod and every address may connect on every port.`, waysText(waysIn), blocked)!;
  }
  const admitted = isolating.flatMap((policy) => policy.rules.Ingress.map((rule) => `- ${ruleText(policy, rule).replace(/^admits /, '')} (${code(policy.name)})`));
  const sources = rows.filter((r) => r.peer.kind !== 'ingress' && r.peer.kind !== 'service-entry');
  const lines = sources.map(rowLine);
  const workloads = sources.filter((r) => r.peer.kind === 'workload' && !isEmptyConnections(r.answer.allowed)).length;
  return sections(
    `**Inside the cluster:** isolated for ingress by ${isolating.map((p) => code(p.name)).join(', ')}.`,
    admitted.length ? `Admitted:\n${bounded(admitted, 8).join('\n')}` : 'No rule admits anything: deny all ingress.',
    sources.length
      ? `Who can connect (${workloads} workload${workloads === 1 ? '' : 's'} of the workspace${sources.length > workloads ? ', plus other sources' : ''}):\n${bounded(lines, 10).join('\n')}`
      : 'No workload of the workspace may connect.',
    waysText(waysIn),
    blocked,
  )!;
}

/**
 * Exposure beyond the workspace (np-guard's exposure analysis, reach/exposure.ts): who the ingress policies admit that
 * the workspace does not hold: any pod of the cluster, or pods of namespaces and labels that a rule names.
 */
function exposureText(model: ReachModel, workload: Workload): string | undefined {
  const target = peerOfWorkloadDefinition(model, workload);
  if (!target) return undefined;
  const ingress = directionExposure(model, target.peer, 'Ingress');
  if (!ingress.protected) return undefined;
  const lines = ingress.items.map((item) =>
    item.peer === ENTIRE_CLUSTER ? `- any pod of the cluster: ${connectionWords(item.connections)}` : `- pods of ${code(item.peer)}: ${connectionWords(item.connections)}`,
  );
  return lines.length ? `**Exposure beyond the workspace** (pods the policies admit whatever the workspace holds):\n${bounded(lines, 8).join('\n')}` : undefined;
}

function rowLine(row: ReachRow): string {
  const answer = row.answer;
  const certain = !isEmptyConnections(answer.allowed);
  const every = certain && connectionWords(answer.allowedForEvery) !== connectionWords(answer.allowed) ? ` (not every connection: ${connectionWords(answer.allowedForEvery)} for all)` : '';
  const words = certain ? `${connectionWords(answer.allowed)}${every}` : `maybe ${connectionWords(answer.possible)} (${escapeText(answer.notes[0] ?? 'depends on the cluster profile')})`;
  return `- ${sourceText(row.peer)}: ${words}`;
}

function waysText(rows: readonly ReachRow[]): string | undefined {
  if (rows.length === 0) return undefined;
  return `**Ways in that reach it:**\n${bounded(rows.map(rowLine), 8).join('\n')}`;
}

/** Ways in (ingress paths, load balancers, NodePorts) that route to the pods but whose traffic the model says is DENIED. */
function blockedWaysIn(model: ReachModel, target: Extract<ReachPeer, { kind: 'workload' }>, rows: readonly ReachRow[]): string | undefined {
  const reaching = new Set(rows.map((r) => r.peer.kind === 'ingress' ? r.peer.paths[0]!.id : r.peer.kind === 'service-entry' ? r.peer.service : undefined));
  const lines: string[] = [];
  for (const path of model.paths()) {
    if (reaching.has(path.id) || !target.classes.some((c) => model.routesOf(path).has(c.id))) continue;
    const answer = reachBetween(model, { kind: 'ingress', paths: [path] }, target, false);
    if (verdictOf(answer) === 'denied') lines.push(`- ${escapeText(peerName({ kind: 'ingress', paths: [path] }))}: its requests routed here time out`);
  }
  for (const service of model.index.ofKindIn('Service', target.peer.namespace)) {
    if ((service.type !== 'LoadBalancer' && service.type !== 'NodePort') || reaching.has(service)) continue;
    if (!target.classes.some((c) => model.routesOfService(service).has(c.id))) continue;
    const way: ReachPeer = { kind: 'service-entry', service, via: service.type === 'LoadBalancer' ? 'load-balancer' : 'node-port' };
    if (verdictOf(reachBetween(model, way, target, false)) === 'denied') lines.push(`- ${escapeText(peerName(way))}: its connections are dropped`);
  }
  return lines.length ? `**Not admitted (the policies drop what these send):**\n${lines.join('\n')}` : undefined;
}

function sourceText(peer: ReachPeer): string {
  switch (peer.kind) {
    case 'workload':
      return `${peer.peer.kind} ${code(`${peer.peer.namespace}/${peer.peer.name}`)}`;
    case 'addresses':
      return `addresses ${code(peer.text ?? '')}`;
    default:
      return escapeText(peerName(peer));
  }
}

/** On a container port: the Services whose targetPort lands on it. */
function containerPortHover(context: HoverContext, workload: Workload): string | undefined {
  const { path } = context;
  const portsAt = path.indexOf('ports');
  if (portsAt < 0 || path[portsAt - 2] !== 'containers') return undefined;
  const port = workload.containers.flatMap((c) => c.ports).find((p) => p.span.start <= context.node.start && context.node.end <= p.span.end);
  if (!port) return undefined;
  const host = context.host;
  const users: string[] = [];
  for (const usage of servicesOfWorkload(host.analysis.index, workload)) {
    const service = usage.resource as Extract<typeof usage.resource, { kind: 'Service' }>;
    for (const servicePort of service.ports) {
      const hits = typeof servicePort.targetPort === 'number' ? servicePort.targetPort === port.containerPort : servicePort.targetPort === port.name && servicePort.protocol === port.protocol;
      if (hits) users.push(`- Service ${code(service.name)} port ${servicePort.port}/${servicePort.protocol} (${where(host, service.file, servicePort.span)})`);
    }
  }
  const head = `**Container port** ${port.name ? `${code(port.name)} ` : ''}${port.containerPort}/${port.protocol}`;
  return sections(head, users.length ? `Targeted by:\n${users.join('\n')}` : 'No Service port targets it.');
}
