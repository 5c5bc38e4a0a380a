/**
 * Service addressing: cluster IPs, IP families, external names and IPs, and the load balancer knobs.
 */
import { docsOf, row, value } from './define';
import { SERVICE_API, SERVICE_CONCEPT } from './service';
import { FIRST_RECORDED } from '../types';

const DUAL_STACK = 'https://kubernetes.io/docs/concepts/services-networking/dual-stack/';
const LB_SOURCE_RANGES = 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/';
const AKS_LB = 'https://learn.microsoft.com/en-us/azure/aks/load-balancer-standard';

export const SERVICE_ADDRESSING_FIELDS = docsOf('Service', SERVICE_API, [
  row(
    'spec.clusterIP',
    'The Service\'s virtual IP inside the cluster, normally left out so one is allocated. `None` makes the Service **headless**: no virtual IP, no load balancing by kube-proxy, and DNS returns the addresses of the selected pods. A fixed address must lie in the cluster\'s service range and be unused, or creation fails. It cannot be changed later except when switching to or from ExternalName; not allowed with `type: ExternalName`.',
  ),
  row(
    'spec.clusterIPs',
    'The cluster IPs, at most one per IP family (two in a dual-stack cluster), in the order of `ipFamilies`. Usually left out; when set, the first entry must equal `clusterIP`. `["None"]` makes the Service headless like `clusterIP: None`.',
    { source: DUAL_STACK },
  ),
  row(
    'spec.ipFamilies',
    'IP families of the Service\'s cluster IPs, normally chosen from the cluster configuration and `ipFamilyPolicy`. At most two entries; the first is the primary family and cannot be changed later. Applies to headless Services too; wiped for ExternalName.',
    { source: DUAL_STACK, values: [value('IPv4', 'An IPv4 cluster IP.'), value('IPv6', 'An IPv6 cluster IP.')] },
  ),
  row('spec.ipFamilyPolicy', 'How many IP families the Service asks for. Defaults to `SingleStack`.', {
    source: DUAL_STACK,
    values: [
      value('SingleStack', 'Default. One cluster IP, of the first family in `ipFamilies` (or the cluster\'s default).'),
      value('PreferDualStack', 'Both families on a dual-stack cluster, one otherwise.'),
      value('RequireDualStack', 'Both families; creation fails on a cluster that is not dual-stack.'),
    ],
  }),
  row(
    'spec.externalName',
    'For `type: ExternalName`: the DNS name the Service name resolves to, as a CNAME (e.g. `db.example.com`). Must be a lowercase DNS name; an IP address here is not treated as an address but as a name made of digits, so it does not work. No proxying happens, so ports and selector play no part. HTTP and TLS clients still send the Service name (Host header, SNI), which the external server may not recognise or have a certificate for.',
    { source: SERVICE_CONCEPT },
  ),
  row(
    'spec.externalIPs',
    'Extra addresses on which every node accepts this Service\'s ports. Kubernetes does not own or route these IPs: something outside the cluster must deliver packets for them to a node. Anyone able to create Services can claim any address this way, which is why clusters can forbid the field (DenyServiceExternalIPs admission plugin). On AKS use a LoadBalancer Service instead.',
    { source: SERVICE_CONCEPT },
  ),
  row(
    'spec.loadBalancerIP',
    'Deprecated: asks the cloud for a specific load balancer address; its meaning varies by provider and it cannot express dual-stack. On AKS use the `service.beta.kubernetes.io/azure-load-balancer-ipv4` / `-ipv6` annotations (or `azure-pip-name`) instead.',
    { source: AKS_LB },
  ),
  row(
    'spec.loadBalancerSourceRanges',
    'Client CIDRs allowed to reach a LoadBalancer Service; all others are refused. On AKS the ranges become the network security group rule for the Service and are also enforced on the nodes by kube-proxy, so in-cluster pods that call the load balancer IP need their pod CIDR listed too. Use the Azure allowed-IP annotations instead when you also need service tags. Empty means open to all.',
    { source: AKS_LB },
  ),
  row(
    'spec.loadBalancerClass',
    'Selects a non-default load balancer implementation for `type: LoadBalancer` (a label-style name such as `example.com/internal-vip`). When set, the cloud provider\'s default implementation (on AKS, the Azure load balancer) ignores the Service and some other controller must act on the class, or the Service never gets an address. Can only be set when the Service is made a LoadBalancer, and cannot be changed afterwards.',
  ),
  row(
    'spec.allocateLoadBalancerNodePorts',
    'Whether a LoadBalancer Service gets node ports. Defaults to `true`; set `false` only when the load balancer sends traffic straight to pods and needs no node ports. Explicit `nodePort` values are honoured either way.',
    { source: LB_SOURCE_RANGES },
  ),
], FIRST_RECORDED);
