/**
 * What the cluster profile adds to hovers: the source address a destination sees for traffic from a pod, which
 * engine enforces NetworkPolicies, and where an ipBlock lies against the cluster's ranges. Every fact names the
 * profile key it rests on and where that value came from (`origins`); without a profile the text says what it would
 * depend on and how to state it.
 *
 * The source-address statements are the AKS documentation's (checked for these exact claims):
 *  - overlay (kubenet, Azure CNI Overlay): "Traffic leaving the cluster is Source Network Address Translated (SNAT'd)
 *    to the node's IP address" — https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (kubenet is
 *    listed there as the legacy overlay CNI).
 *  - flat (Azure CNI node subnet / pod subnet): "Traffic leaving the cluster isn't SNAT'd, and the Pod IP address is
 *    directly exposed to the destination" (same page); the Azure CNI FAQ: "Systems in the same virtual network as the
 *    AKS cluster see the pod IP as the source address for any traffic from the pod. Systems outside the AKS cluster
 *    virtual network see the node IP" — https://learn.microsoft.com/azure/aks/configure-azure-cni#frequently-asked-questions.
 *    The two pages agree inside the VNet and differ beyond it, and the hover says so rather than choosing.
 *  - outbound types (`OutboundType`, https://learn.microsoft.com/javascript/api/@azure/arm-containerservice/outboundtype;
 *    https://learn.microsoft.com/azure/aks/egress-outboundtype): loadBalancer "is used for egress through an AKS
 *    assigned public IP", the public load balancer translating "the private IP address to a public IP address part of
 *    its Outbound Pool" (https://learn.microsoft.com/azure/aks/egress); managedNATGateway "The AKS-managed NAT gateway
 *    is used for egress"; userAssignedNATGateway "The user-assigned NAT gateway associated to the cluster subnet is
 *    used for egress" (https://learn.microsoft.com/azure/aks/nat-gateway); a NAT gateway on a subnet makes "all
 *    outbound connectivity" use its public IPs (https://learn.microsoft.com/azure/nat-gateway/nat-overview);
 *    userDefinedRouting "Egress paths must be defined by the user": AKS configures none, traffic goes to "an appliance
 *    like a firewall, gateway, proxy" or is NATed by "a public IP assigned to the standard load balancer or appliance"
 *    (https://learn.microsoft.com/azure/aks/egress-udr).
 *  - between pods there is no NAT (the Kubernetes network model:
 *    https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model).
 *
 * Engine differences are not restated here: they come from the rules that check them (netpol-engine-unsupported,
 * ipblock-covers-pods), run on the one policy with the file's profile.
 */
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import type { NetworkPolicy } from '../../model/resources';
import { isWholeFamily, rangeOverlaps, rangeWithin, type AddressRange } from '../../address/addressRange';
import { classifyAddress, formatAddress } from '../../address/ipAddress';
import { originSuffix } from '../../profile/mergeProfiles';
import { nodeRanges, podRanges, serviceRanges, type NamedRange } from '../../profile/ranges';
import type { ClusterProfile, NetworkPolicyEngine, OutboundType } from '../../profile/types';
import { aksRetirement } from '../../kb/aksLifecycle';
import { ipblockCoversPods } from '../../rules/ipblockCoversPods';
import { netpolEngineUnsupported } from '../../rules/netpolEngineUnsupported';
import type { Report, Rule } from '../../rules/rule';
import { ipBlockPeers, overlapping, type IpBlockPeer } from '../../rules/shared/ipBlocks';
import type { Span } from '../../syntax/tree';
import { bounded, code } from '../host';
import { escapeMessage } from '../../util/markdown';

export const PROFILE_SOURCES = {
  networkModels: 'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview',
  azureCniFaq: 'https://learn.microsoft.com/azure/aks/configure-azure-cni#frequently-asked-questions',
  outboundTypes: 'https://learn.microsoft.com/azure/aks/egress-outboundtype',
} as const;

type Field = Exclude<keyof ClusterProfile, 'origins'>;

