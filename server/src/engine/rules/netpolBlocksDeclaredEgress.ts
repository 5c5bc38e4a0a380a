import { egressOfConfigMap, egressOfWorkload, readersOfConfigMap, type EgressDestination, type EgressEvidence } from '../egress/inventory';
import { selectorMatches } from '../model/labelSelector';
import { isWorkload, type ConfigMap, type Workload, WORKLOAD_KINDS } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { parseAddress } from '../address/ipAddress';
import { compilePolicy } from '../netpol/compiledPolicy';
import { reachModelOf, type ReachModel } from '../reach/model';
import { workloadPeer, type ReachPeer } from '../reach/peers';
import { reachBetween, verdictOf } from '../reach/query';
import { defineRule, type RuleContext } from './rule';
import { rulesNetpolModel } from './shared/netpolScope';

/**
 * netpol-blocks-declared-egress: a workload declares an external destination (egress inventory: a URL or host:port
 * in its env or in a ConfigMap it reads), but its egress isolation admits no address outside the cluster on that
 * port: the connection will be dropped. The decision is the reachability model's (reach/): for an IP destination
 * that exact address; for a host name, whose address the manifests do not say, an address not known (so the rule
 * only fires when no address could work). Reported when the model says DENIED.
 *
 * Reported where the destination is written: on the env value (checking the workload) or on the ConfigMap key
 * (checking the ConfigMap, naming the workloads that read it).
 */
export const netpolBlocksDeclaredEgress = defineRule({
  id: 'netpol-blocks-declared-egress',
  defaultSeverity: 'warning',
  title: 'An egress NetworkPolicy blocks an external destination the workload declares',
  appliesTo: [...WORKLOAD_KINDS, 'ConfigMap'],
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    if (resource.kind === 'ConfigMap') {
      checkConfigMap(resource, ctx);
      return;
    }
    if (!isWorkload(resource) || !egressIsolated(ctx.index, resource, ctx.profile.networkPolicyEngine === 'cilium')) return;
    const own = egressOfWorkload(ctx.index, resource)
      .map((d) => ({ destination: d, evidence: d.evidence.filter((e) => e.via === 'env' && e.file === resource.file) }))
      .filter((d) => d.evidence.length > 0);
    if (own.length === 0) return;
    const model = reachModelOf(ctx.index, ctx.profile);
    for (const { destination, evidence } of own) {
      const blocked = blockingPolicies(model, resource, destination);
      if (!blocked) continue;
      for (const e of evidence) report(ctx, e, destination, `${resource.kind} \`${resource.name}\``, blocked);
    }
  },
});

function checkConfigMap(configMap: ConfigMap, ctx: RuleContext): void {
  const readers = readersOfConfigMap(ctx.index, configMap).filter((w) => egressIsolated(ctx.index, w, ctx.profile.networkPolicyEngine === 'cilium'));
  if (readers.length === 0) return;
  const destinations = egressOfConfigMap(ctx.index, configMap);
  if (destinations.length === 0) return;
  const model = reachModelOf(ctx.index, ctx.profile);
  for (const destination of destinations) {
    const evidence = destination.evidence.filter((e) => e.file === configMap.file && e.configMap === `${configMap.namespace}/${configMap.name}`);
    for (const e of evidence) {
      const blocked: { reader: Workload; policies: string[] }[] = [];
      for (const reader of readers) {
        if (!readsKey(reader, configMap, e.name)) continue;
        const policies = blockingPolicies(model, reader, destination);
        if (policies) blocked.push({ reader, policies });
      }
      if (blocked.length === 0) continue;
      const who = blocked.map((b) => `${b.reader.kind} \`${b.reader.name}\``).join(', ');
      report(ctx, e, destination, `${who}, which ${blocked.length > 1 ? 'read' : 'reads'} it,`, [...new Set(blocked.flatMap((b) => b.policies))]);
    }
  }
}

function report(ctx: RuleContext, evidence: EgressEvidence, destination: EgressDestination, who: string, policies: string[]): void {
  const what = `${destination.scheme ? `${destination.scheme}://` : ''}${destination.address === 'ip' && destination.host.includes(':') ? `[${destination.host}]` : destination.host}`;
  const source = evidence.via === 'env' ? `env \`${evidence.name}\`` : `key \`${evidence.name}\``;
  const target = destination.address === 'ip' ? `${destination.host}` : 'any address outside the cluster';
  ctx.report({
    span: evidence.span,
    message:
      `${source} declares ${what} (${destination.port}/TCP${destination.portImplied ? `, the ${destination.scheme ?? 'service'} default` : ''}), but the egress policies ` +
      `(${policies.map((p) => `\`${p}\``).join(', ')}) selecting ${who} admit no connection to ${target} on ${destination.port}/TCP: it will be dropped`,
    data: { host: destination.host, port: destination.port, protocol: 'TCP', policies },
  });
}

/**
 * Cheap pre-check before a model is built: some policy of the namespace selects the workload for Egress (under
 * Cilium, or some Cilium policy may: the model decides).
 */
function egressIsolated(index: WorkspaceIndex, workload: Workload, cilium: boolean): boolean {
  if (cilium && (index.hasOfKindIn('CiliumNetworkPolicy', workload.namespace) || index.ofKind('CiliumClusterwideNetworkPolicy').length > 0)) return true;
  if (!index.hasOfKindIn('NetworkPolicy', workload.namespace)) return false;
  // The selection model's answer (policies filed by label), not a test of every policy of the namespace per workload.
  const model = rulesNetpolModel(index);
  const pods = model.classOf(workload);
  if (pods) return model.policiesSelecting(pods, 'Egress').length > 0;
  return index.ofKindIn('NetworkPolicy', workload.namespace).some((p) => compilePolicy(p).isolates.Egress && selectorMatches(p.podSelector, workload.podLabels));
}

/** Names of the policies isolating the workload for egress when the model says the destination is DENIED; else undefined. */
function blockingPolicies(model: ReachModel, workload: Workload, destination: EgressDestination): string[] | undefined {
  const pods = model.classOf(workload);
  const peer = model.netpol.peerOfWorkload(workload);
  if (!pods || !peer) return undefined;
  // NetworkPolicies and (under Cilium) Cilium policies that select the pods for egress.
  const policies = [...model.netpol.policiesSelecting(pods, 'Egress'), ...new Set(model.netpol.ciliumRulesSelecting(pods, 'Egress').map((r) => r.policy))];
  if (policies.length === 0) return undefined;
  const address = destination.address === 'ip' ? parseAddress(destination.host) : undefined;
  const target: ReachPeer = address ? { kind: 'addresses', range: { family: address.family, first: address.value, last: address.value }, text: destination.host } : { kind: 'host', name: destination.host };
  const answer = reachBetween(model, workloadPeer(peer, [pods], workload), target, false);
  if (verdictOf(answer, { protocol: 'TCP', port: destination.port }) !== 'denied') return undefined;
  return policies.map((p) => p.name).sort();
}

function readsKey(workload: Workload, configMap: ConfigMap, key: string): boolean {
  return workload.containers.some((c) => c.envFrom.some((e) => e.configMap === configMap.name) || c.env.some((e) => e.configMapKeyRef?.name === configMap.name && e.configMapKeyRef.key === key));
}
