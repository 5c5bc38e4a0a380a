/** The reachability model's verdicts for DNS from a set of pods to cluster DNS (shared by the DNS rules). */
import type { PodClass, WorkloadPeer } from '../../netpol/podClasses';
import { DNS_PORT } from '../../reach/clusterDns';
import type { ReachModel } from '../../reach/model';
import { reachBetween, verdictOf, type ReachAnswer, type Verdict } from '../../reach/query';

/** The model's answer for these pods to cluster DNS (with the deciding rules when `trail`). */
export function dnsAnswer(reach: ReachModel, pods: PodClass, trail: boolean): ReachAnswer {
  const peer: WorkloadPeer = { type: 'workload', id: `${pods.namespace}/(pods)`, namespace: pods.namespace, name: '(pods)', kind: 'Pod', classes: [pods], workloads: pods.workloads };
  return reachBetween(reach, { kind: 'workload', peer, classes: [pods] }, { kind: 'dns' }, trail);
}

/** The model's verdicts for UDP and TCP 53 from these pods to cluster DNS. */
export function dnsVerdicts(reach: ReachModel, pods: PodClass): { udp: Verdict; tcp: Verdict; reasons: readonly string[] } {
  const answer = dnsAnswer(reach, pods, false);
  return { udp: verdictOf(answer, { protocol: 'UDP', port: DNS_PORT }), tcp: verdictOf(answer, { protocol: 'TCP', port: DNS_PORT }), reasons: [...new Set(answer.legs.flatMap((l) => [...l.verdict.egress.notes, ...l.verdict.ingress.notes]))] };
}

