/**
 * Cluster facts from Azure's own description of the cluster, so that nobody retypes them:
 *  - `az aks show -o json` (the managed cluster with its properties flattened: `networkProfile` at the top; the CLI
 *    spells `dnsServiceIp`, `vnetSubnetId`); an array (`az aks list`) uses its first cluster;
 *  - an ARM template or Bicep-compiled JSON (`resources[]`, or a symbolic-name map for languageVersion 2.0, nested
 *    deployments included) holding a `Microsoft.ContainerService/managedClusters` resource (ARM spells
 *    `dnsServiceIP`, `vnetSubnetID`); a single resource as `GET`/`az resource show` returns it works too.
 * Keys are matched case-insensitively, because the two spellings differ only in case.
 *
 * ARM expressions (`[parameters('x')]`) are not evaluated: the key stays unknown and an issue says which.
 *
 * Mapping (AKS REST API `ContainerServiceNetworkProfile`; values as in docs/profile.md, with their sources):
 *  - networkPlugin `kubenet` -> overlay; `azure` + networkPluginMode `overlay` -> overlay; `azure` without a mode ->
 *    flat (Azure CNI node subnet, or pod subnet when an agent pool has podSubnetID); `none` (bring your own CNI) ->
 *    unknown.
 *  - networkPolicy `azure` -> azure-npm, `calico`, `cilium` (needs networkDataplane `cilium`), `none` -> none; absent
 *    -> `cilium` when networkDataplane is `cilium` (Cilium enforces policies itself), else `none` (the API default:
 *    "Network policies will not be enforced").
 *  - outboundType as is (`none` and `block` are not modelled); podCidr(s), serviceCidr(s), dnsServiceIP.
 *  - ingressProfile.webAppRouting.enabled -> the application routing add-on's NGINX (`app-routing-system`);
 *    its gatewayAPIImplementations.appRoutingIstio.mode -> appRoutingGatewayApi (GatewayClass `approuting-istio`,
 *    whose proxies run per Gateway in the Gateway's namespace: no ingressControllers entry);
 *    addonProfiles.ingressApplicationGateway with a literal `subnetCIDR` -> AGIC from that subnet.
 *  - serviceMeshProfile.mode `Istio` -> istioRevisions (istio.revisions) and istioIngressGateways (enabled
 *    components.ingressGateways[].mode). The add-on's gateways serve Istio Gateway/VirtualService objects, not an
 *    Ingress class, and GatewayClass `istio` deploys per Gateway: neither is an ingressControllers entry.
 *  - agentPoolProfiles[].osType `Windows` -> windowsNodes; current/kubernetesVersion -> kubernetesVersion;
 *    agentPoolProfiles[].localDNSProfile.mode `Preferred`/`Required` -> localDns.
 *  - networkProfile.loadBalancerProfile.clusterServiceLoadBalancerHealthProbeMode -> the probe mode;
 *    networkProfile.advancedNetworking.security -> advancedNetworkPolicies (`FQDN` when enabled without a value).
 *  - sku.name `Automatic` -> aksAutomatic, and AKS Automatic's networking defaults for keys the JSON leaves out.
 *  - retirements the JSON runs into (Azure NPM, kubenet) and Cilium with Windows node pools are reported as issues.
 *  - vnetCidrs: from `Microsoft.Network/virtualNetworks` resources of the same template; `az aks show` names only
 *    subnet IDs, so the issue says how to get their ranges.
 */
import { parseYamlText } from '../syntax/parse';
import type { Span, YMap, YNode } from '../syntax/tree';
import { parseCidr } from '../address/addressRange';
import type { ProfileIssue, ProfileIssueSeverity } from './readProfile';
import { checkConsistency } from './readProfile';
import type { AdvancedNetworkPolicies, ClusterProfile, HealthProbeMode, IngressControllerProfile, IstioIngressGatewayMode, NetworkPolicyEngine, OutboundType } from './types';
import { ADVANCED_NETWORK_POLICIES, HEALTH_PROBE_MODES, OUTBOUND_TYPES } from './keys';
import { AKS_AUTOMATIC } from '../kb/aksAutomatic';
import { aksRetirement } from '../kb/aksLifecycle';
import { ISTIO_REVISION_PATTERN } from '../kb/istioAddon';

export type AksSourceFormat = 'az-aks-show' | 'arm-template' | 'arm-resource';

