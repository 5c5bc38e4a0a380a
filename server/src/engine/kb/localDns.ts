/**
 * LocalDNS: AKS's node-local DNS proxy. With it, pods send DNS queries to a link-local address on their own node
 * instead of kube-dns's ClusterIP, which changes what an egress NetworkPolicy must allow for DNS to keep working.
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export interface LocalDnsFacts extends Sourced {
  /** The addresses pods query (the `SERVER` an nslookup shows). */
  addresses: readonly string[];
  /** The range a policy can allow for them. */
  cidr: string;
  /**
   * The address a pod with dnsPolicy ClusterFirst queries (kubelet and dnsPolicy Default pods use 169.254.10.10):
   * https://learn.microsoft.com/azure/aks/localdns-custom (the SERVER answering), Azure/AgentBaker's localdns scripts
   * (CLUSTER_IP=169.254.10.11).
   */
  podAddress: string;
  doc: string;
}

export const LOCAL_DNS: LocalDnsFacts = {
  addresses: ['169.254.10.10', '169.254.10.11'],
  cidr: '169.254.10.0/24',
  podAddress: '169.254.10.11',
  doc:
    'With LocalDNS a `localdns` service on every node answers pods\' DNS queries at 169.254.10.10 or 169.254.10.11 and forwards to CoreDNS or the VNet DNS itself. ' +
    'It is preconfigured on AKS Automatic and optional on AKS Standard (per node pool, Kubernetes 1.33+, not on Windows node pools). ' +
    'A pod\'s DNS traffic then goes to the node-local address, not to kube-dns pods: egress policies must allow UDP and TCP 53 to 169.254.10.0/24 (with Cilium, as a CIDR or the `host` entity).',
  source: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium',
  checked: DECEMBER_2026_REVIEW,
};

/** The LocalDNS page (how it is enabled, its modes and limits). */
export const LOCAL_DNS_PAGE = { source: 'https://learn.microsoft.com/azure/aks/aks-local-dns', checked: DECEMBER_2026_REVIEW } as const satisfies Sourced;
