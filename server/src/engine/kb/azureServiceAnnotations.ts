/**
 * The `service.beta.kubernetes.io/azure-*` Service annotations that cloud-provider-azure (the AKS cloud controller
 * manager) reads, with the form of value each takes. Checked against the constants in cloud-provider-azure's
 * `pkg/consts/consts.go` and `helpers.go` and its load balancer documentation page; the docs are our own words.
 *
 * How values are read (helpers.go): booleans compare case-insensitively with "true", so anything else (`yes`, `1`)
 * reads as false; integers are parsed after trimming spaces and rejected when they are not whole numbers.
 */
import type { AnnotationDoc } from './types';

export const AZURE_ANNOTATION_PREFIX = 'service.beta.kubernetes.io/azure-';
/** Per-port annotations: `service.beta.kubernetes.io/port_{port}_{param}` (not azure-* but read by the same code). */
export const AZURE_PORT_ANNOTATION = /^service\.beta\.kubernetes\.io\/port_(\d+)_(.+)$/;

const CONSTS = 'https://github.com/kubernetes-sigs/cloud-provider-azure/blob/master/pkg/consts/consts.go';
const LB_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/';
const PROBE_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#custom-load-balancer-health-probe';
const PLS_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/pls-integration/';
const AKS_LB_DOC = 'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard';

/** The form of an annotation's value, as cloud-provider-azure parses it. */
export type AnnotationValueKind =
  | { kind: 'boolean' }
  | { kind: 'integer'; min?: number; max?: number; unit?: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'ipv4' }
  | { kind: 'ipv6' }
  | { kind: 'ipList'; separator: ',' | ' ' }
  | { kind: 'cidrList' }
  | { kind: 'subnetName' }
  | { kind: 'dnsLabel' }
  | { kind: 'keyValueList' }
  | { kind: 'resourceId' }
  | { kind: 'requestPath' }
  | { kind: 'portRef' }
  | { kind: 'string' };

export interface AzureServiceAnnotation extends AnnotationDoc {
  value: AnnotationValueKind;
  /** Set when cloud-provider-azure no longer reads the key: what replaced it. */
  removed?: string;
}

function entry(suffix: string, value: AnnotationValueKind, doc: string, extra: Partial<AzureServiceAnnotation> = {}): AzureServiceAnnotation {
  return {
    key: `${AZURE_ANNOTATION_PREFIX}${suffix}`,
    kinds: ['Service'],
    owner: 'azure-load-balancer',
    value,
    doc,
    valueHint: hintOf(value),
    source: LB_DOC,
    ...extra,
  };
}

function hintOf(value: AnnotationValueKind): string {
  switch (value.kind) {
    case 'boolean':
      return '"true" | "false"';
    case 'integer':
      return `whole number${value.min !== undefined ? ` from ${value.min}` : ''}${value.max !== undefined ? ` to ${value.max}` : ''}${value.unit ? ` (${value.unit})` : ''}`;
    case 'enum':
      return value.values.map((v) => `"${v}"`).join(' | ');
    case 'ipv4':
      return 'an IPv4 address';
    case 'ipv6':
      return 'an IPv6 address';
    case 'ipList':
      return value.separator === ',' ? 'IP addresses separated by commas' : 'IP addresses separated by spaces';
    case 'cidrList':
      return 'CIDRs separated by commas';
    case 'subnetName':
      return 'a subnet name (not a CIDR or resource ID)';
    case 'dnsLabel':
      return 'a DNS label: lowercase letters, digits and hyphens';
    case 'keyValueList':
      return 'key=value pairs separated by commas';
    case 'resourceId':
      return 'an Azure resource ID (/subscriptions/...)';
    case 'requestPath':
      return 'an HTTP path starting with /';
    case 'portRef':
      return 'a port number or a Service port name';
    case 'string':
      return 'text';
  }
}

const PROBE_PROTOCOLS = ['tcp', 'http', 'https'] as const;

