import { selectorMatches, selectsEverything, type LabelSelector } from '../model/labelSelector';
import type { NetworkPolicy, NetworkPolicyRule } from '../model/resources';
import { nodeRanges, podRanges } from '../profile/ranges';
import type { ClusterProfile } from '../profile/types';
import type { Span } from '../syntax/tree';
import { defineRule, type Report, type RuleContext } from './rule';
import { canonicalRanges, parseCidr, rangeOverlaps, rangeWithin, subtractRanges } from '../address/addressRange';
import { coversEverything, ipBlockPeers, peerWord } from './shared/ipBlocks';

/** Where each difference is documented; docs/rules/netpol-engine-unsupported.md lists them. */
export const ENGINE_SOURCES = {
  cilium: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium',
  azureNpm: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  ciliumPortRanges: 'https://github.com/cilium/cilium/pull/33463',
  npmEndPort: 'https://github.com/Azure/AKS/issues/2857',
} as const;

/** AKS runs Cilium 1.16 or later from Kubernetes 1.31 on (minimum versions table of the Cilium page). */
const CILIUM_PORT_RANGES_FROM: readonly [number, number] = [1, 31];
/** Azure NPM may miss rule updates when a policy has more ipBlock sections than this. */
const NPM_IPBLOCK_SECTIONS = 4;

/**
 * netpol-engine-unsupported: the policy uses something the cluster's engine (from the profile) enforces differently
 * on AKS, or not at all. Only differences the AKS documentation (or the engine's maintainers) state are checked:
 *  - Cilium: ipBlock never matches pod or node IPs (other VNet addresses, such as an Application Gateway for
 *    Containers subnet, VMs or private endpoints, match normally); hostNetwork pods are not policed; endPort needs
 *    Cilium 1.16+;
 *  - Azure NPM: no IPv6; on Windows nodes no named ports, SCTP, negative selectors or `except`; many ipBlock sections
 *    make a race on edits likelier; endPort not enforced (maintainers, not in the AKS docs).
 */
export const netpolEngineUnsupported = defineRule({
  id: 'netpol-engine-unsupported',
  defaultSeverity: 'warning',
  title: "The policy uses a feature the cluster's network policy engine handles differently or not at all on AKS",
  doc: { needs: '`cluster.networkPolicyEngine` in the cluster profile' },
  appliesTo: ['NetworkPolicy'],
  check(policy, ctx): void {
    if (ctx.profile.networkPolicyEngine === 'cilium') checkCilium(policy, ctx);
    else if (ctx.profile.networkPolicyEngine === 'azure-npm') checkAzureNpm(policy, ctx);
  },
});

function report(ctx: RuleContext, span: Span, message: string, feature: string, source: string, severity?: Report['severity']): void {
  const out: Report = { span, message, data: { engine: ctx.profile.networkPolicyEngine, feature, source } };
  if (severity) out.severity = severity;
  ctx.report(out);
}

function checkCilium(policy: NetworkPolicy, ctx: RuleContext): void {
  const pods = podRanges(ctx.profile);
  const vnets = nodeRanges(ctx.profile);
  // Subnets of Azure-hosted controllers (Application Gateway for Containers): VNet addresses that are neither pods
  // nor nodes, which Cilium matches by ipBlock like any other address.
  const controllerSubnets = (ctx.profile.ingressControllers ?? []).flatMap((c) => {
    const range = c.subnetCidr ? parseCidr(c.subnetCidr) : undefined;
    return range ? [range] : [];
  });
  for (const block of ipBlockPeers(policy)) {
    if (hasAllPodsPeer(block.rule.rule)) continue; // AKS's documented workaround is in place
    const addresses = subtractRanges(canonicalRanges(block.addresses), canonicalRanges(controllerSubnets));
    const everything = coversEverything(block);
    // Pod IPs: any overlap with the pod CIDR (only pods live there); VNet ranges (pods under the flat model, nodes
    // always) only when the block takes in a whole range: a part of the VNet may be VMs, private endpoints or a
    // controller's subnet, which Cilium matches normally.
    const podCidrHits = pods.filter((r) => r.role === 'pod CIDR' && addresses.some((a) => rangeOverlaps(a, [r.range])));
    const vnetHits = vnets.filter((r) => rangeWithin(r.range, addresses));
    if (!everything && podCidrHits.length === 0 && vnetHits.length === 0) continue;
    const hits = [...podCidrHits, ...vnetHits];
    const covers = hits.length ? hits.map((h) => `the ${h.role} ${h.cidr}`).join(' and ') : 'every pod and node IP';
    const word = peerWord(block.direction);
    // `namespaceSelector: {}` admits every pod: offer it only when the block already takes in every pod address.
    const allPods = everything || (pods.length > 0 && pods.every((r) => rangeWithin(r.range, addresses)));
    const nodes = everything || vnetHits.length > 0 ? ' Node IPs cannot be admitted by a NetworkPolicy under Cilium at all.' : '';
    const advice = allPods
      ? `add \`namespaceSelector: {}\` to the rule's \`${word.list}\` to admit pods (the workaround AKS documents; the ipBlock already takes in every pod address)`
      : `select the pods meant here with a \`namespaceSelector\`/\`podSelector\` peer in the rule's \`${word.list}\` (the workaround AKS documents); \`namespaceSelector: {}\` would admit every pod of the cluster`;
    report(
      ctx,
      block.peer.span,
      `Cilium does not match pod or node IPs with ipBlock: ${block.peer.ipBlock.cidr} covers ${covers}, yet ${word.admits} pods and nodes there stays blocked by this rule; ${advice}.${nodes}`,
      'ipBlock-pod-node-ips',
      ENGINE_SOURCES.cilium,
    );
  }
  const hostNetwork = ctx.index.workloadsIn(policy.namespace).filter((w) => w.hostNetwork && selectorMatches(policy.podSelector, w.podLabels));
  if (hostNetwork.length) {
    const names = hostNetwork.map((w) => `${w.kind} ${w.name}`).slice(0, 3).join(', ') + (hostNetwork.length > 3 ? `, and ${hostNetwork.length - 3} more` : '');
    report(ctx, policy.podSelector.span, `Cilium does not apply NetworkPolicies to pods with hostNetwork: true; this policy selects ${names}, which stay unrestricted`, 'hostNetwork', ENGINE_SOURCES.cilium);
  }
  const version = minorVersion(ctx.profile);
  if (version && compareVersion(version, CILIUM_PORT_RANGES_FROM) >= 0) return;
  for (const port of endPorts(policy)) {
    const when = version ? `this cluster runs Kubernetes ${ctx.profile.kubernetesVersion}, where AKS may run Cilium 1.14` : 'AKS runs Cilium 1.16+ only from Kubernetes 1.31 on (cluster.kubernetesVersion is not set)';
    report(ctx, port.span, `endPort (${port.from}-${port.to}) needs Cilium 1.16 or later, and ${when}; older Cilium ignores endPort and admits port ${port.from} only`, 'endPort', ENGINE_SOURCES.ciliumPortRanges, 'info');
  }
}