/** `networkModel \`overlay\` (from .netlens.yaml: cluster.networkModel)` */
function fact(profile: ClusterProfile, field: Field): string {
  const value = profile[field];
  const shown = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : String(value);
  return `${field} ${code(shown)}${escapeMessage(originSuffix(profile, field))}`;
}

/** The footer naming the profile facts a text used, each with its origin. */
function factsLine(profile: ClusterProfile, fields: readonly Field[]): string | undefined {
  const used = fields.filter((f, i) => profile[f] !== undefined && fields.indexOf(f) === i);
  return used.length ? `_Cluster profile: ${used.map((f) => fact(profile, f)).join('; ')}._` : undefined;
}

const HOW_TO_SET = 'Set the profile in `.netlens.yaml` at the workspace root (under `cluster:`), or read it from Azure with `cluster.importFrom: ./aks.json` (the output of `az aks show -o json`).';

// ---------------------------------------------------------------------------------------------------------------
// Source address seen by a destination

/** Where a destination may be, as far as addresses and the profile tell. Several parts may be true at once. */
export interface DestinationScope {
  /** The pod CIDR or the service CIDR: traffic that stays in the cluster. */
  cluster?: boolean;
  /** The profile's VNet ranges (`cluster.vnetCidrs`). */
  vnet?: boolean;
  /** Private addresses outside the VNet ranges the profile states (peered VNets, on-premises). */
  privateOther?: boolean;
  /** Private addresses when the VNet ranges are unknown, or a private DNS name: in the VNet or beyond it. */
  privateAny?: boolean;
  /** Public addresses. */
  internet?: boolean;
  /** The destination is a DNS name: its scope assumes what it resolves to. */
  fqdn?: string;
}

/** The pod CIDR only (under `flat` podRanges also lists the VNet, which is the VNet's bullet here). */
function podCidrRanges(profile: ClusterProfile): NamedRange[] {
  return podRanges(profile).filter((r) => r.role === 'pod CIDR');
}

type RangeClass = 'private' | 'public' | 'mixed';

/**
 * Private, public or both. Exact for the ranges a policy or a value writes: a range whose two ends are private and
 * that spans less than a /8 lies in one private block; one whose ends are public and that spans less than a /16
 * (the smallest private block) contains none.
 */
function rangeClass(range: AddressRange): RangeClass {
  const first = classifyAddress(formatAddress(range.family, range.first));
  const last = classifyAddress(formatAddress(range.family, range.last));
  const size = range.last - range.first + 1n;
  if (first === 'private' && last === 'private' && size <= 1n << 24n) return 'private';
  if (first === 'public' && last === 'public' && size < 1n << 16n) return 'public';
  return 'mixed';
}

/** The scope of addresses (an ipBlock after `except`, or one IP) against the profile's ranges. */
export function scopeOfRanges(profile: ClusterProfile | undefined, ranges: readonly AddressRange[]): DestinationScope {
  const p = profile ?? {};
  const cluster = [...podCidrRanges(p), ...serviceRanges(p)].map((r) => r.range);
  const vnet = nodeRanges(p).map((r) => r.range);
  const scope: DestinationScope = {};
  for (const range of ranges) {
    if (cluster.some((c) => rangeOverlaps(range, [c]))) scope.cluster = true;
    if (vnet.some((v) => rangeOverlaps(range, [v]))) scope.vnet = true;
    if (rangeWithin(range, [...cluster, ...vnet])) continue;
    const kind = rangeClass(range);
    if (kind !== 'public') {
      if (vnet.length) scope.privateOther = true;
      else scope.privateAny = true;
    }
    if (kind !== 'private') scope.internet = true;
  }
  return scope;
}

