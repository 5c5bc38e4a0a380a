/**
 * Resource facts: the small plain records the whole engine works on. One record per Kubernetes object, made from
 * one YAML document (or one item of a `List`). Every span points into the file the object came from.
 *
 * Facts are data only (no methods, no tree references), so that they can be fingerprinted, cached per file and
 * compared between edits.
 */
import type { Span } from '../syntax/tree';
import type { LabelSelector } from './labelSelector';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface Located<T> {
  value: T;
  span: Span;
}

export interface ResourceBase {
  /** Unique within a workspace snapshot: `file#index` (index counts objects in the file, List items included). */
  id: string;
  file: string;
  apiVersion: string;
  kind: string;
  name: string;
  /** metadata.namespace, or the default namespace when the manifest has none (cluster-scoped kinds: ''). */
  namespace: string;
  /** True when the manifest states metadata.namespace itself. */
  namespaceExplicit: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Span of each annotation pair, by key. */
  annotationSpans: Record<string, Span>;
  /** The whole object. */
  span: Span;
  /** metadata.name's value, or the object when there is none. */
  nameSpan: Span;
  kindSpan: Span;
  /** First ownerReference with controller: true, for grouping Pods under their owner. */
  controllerOwner?: { kind: string; name: string };
  /** Span of each annotation's value, by key (absent when the value is missing or not a scalar). */
  annotationValueSpans?: Record<string, Span>;
  /**
   * Unquoted scalars that Kubernetes' YAML 1.1 reader turns into booleans where the API expects a string (label,
   * annotation, env and ConfigMap values). The YAML 1.2 facts above keep them as strings, so they are listed here.
   */
  yaml11Booleans?: Yaml11Boolean[];
  /**
   * The object's data (model/dataFingerprint.ts): two definitions of one object with the same fingerprint are
   * identical copies, counted once (WorkspaceIndex.copyOf). Absent for objects too large to compare.
   */
  dataFingerprint?: string;
}

/** An unquoted `yes`/`no`/`on`/`off`/`y`/`n`/`true`/`false` (YAML 1.1 casings) in a string-only field. */
export interface Yaml11Boolean {
  /** Where it is, for messages: `label app.kubernetes.io/part-of`, `env FEATURE_X`, `data.FLAG`. */
  path: string;
  /** The scalar as written. */
  source: string;
  span: Span;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
  span: Span;
}

export interface EnvVar {
  name: string;
  /** Literal `value`; absent when the variable comes from valueFrom. */
  value?: string;
  valueSpan?: Span;
  configMapKeyRef?: { name: string; key: string };
  secretKeyRef?: { name: string; key: string };
  span: Span;
}

export interface EnvFromSource {
  configMap?: string;
  secret?: string;
  prefix?: string;
  span: Span;
}

export interface Container {
  name: string;
  init: boolean;
  ports: ContainerPort[];
  env: EnvVar[];
  envFrom: EnvFromSource[];
  /** `command` then `args` as written (string items only): controller flags such as `--enable-ssl-passthrough`. */
  args?: string[];
  /** The span of each item of `args` (same order). */
  argSpans?: Span[];
  span: Span;
}

