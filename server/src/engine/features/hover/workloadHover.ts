/**
 * Hover on a workload's name: how its pods can be reached. From inside the cluster, what the netpol engine says
 * (`whoCanReach`); from outside, the exposure paths (public/internal load balancers, NodePorts, Ingresses, Gateways).
 */
import { podCountOf } from '../../exposure/backends';
import { exposureOf, formatExposurePath } from '../../exposure/exposure';
import type { Workload } from '../../model/resources';
import type { PeerConnection } from '../../netpol/connectivity';
import { formatConnections } from '../../netpol/portSet';
import { whoCanReach } from '../../netpol/reach';
import { bounded, code, escapeText, objectRef, where } from '../host';
import { policiesSelectingWorkload, servicesOfWorkload } from '../usages';
import { onIdentity, sections, type HoverContext } from './context';
import type { NetpolModel } from '../../netpol/model';
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
  const outside = paths.map((p) => `- ${formatExposurePath(p)}`);
  const viaController = paths.some((p) => p.hops[0]?.kind === 'ingress-controller' && p.hops[0].controller.hosting === 'in-cluster');
  return sections(
    head,
    services.length ? `**Selected by** ${services.join(', ')}` : 'No Service selects its pods.',
    insideText(context.model(), workload, viaController),
    policies.length ? `**Policies selecting it:** ${policies.join(', ')}` : undefined,
    outside.length ? `**From outside**\n${bounded(outside, 8).join('\n')}` : '**From outside:** not exposed (no LoadBalancer or NodePort Service, Ingress or route reaches it).',
    workload.hostNetwork ? '`hostNetwork: true`: the pods use the node\'s network; whether NetworkPolicies apply depends on the network plugin.' : undefined,
  );
}

function insideText(model: NetpolModel, workload: Workload, viaController: boolean): string {
  const cls = model.classOf(workload);
  if (!cls) return '';
  const isolating = model.policiesSelecting(cls, 'Ingress');
  if (isolating.length === 0) return '**Inside the cluster:** not isolated for ingress: every pod and every address may connect on every port.';
  const admitted = isolating.flatMap((policy) => policy.rules.Ingress.map((rule) => `- ${ruleText(policy, rule).replace(/^admits /, '')} (${code(policy.name)})`));
  const connections = whoCanReach(model, workload);
  const lines = connections.map((c) => `- ${sourceText(c)}: ${formatConnections(c.allowed)}${c.allowedForEveryPod ? ` (some pods only; every pod: ${formatConnections(c.allowedForEveryPod)})` : ''}`);
  const workloads = connections.filter((c) => c.src.type === 'workload').length;
  const controllerBlocked =
    viaController && !connections.some((c) => c.src.type === 'ingress-controller')
      ? `**The ingress controller${model.ingressController ? ` (namespace ${code(model.ingressController.namespace)})` : ''} is not admitted:** requests routed here by Ingresses will time out.`
      : undefined;
  return sections(
    `**Inside the cluster:** isolated for ingress by ${isolating.map((p) => code(p.name)).join(', ')}.`,
    admitted.length ? `Admitted:\n${bounded(admitted, 8).join('\n')}` : 'No rule admits anything: deny all ingress.',
    connections.length
      ? `Who can connect (${workloads} workload${workloads === 1 ? '' : 's'} of the workspace${connections.length > workloads ? ', plus other sources' : ''}):\n${bounded(lines, 10).join('\n')}`
      : 'No workload of the workspace may connect.',
    controllerBlocked,
  )!;
}

function sourceText(connection: PeerConnection): string {
  const src = connection.src;
  switch (src.type) {
    case 'workload':
      return `${src.kind} ${code(`${src.namespace}/${src.name}`)}`;
    case 'external':
      return `addresses ${code(src.id.replace('[External]', ''))}`;
    case 'ingress-controller':
      return 'the ingress controller (for its Ingress routes)';
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