function outboundText(profile: ClusterProfile): string {
  const type: OutboundType | undefined = profile.outboundType;
  switch (type) {
    case 'loadBalancer':
      return "the **outbound public IP of the cluster's load balancer** (AKS's load balancer translates the cluster's private addresses to the public IPs of its outbound pool)";
    case 'managedNATGateway':
      return 'the **public IP of the AKS-managed NAT gateway**';
    case 'userAssignedNATGateway':
      return 'the **public IP of your NAT gateway** on the cluster subnet';
    case 'userDefinedRouting':
      return '**whatever your routes do**: AKS sets up no egress path, so it is the public IP of the firewall or appliance your route table sends it through (or of whatever else NATs it on the way out)';
    default:
      return "the cluster's outbound public IP, which depends on `cluster.outboundType` (not set): the load balancer's outbound IP (the AKS default), a NAT gateway's IP, or your firewall's with `userDefinedRouting`";
  }
}

const NOT_SET_MODEL = 'the **node IP** under `overlay`, the **pod IP** under `flat` (`cluster.networkModel` is not set)';

/**
 * What a destination sees as the source address of a pod's connection, one bullet per part of its scope, then the
 * profile facts used. Without a profile: what it would depend on, and how to set the profile.
 */
export function sourceAddressText(profile: ClusterProfile | undefined, scope: DestinationScope): string | undefined {
  const parts = (['cluster', 'vnet', 'privateOther', 'privateAny', 'internet'] as const).filter((k) => scope[k]);
  if (parts.length === 0) return undefined;
  const title = '**Source address the destination sees**';
  if (parts.length === 1 && parts[0] === 'cluster') return `${title}: the pod's own IP (no NAT between pods).`;
  if (!profile || (profile.networkModel === undefined && profile.outboundType === undefined)) {
    return (
      `${title}: depends on the cluster, which the profile does not describe. Under \`overlay\` (kubenet, Azure CNI Overlay) ` +
      "pods are SNAT'd to the node IP when leaving the cluster; under `flat` (Azure CNI) destinations in the VNet see the pod IP; " +
      "Internet traffic then leaves through the cluster's outbound type (the load balancer's outbound IP by default, a NAT gateway's, or your firewall's). " +
      `Needs \`cluster.networkModel\` and \`cluster.outboundType\`. ${HOW_TO_SET}`
    );
  }
  const model = profile.networkModel;
  const vnetText = profile.vnetCidrs?.length ? ` (${profile.vnetCidrs.map(code).join(', ')})` : '';
  const lines: string[] = [];
  if (scope.cluster) lines.push("- **In the cluster** (pod or service CIDR): the pod's own IP (no NAT between pods).");
  if (scope.vnet) {
    const seen = model === 'overlay' ? "the **node IP** (SNAT'd when leaving the cluster)" : model === 'flat' ? "the **pod IP** (pods have VNet IPs and are not SNAT'd)" : NOT_SET_MODEL;
    lines.push(`- **In the VNet**${vnetText}: ${seen}.`);
  }
  const differ = `AKS's pages differ beyond the VNet: the [CNI overview](${PROFILE_SOURCES.networkModels}) says the pod IP (not SNAT'd), the [Azure CNI FAQ](${PROFILE_SOURCES.azureCniFaq}) says the node IP; check before allow-listing pod addresses`;
  if (scope.privateOther) {
    const seen = model === 'overlay' ? "the **node IP** (SNAT'd when leaving the cluster)" : model === 'flat' ? differ : NOT_SET_MODEL;
    lines.push(`- **Other private networks** (peered VNets, on-premises): ${seen}.`);
  }
  if (scope.privateAny) {
    const where = scope.fqdn ? '**A private name** (a private endpoint or host in the VNet, a peered VNet or on-premises)' : '**A private address** (the VNet, a peered VNet or on-premises: `cluster.vnetCidrs` is not set)';
    const seen = model === 'overlay' ? "the **node IP** (SNAT'd when leaving the cluster)" : model === 'flat' ? `the **pod IP** inside the cluster's VNet; ${differ}` : NOT_SET_MODEL;
    lines.push(`- ${where}: ${seen}.`);
  }
  if (scope.internet) {
    const assume = scope.fqdn ? ` (if ${code(scope.fqdn)} resolves to a public address)` : '';
    const how = model === 'overlay' ? `the pod IP is SNAT'd to the node IP, which leaves as ${outboundText(profile)}` : outboundText(profile);
    lines.push(`- **The Internet**${assume}: ${how}.`);
  }
  const fields: Field[] = ['networkModel'];
  if (scope.vnet || scope.privateOther) fields.push('vnetCidrs');
  if (scope.internet) fields.push('outboundType');
  const missing = model === undefined ? ' `cluster.networkModel` is not set.' : '';
  const kubenet = /kubenet/.test(profile.origins?.networkModel ?? '') ? `${aksRetirement('kubenet').text} ([source](${aksRetirement('kubenet').source}))` : undefined;
  const footer = [factsLine(profile, fields), kubenet, `[AKS network models](${PROFILE_SOURCES.networkModels}) · [outbound types](${PROFILE_SOURCES.outboundTypes})`].filter((l): l is string => !!l).join(' ');
  // A blank line ends the list: text right after a bullet would render inside it.
  return `${[`${title}${missing}`, ...lines].join('\n')}\n\n${footer}`;
}

