import { servicesSelecting } from '../exposure/exposure';
import { resolveTargetPort } from '../model/serviceBackends';
import { isWorkload, WORKLOAD_KINDS, type Protocol } from '../model/resources';
import { sourcesAdmittedOn } from '../reach/admission';
import { reachModelOf } from '../reach/model';
import type { ReachPeer } from '../reach/peers';
import { peerOfWorkloadDefinition, reachBetween, verdictOf } from '../reach/query';
import { defineRule } from './rule';
import { joinAnd, qualified, workspaceHoldsWorkloadsOf } from './shared/netpolScope';

/**
 * netpol-admits-no-source: a workload that a Service exposes (and through it any Ingress or route), whose ingress
 * policies admit no source that exists or could exist on the pod port the Service targets: nothing can ever connect
 * to it there. The usual causes: a default-deny with no allow rule for these pods, an allow-list whose peers name
 * pods that do not exist (a label typo, a `podSelector: matchLabels:` left empty that made the policy select every
 * pod), rules whose ports leave the port out.
 *
 * "Could exist" is judged by the reachability model (reach/admission.ts): any workload of the workspace, the ingress
 * controllers and gateways where they run, the cluster's own DNS pods, any address (an ipBlock), and pods of
 * namespaces whose workloads the workspace does not hold (they may carry any labels) all count, and so does a
 * LoadBalancer or NodePort Service of the workload whose traffic the model says may get in (traffic SNATed to the
 * pod's own node is always admitted). Reported once, on the workload, when it is closed on every port a Service
 * exposes (a workload whose policies admit clients on one port and leave another closed made a choice), naming each
 * isolating policy and why it admits nothing.
 * Silent when no engine enforces policies and for hostNetwork pods.
 */
export const netpolAdmitsNoSource = defineRule({
  id: 'netpol-admits-no-source',
  defaultSeverity: 'warning',
  title: 'A workload a Service exposes admits no source at all on that port',
  appliesTo: [...WORKLOAD_KINDS],
  check(resource, ctx): void {
    if (!isWorkload(resource) || ctx.profile.networkPolicyEngine === 'none' || resource.hostNetwork) return;
    const model = reachModelOf(ctx.index, ctx.profile);
    const pods = model.classOf(resource);
    if (!pods) return;
    // Pod ports the workload's Services target, with the Services.
    const ports = new Map<string, { port: number; protocol: Protocol; services: string[] }>();
    for (const service of servicesSelecting(ctx.index, resource)) {
      for (const servicePort of service.ports) {
        const target = typeof servicePort.targetPort === 'number' ? servicePort.targetPort : resolveTargetPort(resource, servicePort)?.port.containerPort;
        if (target === undefined) continue;
        const key = `${target}/${servicePort.protocol}`;
        const entry = ports.get(key) ?? { port: target, protocol: servicePort.protocol, services: [] };
        if (!entry.services.includes(service.name)) entry.services.push(service.name);
        ports.set(key, entry);
      }
    }
    const holds = (namespace: string) => workspaceHoldsWorkloadsOf(ctx.index, namespace);
    const exposed = [...ports.values()].sort((a, b) => a.port - b.port);
    if (exposed.length === 0) return;
    const admissions = exposed.map((p) => sourcesAdmittedOn(model, pods, p.protocol, p.port, holds));
    // Some port admitting a source means the policies were written for this workload: ports they leave closed are
    // a choice (a management port nobody uses). Only a workload closed on every port it is exposed on is reported.
    if (admissions.some((a) => a.admits)) return;
    // A load balancer or NodePort may still get in (traffic SNATed to the pod's own node is always admitted).
    const target = peerOfWorkloadDefinition(model, resource);
    for (const service of servicesSelecting(ctx.index, resource)) {
      if (!target || (service.type !== 'LoadBalancer' && service.type !== 'NodePort')) continue;
      const way: ReachPeer = { kind: 'service-entry', service, via: service.type === 'LoadBalancer' ? 'load-balancer' : 'node-port' };
      const answer = reachBetween(model, way, target, false);
      if (exposed.some((p) => verdictOf(answer, { protocol: p.protocol, port: p.port }) !== 'denied')) return;
    }
    const policies = admissions[0]!.policies.map((p) => p.policy);
    const portText = joinAnd(exposed.map((p) => `${p.port}/${p.protocol}`));
    const services = [...new Set(exposed.flatMap((p) => p.services))];
    ctx.report({
      span: resource.nameSpan,
      message:
        `${resource.kind} \`${resource.name}\` is exposed on ${portText} by Service ${joinAnd(services.map((s) => `\`${s}\``))}, but its ingress policies admit no source that exists or could exist there: ` +
        `${[...new Set(admissions.flatMap((a) => a.policies.map((p) => p.why)))].join('; ')}. Nothing can connect to it; admit its clients (podSelector/namespaceSelector) on ${portText}`,
      related: policies.map((p) => ({ file: p.policy.file, span: p.policy.nameSpan, message: `NetworkPolicy ${p.name} isolates ${resource.name} for ingress` })),
      data: { workload: qualified(resource), ports: exposed.map((p) => ({ port: p.port, protocol: p.protocol })), services, policies: policies.map((p) => p.name) },
    });
  },
});