export const AZURE_SERVICE_ANNOTATIONS: readonly AzureServiceAnnotation[] = [
  entry('load-balancer-internal', { kind: 'boolean' }, 'Gives the Service a private frontend IP on an internal Azure load balancer in the cluster VNet instead of a public IP. Only "true" (any case) makes it internal; any other value leaves the load balancer public.', { defaultValue: 'false', values: ['true', 'false'] }),
  entry('load-balancer-internal-subnet', { kind: 'subnetName' }, 'Subnet (by name, in the cluster VNet) that an internal load balancer takes its frontend IP from. Only meaningful together with azure-load-balancer-internal.'),
  entry('load-balancer-mode', { kind: 'string' }, 'Which VM set\'s load balancer a Service uses: `__auto__` or VMSS/availability set names. Only read with Basic load balancers or the multiple standard load balancers mode.'),
  entry('dns-label-name', { kind: 'dnsLabel' }, 'DNS label for the Service\'s public IP: the address becomes reachable as `<label>.<region>.cloudapp.azure.com`. An empty value removes the label.'),
  entry('shared-securityrule', { kind: 'boolean' }, 'Lets several Services share one network security group rule (augmented security rules), to stay under the NSG rule limit.', { values: ['true', 'false'] }),
  entry('load-balancer-resource-group', { kind: 'string' }, 'Resource group holding the public IP the Service should use, when it is not the cluster\'s node resource group.'),
  entry('pip-name', { kind: 'string' }, 'Name of an existing public IP (IPv4) to put on the load balancer frontend.'),
  entry('pip-name-ipv6', { kind: 'string' }, 'Name of an existing IPv6 public IP to put on the load balancer frontend.'),
  entry('pip-prefix-id', { kind: 'resourceId' }, 'Resource ID of a public IP prefix (IPv4) that the Service\'s public IP is allocated from.'),
  entry('pip-prefix-id-ipv6', { kind: 'resourceId' }, 'Resource ID of an IPv6 public IP prefix that the Service\'s IPv6 public IP is allocated from.'),
  entry('pip-ip-tags', { kind: 'keyValueList' }, 'IP tags set when the public IP is created, as `type=value` pairs, e.g. `RoutingPreference=Internet`.'),
  entry('pip-tags', { kind: 'keyValueList' }, 'Azure resource tags for the Service\'s public IP, as `key=value` pairs separated by commas.', { source: 'https://cloud-provider-azure.sigs.k8s.io/topics/tagging-resources/' }),
  entry('allowed-service-tags', { kind: 'string' }, 'Azure service tags (e.g. `AzureFrontDoor.Backend`) allowed through the network security group to this Service, separated by commas. Ignored when spec.loadBalancerSourceRanges is set (kube-proxy drops the rest).'),
  entry('allowed-ip-ranges', { kind: 'cidrList' }, 'Client CIDRs (IPv4 or IPv6) allowed through the network security group to this Service, separated by commas; the AKS alternative to spec.loadBalancerSourceRanges. An invalid entry makes cloud-provider-azure add a deny-all rule.', { source: CONSTS }),
  entry('deny-all-except-load-balancer-source-ranges', { kind: 'boolean' }, 'Adds a deny rule so that only spec.loadBalancerSourceRanges can reach the Service; without it the default NSG rules still let the whole VNet in.', { values: ['true', 'false'] }),
  entry('load-balancer-tcp-idle-timeout', { kind: 'integer', min: 4, max: 100, unit: 'minutes' }, 'TCP idle timeout of the load balancing rules, in minutes (default 4). Current AKS documents 4 to 100; older cloud-provider-azure releases accepted at most 30.', { defaultValue: '4', source: AKS_LB_DOC }),
  entry('load-balancer-enable-high-availability-ports', { kind: 'boolean' }, 'Uses a single HA ports rule (all ports, all protocols) on an internal Standard load balancer; needed for IP fragments.', { values: ['true', 'false'] }),
  entry('load-balancer-health-probe-protocol', { kind: 'enum', values: PROBE_PROTOCOLS }, 'Protocol of the load balancer health probes: tcp, http or https. Without it, externalTrafficPolicy Local Services are probed over HTTP on the health check node port and Cluster ones over TCP.', { values: [...PROBE_PROTOCOLS], source: PROBE_DOC }),
  entry('load-balancer-health-probe-interval', { kind: 'integer', min: 5, unit: 'seconds' }, 'Seconds between health probes (at least 5). Interval times the probe count may not exceed 120 seconds.', { source: PROBE_DOC }),
  entry('load-balancer-health-probe-num-of-probe', { kind: 'integer', min: 1 }, 'How many failed probes in a row take a node out of rotation (at least 1).', { source: PROBE_DOC }),
  entry('load-balancer-health-probe-request-path', { kind: 'requestPath' }, 'Path probed when the probe protocol is http or https (default `/`, or `/healthz` for externalTrafficPolicy Local).', { source: PROBE_DOC }),
  entry('disable-load-balancer-floating-ip', { kind: 'boolean' }, 'Turns off floating IP (direct server return) on the load balancing rules; the backend then sees the node IP as destination.', { values: ['true', 'false'] }),
  entry('additional-public-ips', { kind: 'ipList', separator: ',' }, 'Extra public IPs (e.g. a cross-region load balancer\'s global IP) that kube-proxy should also accept traffic for, separated by commas. Azure is not configured for them.'),
  entry('load-balancer-ipv4', { kind: 'ipv4' }, 'The IPv4 frontend address to use; replaces the deprecated spec.loadBalancerIP.'),
  entry('load-balancer-ipv6', { kind: 'ipv6' }, 'The IPv6 frontend address to use; replaces the deprecated spec.loadBalancerIP.'),
  entry('load-balancer-configurations', { kind: 'string' }, 'With multiple standard load balancers: the load balancer configuration names this Service may be placed on, separated by commas.', { source: 'https://cloud-provider-azure.sigs.k8s.io/topics/multiple-slb/' }),
  entry('load-balancer-disable-tcp-reset', { kind: 'boolean' }, 'Turns off TCP reset on idle timeout for the Service\'s load balancing rules (Standard load balancer).', { source: CONSTS, values: ['true', 'false'] }),
  entry('pls-create', { kind: 'boolean' }, 'Creates an Azure Private Link Service in front of this (internal) load balancer.', { source: PLS_DOC, values: ['true', 'false'] }),
  entry('pls-resource-group', { kind: 'string' }, 'Resource group to create the Private Link Service in.', { source: PLS_DOC }),
  entry('pls-name', { kind: 'string' }, 'Name of the Private Link Service to create.', { source: PLS_DOC }),
  entry('pls-ip-configuration-subnet', { kind: 'subnetName' }, 'Subnet (by name) the Private Link Service takes its NAT IPs from.', { source: PLS_DOC }),
  entry('pls-ip-configuration-ip-address-count', { kind: 'integer', min: 1 }, 'How many NAT IPs the Private Link Service gets.', { source: PLS_DOC }),
  entry('pls-ip-configuration-ip-address', { kind: 'ipList', separator: ' ' }, 'Static NAT IPs for the Private Link Service, separated by spaces; the first is primary, the rest up to the count are dynamic.', { source: PLS_DOC }),
  entry('pls-fqdns', { kind: 'string' }, 'FQDNs of the Private Link Service, separated by spaces.', { source: PLS_DOC }),
  entry('pls-proxy-protocol', { kind: 'boolean' }, 'Turns on the TCP PROXY protocol on the Private Link Service (the backend must then speak it).', { source: PLS_DOC, values: ['true', 'false'] }),
  entry('pls-visibility', { kind: 'string' }, 'Subscription IDs (separated by spaces) that can see the Private Link Service, or `*` for all.', { source: PLS_DOC }),
  entry('pls-auto-approval', { kind: 'string' }, 'Subscription IDs (separated by spaces) whose private endpoint connections are approved automatically; needs visibility `*`.', { source: PLS_DOC }),
  entry('load-balancer-mixed-protocols', { kind: 'boolean' }, 'Removed: created both TCP and UDP rules for each port. Kubernetes supports mixed protocols in one LoadBalancer Service natively (MixedProtocolLBService).', {
    removed: 'Kubernetes 1.21 removed it in favour of declaring both protocols in spec.ports (MixedProtocolLBService)',
    source: 'https://github.com/kubernetes/kubernetes/pull/97096',
  }),
];

