/**
 * The cluster profile: facts about the AKS cluster the manifests will run on, which the manifests themselves do not
 * say (is NetworkPolicy enforced, by which engine, how pods get addresses, what leaves the cluster). The user states
 * them once (`.netlens.yaml`, settings, or an imported `az aks show` / ARM JSON); rules and hovers read them.
 * Every field is optional: an unknown fact makes the analysis say less, never guess.
 */
export type NetworkModel = 'overlay' | 'flat';
export type NetworkPolicyEngine = 'none' | 'azure-npm' | 'calico' | 'cilium';
export type OutboundType = 'loadBalancer' | 'managedNATGateway' | 'userAssignedNATGateway' | 'userDefinedRouting';

export interface IngressControllerProfile {
  /** The IngressClass or GatewayClass name it serves (e.g. `webapprouting.kubernetes.azure.com`, `azure-alb-external`). */
  class: string;
  /** Namespace of its pods, for in-cluster controllers (NetworkPolicy peers select it). */
  namespace?: string;
  /** Source subnet of an Azure-hosted controller (Application Gateway for Containers), for ipBlock peers. */
  subnetCidr?: string;
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
  /** Where each value came from (a file and key path, or a setting), for hovers and messages. */
  origins?: Record<string, string>;
}
