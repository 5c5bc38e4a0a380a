/**
 * The `service.beta.kubernetes.io/azure-*` Service annotations that cloud-provider-azure (the AKS cloud controller
 * manager) reads, with the form of value each takes. Checked against the constants in cloud-provider-azure's
 * `pkg/consts/consts.go` and `helpers.go` and its load balancer documentation page; the docs are our own words.
 *
 * How values are read (helpers.go): booleans compare case-insensitively with "true", so anything else (`yes`, `1`)
 * reads as false; integers are parsed after trimming spaces and rejected when they are not whole numbers.
 */
import { DECEMBER_2026_REVIEW, FIRST_RECORDED, type AnnotationDoc, type Sourced } from './types';

export const AZURE_ANNOTATION_PREFIX = 'service.beta.kubernetes.io/azure-';
/** Per-port annotations: `service.beta.kubernetes.io/port_{port}_{param}` (not azure-* but read by the same code). */
export const AZURE_PORT_ANNOTATION = /^service\.beta\.kubernetes\.io\/port_(\d+)_(.+)$/;

const CONSTS = 'https://github.com/kubernetes-sigs/cloud-provider-azure/blob/master/pkg/consts/consts.go';
const LB_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/';
/** The probe selection and validation code (protocol order, minimums, the 120-second limit). */
export const HEALTH_PROBE_SOURCE = 'https://github.com/kubernetes-sigs/cloud-provider-azure/blob/master/pkg/provider/azure_loadbalancer_healthprobe.go';
/** Source ranges, allowed IP ranges and service tags: how they combine (NewAccessControl). */
export const ACCESS_CONTROL_SOURCE = 'https://github.com/kubernetes-sigs/cloud-provider-azure/blob/master/pkg/provider/loadbalancer/accesscontrol.go';
const PLS_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/pls-integration/';
/** cloud-provider-azure PR #3931: with PLS proxy protocol, no health-check-node-port probe for externalTrafficPolicy Local. */
export const PLS_PROXY_PROTOCOL_PROBE_SOURCE = 'https://github.com/kubernetes-sigs/cloud-provider-azure/pull/3931';
const AKS_LB_DOC = 'https://learn.microsoft.com/azure/aks/configure-load-balancer-standard';
/** A cloud-provider-azure maintainer's issue (February 2026) calling the shared-securityrule key dead code, to be removed with its docs. */
export const SHARED_RULE_REMOVAL = 'https://github.com/kubernetes-sigs/cloud-provider-azure/issues/9905';
const NSG_RULE_RELEASE = 'https://github.com/kubernetes-sigs/cloud-provider-azure/releases/tag/v1.36.2';
/** AKS stopped supporting the Basic load balancer on 30 September 2025. */
export const BASIC_LB_RETIREMENT_SOURCE = 'https://learn.microsoft.com/azure/aks/upgrade-basic-load-balancer-on-aks';

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
  /** Set when the key is read but does nothing on AKS today: why. */
  noEffectOnAks?: string;
  /** True for keys about the Service's public IP: an internal load balancer has none, so they are ignored there. */
  publicIpOnly?: boolean;
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
    checked: FIRST_RECORDED,
    ...extra,
  };
}

