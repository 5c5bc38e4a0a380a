/**
 * The keys of a cluster profile, one table shared by `.netlens.yaml`, the editor settings (`netlens.<key>`), the
 * docs and completion: the portable names, what each value must be, and what each changes in the analysis.
 */
import type { AdvancedNetworkPolicies, HealthProbeMode, IstioIngressGatewayMode, NetworkModel, NetworkPolicyEngine, OutboundType } from './types';

export type ProfileKeyKind = 'enum' | 'cidr' | 'ip' | 'cidrList' | 'namespace' | 'ingressControllers' | 'path' | 'boolean' | 'version' | 'enumList' | 'revisionList';

export interface ProfileKey {
  /** The portable key: `cluster.networkModel`; in settings `netlens.cluster.networkModel`. */
  path: string;
  /** The ClusterProfile field it fills (`importFrom` fills none: it names a file to read). */
  field:
    | 'networkModel'
    | 'podCidr'
    | 'serviceCidr'
    | 'dnsServiceIP'
    | 'vnetCidrs'
    | 'networkPolicyEngine'
    | 'outboundType'
    | 'importFrom'
    | 'ingressControllers'
    | 'defaultNamespace'
    | 'windowsNodes'
    | 'kubernetesVersion'
    | 'localDns'
    | 'appRoutingGatewayApi'
    | 'clusterServiceLoadBalancerHealthProbeMode'
    | 'advancedNetworkPolicies'
    | 'istioRevisions'
    | 'istioIngressGateways'
    | 'aksAutomatic';
  kind: ProfileKeyKind;
  values?: readonly string[];
  /** One line for docs, hovers and completion. */
  summary: string;
  example: string;
}

export const NETWORK_MODELS: readonly NetworkModel[] = ['overlay', 'flat'];
export const NETWORK_POLICY_ENGINES: readonly NetworkPolicyEngine[] = ['none', 'azure-npm', 'calico', 'cilium'];
export const OUTBOUND_TYPES: readonly OutboundType[] = ['loadBalancer', 'managedNATGateway', 'userAssignedNATGateway', 'userDefinedRouting'];
export const HEALTH_PROBE_MODES: readonly HealthProbeMode[] = ['ServiceNodePort', 'Shared'];
export const ADVANCED_NETWORK_POLICIES: readonly AdvancedNetworkPolicies[] = ['None', 'FQDN', 'L7'];
export const ISTIO_INGRESS_GATEWAY_MODES: readonly IstioIngressGatewayMode[] = ['external', 'internal'];