export interface ImportedProfile {
  profile: ClusterProfile;
  /** Spans point into the imported JSON text. */
  issues: ProfileIssue[];
  format?: AksSourceFormat;
}

const MANAGED_CLUSTERS = 'microsoft.containerservice/managedclusters';
const VIRTUAL_NETWORKS = 'microsoft.network/virtualnetworks';

/** Namespaces and classes of the AKS-managed ingress controllers (see docs/profile.md for the sources). */
export const APP_ROUTING_CONTROLLER: IngressControllerProfile = { class: 'webapprouting.kubernetes.azure.com', namespace: 'app-routing-system' };
export const AGIC_CLASS = 'azure-application-gateway';

interface Found {
  node: YNode;
  /** Key path for messages and origins (`properties.networkProfile.networkPolicy`). */
  path: string;
}

/** What every step reading one cluster's JSON shares: the profile being built, its origins and issues, where the cluster is. */
interface ClusterReading {
  readonly out: ImportedProfile;
  readonly profile: ClusterProfile;
  readonly origins: Record<string, string>;
  /** The cluster's properties (the az output itself, or an ARM resource's `properties`) and their path prefix. */
  readonly props: YNode;
  readonly prefix: string;
  readonly network: YNode | undefined;
  /** The path of `networkProfile`, for messages. */
  readonly np: string;
  readonly pools: YNode[];
  issue(severity: ProfileIssueSeverity, key: string, message: string, span?: Span): void;
  origin(path: string): string;
  /** A string value, or undefined with an issue when it is an ARM expression. */
  literal(node: YNode | undefined, path: string, key: string): string | undefined;
}

/** Where the cluster is in the JSON: `owner` holds `sku` (the resource, or the az output itself), `ownerPath` its path prefix. */
interface LocatedCluster {
  props: YNode;
  prefix: string;
  owner: YNode;
  ownerPath: string;
  vnetRanges: { cidr: string; path: string }[];
}

export function importAksJson(text: string, source: string): ImportedProfile {
  const out: ImportedProfile = { profile: {}, issues: [] };
  const issue = (severity: ProfileIssueSeverity, key: string, message: string, span?: Span) => {
    const entry: ProfileIssue = { severity, key, message };
    if (span) entry.span = span;
    out.issues.push(entry);
  };
  const root = readRoot(text, source, issue);
  const cluster = root && locateCluster(root, source, out, issue);
  if (!cluster) return out;

  const origins: Record<string, string> = {};
  const { props, prefix } = cluster;
  const network = get(props, 'networkProfile');
  const literal = (node: YNode | undefined, path: string, key: string): string | undefined => {
    if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
    const value = String(node.value);
    if (isExpression(value)) {
      issue('warning', key, `\`${path}\` is an ARM expression (\`${value}\`), not evaluated: \`${key}\` stays unknown; state it in .netlens.yaml`, span(node));
      return undefined;
    }
    return value;
  };
  const reading: ClusterReading = {
    out,
    profile: out.profile,
    origins,
    props,
    prefix,
    network,
    np: `${prefix}networkProfile`,
    pools: itemsOf(get(props, 'agentPoolProfiles')),
    issue,
    origin: (path) => `${source}: ${path}`,
    literal,
  };
  const { np } = reading;
  const pluginNode = get(network, 'networkPlugin');
  const plugin = literal(pluginNode, `${np}.networkPlugin`, 'cluster.networkModel')?.toLowerCase();
  const modeNode = get(network, 'networkPluginMode');
  const mode = literal(modeNode, `${np}.networkPluginMode`, 'cluster.networkModel')?.toLowerCase();
  const dataplane = literal(get(network, 'networkDataplane'), `${np}.networkDataplane`, 'cluster.networkPolicyEngine')?.toLowerCase();

  readNetworkModel(reading, pluginNode, plugin, modeNode, mode);
  const policyNode = readPolicyEngine(reading, dataplane);
  readFirstCidr(reading, 'podCidr', 'podCidrs', 'podCidr');
  readFirstCidr(reading, 'serviceCidr', 'serviceCidrs', 'serviceCidr');
  readDnsAndOutbound(reading);
  readNodePools(reading);
  readLoadBalancerAndSecurity(reading);
  readSku(reading, cluster);
  readVnetRanges(reading, cluster.vnetRanges);
  readIngress(reading);
  reportRetirements(reading, { plugin, pluginNode, policyNode, dataplane });

  if (Object.keys(origins).length) out.profile.origins = origins;
  out.issues.push(...checkConsistency(out.profile));
  return out;
}

