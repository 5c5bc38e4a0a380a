/**
 * Where pods send their DNS queries, as NetworkPolicies see it:
 *  - the kube-dns pods (CoreDNS on AKS: Deployment `coredns` in `kube-system`, pods labelled `k8s-app: kube-dns`,
 *    container ports `dns` 53/UDP, `dns-tcp` 53/TCP and `metrics` 9153/TCP; see Azure/aks-engine
 *    parts/k8s/addons/coredns.yaml and kubernetes cluster/addons/dns/coredns/coredns.yaml.base). Pods resolve names
 *    through the kube-dns Service, whose ClusterIP is translated to a kube-dns pod before policies are applied, so it
 *    is the pods that egress rules must admit. When the workspace does not declare them (the usual case: AKS manages
 *    them), they are implied;
 *  - with AKS LocalDNS on (profile `cluster.localDns: true`), a DNS proxy on the pod's own node at 169.254.10.11
 *    (kb/ingressPlacement.ts): egress rules must admit that instead, and how engines treat a pod's traffic to its own
 *    node differs (netpol/evaluate.ts).
 */
import { LOCAL_DNS, LOCAL_DNS_PAGE } from '../kb/localDns';
import type { ContainerPort } from '../model/resources';
import { parseCidr, type AddressRange } from '../netpol/addressSet';
import type { NetpolModel } from '../netpol/model';
import type { PodClass } from '../netpol/podClasses';
import { syntheticPodClass } from '../netpol/syntheticPods';
import type { ClusterProfile } from '../profile/types';

export const KUBE_DNS_NAMESPACE = 'kube-system';
export const KUBE_DNS_LABEL_KEY = 'k8s-app';
export const KUBE_DNS_LABEL_VALUE = 'kube-dns';
export const DNS_PORT = 53;

const SPAN = { start: 0, end: 0 };
const COREDNS_PORTS: readonly ContainerPort[] = [
  { name: 'dns', containerPort: DNS_PORT, protocol: 'UDP', span: SPAN },
  { name: 'dns-tcp', containerPort: DNS_PORT, protocol: 'TCP', span: SPAN },
  { name: 'metrics', containerPort: 9153, protocol: 'TCP', span: SPAN },
];

export type ClusterDns =
  | {
      readonly kind: 'kube-dns';
      readonly classes: readonly PodClass[];
      /** True when the workspace declares no kube-dns pods and the cluster's own are assumed. */
      readonly implied: boolean;
      readonly name: string;
    }
  | { readonly kind: 'local-dns'; readonly address: AddressRange; readonly name: string; readonly source: string };

export function clusterDnsOf(model: NetpolModel, profile: ClusterProfile): ClusterDns {
  if (profile.localDns === true) {
    return { kind: 'local-dns', address: parseCidr(`${LOCAL_DNS.podAddress}/32`)!, name: `the node-local DNS (AKS LocalDNS, ${LOCAL_DNS.podAddress} on each pod's own node)`, source: LOCAL_DNS_PAGE.source };
  }
  const declared = model.classesIn(KUBE_DNS_NAMESPACE).filter((c) => c.labels[KUBE_DNS_LABEL_KEY] === KUBE_DNS_LABEL_VALUE);
  const name = `cluster DNS (kube-dns: pods with ${KUBE_DNS_LABEL_KEY}=${KUBE_DNS_LABEL_VALUE} in ${KUBE_DNS_NAMESPACE})`;
  if (declared.length > 0) return { kind: 'kube-dns', classes: declared, implied: false, name };
  return { kind: 'kube-dns', classes: [syntheticPodClass(KUBE_DNS_NAMESPACE, { [KUBE_DNS_LABEL_KEY]: KUBE_DNS_LABEL_VALUE }, COREDNS_PORTS)], implied: true, name };
}
