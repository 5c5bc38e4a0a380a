/**
 * The connectivity graph as plain data: what `netlens/graph` answers (with locations converted to LSP ranges by
 * the server) and what the VS Code webview draws. Types only, so that the client can import them without pulling
 * engine code into its bundle.
 *
 * Node ids are stable strings: a workload is its NetworkPolicy peer id (`ns/name[Kind]`, what `netlens explain`
 * and `netlens/explain` accept), a namespace is `ns:<name>`, entry points are `internet`, `vnet`, `nodes`,
 * `external`, `lb:<ns>/<name>`, `ingress-controller:<class>` and `gateway:<ns>/<name>`.
 */

/** Where an object is written: an engine file key and offsets (the server sends `{uri, range}` instead). */
export interface EnginePlace {
  file: string;
  span: { start: number; end: number };
}

/**
 * What the policies say about a direction of a workload's pods (reach/allowedPairs.ts `restrictedByPolicy`): a
 * NetworkPolicy isolates them, or a Cilium rule or an admin policy selects them. Otherwise every connection of the
 * direction is allowed by default.
 */
export interface Isolation {
  /** Some policy restricts who may connect to the pods. */
  ingress: boolean;
  /** Some policy restricts what the pods may connect to. */
  egress: boolean;
}

/** How the workload is reachable from outside the cluster, the widest way first. */
export type ExposureLevel = 'public' | 'internal' | 'node-port' | 'none';

export interface WorkloadNode<Place> {
  type: 'workload';
  id: string;
  parent: string;
  namespace: string;
  name: string;
  kind: string;
  /** `3 pods`, `one pod per node`, `job pods`. */
  pods: string;
  replicas?: number;
  /** Container ports of its pods (regular containers), for choosing a port to explain. */
  ports: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP'; name?: string }[];
  /** Definitions of this workload in the workspace (variants of one manifest); the first is `place`. */
  definitions: number;
  place: Place;
  isolated: Isolation;
  exposure: ExposureLevel;
  /**
   * Inside the cluster, beyond the workloads of the workspace (np-guard's exposure analysis): any pod of the cluster
   * may connect (`entire-cluster`: no policy isolates its ingress, or a rule admits every pod), or pods of namespaces
   * and labels a rule names (`selectors`), or only what the workspace holds (`none`).
   */
  clusterExposure: 'entire-cluster' | 'selectors' | 'none';
  /** False for workloads of other namespaces shown because they connect to the namespace in scope. */
  inScope: boolean;
}

export interface NamespaceNode {
  type: 'namespace';
  id: string;
  name: string;
  /** Workload peers of the namespace in the graph. */
  workloads: number;
  /** NetworkPolicies of the namespace in the workspace. */
  policies: number;
  inScope: boolean;
}

export type EntryType = 'internet' | 'vnet' | 'nodes' | 'external' | 'load-balancer' | 'ingress-controller' | 'gateway' | 'dns' | 'host';

/** A way into the cluster (a source of exposure edges), or addresses outside the cluster (ipBlocks). */
export interface EntryNode<Place> {
  type: EntryType;
  id: string;
  label: string;
  /** One line about it: `public Azure load balancer of Service shop/web`, the controller's hosting, ... */
  detail: string;
  /** The namespace of the object behind it (a load balancer's Service, a Gateway); none for cluster-wide entries. */
  namespace?: string;
  place?: Place;
}

export type GraphNode<Place = EnginePlace> = WorkloadNode<Place> | NamespaceNode | EntryNode<Place>;

/** What `netlens/explain` needs to tell why an edge is (not) there. */
export interface ExplainQuery {
  source: string;
  destination: string;
  port?: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

interface EdgeBase {
  id: string;
  source: string;
  target: string;
  label: string;
  /** Longer text for a tooltip or the details pane. */
  detail: string;
  explain?: ExplainQuery;
}

/**
 * Connections the NetworkPolicies admit between two peers, exactly (the netpol engine's set). Pairs where neither
 * side is isolated in the direction that matters are "All Connections" by default and not drawn: the nodes'
 * open/isolated styling says it. An edge whose source or target is a namespace stands for every workload of it.
 */
export interface PolicyEdge extends EdgeBase {
  kind: 'policy';
  /** Everything (all ports of all protocols). */
  all: boolean;
  /** The allowed set as np-guard prints it: `TCP 8080,UDP 53` or `All Connections`. */
  connections: string;
  /** How many workload pairs this edge stands for (more than 1 when collapsed onto a namespace). */
  pairs: number;
}

/**
 * Something the workload needs to reach and whether the model lets it: a Service it names in its configuration (env,
 * ConfigMap), an external destination it declares (`what: 'external'`, target `host:<name>`), or cluster DNS for pods
 * isolated for egress (`what: 'dns'`, target `dns`).
 */
export interface DependencyEdge<Place> extends EdgeBase {
  kind: 'dependency';
  what?: 'service' | 'external' | 'dns';
  /** The model's verdict: `unknown` when it depends on facts the manifests and the cluster profile do not state. */
  status: 'allowed' | 'denied' | 'unknown';
  /** Where the reference is written. */
  place: Place;
  service: string;
  servicePort?: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** The pod port the Service port lands on (undefined: every port of the Service was considered). */
  targetPort?: number;
}

/** A hop of a way in from outside: Internet -> LB / controller / Gateway -> pods. */
export interface ExposureEdge extends EdgeBase {
  kind: 'exposure';
  /** The reachability model's verdict on the last hop (absent on the hops before it). */
  status?: 'allowed' | 'blocked' | 'unknown';
  /** True when the model says DENIED: the destination's ingress policies admit nothing from this way in on that port. */
  blocked?: boolean;
}

export type GraphEdge<Place = EnginePlace> = PolicyEdge | DependencyEdge<Place> | ExposureEdge;

export interface GraphStats {
  workloads: number;
  /** Workload peers left out because the graph was over its bound. */
  omittedWorkloads: number;
  policyEdges: number;
  /** Allowed workload pairs that edges stand for (pairs behind collapsed edges included). */
  allowedPairs: number;
  /** Pairs left undrawn because neither side is isolated: all connections, by default. */
  openPairs: number;
  dependencies: number;
  deniedDependencies: number;
  exposureEdges: number;
  /** Edges left out because the graph was over its bound. */
  omittedEdges: number;
}

export interface GraphData<Place = EnginePlace> {
  version: 1;
  /** The namespace the graph is about, when one was asked for. */
  namespace?: string;
  /** Every namespace with workloads (for a namespace filter), sorted. */
  allNamespaces: string[];
  nodes: GraphNode<Place>[];
  edges: GraphEdge<Place>[];
  stats: GraphStats;
  /** Things a reader should know: bounds hit, policies not enforced, ... */
  notes: string[];
}

/** The reply of `netlens/explain`. */
export interface ExplainReply<Place = EnginePlace> {
  /** The verdict is ALLOWED. */
  allowed: boolean;
  /** ALLOWED, DENIED, or UNKNOWN (the answer depends on facts the manifests and the cluster profile do not state). */
  verdict?: 'allowed' | 'denied' | 'unknown';
  lines: string[];
  /** The policies and rules that decide, in words, each with where it is written (a client opens it there). */
  deciding?: { label: string; place: Place }[];
  /** Set when the source or destination could not be resolved; `lines` then holds the error. */
  error?: string;
}