/** The one object to read: the document's root, or the first cluster of a list; undefined after an issue. */
function readRoot(text: string, source: string, issue: ClusterReading['issue']): YNode | undefined {
  const parsed = parseYamlText(text);
  for (const syntax of parsed.issues) if (syntax.severity === 'error') issue('error', '', syntax.message, syntax.span);
  let root: YNode | null = parsed.documents[0]?.root ?? null;
  if (!root) {
    issue('error', '', `${source} is empty: expected the JSON of \`az aks show -o json\` or an ARM template`);
    return undefined;
  }
  if (root.kind === 'seq') {
    const first = root.items.find((i) => i.kind === 'map');
    if (!first) {
      issue('error', '', `${source} is a list without a cluster`, span(root));
      return undefined;
    }
    if (root.items.length > 1) issue('info', '', `${source} lists ${root.items.length} clusters; the first is read`, span(first));
    root = first;
  }
  if (root.kind !== 'map') {
    issue('error', '', `${source} is not a JSON object: expected the JSON of \`az aks show -o json\` or an ARM template`, span(root));
    return undefined;
  }
  return root;
}

/** Which format the JSON is (sets `out.format`) and where its cluster is, with a template's VNet ranges. */
function locateCluster(root: YNode, source: string, out: ImportedProfile, issue: ClusterReading['issue']): LocatedCluster | undefined {
  const vnetRanges: { cidr: string; path: string }[] = [];
  const resources = get(root, 'resources');
  if (resources) {
    out.format = 'arm-template';
    const clusters: Found[] = [];
    walkResources(resources, 'resources', (resource, path) => {
      const type = stringAt(resource, 'type')?.toLowerCase();
      if (type === MANAGED_CLUSTERS) clusters.push({ node: resource, path });
      if (type === VIRTUAL_NETWORKS) {
        const prefixes = get(get(get(resource, 'properties'), 'addressSpace'), 'addressPrefixes');
        for (const [i, item] of itemsOf(prefixes).entries()) {
          const value = item.kind === 'scalar' && typeof item.value === 'string' ? item.value : undefined;
          const where = `${path}.properties.addressSpace.addressPrefixes[${i}]`;
          if (value === undefined) continue;
          if (isExpression(value)) issue('warning', 'cluster.vnetCidrs', `\`${where}\` is an ARM expression (\`${value}\`), not evaluated: that VNet range is unknown`, span(item));
          else if (parseCidr(value)) vnetRanges.push({ cidr: value, path: where });
        }
      }
    });
    if (clusters.length === 0) {
      issue('error', '', `${source} is a template without a Microsoft.ContainerService/managedClusters resource`, span(resources));
      return undefined;
    }
    if (clusters.length > 1) issue('warning', '', `${source} declares ${clusters.length} managed clusters; the first (${clusters[0]!.path}) is read`, span(clusters[1]!.node));
    const first = clusters[0]!;
    const props = get(first.node, 'properties');
    if (!props || props.kind !== 'map') {
      issue('error', '', `\`${first.path}\` has no properties object`, span(first.node));
      return undefined;
    }
    return { props, prefix: `${first.path}.properties.`, owner: first.node, ownerPath: `${first.path}.`, vnetRanges };
  }
  if (stringAt(root, 'type')?.toLowerCase() === MANAGED_CLUSTERS && get(root, 'properties')?.kind === 'map') {
    out.format = 'arm-resource';
    return { props: get(root, 'properties')!, prefix: 'properties.', owner: root, ownerPath: '', vnetRanges };
  }
  if (get(root, 'networkProfile') || get(root, 'agentPoolProfiles')) {
    out.format = 'az-aks-show';
    return { props: root, prefix: '', owner: root, ownerPath: '', vnetRanges };
  }
  issue('error', '', `${source} is neither \`az aks show -o json\` output (no networkProfile) nor an ARM template (no resources)`, span(root));
  return undefined;
}