/** Entries re-read in the December 2026 review carry its date. */
const reviewed = (source: string): Partial<AzureServiceAnnotation> => ({ source, checked: DECEMBER_2026_REVIEW });

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
  entry('load-balancer-mode', { kind: 'string' }, 'Which VM set\'s load balancer a Service uses: `__auto__` or VMSS/availability set names. cloud-provider-azure reads it only with Basic load balancers or its per-VM-set multiple standard load balancer mode, and ignores it on a Standard load balancer otherwise. AKS stopped supporting Basic load balancers on 30 September 2025, and AKS\'s multiple standard load balancers place Services with `azure-load-balancer-configurations` instead.', {
    noEffectOnAks: 'it is only read with Basic load balancers (no longer supported on AKS since 30 September 2025) or the per-VM-set multiple standard load balancer mode, which AKS does not use (AKS places Services on its load balancer configurations with `azure-load-balancer-configurations`)',
    ...reviewed(BASIC_LB_RETIREMENT_SOURCE),
  }),
  entry('dns-label-name', { kind: 'dnsLabel' }, 'DNS label for the Service\'s public IP: the address becomes reachable as `<label>.<region>.cloudapp.azure.com`. An empty value removes the label. An internal load balancer has no public IP, so the label is ignored there.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('shared-securityrule', { kind: 'boolean' }, 'Asked cloud-provider-azure to expose the Service through a network security group rule shared with other Services (augmented security rules). A cloud-provider-azure maintainer called the key dead code in February 2026, to be removed together with its documentation (issue #9905), so it should not be relied on. The AKS load balancer documentation dropped it in April 2026 (azure-aks-docs PR #410); the pull request removing the constant (#10168) was still unmerged when checked.', {
    values: ['true', 'false'],
    removed: 'its maintainers call it dead code, due for removal, and the AKS documentation dropped it in 2026; delete the annotation',
    ...reviewed(SHARED_RULE_REMOVAL),
  }),
  entry('load-balancer-resource-group', { kind: 'string' }, 'Resource group holding the public IP the Service should use, when it is not the cluster\'s node resource group: an existing public IP named by `azure-pip-name` (or given by `azure-load-balancer-ipv4`) elsewhere is only found with it. The cluster identity needs Network Contributor there.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('pip-name', { kind: 'string' }, 'Name of an existing public IP (IPv4) to put on the load balancer frontend. Outside the node resource group, name its group with `azure-load-balancer-resource-group`. Ignored on an internal load balancer, which has no public IP.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('pip-name-ipv6', { kind: 'string' }, 'Name of an existing IPv6 public IP to put on the load balancer frontend. Ignored on an internal load balancer.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('pip-prefix-id', { kind: 'resourceId' }, 'Resource ID of a public IP prefix (IPv4) that the Service\'s public IP is allocated from. Ignored on an internal load balancer.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('pip-prefix-id-ipv6', { kind: 'resourceId' }, 'Resource ID of an IPv6 public IP prefix that the Service\'s IPv6 public IP is allocated from. Ignored on an internal load balancer.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('pip-ip-tags', { kind: 'keyValueList' }, 'IP tags set when the public IP is created, as `type=value` pairs, e.g. `RoutingPreference=Internet`. Ignored on an internal load balancer.', { publicIpOnly: true, ...reviewed(LB_DOC) }),
  entry('pip-tags', { kind: 'keyValueList' }, 'Azure resource tags for the Service\'s public IP, as `key=value` pairs separated by commas. Ignored on an internal load balancer.', { publicIpOnly: true, source: 'https://cloud-provider-azure.sigs.k8s.io/topics/tagging-resources/' }),
  entry('allowed-service-tags', { kind: 'string' }, 'Azure service tags (e.g. `AzureFrontDoor.Backend`) allowed through the network security group to this Service, separated by commas. Ignored when spec.loadBalancerSourceRanges is set (kube-proxy drops the rest).'),
  entry('allowed-ip-ranges', { kind: 'cidrList' }, 'Client CIDRs (IPv4 or IPv6) allowed through the network security group to this Service, separated by commas; the AKS alternative to spec.loadBalancerSourceRanges and the `service.beta.kubernetes.io/load-balancer-source-ranges` annotation. It cannot be combined with either: cloud-provider-azure then refuses the configuration and leaves the load balancer and its security group rules as they were. An invalid entry makes it add a deny-all rule.', { ...reviewed(ACCESS_CONTROL_SOURCE) }),
  entry('deny-all-except-load-balancer-source-ranges', { kind: 'boolean' }, 'Adds a deny rule so that only the allowed ranges (spec.loadBalancerSourceRanges, the `load-balancer-source-ranges` annotation or `azure-allowed-ip-ranges`) can reach the Service; without it the default network security group rules still let the whole VNet in.', { values: ['true', 'false'], ...reviewed(ACCESS_CONTROL_SOURCE) }),
  entry('disable-load-balancer-nsg-rule', { kind: 'boolean' }, '`"true"`: cloud-provider-azure creates the load balancer but adds no network security group rules for this Service, for operators who manage those rules themselves. Clients are then let in only by rules you write. Added in cloud-provider-azure v1.35.6 and v1.36.2 (June 2026); older releases ignore it.', { values: ['true', 'false'], ...reviewed(NSG_RULE_RELEASE) }),
  entry('load-balancer-tcp-idle-timeout', { kind: 'integer', min: 4, max: 100, unit: 'minutes' }, 'TCP idle timeout of the load balancing rules, in minutes (default 4). Current AKS documents 4 to 100; older cloud-provider-azure releases accepted at most 30.', { defaultValue: '4', source: AKS_LB_DOC }),
  entry('load-balancer-enable-high-availability-ports', { kind: 'boolean' }, 'Uses a single HA ports rule (all ports, all protocols) on an internal Standard load balancer; needed for IP fragments.', { values: ['true', 'false'] }),
  entry('load-balancer-health-probe-protocol', { kind: 'enum', values: PROBE_PROTOCOLS }, 'Protocol of the load balancer health probes: tcp, http or https. For each port cloud-provider-azure takes the port\'s `port_{port}_health-probe_protocol` first, then the port\'s `appProtocol`, then this annotation, then TCP. With externalTrafficPolicy Local the probe is kube-proxy\'s HTTP check on the health check node port unless a port names its own probe port, so this annotation does not apply there; with the cluster\'s shared probe mode, Cluster-policy Services share one probe and it does not apply either. UDP and SCTP ports get no probe.', { values: [...PROBE_PROTOCOLS], ...reviewed(HEALTH_PROBE_SOURCE) }),
  entry('load-balancer-health-probe-interval', { kind: 'integer', min: 5, unit: 'seconds' }, 'Seconds between health probes (at least 5, default 5). The interval times the probe count must stay below 120 seconds, or cloud-provider-azure rejects the probe and the load balancer is not reconciled.', { ...reviewed(HEALTH_PROBE_SOURCE) }),
  entry('load-balancer-health-probe-num-of-probe', { kind: 'integer', min: 2 }, 'How many failed probes in a row take a node out of rotation: at least 2 (default 2), the same minimum as the per-port setting. A smaller value, or an interval times count of 120 seconds or more, makes cloud-provider-azure fail the probe configuration, and the load balancer is not reconciled.', { ...reviewed(HEALTH_PROBE_SOURCE) }),
  entry('load-balancer-health-probe-request-path', { kind: 'requestPath' }, 'Path probed when the probe protocol is http or https (default `/`; kube-proxy\'s check for externalTrafficPolicy Local answers on `/healthz` of the health check node port).', { ...reviewed(HEALTH_PROBE_SOURCE) }),
  entry('disable-load-balancer-floating-ip', { kind: 'boolean' }, 'Turns off floating IP (direct server return) on the load balancing rules; the backend then sees the node IP as destination. A Private Link Service on a public load balancer only works with floating IP off.', { values: ['true', 'false'], ...reviewed(LB_DOC) }),
  entry('additional-public-ips', { kind: 'ipList', separator: ',' }, 'Extra public IPs (e.g. a cross-region load balancer\'s global IP) that kube-proxy should also accept traffic for, separated by commas. Azure is not configured for them.'),
  entry('load-balancer-ipv4', { kind: 'ipv4' }, 'The IPv4 frontend address to use; replaces the deprecated spec.loadBalancerIP.'),
  entry('load-balancer-ipv6', { kind: 'ipv6' }, 'The IPv6 frontend address to use; replaces the deprecated spec.loadBalancerIP.'),
  entry('load-balancer-configurations', { kind: 'string' }, 'With multiple standard load balancers: the load balancer configuration names this Service may be placed on, separated by commas.', { source: 'https://cloud-provider-azure.sigs.k8s.io/topics/multiple-slb/' }),
  entry('load-balancer-disable-tcp-reset', { kind: 'boolean' }, 'Turns off TCP reset on idle timeout for the Service\'s load balancing rules (Standard load balancer).', { source: CONSTS, values: ['true', 'false'] }),
  entry('pls-create', { kind: 'boolean' }, 'Creates an Azure Private Link Service in front of this load balancer\'s frontend. It works on an internal load balancer, or on a public one only with floating IP turned off (`azure-disable-load-balancer-floating-ip: "true"`); not with IPv6 frontends.', { values: ['true', 'false'], ...reviewed(PLS_DOC) }),
  entry('pls-resource-group', { kind: 'string' }, 'Resource group to create the Private Link Service in.', { source: PLS_DOC }),
  entry('pls-name', { kind: 'string' }, 'Name of the Private Link Service to create.', { source: PLS_DOC }),
  entry('pls-ip-configuration-subnet', { kind: 'subnetName' }, 'Subnet (by name) the Private Link Service takes its NAT IPs from.', { source: PLS_DOC }),
  entry('pls-ip-configuration-ip-address-count', { kind: 'integer', min: 1, max: 8 }, 'How many NAT IPs the Private Link Service gets (1 to 8).', { ...reviewed(PLS_DOC) }),
  entry('pls-ip-configuration-ip-address', { kind: 'ipList', separator: ' ' }, 'Static NAT IPs for the Private Link Service, separated by spaces; the first is primary, the rest up to the count are dynamic.', { source: PLS_DOC }),
  entry('pls-fqdns', { kind: 'string' }, 'FQDNs of the Private Link Service, separated by spaces.', { source: PLS_DOC }),
  entry('pls-proxy-protocol', { kind: 'boolean' }, 'Turns on the TCP PROXY protocol on the Private Link Service (the backend must then speak it). Azure then sends every health probe of the load balancer with a PROXY header too, so with externalTrafficPolicy Local cloud-provider-azure drops kube-proxy\'s health-check-node-port probe and uses the per-port probes instead.', { values: ['true', 'false'], ...reviewed(PLS_PROXY_PROTOCOL_PROBE_SOURCE) }),
  entry('pls-visibility', { kind: 'string' }, 'Subscription IDs (separated by spaces) that can see the Private Link Service, or `*` for all.', { source: PLS_DOC }),
  entry('pls-auto-approval', { kind: 'string' }, 'Subscription IDs (separated by spaces) whose private endpoint connections are approved automatically. Only works when `azure-pls-visibility` is `*`.', { ...reviewed(PLS_DOC) }),
  entry('load-balancer-mixed-protocols', { kind: 'boolean' }, 'Removed: created both TCP and UDP rules for each port. Kubernetes supports mixed protocols in one LoadBalancer Service natively (MixedProtocolLBService).', {
    removed: 'Kubernetes 1.21 removed it in favour of declaring both protocols in spec.ports (MixedProtocolLBService)',
    source: 'https://github.com/kubernetes/kubernetes/pull/97096',
  }),
];

/** Parameters of `service.beta.kubernetes.io/port_{port}_{param}`. */
export const AZURE_PORT_ANNOTATION_PARAMS: readonly ({ param: string; value: AnnotationValueKind; doc: string } & Sourced)[] = [
  { param: 'no_lb_rule', value: { kind: 'boolean' }, doc: 'No load balancing rule and no probe for this port (e.g. a health check port that must not be public).', source: LB_DOC, checked: FIRST_RECORDED },
  { param: 'no_probe_rule', value: { kind: 'boolean' }, doc: 'No health probe for this port.', source: LB_DOC, checked: FIRST_RECORDED },
  { param: 'health-probe_protocol', value: { kind: 'enum', values: PROBE_PROTOCOLS }, doc: 'Probe protocol for this port, taking precedence over the port\'s appProtocol and the Service-wide protocol annotation.', source: HEALTH_PROBE_SOURCE, checked: DECEMBER_2026_REVIEW },
  { param: 'health-probe_port', value: { kind: 'portRef' }, doc: 'Port probed for this port: a number or a Service port name. With externalTrafficPolicy Local it is the only way to replace kube-proxy\'s health-check-node-port probe.', source: HEALTH_PROBE_SOURCE, checked: DECEMBER_2026_REVIEW },
  { param: 'health-probe_interval', value: { kind: 'integer', min: 5, unit: 'seconds' }, doc: 'Seconds between probes for this port (at least 5); times the probe count it must stay below 120.', source: HEALTH_PROBE_SOURCE, checked: DECEMBER_2026_REVIEW },
  { param: 'health-probe_num-of-probe', value: { kind: 'integer', min: 2 }, doc: 'Failed probes in a row before a node leaves rotation for this port (at least 2).', source: HEALTH_PROBE_SOURCE, checked: DECEMBER_2026_REVIEW },
  { param: 'health-probe_request-path', value: { kind: 'requestPath' }, doc: 'Path probed for this port over http/https.', source: LB_DOC, checked: FIRST_RECORDED },
];

/** The total probe time (interval x count) must stay below this many seconds (healthprobe.go). */
export const MAX_TOTAL_PROBE_SECONDS = 120;
/** Defaults when nothing is annotated (consts.go HealthProbeDefaultProbeInterval / NumOfProbe). */
export const DEFAULT_PROBE_INTERVAL = 5;
export const DEFAULT_NUM_OF_PROBE = 2;

const BY_KEY: ReadonlyMap<string, AzureServiceAnnotation> = new Map(AZURE_SERVICE_ANNOTATIONS.map((a) => [a.key, a]));

export function azureServiceAnnotation(key: string): AzureServiceAnnotation | undefined {
  return BY_KEY.get(key);
}

/** Keys cloud-provider-azure still reads, for did-you-mean. */
export const CURRENT_AZURE_ANNOTATION_KEYS: readonly string[] = AZURE_SERVICE_ANNOTATIONS.filter((a) => !a.removed).map((a) => a.key);
