/**
 * What an AKS Automatic cluster (`sku.name: Automatic`) sets up for networking, as the AKS Automatic overview lists
 * it: what the profile import may assume when the JSON it reads leaves a key out.
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export interface AksAutomaticDefaults extends Sourced {
  networkModel: 'overlay';
  networkPolicyEngine: 'cilium';
  /** Egress of the managed VNet (a custom VNet may choose another outbound type). */
  outboundType: 'managedNATGateway';
  localDns: true;
  /** From this Kubernetes minor on, ingress is the application routing Gateway API mode; before it, managed NGINX. */
  appRoutingGatewayApiFrom: readonly [number, number];
  doc: string;
}

export const AKS_AUTOMATIC: AksAutomaticDefaults = {
  networkModel: 'overlay',
  networkPolicyEngine: 'cilium',
  outboundType: 'managedNATGateway',
  localDns: true,
  appRoutingGatewayApiFrom: [1, 36],
  doc: 'AKS Automatic clusters use Azure CNI Overlay powered by Cilium (a managed VNet by default), a managed NAT gateway for egress with the managed VNet, LocalDNS (preconfigured), and the application routing add-on for ingress: its Gateway API mode for new clusters from AKS 1.36, managed NGINX before.',
  source: 'https://learn.microsoft.com/azure/aks/intro-aks-automatic',
  checked: DECEMBER_2026_REVIEW,
};