/** networkPlugin (and its mode) -> overlay or flat. */
function readNetworkModel(r: ClusterReading, pluginNode: YNode | undefined, plugin: string | undefined, modeNode: YNode | undefined, mode: string | undefined): void {
  const { profile, origins, np } = r;
  const podSubnets = r.pools.map((p) => stringAt(p, 'podSubnetID')).filter((s): s is string => !!s && !isExpression(s));
  if (plugin === 'kubenet' || (plugin === 'azure' && mode === 'overlay')) {
    profile.networkModel = 'overlay';
    origins.networkModel = r.origin(plugin === 'kubenet' ? `${np}.networkPlugin (kubenet)` : `${np}.networkPluginMode (overlay)`);
  } else if (plugin === 'azure' && (modeNode === undefined || (modeNode.kind === 'scalar' && modeNode.value === null))) {
    profile.networkModel = 'flat';
    origins.networkModel = r.origin(`${np}.networkPlugin (azure${podSubnets.length ? ', pod subnet' : ', node subnet'})`);
  } else if (plugin === 'none') {
    r.issue('info', 'cluster.networkModel', `\`${np}.networkPlugin\` is \`none\` (bring your own CNI): the network model is unknown; state cluster.networkModel in .netlens.yaml`, span(pluginNode));
  } else if (plugin !== undefined) {
    r.issue('warning', 'cluster.networkModel', `\`${np}.networkPlugin\` \`${plugin}\`${mode ? ` with mode \`${mode}\`` : ''} is not a network plugin this import knows; cluster.networkModel stays unknown`, span(pluginNode));
  } else if (!pluginNode) {
    r.issue('info', 'cluster.networkModel', `\`${np}.networkPlugin\` is not set: the network model is unknown`, span(r.network ?? r.props));
  }
}

/** networkPolicy (or the Cilium dataplane, or its absence) -> the policy engine; returns the networkPolicy node. */
function readPolicyEngine(r: ClusterReading, dataplane: string | undefined): YNode | undefined {
  const { profile, origins, np, network } = r;
  const policyNode = get(network, 'networkPolicy');
  const policyPath = `${np}.networkPolicy`;
  const policyIsNull = !policyNode || (policyNode.kind === 'scalar' && policyNode.value === null);
  const policy = r.literal(policyNode, policyPath, 'cluster.networkPolicyEngine')?.toLowerCase();
  const policyExpression = policyNode?.kind === 'scalar' && typeof policyNode.value === 'string' && isExpression(policyNode.value);
  const engines: Record<string, NetworkPolicyEngine> = { azure: 'azure-npm', calico: 'calico', cilium: 'cilium', none: 'none' };
  if (policy !== undefined && engines[policy]) {
    profile.networkPolicyEngine = engines[policy]!;
    origins.networkPolicyEngine = r.origin(`${policyPath} (${policy})`);
    if (policy === 'cilium' && dataplane !== undefined && dataplane !== 'cilium') {
      r.issue('warning', 'cluster.networkPolicyEngine', `\`${policyPath}\` is \`cilium\` but networkDataplane is \`${dataplane}\`; AKS requires networkDataplane \`cilium\` for it`, span(policyNode));
    }
  } else if (policy !== undefined) {
    r.issue('warning', 'cluster.networkPolicyEngine', `\`${policyPath}\` \`${policy}\` is not a network policy engine this import knows; cluster.networkPolicyEngine stays unknown`, span(policyNode));
  } else if (policyIsNull && !policyExpression && network) {
    if (dataplane === 'cilium') {
      profile.networkPolicyEngine = 'cilium';
      origins.networkPolicyEngine = r.origin(`${np}.networkDataplane (cilium)`);
    } else {
      profile.networkPolicyEngine = 'none';
      origins.networkPolicyEngine = r.origin(`${policyPath} (not set: policies are not enforced)`);
    }
  }
  return policyNode;
}

/** The pod or service CIDR: the IPv4 one of a dual-stack list (the others reported). */
function readFirstCidr(r: ClusterReading, singular: string, plural: string, field: 'podCidr' | 'serviceCidr'): void {
  const { network, np } = r;
  const key = `cluster.${field}`;
  const one = r.literal(get(network, singular), `${np}.${singular}`, key);
  const many = itemsOf(get(network, plural))
    .map((n, i) => r.literal(n, `${np}.${plural}[${i}]`, key))
    .filter((s): s is string => s !== undefined && !!parseCidr(s));
  const candidates = [...(one && parseCidr(one) ? [one] : []), ...many.filter((m) => m !== one)];
  const chosen = candidates.find((c) => parseCidr(c)!.family === 4) ?? candidates[0];
  if (!chosen) return;
  r.profile[field] = chosen;
  r.origins[field] = r.origin(one === chosen ? `${np}.${singular}` : `${np}.${plural}`);
  const others = candidates.filter((c) => c !== chosen);
  if (others.length) r.issue('info', key, `dual-stack ${plural}: ${key} is ${chosen}; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not modelled`, span(get(network, plural) ?? network!));
}