function checkAzureNpm(policy: NetworkPolicy, ctx: RuleContext): void {
  const blocks = ipBlockPeers(policy);
  for (const block of blocks) {
    if (block.cidr.family === 6) report(ctx, block.peer.span, `Azure NPM does not support IPv6: ipBlock ${block.peer.ipBlock.cidr} is not enforced`, 'ipv6', ENGINE_SOURCES.azureNpm);
  }
  if (blocks.length > NPM_IPBLOCK_SECTIONS) {
    report(
      ctx,
      policy.nameSpan,
      `NetworkPolicy \`${policy.name}\` has ${blocks.length} ipBlock sections: with Azure NPM, editing or deleting a policy with more than ${NPM_IPBLOCK_SECTIONS} makes a race that briefly admits new connections likelier; split it into smaller policies`,
      'ipBlock-count',
      ENGINE_SOURCES.azureNpm,
      'info',
    );
  }
  for (const port of endPorts(policy)) {
    report(ctx, port.span, `Azure NPM has been reported by its maintainers to ignore endPort (${port.from}-${port.to}) and admit port ${port.from} only; verify on your cluster or list the ports`, 'endPort', ENGINE_SOURCES.npmEndPort, 'info');
  }
  if (ctx.profile.windowsNodes !== true) return;
  const onWindows = 'Azure NPM on Windows nodes does not support';
  for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
    for (const port of rule.ports ?? []) {
      if (typeof port.port === 'string') report(ctx, port.span, `${onWindows} named ports: \`${port.port}\` is not enforced for pods on Windows nodes`, 'windows-named-port', ENGINE_SOURCES.azureNpm);
      if (port.protocol === 'SCTP') report(ctx, port.span, `${onWindows} SCTP: this port is not enforced for pods on Windows nodes`, 'windows-sctp', ENGINE_SOURCES.azureNpm);
    }
    for (const peer of rule.peers ?? []) {
      if (peer.ipBlock && peer.ipBlock.except.length) report(ctx, peer.span, `${onWindows} ipBlock \`except\`: ${peer.ipBlock.cidr} except ${peer.ipBlock.except.join(', ')} is not enforced as written for pods on Windows nodes`, 'windows-except', ENGINE_SOURCES.azureNpm);
      for (const selector of [peer.podSelector, peer.namespaceSelector]) {
        if (selector && negative(selector)) report(ctx, selector.span, `${onWindows} negative selectors (NotIn, DoesNotExist): this selector is not enforced for pods on Windows nodes`, 'windows-negative-selector', ENGINE_SOURCES.azureNpm);
      }
    }
  }
  if (negative(policy.podSelector)) report(ctx, policy.podSelector.span, `${onWindows} negative selectors (NotIn, DoesNotExist): spec.podSelector is not enforced for pods on Windows nodes`, 'windows-negative-selector', ENGINE_SOURCES.azureNpm);
}

/** A peer that admits every pod of every namespace (`namespaceSelector: {}` without a narrowing podSelector). */
function hasAllPodsPeer(rule: NetworkPolicyRule): boolean {
  return (rule.peers ?? []).some((p) => !p.ipBlock && p.namespaceSelector && selectsEverything(p.namespaceSelector) && (!p.podSelector || selectsEverything(p.podSelector)));
}

function negative(selector: LabelSelector): boolean {
  return selector.matchExpressions.some((r) => r.operator === 'NotIn' || r.operator === 'DoesNotExist');
}

function endPorts(policy: NetworkPolicy): { from: number; to: number; span: Span }[] {
  const out: { from: number; to: number; span: Span }[] = [];
  for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
    for (const port of rule.ports ?? []) {
      if (typeof port.port === 'number' && port.endPort !== undefined && port.endPort > port.port) out.push({ from: port.port, to: port.endPort, span: port.span });
    }
  }
  return out;
}

function minorVersion(profile: ClusterProfile): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)/.exec(profile.kubernetesVersion ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function compareVersion(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
