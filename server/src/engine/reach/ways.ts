/**
 * The model's verdict on an exposure path (exposure/exposure.ts lists the ways in from outside, object by object,
 * without policies): which way-in peer it is, and whether that way's traffic reaches the pods on the port it
 * targets. Hovers, code lenses and the graph state a path's exposure with this verdict, never without it.
 */
import type { ExposurePath } from '../exposure/exposure';
import type { Service, ServicePort } from '../model/resources';
import { workloadsOfService } from '../model/serviceBackends';
import { reachModelOf, type ReachModel } from './model';
import type { ReachPeer } from './peers';
import { peerOfWorkloadDefinition, reachBetween, verdictOf, type Verdict } from './query';

/** The way in a path starts with, as a peer of the model. */
export function wayOfExposure(model: ReachModel, path: ExposurePath): ReachPeer | undefined {
  const first = path.hops[0];
  switch (first?.kind) {
    case 'load-balancer':
      return { kind: 'service-entry', service: first.service, via: 'load-balancer' };
    case 'node-port':
      return { kind: 'service-entry', service: first.service, via: 'node-port' };
    case 'ingress-controller': {
      const ingress = path.hops.find((h) => h.kind === 'ingress');
      const way = ingress?.kind === 'ingress' ? model.pathOfIngress(ingress.ingress) : undefined;
      return way ? { kind: 'ingress', paths: [way] } : undefined;
    }
    case 'gateway': {
      const way = first.gateway ? model.pathOfGateway(first.gateway) : undefined;
      return way ? { kind: 'ingress', paths: [way] } : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether the path's traffic reaches its pods on the port it targets; undefined when the port does not resolve. */
export function exposureVerdict(model: ReachModel, path: ExposurePath): Verdict | undefined {
  const last = path.hops[path.hops.length - 1];
  if (last?.kind !== 'pods' || last.target.port === undefined) return undefined;
  const way = wayOfExposure(model, path);
  const target = peerOfWorkloadDefinition(model, last.workload);
  if (!way || !target) return undefined;
  return verdictOf(reachBetween(model, way, target, false), { protocol: last.protocol, port: last.target.port });
}

/** `reaches the pods`, `blocked by the pods' NetworkPolicies`, `may be blocked (...)`. */
export function exposureVerdictWords(verdict: Verdict | undefined): string {
  switch (verdict) {
    case 'allowed':
      return 'reaches the pods';
    case 'denied':
      return "blocked: the pods' NetworkPolicies drop it";
    case 'unknown':
      return 'may be blocked (netlens explain says what it depends on)';
    default:
      return '';
  }
}

/**
 * A Service's own way in (its load balancer or NodePort) on one Service port, over every workload it selects:
 * ALLOWED when some workload's pods admit it, DENIED when none may, UNKNOWN otherwise; with the notes of the
 * answers that were not settled and the policies that isolate the pods.
 */
export function serviceEntryVerdict(model: ReachModel, service: Service, via: 'load-balancer' | 'node-port', servicePort: ServicePort): { verdict: Verdict | undefined; notes: string[]; policies: string[] } {
  const way: ReachPeer = { kind: 'service-entry', service, via };
  const verdicts: Verdict[] = [];
  const notes = new Set<string>();
  const policies = new Set<string>();
  for (const workload of workloadsOfService(model.index, service)) {
    const target = peerOfWorkloadDefinition(model, workload);
    if (!target) continue;
    const routes = model.routesOfService(service).get(target.classes[0]!.id);
    const route = routes?.routes.find((r) => r.servicePort === servicePort);
    if (!route) continue;
    const answer = reachBetween(model, way, target, false);
    const verdict = verdictOf(answer, { protocol: route.protocol, port: route.targetPort });
    verdicts.push(verdict);
    if (verdict === 'unknown') for (const note of answer.notes) notes.add(note);
    for (const p of model.netpol.policiesSelecting(target.classes[0]!, 'Ingress')) policies.add(p.name);
  }
  const verdict = verdicts.length === 0 ? undefined : verdicts.includes('allowed') ? 'allowed' : verdicts.every((v) => v === 'denied') ? 'denied' : 'unknown';
  return { verdict, notes: [...notes], policies: [...policies].sort() };
}

const ENGINES: readonly { engine: 'azure-npm' | 'calico' | 'cilium'; name: string }[] = [
  { engine: 'azure-npm', name: 'Azure NPM' },
  { engine: 'calico', name: 'Calico' },
  { engine: 'cilium', name: 'Cilium' },
];

/**
 * When the profile does not name the engine and an answer is UNKNOWN, what it would be under each engine AKS offers:
 * `under Azure NPM or Calico: allowed; under Cilium: denied`. Undefined when the engine is stated.
 */
export function verdictsByEngine(model: ReachModel, verdict: (model: ReachModel) => Verdict | undefined): string | undefined {
  if (model.profile.networkPolicyEngine !== undefined) return undefined;
  const groups = new Map<string, string[]>();
  for (const { engine, name } of ENGINES) {
    const result = verdict(reachModelOf(model.index, { ...model.profile, networkPolicyEngine: engine })) ?? 'unknown';
    const list = groups.get(result);
    if (list) list.push(name);
    else groups.set(result, [name]);
  }
  return [...groups].map(([result, names]) => `under ${names.join(' or ')}: ${result === 'allowed' ? 'admitted' : result === 'denied' ? 'dropped' : 'not settled'}`).join('; ');
}