function readDnsAndOutbound(r: ClusterReading): void {
  const { profile, origins, network, np } = r;
  const dns = r.literal(get(network, 'dnsServiceIP'), `${np}.dnsServiceIP`, 'cluster.dnsServiceIP');
  if (dns) {
    profile.dnsServiceIP = dns;
    origins.dnsServiceIP = r.origin(`${np}.${keyOf(network, 'dnsServiceIP') ?? 'dnsServiceIP'}`);
  }
  const outboundNode = get(network, 'outboundType');
  const outbound = r.literal(outboundNode, `${np}.outboundType`, 'cluster.outboundType');
  if (outbound !== undefined) {
    const known = OUTBOUND_TYPES.find((t) => t.toLowerCase() === outbound.toLowerCase());
    if (known) {
      profile.outboundType = known as OutboundType;
      origins.outboundType = r.origin(`${np}.outboundType`);
    } else {
      r.issue('info', 'cluster.outboundType', `\`${np}.outboundType\` \`${outbound}\` is not modelled (known: ${OUTBOUND_TYPES.join(', ')}); cluster.outboundType stays unknown`, span(outboundNode!));
    }
  }
}

/** Windows node pools, the Kubernetes version, LocalDNS. */
function readNodePools(r: ClusterReading): void {
  const { profile, origins, props, prefix, pools } = r;
  if (pools.length) {
    const osTypes = pools.map((p, i) => r.literal(get(p, 'osType'), `${prefix}agentPoolProfiles[${i}].osType`, 'cluster.windowsNodes'));
    const unknownOs = pools.some((p) => {
      const node = get(p, 'osType');
      return node?.kind === 'scalar' && typeof node.value === 'string' && isExpression(node.value);
    });
    if (osTypes.some((o) => o?.toLowerCase() === 'windows')) {
      profile.windowsNodes = true;
      origins.windowsNodes = r.origin(`${prefix}agentPoolProfiles[].osType (Windows)`);
    } else if (!unknownOs) {
      // osType defaults to Linux; Windows pools added later with `az aks nodepool add` are not in a template.
      profile.windowsNodes = false;
      origins.windowsNodes = r.origin(`${prefix}agentPoolProfiles[].osType`);
    }
  }
  const versionNode = get(props, 'currentKubernetesVersion') ?? get(props, 'kubernetesVersion');
  const version = r.literal(versionNode, `${prefix}${versionNode === get(props, 'currentKubernetesVersion') ? 'currentKubernetesVersion' : 'kubernetesVersion'}`, 'cluster.kubernetesVersion');
  if (version && /^\d+\.\d+(\.\d+)?$/.test(version)) {
    profile.kubernetesVersion = version;
    origins.kubernetesVersion = r.origin(`${prefix}${keyOf(props, 'currentKubernetesVersion') ?? keyOf(props, 'kubernetesVersion')}`);
  }

  const localDnsModes = pools.map((p, i) => r.literal(get(get(p, 'localDNSProfile'), 'mode'), `${prefix}agentPoolProfiles[${i}].localDNSProfile.mode`, 'cluster.localDns')?.toLowerCase());
  if (localDnsModes.some((m) => m === 'preferred' || m === 'required')) {
    profile.localDns = true;
    origins.localDns = r.origin(`${prefix}agentPoolProfiles[].localDNSProfile.mode`);
  } else if (localDnsModes.length && localDnsModes.every((m) => m === 'disabled')) {
    profile.localDns = false;
    origins.localDns = r.origin(`${prefix}agentPoolProfiles[].localDNSProfile.mode (Disabled)`);
  }
}