// ---------------------------------------------------------------------------------------------------------------
// NetworkPolicy enforcement

const ENGINE_NAMES: Record<Exclude<NetworkPolicyEngine, 'none'>, string> = {
  'azure-npm': 'Azure Network Policy Manager (Azure NPM)',
  calico: 'Calico',
  cilium: 'Cilium (Azure CNI Powered by Cilium)',
};

/** Reports of a rule on one policy with this profile (the rule's own knowledge, nothing restated). */
function reportsOf(rule: Rule, policy: NetworkPolicy, index: WorkspaceIndex, profile: ClusterProfile): Report[] {
  const out: Report[] = [];
  try {
    rule.check(policy, { index, profile, report: (r) => out.push(r) });
  } catch {
    return [];
  }
  return out;
}

function reportLine(report: Report): string {
  const source = typeof report.data?.source === 'string' ? ` ([source](${report.data.source}))` : '';
  return `- ${escapeMessage(report.message)}${source}`;
}

/** Which engine enforces the policy (per the profile), with the engine differences this policy runs into. */
export function enforcementText(profile: ClusterProfile | undefined, policy: NetworkPolicy, index: WorkspaceIndex): string {
  const engine = profile?.networkPolicyEngine;
  if (!profile || engine === undefined) {
    return (
      "**Enforcement:** depends on the cluster's network policy engine, which the profile does not name. On AKS a NetworkPolicy " +
      'filters traffic only when an engine is enabled (`--network-policy azure|calico|cilium`); without one it is stored and ignored. ' +
      `Needs \`cluster.networkPolicyEngine\`. ${HOW_TO_SET}`
    );
  }
  if (engine === 'none') {
    return `**Not enforced:** the profile says no network policy engine, per ${fact(profile, 'networkPolicyEngine')}. The API server stores this policy, but nothing filters traffic by it.`;
  }
  const head = `**Enforced by** ${ENGINE_NAMES[engine]}, per ${fact(profile, 'networkPolicyEngine')}.`;
  // A blank line ends the list before the retirement note.
  const retirement = engine === 'azure-npm' ? `\n\n${npmRetirementText(profile)}` : '';
  const differences = reportsOf(netpolEngineUnsupported, policy, index, profile);
  if (differences.length === 0) return `${head}${retirement}`;
  return `${head}\n${ENGINE_NAMES[engine].split(' (')[0]} treats parts of this policy differently:\n${bounded(differences.map(reportLine), 4).join('\n')}${retirement}`;
}

