import { targetsOfServicePort } from '../exposure/backends';
import { readersOfConfigMap } from '../egress/inventory';
import { referencesOf, type ServiceReference } from '../model/references';
import { workloadsOfService } from '../model/serviceBackends';
import { isWorkload, WORKLOAD_KINDS, type ConfigMap, type Protocol, type Service, type Workload } from '../model/resources';
import type { CompiledPolicy } from '../netpol/compiledPolicy';
import type { PodClass } from '../netpol/podClasses';
import { queryAllowed } from '../reach/selection';
import { reachModelOf, type ReachModel } from '../reach/model';
import { workloadPeer } from '../reach/peers';
import { reachBetween, verdictOf } from '../reach/query';
import { defineRule, type RuleContext } from './rule';
import { byLocation } from './shared/order';
import { policyNames, qualified } from './shared/netpolScope';
import { ciliumPoliciesOf } from './shared/ciliumScope';

type DeniedBy = 'egress' | 'ingress' | 'both';

interface Denial {
  target: Workload;
  port: number;
  protocol: Protocol;
  deniedBy: DeniedBy;
  egressPolicies: readonly CompiledPolicy[];
  ingressPolicies: readonly CompiledPolicy[];
  /** Cilium policies taking part in each direction's verdict, named (under the Cilium engine). */
  egressCilium: readonly string[];
  ingressCilium: readonly string[];
}

/**
 * netpol-blocks-declared-dependency: a workload declares that it talks to a Service (model/references.ts: an env
 * value such as `CART_ADDR=cart:7070`, or a key of a ConfigMap it reads), and the NetworkPolicies deny it the
 * Service's pods on the pod port that Service port targets: the client's egress, the pods' ingress, or both. The
 * decision is the reachability model's (reach/): reported when it says DENIED, never when it cannot tell.
 *
 * Which port: the referenced Service port's targetPort, per selected workload (named targetPorts resolved on each);
 * for a headless Service, the referenced port itself (clients connect to the pods directly). A reference without a
 * port is judged on every Service port, and reported only when all are denied. Silent for Services without selector
 * or ExternalName, Service ports that do not exist (reference-port-missing), unresolved targetPorts
 * (service-target-port-missing), a workload referring to its own pods, and when the profile says no engine runs.
 * Reported on the reference: the env value (checking the workload), or the ConfigMap key, naming each reader.
 */
export const netpolBlocksDeclaredDependency = defineRule({
  id: 'netpol-blocks-declared-dependency',
  defaultSeverity: 'warning',
  title: 'NetworkPolicies deny a workload the Service it declares it talks to',
  appliesTo: [...WORKLOAD_KINDS, 'ConfigMap'],
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    if (resource.kind === 'ConfigMap') {
      checkConfigMap(ctx, resource);
      return;
    }
    if (!isWorkload(resource)) return;
    const references = referencesOf(ctx.index, resource).filter((r) => r.file === resource.file);
    if (references.length === 0) return;
    const model = reachModelOf(ctx.index, ctx.profile);
    for (const reference of references) {
      const denial = denialOf(ctx, model, resource, reference);
      if (denial) report(ctx, reference, resource, denial, reference.via === 'arg' ? `command-line item \`${reference.arg ?? ''}\`` : `env \`${reference.envName}\``);
    }
  },
});

function checkConfigMap(ctx: RuleContext, configMap: ConfigMap): void {
  const references = referencesOf(ctx.index, configMap);
  if (references.length === 0) return;
  const readers = readersOfConfigMap(ctx.index, configMap);
  if (readers.length === 0) return;
  const model = reachModelOf(ctx.index, ctx.profile);
  for (const reference of references) {
    for (const reader of readers) {
      if (!readsKey(reader, configMap, reference.key!)) continue;
      const denial = denialOf(ctx, model, reader, reference);
      if (denial) report(ctx, reference, reader, denial, `ConfigMap key \`${reference.key}\`, read by ${reader.kind} \`${reader.name}\`,`);
    }
  }
}

/** The first denied target (by workload name) of the reference from this client, if any. */
function denialOf(ctx: RuleContext, model: ReachModel, client: Workload, reference: ServiceReference): Denial | undefined {
  const clientPods = model.classOf(client);
  if (!clientPods) return undefined;
  const services = byLocation(ctx.index.lookup('Service', reference.namespace, reference.serviceName)).filter((s) => s.selector && s.type !== 'ExternalName');
  const denials: Denial[] = [];
  for (const service of services) {
    const perPort = targetsOf(ctx, service, reference).map((targets) => targets.map((t) => judge(model, clientPods, client, t)).filter((d) => d !== undefined));
    // A reference without a port could mean any Service port: a port with nothing judged, or every target allowed,
    // may be the one the client uses, so only when each port has a denied target is it a finding.
    if (perPort.length === 0 || perPort.some((results) => !results.some((d) => d !== null))) continue;
    for (const results of perPort) for (const d of results) if (d) denials.push(d);
  }
  return denials.sort((a, b) => (a.target.name < b.target.name ? -1 : a.target.name > b.target.name ? 1 : a.port - b.port))[0];
}