/** The load balancer's health probe mode and Advanced Container Networking Services policies. */
function readLoadBalancerAndSecurity(r: ClusterReading): void {
  const { profile, origins, network, np } = r;
  const probeModeNode = get(get(network, 'loadBalancerProfile'), 'clusterServiceLoadBalancerHealthProbeMode');
  const probeMode = r.literal(probeModeNode, `${np}.loadBalancerProfile.clusterServiceLoadBalancerHealthProbeMode`, 'cluster.clusterServiceLoadBalancerHealthProbeMode');
  if (probeMode !== undefined) {
    const known = HEALTH_PROBE_MODES.find((m) => m.toLowerCase() === probeMode.toLowerCase());
    if (known) {
      profile.clusterServiceLoadBalancerHealthProbeMode = known as HealthProbeMode;
      origins.clusterServiceLoadBalancerHealthProbeMode = r.origin(`${np}.loadBalancerProfile.clusterServiceLoadBalancerHealthProbeMode`);
    } else {
      r.issue('info', 'cluster.clusterServiceLoadBalancerHealthProbeMode', `\`${probeMode}\` is not a probe mode this import knows (${HEALTH_PROBE_MODES.join(', ')})`, span(probeModeNode!));
    }
  }

  const security = get(get(network, 'advancedNetworking'), 'security');
  if (!security) return;
  const policiesNode = get(security, 'advancedNetworkPolicies');
  const written = r.literal(policiesNode, `${np}.advancedNetworking.security.advancedNetworkPolicies`, 'cluster.advancedNetworkPolicies');
  const enabled = booleanAt(security, 'enabled');
  const known = written === undefined ? undefined : ADVANCED_NETWORK_POLICIES.find((p) => p.toLowerCase() === written.toLowerCase());
  if (enabled === false) {
    profile.advancedNetworkPolicies = 'None';
    origins.advancedNetworkPolicies = r.origin(`${np}.advancedNetworking.security.enabled (false)`);
  } else if (known) {
    profile.advancedNetworkPolicies = known as AdvancedNetworkPolicies;
    origins.advancedNetworkPolicies = r.origin(`${np}.advancedNetworking.security.advancedNetworkPolicies`);
  } else if (enabled === true && written === undefined) {
    // The API's default when security is enabled without a value.
    profile.advancedNetworkPolicies = 'FQDN';
    origins.advancedNetworkPolicies = r.origin(`${np}.advancedNetworking.security.enabled (FQDN by default)`);
  }
}

/** sku.name `Automatic` -> aksAutomatic, and AKS Automatic's defaults for the networking keys left unknown. */
function readSku(r: ClusterReading, cluster: LocatedCluster): void {
  const { profile, origins } = r;
  const skuNode = get(get(cluster.owner, 'sku'), 'name');
  const skuPath = `${cluster.ownerPath}sku.name`;
  const skuName = r.literal(skuNode, skuPath, 'cluster.aksAutomatic');
  if (skuName !== undefined) {
    profile.aksAutomatic = skuName.toLowerCase() === 'automatic';
    origins.aksAutomatic = r.origin(`${skuPath} (${skuName})`);
  }
  if (!profile.aksAutomatic) return;
  const defaulted = (field: 'networkModel' | 'networkPolicyEngine' | 'outboundType' | 'localDns', value: never) => {
    if (profile[field] !== undefined) return;
    (profile as Record<string, unknown>)[field] = value;
    origins[field] = r.origin(`${skuPath} (Automatic: ${String(value)} by default)`);
  };
  defaulted('networkModel', AKS_AUTOMATIC.networkModel as never);
  defaulted('networkPolicyEngine', AKS_AUTOMATIC.networkPolicyEngine as never);
  defaulted('outboundType', AKS_AUTOMATIC.outboundType as never);
  defaulted('localDns', AKS_AUTOMATIC.localDns as never);
}

/** The VNet ranges of the template; otherwise an issue saying how to find the ranges of the named subnets. */
function readVnetRanges(r: ClusterReading, vnetRanges: readonly { cidr: string; path: string }[]): void {
  const { profile, origins, pools, props } = r;
  if (vnetRanges.length) {
    profile.vnetCidrs = [...new Set(vnetRanges.map((v) => v.cidr))];
    origins.vnetCidrs = r.origin(vnetRanges.length === 1 ? vnetRanges[0]!.path : 'resources[type=Microsoft.Network/virtualNetworks].properties.addressSpace.addressPrefixes');
    return;
  }
  const subnets = [...new Set(pools.map((p) => stringAt(p, 'vnetSubnetID')).filter((s): s is string => !!s && !isExpression(s)))];
  if (subnets.length) {
    const names = subnets.map(subnetLabel).join(', ');
    r.issue('info', 'cluster.vnetCidrs', `the node subnet${subnets.length > 1 ? 's' : ''} ${names} ${subnets.length > 1 ? 'are' : 'is'} named, but VNet address ranges are not part of this JSON: state cluster.vnetCidrs (\`az network vnet show --ids <VNet ID> --query addressSpace.addressPrefixes\`)`, span(get(pools[0]!, 'vnetSubnetID')!));
  } else if (pools.length && r.out.format !== 'arm-template') {
    r.issue('info', 'cluster.vnetCidrs', 'no agent pool names a vnetSubnetID: AKS created and manages the VNet; its ranges are not in this JSON (state cluster.vnetCidrs)', span(get(props, 'agentPoolProfiles')!));
  }
}

