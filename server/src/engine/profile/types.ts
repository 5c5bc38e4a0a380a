/**
 * The cluster profile: facts about the AKS cluster the manifests will run on, which the manifests themselves do not
 * say (is NetworkPolicy enforced, by which engine, how pods get addresses, what leaves the cluster). The user states
 * them once (`.netlens.yaml`, settings, or an imported `az aks show` / ARM JSON); rules and hovers read them.
 * Every field is optional: an unknown fact makes the analysis say less, never guess.
 */
export type NetworkModel = 'overlay' | 'flat';
export type NetworkPolicyEngine = 'none' | 'azure-npm' | 'calico' | 'cilium';
export type OutboundType = 'loadBalancer' | 'managedNATGateway' | 'userAssignedNATGateway' | 'userDefinedRouting';
/** How Azure load balancers probe externalTrafficPolicy Cluster Services (`loadBalancerProfile.clusterServiceLoadBalancerHealthProbeMode`). */
export type HealthProbeMode = 'ServiceNodePort' | 'Shared';
/** Advanced Container Networking Services policies on Cilium (`networkProfile.advancedNetworking.security.advancedNetworkPolicies`). */
export type AdvancedNetworkPolicies = 'None' | 'FQDN' | 'L7';
/** The Istio add-on's ingress gateways (`serviceMeshProfile.istio.components.ingressGateways[].mode`). */
export type IstioIngressGatewayMode = 'external' | 'internal';

export interface IngressControllerProfile {
  /** The IngressClass or GatewayClass name it serves (e.g. `webapprouting.kubernetes.azure.com`, `azure-alb-external`). */
  class: string;
  /** Namespace of its pods, for in-cluster controllers (NetworkPolicy peers select it). */
  namespace?: string;
  /** Source subnet of an Azure-hosted controller (Application Gateway for Containers), for ipBlock peers. */
  subnetCidr?: string;
  /** Labels every pod of an in-cluster controller carries (with `namespace`), for podSelector peers. */
  podLabels?: Record<string, string>;
}

export interface ClusterProfile {
  networkModel?: NetworkModel;
  podCidr?: string;
  serviceCidr?: string;
  dnsServiceIP?: string;
  /** VNet and node subnet CIDRs. */
  vnetCidrs?: string[];
  networkPolicyEngine?: NetworkPolicyEngine;
  outboundType?: OutboundType;
  ingressControllers?: IngressControllerProfile[];
  defaultNamespace?: string;
  /**
   * Whether the cluster has Windows node pools (`agentPoolProfiles[].osType: Windows`). Azure NPM on Windows
   * supports less of the NetworkPolicy API; Cilium does not run on Windows at all. Absent = unknown.
   */
  windowsNodes?: boolean;
  /** Kubernetes version (`1.31` or `1.31.2`): decides which Cilium version AKS runs (endPort needs Cilium 1.16+). */
  kubernetesVersion?: string;
  /**
   * Whether pods resolve DNS through LocalDNS, AKS's node-local DNS proxy (169.254.10.10/11): then DNS egress goes to
   * the node, not to kube-dns pods. Preconfigured on AKS Automatic, per node pool on AKS Standard.
   */
  localDns?: boolean;
  /** Whether the application routing add-on's Gateway API implementation (GatewayClass `approuting-istio`) is enabled. */
  appRoutingGatewayApi?: boolean;
  /**
   * `Shared`: every externalTrafficPolicy Cluster Service is probed through one HTTP probe on kube-proxy's port
   * 10256 (`/healthz`), so per-Service probe annotations do not apply to them. `ServiceNodePort` (the default): each
   * port gets its own probe.
   */
  clusterServiceLoadBalancerHealthProbeMode?: HealthProbeMode;
  /** Cilium's FQDN / L7 policies from Advanced Container Networking Services (`None` when not enabled). */
  advancedNetworkPolicies?: AdvancedNetworkPolicies;
  /** Control plane revisions of the Istio service mesh add-on (`asm-1-27`); set means the add-on is enabled. */
  istioRevisions?: string[];
  /** The Istio add-on's enabled ingress gateways. */
  istioIngressGateways?: IstioIngressGatewayMode[];
  /** Whether the cluster is AKS Automatic (`sku.name: Automatic`), whose networking defaults the import assumed. */
  aksAutomatic?: boolean;
  /** Where each value came from (a file and key path, or a setting), for hovers and messages. */
  origins?: Record<string, string>;
}