export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export interface Workload extends ResourceBase {
  kind: WorkloadKind;
  /** Labels of the pods it runs (a Pod's own labels, else the pod template's). */
  podLabels: Record<string, string>;
  podLabelsSpan: Span;
  /** The controller's own selector (spec.selector), when it has one. */
  selector?: LabelSelector;
  containers: Container[];
  hostNetwork: boolean;
  replicas?: number;
  /** The ServiceAccount the pods run as (for AuthorizationPolicies and identity later). */
  serviceAccountName?: string;
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: Protocol;
  /** Defaults to `port` when the manifest leaves it out. */
  targetPort: number | string;
  targetPortExplicit: boolean;
  targetPortSpan?: Span;
  nodePort?: number;
  appProtocol?: string;
  span: Span;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface Service extends ResourceBase {
  kind: 'Service';
  type: ServiceType;
  typeSpan?: Span;
  /** null when the Service has no selector (its Endpoints are managed by hand or by another controller). */
  selector: Record<string, string> | null;
  selectorSpan?: Span;
  ports: ServicePort[];
  clusterIP?: string;
  externalName?: string;
  externalTrafficPolicy?: string;
  externalTrafficPolicySpan?: Span;
  internalTrafficPolicy?: string;
  loadBalancerIP?: string;
  loadBalancerSourceRanges: string[];
  loadBalancerClass?: string;
  healthCheckNodePort?: number;
}

export interface ServiceBackendRef {
  service: string;
  serviceSpan: Span;
  /** Port by number or by name; absent when the backend names no port (invalid for Ingress v1). */
  port?: number | string;
  portSpan?: Span;
}

export interface IngressBackend {
  /** A Service backend; absent for `resource` backends. */
  service?: ServiceBackendRef;
  resource?: { apiGroup?: string; kind: string; name: string };
  span: Span;
}

export interface IngressPath {
  path?: string;
  pathType?: string;
  backend: IngressBackend;
  span: Span;
}

export interface IngressRule {
  host?: string;
  hostSpan?: Span;
  paths: IngressPath[];
  span: Span;
}

export interface IngressTLS {
  hosts: Located<string>[];
  secretName?: string;
  secretNameSpan?: Span;
  span: Span;
}

export interface Ingress extends ResourceBase {
  kind: 'Ingress';
  ingressClassName?: string;
  ingressClassNameSpan?: Span;
  defaultBackend?: IngressBackend;
  rules: IngressRule[];
  tls: IngressTLS[];
}

export interface IngressClass extends ResourceBase {
  kind: 'IngressClass';
  controller?: string;
  isDefault: boolean;
}

export interface NetworkPolicyPort {
  protocol: Protocol;
  /** A protocol the API server would reject, as written; such a port admits nothing. */
  invalidProtocol?: string;
  /**
   * Number, name, or absent (all ports of the protocol), as the API decodes IntOrString: an integer is a number
   * (in range or not: validation is netpol/compiledPolicy.ts's), a string is a name even when it is all digits.
   */
  port?: number | string;
  /** `port` as written when the API cannot decode it as IntOrString (`80.5`, `true`, `.nan`, a map): why. */
  invalidPort?: string;
  endPort?: number;
  /** `endPort` as written when the API cannot decode it as an int32: why. */
  invalidEndPort?: string;
  span: Span;
  portSpan?: Span;
  endPortSpan?: Span;
  protocolSpan?: Span;
}

export interface IPBlock {
  /** As written: no trimming (the API server parses the exact text). */
  cidr: string;
  except: string[];
  cidrSpan?: Span;
  exceptSpans?: Span[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
  span: Span;
}

export interface NetworkPolicyRule {
  /**
   * `from` / `to`. undefined = the key is absent or empty: every source/destination. An empty list written as `[]`
   * means the same in the API (an empty peers list matches all), which is why both read as undefined.
   */
  peers?: NetworkPolicyPeer[];
  /** undefined = absent or empty: all ports of all protocols. */
  ports?: NetworkPolicyPort[];
  span: Span;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicy extends ResourceBase {
  kind: 'NetworkPolicy';
  podSelector: LabelSelector;
  /** The policyTypes as written, or undefined when the manifest leaves them out (see effectivePolicyTypes). */
  policyTypes?: PolicyType[];
  policyTypesSpan?: Span;
  /** policyTypes entries other than Ingress and Egress (the API server rejects the policy), and where. */
  invalidPolicyTypes?: { value: string; span: Span }[];
  /** How many policyTypes are written (more than two is rejected, even when they repeat). */
  policyTypesWritten?: number;
  /** undefined = the `ingress` key is absent; [] = present and empty. Both admit nothing. */
  ingress?: NetworkPolicyRule[];
  ingressSpan?: Span;
  egress?: NetworkPolicyRule[];
  egressSpan?: Span;
}

/**
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1, cluster-scoped):
 * https://network-policy-api.sigs.k8s.io/reference/spec/ (checked 2026-12-06). Read as written; what the API server
 * would reject (no subject, two subject fields, an unknown action) is kept with `invalid` and admits, denies or passes
 * nothing (netpol/admin/).
 */
export interface AdminPolicySubject {
  /** `namespaces`: every pod of the namespaces it selects. */
  namespaces?: LabelSelector;
  /** `pods`: the pods of `podSelector` in the namespaces of `namespaceSelector`. */
  pods?: { namespaceSelector: LabelSelector; podSelector: LabelSelector };
  /** Why the API server would reject it (not exactly one field). */
  invalid?: string;
  span: Span;
}

export interface AdminPolicyPeer extends AdminPolicySubject {
  /** `networks` (egress only): CIDRs as written. */
  networks?: Located<string>[];
  /** `nodes` (egress only): a node label selector. */
  nodes?: LabelSelector;
}

export interface AdminPolicyPort {
  /** `portNumber` / `portRange`: protocol (TCP when absent), first and last port. */
  range?: { protocol: Protocol; from: number; to: number };
  /** `namedPort`: a container port name of the destination pod. */
  namedPort?: string;
  /** Why the API server would reject it. */
  invalid?: string;
  span: Span;
}

export type AdminPolicyAction = 'Allow' | 'Deny' | 'Pass';

export interface AdminPolicyRule {
  name: string;
  /** As written; an unknown value is `invalid`. */
  action: string;
  peers: AdminPolicyPeer[];
  /** undefined: every port of every protocol. */
  ports?: AdminPolicyPort[];
  span: Span;
}

export interface AdminNetworkPolicy extends ResourceBase {
  kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  /** ANP only: 0-1000, lower first. */
  priority?: number;
  subject: AdminPolicySubject;
  ingress: AdminPolicyRule[];
  egress: AdminPolicyRule[];
}

export interface Namespace extends ResourceBase {
  kind: 'Namespace';
}

export interface ConfigMap extends ResourceBase {
  kind: 'ConfigMap';
  data: Record<string, string>;
  dataSpans: Record<string, Span>;
}

export interface Secret extends ResourceBase {
  kind: 'Secret';
  type?: string;
  keys: string[];
}

export interface GatewayClass extends ResourceBase {
  kind: 'GatewayClass';
  controllerName?: string;
}

export interface GatewayListener {
  name: string;
  port?: number;
  protocol?: string;
  hostname?: string;
  tlsMode?: string;
  certificateRefs: { kind: string; group: string; name: string; namespace?: string; span: Span }[];
  allowedRoutesNamespaces?: { from: string; selector?: LabelSelector };
  allowedRouteKinds?: string[];
  /** `tls.options` (implementation-specific), e.g. AKS `kubernetes.azure.com/tls-cert-keyvault-uri`. */
  tlsOptions?: Record<string, string>;
  /** Where each `tls.options` value is written. */
  tlsOptionValueSpans?: Record<string, Span>;
  span: Span;
}

export interface Gateway extends ResourceBase {
  kind: 'Gateway';
  gatewayClassName?: string;
  gatewayClassNameSpan?: Span;
  listeners: GatewayListener[];
  /** Set for Istio's own `networking.istio.io` Gateway (which has no listeners or class): its selector and servers. */
  istio?: IstioGatewaySpec;
}

/** An Istio (`networking.istio.io`) Gateway: which gateway pods it configures (`spec.selector`) and on which ports. */
export interface IstioGatewaySpec {
  selector: Record<string, string>;
  selectorSpan?: Span;
  servers: IstioServer[];
}

export interface IstioServer {
  port?: number;
  protocol?: string;
  hosts: string[];
  tlsMode?: string;
  credentialName?: string;
  span: Span;
}

/** A VirtualService destination (`http[].route[].destination`, `tcp[]`, `tls[]` alike). */
export interface VirtualServiceDestination {
  host: string;
  hostSpan: Span;
  port?: number;
  portSpan?: Span;
  span: Span;
}

export interface VirtualService extends ResourceBase {
  kind: 'VirtualService';
  hosts: Located<string>[];
  /** `spec.gateways`: `[namespace/]name` of Istio Gateways, or `mesh`. */
  gateways: Located<string>[];
  destinations: VirtualServiceDestination[];
}

/** A reference from a policy-like object to the object it applies to (`targetRef`, `targetRefs[]`, `parentRef`). */
export interface PolicyTargetRef {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  /** `sectionNames` (AGC) or `sectionName` (Gateway API): listeners of a Gateway, ports of a Service. */
  sections: Located<string>[];
  span: Span;
  nameSpan: Span;
}

/**
 * An object that applies to another by reference (kb/policyKinds.ts: Application Gateway for Containers policies,
 * Gateway API BackendTLSPolicy and ListenerSet), told apart from same-named kinds of other groups by `group`.
 */
export interface AttachedPolicy extends ResourceBase {
  group: string;
  targetRefs: PolicyTargetRef[];
}

/** Application Gateway for Containers, managed deployment: the subnets it is associated with. */
export interface ApplicationLoadBalancer extends ResourceBase {
  kind: 'ApplicationLoadBalancer';
  associations: Located<string>[];
}

/** The application routing add-on's extra NGINX controller (`approuting.kubernetes.azure.com`). */
export interface NginxIngressController extends ResourceBase {
  kind: 'NginxIngressController';
  ingressClassName?: Located<string>;
  controllerNamePrefix?: string;
  /** Annotations for its LoadBalancer Service, with spans like metadata annotations. */
  loadBalancerAnnotations: Record<string, string>;
  loadBalancerAnnotationSpans: Record<string, Span>;
  loadBalancerAnnotationValueSpans: Record<string, Span>;
  defaultSslKeyVaultUri?: Located<string>;
}

/** The application routing operator's managed external-dns (`ClusterExternalDNS`, namespaced `ExternalDNS`). */
export interface ExternalDnsConfig extends ResourceBase {
  kind: 'ClusterExternalDNS' | 'ExternalDNS';
  /** Where the external-dns instance runs: `spec.resourceNamespace` (cluster-scoped kind) or the object's namespace. */
  resourceNamespace?: Located<string>;
  serviceAccount?: Located<string>;
  dnsZoneResourceIds: Located<string>[];
}

export interface ParentRef {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  sectionName?: string;
  port?: number;
  span: Span;
}

export interface BackendRef {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  span: Span;
  nameSpan: Span;
  portSpan?: Span;
}

export interface RouteRule {
  matches: { pathType?: string; pathValue?: string; method?: string; span: Span }[];
  backendRefs: BackendRef[];
  span: Span;
}

export interface Route extends ResourceBase {
  kind: 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';
  parentRefs: ParentRef[];
  hostnames: Located<string>[];
  rules: RouteRule[];
}

export interface ReferenceGrant extends ResourceBase {
  kind: 'ReferenceGrant';
  from: { group: string; kind: string; namespace: string }[];
  to: { group: string; kind: string; name?: string }[];
}

/**
 * A CiliumNetworkPolicy (namespaced) or CiliumClusterwideNetworkPolicy (cilium.io/v2): its `spec` and each of its
 * `specs`, in that order, as written (netpol/cilium/ compiles and evaluates them; docs/cilium.md).
 */
export interface CiliumPolicy extends ResourceBase {
  kind: 'CiliumNetworkPolicy' | 'CiliumClusterwideNetworkPolicy';
  rules: CiliumRule[];
}

/** One Cilium rule (`spec` or an item of `specs`): who it selects and its four lists. */
export interface CiliumRule {
  span: Span;
  /** `spec` (-1) or the position in `specs`. */
  index: number;
  endpointSelector?: LabelSelector;
  /** Selects nodes (host policies): no pod of the workspace. */
  nodeSelector?: LabelSelector;
  ingress?: CiliumPeerRule[];
  egress?: CiliumPeerRule[];
  ingressDeny?: CiliumPeerRule[];
  egressDeny?: CiliumPeerRule[];
  /** `enableDefaultDeny`, when written. */
  enableDefaultDeny?: { ingress?: boolean; egress?: boolean };
  description?: string;
}

/** One item of ingress / egress / ingressDeny / egressDeny: its L3 selectors (ORed) and its ports. */
export interface CiliumPeerRule {
  span: Span;
  /** fromEndpoints / toEndpoints. */
  endpoints?: LabelSelector[];
  /** fromEntities / toEntities. */
  entities?: Located<string>[];
  /** fromCIDR (no except) and fromCIDRSet / toCIDR and toCIDRSet. */
  cidrs?: { cidr: string; except: string[]; span: Span }[];
  /** toServices. */
  services?: { name?: string; namespace?: string; selector?: LabelSelector; span: Span }[];
  /** toFQDNs. */
  fqdns?: { matchName?: string; matchPattern?: string; span: Span }[];
  /** toPorts. */
  ports?: CiliumPortRule[];
  /** L3 fields this reader does not model (fromRequires, fromGroups, fromNodes, icmps, ...), by name. */
  unmodelled?: Located<string>[];
}

/** One item of toPorts: ports ORed, and the L7 rules that filter what they carry. */
export interface CiliumPortRule {
  span: Span;
  ports: CiliumPort[];
  /** `rules.http` / `rules.kafka` / `rules.dns`, each entry in words (`GET /api/.*`), kept as data. */
  l7?: { protocol: 'http' | 'kafka' | 'dns'; entries: string[]; span: Span };
}

export interface CiliumPort {
  /** As written: a number, a name, or absent / "0" (every port). */
  port?: string;
  endPort?: number;
  /** TCP, UDP, SCTP or ANY (the default); anything else is kept as written. */
  protocol: string;
  span: Span;
}

/** Any other object with apiVersion and kind: kept so that names resolve and outlines list it. */
export interface OtherResource extends ResourceBase {
  kind: string;
}

export type Resource =
  | Workload
  | Service
  | Ingress
  | IngressClass
  | NetworkPolicy
  | CiliumPolicy
  | AdminNetworkPolicy
  | Namespace
  | ConfigMap
  | Secret
  | GatewayClass
  | Gateway
  | NginxIngressController
  | Route
  | ReferenceGrant
  | VirtualService
  | ApplicationLoadBalancer
  | NginxIngressController
  | ExternalDnsConfig;

/** Every resource the index holds: the kinds we model, plus any other object (kept for names and outlines). */
export type AnyResource = Resource | OtherResource;

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

export function isWorkload(resource: ResourceBase): resource is Workload {
  return isWorkloadKind(resource.kind) && 'podLabels' in resource;
}

/** Kinds that live outside namespaces: their `namespace` is ''. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'IngressClass',
  'GatewayClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'Node',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'ClusterIssuer',
  'ClusterExternalDNS',
  'CiliumClusterwideNetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
]);

/** `ns/name` for namespaced objects, `name` for cluster-scoped ones. */
export function qualifiedName(resource: ResourceBase): string {
  return resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
}
