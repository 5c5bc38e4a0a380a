/**
 * Cluster DNS as NetworkPolicies see it: the kube-dns pods (CoreDNS on AKS: Deployment `coredns` in `kube-system`,
 * pods labelled `k8s-app: kube-dns`, container ports `dns` 53/UDP, `dns-tcp` 53/TCP and `metrics` 9153/TCP; see
 * Azure/aks-engine parts/k8s/addons/coredns.yaml and kubernetes cluster/addons/dns/coredns/coredns.yaml.base), and
 * whether a pod's egress admits DNS queries to them. Pods resolve names through the kube-dns Service, whose
 * ClusterIP is translated to a kube-dns pod before policies are applied, so it is the pods that egress rules must
 * admit. When the workspace does not declare those pods (the usual case: AKS manages them), they are implied.
 */
import type { ContainerPort } from '../model/resources';
import { evaluateDirection } from './evaluate';
import type { NetpolModel } from './model';
import type { PodClass } from './podClasses';
import { connectionsContain } from './portSet';
import { syntheticPodClass } from './syntheticPods';

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

export interface KubeDnsPods {
  readonly classes: readonly PodClass[];
  /** True when the workspace declares no kube-dns pods and the cluster's own are assumed. */
  readonly implied: boolean;
}

/** The kube-dns pod classes the workspace declares, or the implied CoreDNS pods of the cluster. */
export function kubeDnsPods(model: NetpolModel): KubeDnsPods {
  const declared = model.classesIn(KUBE_DNS_NAMESPACE).filter((c) => c.labels[KUBE_DNS_LABEL_KEY] === KUBE_DNS_LABEL_VALUE);
  if (declared.length > 0) return { classes: declared, implied: false };
  return { classes: [syntheticPodClass(KUBE_DNS_NAMESPACE, { [KUBE_DNS_LABEL_KEY]: KUBE_DNS_LABEL_VALUE }, COREDNS_PORTS)], implied: true };
}

export interface DnsEgress {
  /** The pods' egress admits UDP 53 to some kube-dns pod. */
  readonly udp: boolean;
  /** The pods' egress admits TCP 53 to some kube-dns pod (needed for answers too large for UDP). */
  readonly tcp: boolean;
}

/**
 * Whether the egress side of the pods admits DNS to kube-dns (the destination's ingress is not considered: policies
 * in kube-system are the cluster operator's). A pod not isolated for egress admits both.
 */
export function dnsEgressOf(model: NetpolModel, pods: PodClass, dns: KubeDnsPods = kubeDnsPods(model)): DnsEgress {
  let udp = false;
  let tcp = false;
  for (const target of dns.classes) {
    const allowed = evaluateDirection(model, 'Egress', { type: 'pods', pods }, { type: 'pods', pods: target }, false).allowed;
    udp ||= connectionsContain(allowed, 'UDP', DNS_PORT);
    tcp ||= connectionsContain(allowed, 'TCP', DNS_PORT);
    if (udp && tcp) break;
  }
  return { udp, tcp };
}
