/**
 * End-of-support dates of AKS networking features that the cluster profile can name, stated as of the review date
 * (each entry's `checked`): what ended or ends when, and what replaces it. Shown where the profile shows the engine
 * or network model, and by the profile import.
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export interface AksRetirement extends Sourced {
  id: 'npm-windows' | 'npm-linux' | 'kubenet' | 'app-routing-nginx' | 'basic-load-balancer' | 'http-application-routing';
  /** ISO date support ends or ended. */
  date: string;
  /** One sentence, true as of `checked`. */
  text: string;
  /** Set when the stored sources do not confirm the date themselves (said in the text too). */
  unconfirmed?: string;
}

export const AKS_RETIREMENTS: readonly AksRetirement[] = [
  {
    id: 'npm-windows',
    date: '2026-09-30',
    text: 'Azure Network Policy Manager on Windows nodes is out of support since 30 September 2026 (no new onboarding); use Calico or node-level network security groups for Windows pods.',
    source: 'https://github.com/Azure/AKS/issues/3129',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'npm-linux',
    date: '2028-09-30',
    text: 'Azure Network Policy Manager on Linux nodes is announced to lose support on 30 September 2028; AKS documents the migration to Cilium (Azure CNI Powered by Cilium), whose policy semantics differ (ipBlock and pod/node IPs, node egress, named ports).',
    unconfirmed: 'the stored AKS pages do not state the 2028 date; it comes from a copy of the Azure support guide for NPM',
    source: 'https://learn.microsoft.com/azure/aks/migrate-from-npm-to-cilium-network-policy',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'kubenet',
    date: '2028-03-31',
    text: 'kubenet networking retires on 31 March 2028; AKS recommends Azure CNI Overlay (with the Cilium dataplane).',
    source: 'https://github.com/Azure/AKS/issues/4859',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'app-routing-nginx',
    date: '2026-11-30',
    text: 'The application routing add-on\'s managed NGINX stopped receiving Azure support after November 2026; its successor is the add-on\'s Gateway API mode (GatewayClass `approuting-istio`).',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'basic-load-balancer',
    date: '2025-09-30',
    text: 'AKS no longer supports the Basic load balancer since 30 September 2025.',
    source: 'https://learn.microsoft.com/azure/aks/upgrade-basic-load-balancer-on-aks',
    checked: DECEMBER_2026_REVIEW,
  },
  {
    id: 'http-application-routing',
    date: '2025-03-03',
    text: 'The HTTP application routing add-on (preview) was retired on 3 March 2025.',
    source: 'https://learn.microsoft.com/azure/aks/app-routing-migration',
    checked: DECEMBER_2026_REVIEW,
  },
];

export function aksRetirement(id: AksRetirement['id']): AksRetirement {
  return AKS_RETIREMENTS.find((r) => r.id === id)!;
}