/** Parameters of `service.beta.kubernetes.io/port_{port}_{param}`. */
export const AZURE_PORT_ANNOTATION_PARAMS: readonly { param: string; value: AnnotationValueKind; doc: string }[] = [
  { param: 'no_lb_rule', value: { kind: 'boolean' }, doc: 'No load balancing rule and no probe for this port (e.g. a health check port that must not be public).' },
  { param: 'no_probe_rule', value: { kind: 'boolean' }, doc: 'No health probe for this port.' },
  { param: 'health-probe_protocol', value: { kind: 'enum', values: PROBE_PROTOCOLS }, doc: 'Probe protocol for this port, overriding appProtocol.' },
  { param: 'health-probe_port', value: { kind: 'portRef' }, doc: 'Port probed for this port: a number or a Service port name.' },
  { param: 'health-probe_interval', value: { kind: 'integer', min: 5, unit: 'seconds' }, doc: 'Seconds between probes for this port (at least 5).' },
  { param: 'health-probe_num-of-probe', value: { kind: 'integer', min: 2 }, doc: 'Failed probes in a row before a node leaves rotation for this port (at least 2).' },
  { param: 'health-probe_request-path', value: { kind: 'requestPath' }, doc: 'Path probed for this port over http/https.' },
];

const BY_KEY: ReadonlyMap<string, AzureServiceAnnotation> = new Map(AZURE_SERVICE_ANNOTATIONS.map((a) => [a.key, a]));

export function azureServiceAnnotation(key: string): AzureServiceAnnotation | undefined {
  return BY_KEY.get(key);
}

/** Keys cloud-provider-azure still reads, for did-you-mean. */
export const CURRENT_AZURE_ANNOTATION_KEYS: readonly string[] = AZURE_SERVICE_ANNOTATIONS.filter((a) => !a.removed).map((a) => a.key);