/** Application routing (NGINX and its Gateway API implementation), the Istio add-on, AGIC. */
function readIngress(r: ClusterReading): void {
  const { profile, origins, props, prefix } = r;
  const controllers: IngressControllerProfile[] = [];
  const controllerOrigins: string[] = [];
  const webAppRouting = get(get(props, 'ingressProfile'), 'webAppRouting');
  if (booleanAt(webAppRouting, 'enabled') === true) {
    controllers.push({ ...APP_ROUTING_CONTROLLER });
    controllerOrigins.push(`${prefix}ingressProfile.webAppRouting.enabled`);
  }
  const gatewayApiImplementation = get(get(get(webAppRouting, 'gatewayAPIImplementations'), 'appRoutingIstio'), 'mode');
  const appRoutingIstio = r.literal(gatewayApiImplementation, `${prefix}ingressProfile.webAppRouting.gatewayAPIImplementations.appRoutingIstio.mode`, 'cluster.appRoutingGatewayApi')?.toLowerCase();
  if (appRoutingIstio === 'enabled' || appRoutingIstio === 'disabled') {
    profile.appRoutingGatewayApi = appRoutingIstio === 'enabled';
    origins.appRoutingGatewayApi = r.origin(`${prefix}ingressProfile.webAppRouting.gatewayAPIImplementations.appRoutingIstio.mode`);
  }
  const mesh = get(props, 'serviceMeshProfile');
  if (stringAt(mesh, 'mode')?.toLowerCase() === 'istio') {
    const revisionsNode = get(get(mesh, 'istio'), 'revisions');
    const revisions = itemsOf(revisionsNode)
      .map((n, i) => r.literal(n, `${prefix}serviceMeshProfile.istio.revisions[${i}]`, 'cluster.istioRevisions'))
      .filter((rev): rev is string => rev !== undefined && ISTIO_REVISION_PATTERN.test(rev));
    if (revisions.length) {
      profile.istioRevisions = revisions;
      origins.istioRevisions = r.origin(`${prefix}serviceMeshProfile.istio.revisions`);
    } else {
      r.issue('info', 'cluster.istioRevisions', `the Istio add-on is enabled (\`${prefix}serviceMeshProfile.mode\`), but its revision is not in this JSON: state cluster.istioRevisions (\`az aks show --query serviceMeshProfile.istio.revisions\`)`, span(mesh!));
    }
    const gateways: IstioIngressGatewayMode[] = [];
    for (const gateway of itemsOf(get(get(get(mesh, 'istio'), 'components'), 'ingressGateways'))) {
      const mode = stringAt(gateway, 'mode')?.toLowerCase();
      if (booleanAt(gateway, 'enabled') === true && (mode === 'external' || mode === 'internal') && !gateways.includes(mode)) gateways.push(mode);
    }
    profile.istioIngressGateways = gateways;
    origins.istioIngressGateways = r.origin(`${prefix}serviceMeshProfile.istio.components.ingressGateways`);
  }
  const agic = get(get(props, 'addonProfiles'), 'ingressApplicationGateway');
  if (booleanAt(agic, 'enabled') === true) {
    const subnetNode = get(get(agic, 'config'), 'subnetCIDR');
    const subnet = r.literal(subnetNode, `${prefix}addonProfiles.ingressApplicationGateway.config.subnetCIDR`, 'ingressControllers');
    if (subnet && parseCidr(subnet)) {
      controllers.push({ class: AGIC_CLASS, subnetCidr: subnet });
      controllerOrigins.push(`${prefix}addonProfiles.ingressApplicationGateway.config.subnetCIDR`);
    } else if (!subnetNode) {
      r.issue('info', 'ingressControllers', `the Application Gateway Ingress Controller add-on is enabled, but its subnet is not in this JSON: add {class: ${AGIC_CLASS}, subnetCidr: <Application Gateway subnet>} to ingressControllers`, span(agic!));
    }
  }
  if (controllers.length) {
    profile.ingressControllers = controllers;
    origins.ingressControllers = r.origin(controllerOrigins.join(', '));
  }
}