interface Target {
  workload: Workload;
  port: number;
  protocol: Protocol;
}

/** Per Service port the reference may mean: where it lands in each selected workload. */
function targetsOf(ctx: RuleContext, service: Service, reference: ServiceReference): Target[][] {
  const headless = service.clusterIP === 'None';
  const ports = reference.port === undefined ? service.ports : service.ports.filter((p) => p.port === reference.port);
  if (headless && reference.port !== undefined && ports.length === 0) {
    // Clients of a headless Service connect to the pods' own port.
    return [targetsOfServicePortDirect(ctx, service, reference.port)];
  }
  return ports.map((servicePort) => {
    if (headless && reference.port !== undefined) return targetsOfServicePortDirect(ctx, service, reference.port, servicePort.protocol);
    return targetsOfServicePort(ctx.index, service, servicePort)
      .targets.filter((t): t is typeof t & { port: number } => t.port !== undefined)
      .map((t) => ({ workload: t.workload, port: t.port, protocol: servicePort.protocol }));
  });
}

function targetsOfServicePortDirect(ctx: RuleContext, service: Service, port: number, protocol: Protocol = 'TCP'): Target[] {
  return workloadsOfService(ctx.index, service).map((workload) => ({ workload, port, protocol }));
}

/** undefined: not judged (its own pods, no class); null: allowed or not settled; else the denial. */
function judge(model: ReachModel, clientPods: PodClass, client: Workload, target: Target): Denial | null | undefined {
  const netpol = model.netpol;
  const targetPods = netpol.classOf(target.workload);
  const clientPeer = netpol.peerOfWorkload(client);
  const targetPeer = netpol.peerOfWorkload(target.workload);
  if (!targetPods || !clientPeer || !targetPeer || target.workload === client || targetPeer === clientPeer) return undefined;
  const query = { protocol: target.protocol, port: target.port };
  const answer = reachBetween(model, workloadPeer(clientPeer, [clientPods], client), workloadPeer(targetPeer, [targetPods], target.workload), true);
  if (verdictOf(answer, query) !== 'denied') return null;
  const leg = answer.legs[0]!;
  const egressOk = queryAllowed(leg.verdict.egress.possible, query);
  const ingressOk = queryAllowed(leg.verdict.ingress.possible, query);
  return {
    target: target.workload,
    port: target.port,
    protocol: target.protocol,
    deniedBy: !egressOk && !ingressOk ? 'both' : !egressOk ? 'egress' : 'ingress',
    egressPolicies: egressOk ? [] : leg.verdict.egress.policies,
    ingressPolicies: ingressOk ? [] : leg.verdict.ingress.policies,
    egressCilium: egressOk ? [] : ciliumPoliciesOf(leg.verdict.egress),
    ingressCilium: ingressOk ? [] : ciliumPoliciesOf(leg.verdict.ingress),
  };
}

/** NetworkPolicy names, then the Cilium policies taking part (netpol/cilium/). */
function namesOf(policies: Denial['egressPolicies'], cilium: readonly string[]): string {
  return [...(policies.length ? [policyNames(policies)] : []), ...cilium].join(', ');
}

function report(ctx: RuleContext, reference: ServiceReference, client: Workload, denial: Denial, what: string): void {
  const target = `${denial.target.kind} \`${denial.target.name}\``;
  const port = `${denial.port}/${denial.protocol}`;
  const reasons: string[] = [];
  if (denial.deniedBy !== 'ingress') reasons.push(`the egress policies of ${client.kind} \`${client.name}\` (${namesOf(denial.egressPolicies, denial.egressCilium)}) admit nothing to it on ${port}`);
  if (denial.deniedBy !== 'egress') reasons.push(`the ingress policies of ${target} (${namesOf(denial.ingressPolicies, denial.ingressCilium)}) admit nothing from ${client.kind} \`${client.name}\` on ${port}`);
  const policies = [...denial.egressPolicies, ...denial.ingressPolicies];
  ctx.report({
    span: reference.span,
    message:
      `${what} refers to Service \`${reference.serviceName}\`${reference.port !== undefined ? ` port ${reference.port}${reference.portImplied ? ` (the ${reference.scheme}:// default)` : ''}` : ''}, whose pods (${target}) listen on ${port}, ` +
      `but ${reasons.join(', and ')}: the connection will time out`,
    related: policies.map((p) => ({ file: p.policy.file, span: p.policy.nameSpan, message: `NetworkPolicy ${p.name}` })),
    data: {
      client: qualified(client),
      clientKind: client.kind,
      target: qualified(denial.target),
      port: denial.port,
      protocol: denial.protocol,
      service: `${reference.namespace}/${reference.serviceName}`,
      deniedBy: denial.deniedBy,
    },
  });
}

function readsKey(workload: Workload, configMap: ConfigMap, key: string): boolean {
  return workload.containers.some((c) => c.envFrom.some((e) => e.configMap === configMap.name) || c.env.some((e) => e.configMapKeyRef?.name === configMap.name && e.configMapKeyRef.key === key));
}
