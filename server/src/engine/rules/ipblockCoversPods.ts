import { ipBlockMatchesPods, semanticsOf } from '../reach/selection';
import { podRanges, serviceRanges } from '../profile/ranges';
import { defineRule } from './rule';
import { coversEverything, ipBlockPeers, overlapping, peerWord } from './shared/ipBlocks';

/**
 * ipblock-covers-pods: an ipBlock whose addresses (after `except`) overlap where pod IPs or ClusterIPs come from, so
 * it matches pod traffic differently from what an ipBlock ("addresses outside the cluster") suggests:
 *  - overlay (kubenet, Azure CNI Overlay): inside the cluster pods keep their pod-CIDR IPs, so with Azure NPM or
 *    Calico the block admits every pod of the cluster in that range, whatever its namespace or labels; outside the
 *    cluster pod IPs are never seen (traffic leaves SNATed to the node IP), so it cannot mean another cluster's pods;
 *  - flat (Azure CNI): pod IPs are VNet IPs, so a block meant for VNet or on-premises hosts also admits every pod
 *    whose IP falls in it;
 *  - the service CIDR: connections to a ClusterIP are translated to the backend pod's IP before policies are
 *    evaluated, so the block matches no Service traffic.
 * Blocks of a whole address family (`0.0.0.0/0`) mean "anywhere" and are left alone; with Cilium the pod part is
 * netpol-engine-unsupported's (Cilium never matches pod IPs by ipBlock); with no engine nothing is enforced. Whether
 * an engine matches the block against pod IPs is the engine semantics the reachability model uses
 * (netpol/semantics.ts `ipBlockMatchesPods`), so explain and connectivity agree with this finding.
 */
export const ipblockCoversPods = defineRule({
  id: 'ipblock-covers-pods',
  defaultSeverity: 'warning',
  title: 'An ipBlock overlaps the pod or service CIDR (or, under the flat model, the VNet pods take IPs from)',
  doc: { needs: '`cluster.podCidr`, `cluster.serviceCidr` or (flat) `cluster.vnetCidrs`' },
  appliesTo: ['NetworkPolicy'],
  check(policy, ctx): void {
    const engine = ctx.profile.networkPolicyEngine;
    if (engine === 'none') return;
    const semantics = semanticsOf(ctx.profile);
    const pods = podRanges(ctx.profile);
    const services = serviceRanges(ctx.profile);
    if (pods.length === 0 && services.length === 0) return;
    const flat = ctx.profile.networkModel === 'flat';
    const engines = engine === 'azure-npm' ? 'Azure NPM' : engine === 'calico' ? 'Calico' : 'Azure NPM or Calico';
    for (const block of ipBlockPeers(policy)) {
      if (coversEverything(block)) continue;
      const cidr = block.peer.ipBlock.cidr;
      const word = peerWord(block.direction);
      const podHits = ipBlockMatchesPods(semantics, block.addresses).match === 'no' ? [] : overlapping(block, pods);
      if (podHits.length) {
        const hit = podHits[0]!;
        const where = `${hit.role} ${hit.cidr}`;
        const message = flat
          ? `ipBlock ${cidr} overlaps the ${where} where pods get their IPs (flat network: Azure CNI gives pods VNet addresses): with ${engines} it admits ${word.admits} every pod of the cluster in that range, in any namespace, not only the hosts outside the cluster it names; add the pod subnet to \`except\`, or select pods with podSelector/namespaceSelector`
          : `ipBlock ${cidr} overlaps the ${where} (overlay network): inside the cluster pods keep their pod IPs, so with ${engines} it admits ${word.admits} every pod of the cluster in that range, whatever its namespace or labels; from outside the cluster no pod IP is ever seen (traffic leaves SNATed to the node IP). Select pods with podSelector/namespaceSelector, or add ${hit.cidr} to \`except\``;
        ctx.report({ span: block.peer.span, message, data: { cidr, overlaps: hit.cidr, role: hit.role, model: ctx.profile.networkModel ?? null, matchesPods: ipBlockMatchesPods(semantics, block.addresses).match } });
        continue;
      }
      const serviceHits = overlapping(block, services);
      if (serviceHits.length) {
        const hit = serviceHits[0]!;
        ctx.report({
          span: block.peer.span,
          message: `ipBlock ${cidr} overlaps the service CIDR ${hit.cidr}: a connection to a ClusterIP is translated to the backend pod's IP before NetworkPolicies are evaluated, so this block matches no Service traffic; select the backend pods with podSelector/namespaceSelector instead`,
          data: { cidr, overlaps: hit.cidr, role: hit.role },
        });
      }
    }
  },
});