/** Retirements the cluster runs into (kubenet, Azure NPM) and Cilium with Windows node pools. */
function reportRetirements(r: ClusterReading, seen: { plugin: string | undefined; pluginNode: YNode | undefined; policyNode: YNode | undefined; dataplane: string | undefined }): void {
  const { profile } = r;
  if (seen.plugin === 'kubenet') r.issue('info', 'cluster.networkModel', aksRetirement('kubenet').text, span(seen.pluginNode));
  if (profile.networkPolicyEngine === 'azure-npm') {
    r.issue('info', 'cluster.networkPolicyEngine', `${aksRetirement('npm-linux').text}${profile.windowsNodes === true ? '' : ` ${aksRetirement('npm-windows').text}`}`, span(seen.policyNode));
  }
  if (seen.dataplane === 'cilium' && profile.windowsNodes === true && profile.networkPolicyEngine !== 'cilium') {
    r.issue('warning', 'cluster.windowsNodes', 'the cluster uses the Cilium dataplane and has Windows node pools, which AKS does not support with Cilium', span(get(r.props, 'agentPoolProfiles')));
  }
}

/** `[parameters('x')]` and friends; `[[` escapes a literal bracket. */
export function isExpression(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') && !trimmed.startsWith('[[');
}

/**
 * Every resource of a template, nested deployments included. A resource (or list) reached again through an alias is
 * visited once: the tree shares aliased nodes, and a template whose `resources` alias one another would otherwise be
 * walked once per path, exponentially many.
 */
function walkResources(node: YNode, path: string, visit: (resource: YMap, path: string) => void, seen: Set<YNode> = new Set()): void {
  if (seen.has(node)) return;
  seen.add(node);
  // languageVersion 2.0 (Bicep with symbolic names) makes `resources` a map from name to resource.
  const entries: [string, YNode][] =
    node.kind === 'seq' ? node.items.map((item, i) => [`${path}[${i}]`, item]) : node.kind === 'map' ? node.pairs.filter((p) => p.key && p.value).map((p) => [`${path}.${String(p.key!.value)}`, p.value!]) : [];
  for (const [itemPath, item] of entries) {
    if (item.kind !== 'map' || seen.has(item)) continue;
    seen.add(item);
    const name = stringAt(item, 'name');
    const label = name && !isExpression(name) && node.kind === 'seq' ? `${path}[name=${name}]` : itemPath;
    visit(item, label);
    const nested = get(item, 'resources');
    if (nested) walkResources(nested, `${label}.resources`, visit, seen);
    // Nested deployments (Bicep modules) carry their own template.
    const template = get(get(item, 'properties'), 'template');
    const inner = get(template, 'resources');
    if (inner) walkResources(inner, `${label}.properties.template.resources`, visit, seen);
  }
}

function get(node: YNode | null | undefined, key: string): YNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const lower = key.toLowerCase();
  for (const pair of node.pairs) if (pair.key && String(pair.key.value).toLowerCase() === lower) return pair.value ?? undefined;
  return undefined;
}

/** The key as spelled in the file (`dnsServiceIp` in az output, `dnsServiceIP` in ARM). */
function keyOf(node: YNode | null | undefined, key: string): string | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const lower = key.toLowerCase();
  for (const pair of node.pairs) if (pair.key && String(pair.key.value).toLowerCase() === lower) return String(pair.key.value);
  return undefined;
}

function stringAt(node: YNode | null | undefined, key: string): string | undefined {
  const value = get(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

function booleanAt(node: YNode | null | undefined, key: string): boolean | undefined {
  const value = get(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'boolean' ? value.value : undefined;
}

function itemsOf(node: YNode | null | undefined): YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

function span(node: YNode | undefined): Span | undefined {
  return node ? { start: node.start, end: node.end } : undefined;
}

/** `.../virtualNetworks/vnet/subnets/nodes` -> `vnet/nodes`. */
function subnetLabel(id: string): string {
  const match = /virtualNetworks\/([^/]+)\/subnets\/([^/]+)/i.exec(id);
  return match ? `\`${match[1]}/${match[2]}\`` : `\`${id}\``;
}