export const PROFILE_KEYS: readonly ProfileKey[] = [
  {
    path: 'cluster.networkModel',
    field: 'networkModel',
    kind: 'enum',
    values: NETWORK_MODELS,
    summary: 'How pods get addresses: `overlay` (kubenet, Azure CNI Overlay: a private pod CIDR, SNAT to the node IP when leaving the cluster) or `flat` (Azure CNI node subnet or pod subnet: pod IPs are VNet IPs).',
    example: 'overlay',
  },
  { path: 'cluster.podCidr', field: 'podCidr', kind: 'cidr', summary: 'The pod address range (`--pod-cidr`; under `flat`, the pod subnet if there is one).', example: '10.244.0.0/16' },
  { path: 'cluster.serviceCidr', field: 'serviceCidr', kind: 'cidr', summary: 'The ClusterIP range (`--service-cidr`).', example: '10.0.0.0/16' },
  { path: 'cluster.dnsServiceIP', field: 'dnsServiceIP', kind: 'ip', summary: 'The ClusterIP of kube-dns (`--dns-service-ip`), inside the service CIDR.', example: '10.0.0.10' },
  { path: 'cluster.vnetCidrs', field: 'vnetCidrs', kind: 'cidrList', summary: 'Address ranges of the VNet and the node subnet(s): where internal load balancer IPs come from, and (under `flat`) pod IPs.', example: '[10.224.0.0/12]' },
  {
    path: 'cluster.networkPolicyEngine',
    field: 'networkPolicyEngine',
    kind: 'enum',
    values: NETWORK_POLICY_ENGINES,
    summary: 'Which engine enforces NetworkPolicies (`--network-policy`): `none` (policies do nothing), `azure-npm`, `calico` or `cilium`.',
    example: 'cilium',
  },
  { path: 'cluster.outboundType', field: 'outboundType', kind: 'enum', values: OUTBOUND_TYPES, summary: 'How traffic leaves the cluster (`--outbound-type`).', example: 'managedNATGateway' },
  { path: 'cluster.windowsNodes', field: 'windowsNodes', kind: 'boolean', summary: 'Whether the cluster has Windows node pools (Azure NPM supports less of the NetworkPolicy API there).', example: 'false' },
  { path: 'cluster.kubernetesVersion', field: 'kubernetesVersion', kind: 'version', summary: 'The Kubernetes version (`1.31`): AKS runs Cilium 1.16+ from 1.31 on, which is when `endPort` is enforced.', example: '"1.31"' },
  { path: 'cluster.localDns', field: 'localDns', kind: 'boolean', summary: 'Whether pods resolve DNS through LocalDNS, the node-local DNS proxy at 169.254.10.10/11 (preconfigured on AKS Automatic): DNS egress then goes to the node, not to kube-dns pods.', example: 'true' },
  { path: 'cluster.appRoutingGatewayApi', field: 'appRoutingGatewayApi', kind: 'boolean', summary: 'Whether the application routing add-on\'s Gateway API implementation (GatewayClass `approuting-istio`) is enabled; it cannot run beside the Istio add-on.', example: 'true' },
  {
    path: 'cluster.clusterServiceLoadBalancerHealthProbeMode',
    field: 'clusterServiceLoadBalancerHealthProbeMode',
    kind: 'enum',
    values: HEALTH_PROBE_MODES,
    summary: 'How Azure load balancers probe externalTrafficPolicy Cluster Services: `ServiceNodePort` (per port, the default) or `Shared` (one probe of kube-proxy on 10256 `/healthz`; probe annotations do not apply).',
    example: 'Shared',
  },
  { path: 'cluster.advancedNetworkPolicies', field: 'advancedNetworkPolicies', kind: 'enum', values: ADVANCED_NETWORK_POLICIES, summary: 'Cilium FQDN or L7 policies from Advanced Container Networking Services: `None`, `FQDN` or `L7`.', example: 'FQDN' },
  { path: 'cluster.istioRevisions', field: 'istioRevisions', kind: 'revisionList', summary: 'Revisions of the Istio service mesh add-on (`asm-1-27`; two during a canary upgrade). Set means the add-on is enabled; namespaces join the mesh with `istio.io/rev: <revision>`.', example: '[asm-1-27]' },
  { path: 'cluster.istioIngressGateways', field: 'istioIngressGateways', kind: 'enumList', values: ISTIO_INGRESS_GATEWAY_MODES, summary: 'The Istio add-on\'s ingress gateways that are enabled: `external` (`aks-istio-ingressgateway-external`) and/or `internal`, in `aks-istio-ingress`.', example: '[external]' },
  { path: 'cluster.aksAutomatic', field: 'aksAutomatic', kind: 'boolean', summary: 'Whether the cluster is AKS Automatic (Azure CNI Overlay with Cilium, LocalDNS, managed NAT gateway, application routing for ingress).', example: 'false' },
  { path: 'cluster.importFrom', field: 'importFrom', kind: 'path', summary: 'A JSON file to read the cluster facts from: `az aks show -o json` output or an ARM/Bicep-compiled template. Keys written in this file override what it says.', example: './infra/aks.json' },
  {
    path: 'ingressControllers',
    field: 'ingressControllers',
    kind: 'ingressControllers',
    summary: 'The ingress controllers and where their traffic comes from: `{class, namespace}` for in-cluster controllers, `{class, subnetCidr}` for Azure-hosted ones (Application Gateway for Containers).',
    example: '[{class: webapprouting.kubernetes.azure.com, namespace: app-routing-system}]',
  },
  { path: 'defaultNamespace', field: 'defaultNamespace', kind: 'namespace', summary: 'Namespace of manifests without `metadata.namespace` (what `kubectl apply` would use).', example: 'default' },
];

/** Keys under `cluster:` (without the prefix), for did-you-mean. */
export const CLUSTER_KEYS: readonly string[] = PROFILE_KEYS.filter((k) => k.path.startsWith('cluster.')).map((k) => k.path.slice('cluster.'.length));
export const TOP_LEVEL_KEYS: readonly string[] = ['cluster', ...PROFILE_KEYS.filter((k) => !k.path.includes('.')).map((k) => k.path)];