/** Azure NPM's end of support: on Windows nodes (ended) and on Linux nodes (announced), as of the review date. */
function npmRetirementText(profile: ClusterProfile): string {
  const linux = aksRetirement('npm-linux');
  const windows = aksRetirement('npm-windows');
  const notes = [`${linux.text}${linux.unconfirmed ? ` (date not confirmed by the AKS pages read: ${linux.unconfirmed})` : ''} ([source](${linux.source}))`];
  if (profile.windowsNodes !== false) notes.unshift(`${profile.windowsNodes ? '' : 'If the cluster has Windows nodes: '}${windows.text} ([source](${windows.source}))`);
  return `**Retirement:** ${notes.join(' ')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// ipBlock against the profile's ranges

/** The ipBlock peer of the policy at this peer span (only peers of directions the policy isolates). */
export function ipBlockAt(policy: NetworkPolicy, peerSpan: Span): IpBlockPeer | undefined {
  return ipBlockPeers(policy).find((b) => b.peer.span.start === peerSpan.start && b.peer.span.end === peerSpan.end);
}

/** Whether the ipBlock overlaps the pod CIDR, service CIDR or VNet, what that means with the profile's engine. */
export function ipBlockRangesText(profile: ClusterProfile | undefined, policy: NetworkPolicy, block: IpBlockPeer, index: WorkspaceIndex): string {
  const cidr = code(block.peer.ipBlock.cidr);
  if (!profile) {
    return `**Against the cluster:** whether ${cidr} covers pod, ClusterIP or node addresses depends on \`cluster.podCidr\`, \`cluster.serviceCidr\` and \`cluster.vnetCidrs\`, which no profile states. ${HOW_TO_SET}`;
  }
  const pods = podCidrRanges(profile);
  const services = serviceRanges(profile);
  const vnets = nodeRanges(profile);
  const lines: string[] = [];
  const notes: string[] = [];
  if (isWholeFamily(block.cidr)) lines.push(`${cidr} is every address: it covers pods, ClusterIPs and nodes too.`);
  else {
    for (const hit of overlapping(block, pods)) lines.push(`- overlaps the **pod CIDR** ${code(hit.cidr)}: the IPs pods have inside the cluster.`);
    for (const hit of overlapping(block, services)) lines.push(`- overlaps the **service CIDR** ${code(hit.cidr)}: ClusterIPs, translated to pod IPs before policies are evaluated.`);
    for (const hit of overlapping(block, vnets)) {
      const who = profile.networkModel === 'flat' ? 'nodes, pods (flat network: pods take VNet IPs) and other VNet hosts' : profile.networkModel === 'overlay' ? 'nodes and other VNet hosts (overlay: no pod IP is there)' : 'nodes and other VNet hosts (and pods, under the flat network model)';
      lines.push(`- overlaps the **VNet range** ${code(hit.cidr)}: ${who}.`);
    }
    const unknown = [pods.length ? '' : '`cluster.podCidr`', services.length ? '' : '`cluster.serviceCidr`', vnets.length ? '' : '`cluster.vnetCidrs`'].filter(Boolean);
    if (lines.length === 0) {
      lines.push(unknown.length === 3 ? `Whether ${cidr} covers pod, ClusterIP or node addresses depends on ${unknown.join(', ')}, which the profile does not set.` : `${cidr} lies outside the cluster's ranges the profile states: it names addresses beyond the cluster.`);
    }
    if (unknown.length && unknown.length < 3) notes.push(`_Not checked against ${unknown.join(', ')} (not set)._`);
  }
  const sameSpan = (r: Report) => r.span.start === block.peer.span.start && r.span.end === block.peer.span.end;
  const consequences: string[] = [];
  if (profile.networkPolicyEngine === 'none') consequences.push('- Not enforced: the profile says no network policy engine.');
  else {
    for (const rule of [netpolEngineUnsupported, ipblockCoversPods]) consequences.push(...reportsOf(rule, policy, index, profile).filter(sameSpan).map(reportLine));
  }
  const head = lines[0]!.startsWith('- ') ? `**Against the cluster profile:** ${cidr}\n${lines.join('\n')}` : `**Against the cluster profile:** ${lines.join('\n')}`;
  const fields: Field[] = ['podCidr', 'serviceCidr', 'vnetCidrs', ...(overlapping(block, vnets).length ? (['networkModel'] as const) : []), 'networkPolicyEngine'];
  const footer = [notes.join(' '), factsLine(profile, fields)].filter(Boolean).join(' ');
  return [[head, ...consequences].join('\n'), footer].filter(Boolean).join('\n\n');
}
