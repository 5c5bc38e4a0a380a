/**
 * Hover on a workload's name: how its pods can be reached, as the reachability model says (reach/: `whoCanReach`;
 * from outside, the exposure paths (public/internal load balancers, NodePorts, Ingresses, Gateways) each with the
 * model's verdict, reach/ways.ts), the picture first and what explains it after.
 */
import { podCountOf } from '../../exposure/backends';
import { exposureOf, formatExposurePath } from '../../exposure/exposure';
import type { Workload } from '../../model/resources';
import { isolatingPolicies } from '../../reach/selection';
import { isEmptyConnections } from '../../netpol/portSet';
import { directionExposure, ENTIRE_CLUSTER } from '../../reach/exposure';
import type { ReachModel } from '../../reach/model';
import { peerName, type ReachPeer } from '../../reach/peers';
import { connectionWords, peerOfWorkloadDefinition, whoCanReach, type ReachRow } from '../../reach/query';
import { bounded, code, escapeText, objectRef, where } from '../host';
import { policiesSelectingWorkload, servicesOfWorkload } from '../usages';
import { onIdentity, sections, type HoverContext } from './context';
import { exposureVerdict, exposureVerdictWords } from '../../reach/ways';
import { ruleText } from './netpolText';

/** Ways in from outside and sources inside shown in the picture; the rest are listed below it. */
const PICTURE_PATHS = 2;
const PICTURE_SOURCES = 3;

/**
 * The resolved picture first, in at most six lines (the pods and ports, the Services in front of them, who inside
 * the cluster may connect, the ways in from outside with the model's verdict on each), then what explains it: the
 * rules that admit, the exposure beyond the workspace, the policies, what the picture had no room for.
 */
export function workloadHover(context: HoverContext, workload: Workload): string | undefined {
  if (!onIdentity(context.path)) return containerPortHover(context, workload);
  const host = context.host;
  const index = host.analysis.index;
  const ports = workload.containers.filter((c) => !c.init).flatMap((c) => c.ports.map((p) => `${p.name ? `${code(p.name)} ` : ''}${p.containerPort}/${p.protocol}`));
  const head = `**${workload.kind} ${code(`${workload.namespace}/${workload.name}`)}** · ${podCountOf(workload).text}${ports.length ? ` · ports ${ports.join(', ')}` : ''}`;
  const services = servicesOfWorkload(index, workload).map((u) => `${objectRef(u.resource)} (${where(host, u.resource.file, u.resource.nameSpan)})`);
  const policies = policiesSelectingWorkload(index, workload).map((u) => `${code(u.resource.name)} ${escapeText(u.detail.replace('selects its pods ', ''))}`);
  const reach = context.reach();
  const outside = exposureOf(index, workload).map((p) => {
    const verdict = exposureVerdictWords(exposureVerdict(reach, p));
    return `${formatExposurePath(p)}${verdict ? `: ${verdict}` : ''}`;
  });
  const inside = insideOf(reach, workload);
  const picture = [
    head,
    services.length ? `- **Behind** ${services.slice(0, 4).join(', ')}${services.length > 4 ? `, and ${services.length - 4} more` : ''}` : '- **Behind** no Service: none selects its pods',
    ...(inside ? [`- ${inside.line}`] : []),
    ...(outside.length === 0
      ? ['- **From outside:** not exposed (no LoadBalancer or NodePort Service, Ingress or route reaches it)']
      : outside.length <= PICTURE_PATHS
        ? outside.map((line) => `- **From outside:** ${line}`)
        : [`- **From outside:** ${outside.length} ways in (below)`]),
  ];
  return sections(
    picture.join('\n'),
    inside?.details,
    exposureText(reach, workload),
    policies.length ? `**Policies selecting it:** ${policies.join(', ')}` : undefined,
    outside.length > PICTURE_PATHS ? `**From outside**\n${bounded(outside.map((l) => `- ${l}`), 8).join('\n')}` : undefined,
    workload.hostNetwork ? '`hostNetwork: true`: the pods use the node\'s network; whether NetworkPolicies apply depends on the network plugin.' : undefined,
  );
}

/**
 * Who inside the cluster may connect, as the model says: one line for the picture (isolated by which policies, the
 * first sources with their connections) and, below it, the rules that admit and the sources the line had no room for.
 */
function insideOf(model: ReachModel, workload: Workload): { line: string; details?: string } | undefined {
  const target = peerOfWorkloadDefinition(model, workload);
  if (!target) return undefined;
  const cls = target.classes[0]!;
  const isolating = isolatingPolicies(model.netpol, cls, 'Ingress');
  if (isolating.length === 0) {
    const why = !model.semantics.enforced ? ' (the cluster profile says no engine enforces NetworkPolicies)' : '';
    return { line: `**Inside the cluster:** not isolated for ingress${why}: every pod and every address may connect on every port.` };
  }
  const sources = whoCanReach(model, target).filter((r) => r.peer.kind !== 'ingress' && r.peer.kind !== 'service-entry');
  const by = `**Inside the cluster:** isolated for ingress by ${isolating.map((p) => code(p.name)).join(', ')}`;
  const shown = sources.slice(0, PICTURE_SOURCES).map(rowText);
  const line = sources.length === 0
    ? `${by}; no workload of the workspace may connect`
    : `${by}; ${shown.join('; ')}${sources.length > shown.length ? `; and ${sources.length - shown.length} more (below)` : ''}`;
  const admitted = isolating.flatMap((policy) => policy.rules.Ingress.map((rule) => `- ${ruleText(policy, rule).replace(/^admits /, '')} (${code(policy.name)})`));
  const workloads = sources.filter((r) => r.peer.kind === 'workload' && !isEmptyConnections(r.answer.allowed)).length;
  return {
    line,
    details: sections(
      admitted.length ? `Admitted by the policies:\n${bounded(admitted, 8).join('\n')}` : 'No rule admits anything: deny all ingress.',
      sources.length > shown.length
        ? `Who can connect (${workloads} workload${workloads === 1 ? '' : 's'} of the workspace${sources.length > workloads ? ', plus other sources' : ''}):\n${bounded(sources.map((r) => `- ${rowText(r)}`), 10).join('\n')}`
        : undefined,
    ),
  };
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

/** `Deployment \`shop/web\`: TCP 9000`, or `maybe ...` with what it depends on. */
function rowText(row: ReachRow): string {
  const answer = row.answer;
  const certain = !isEmptyConnections(answer.allowed);
  const every = certain && connectionWords(answer.allowedForEvery) !== connectionWords(answer.allowed) ? ` (not every connection: ${connectionWords(answer.allowedForEvery)} for all)` : '';
  const words = certain ? `${connectionWords(answer.allowed)}${every}` : `maybe ${connectionWords(answer.possible)} (${escapeText(answer.notes[0] ?? 'depends on the cluster profile')})`;
  return `${sourceText(row.peer)}: ${words}`;
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
