/**
 * The questions every surface asks: can S reach D (on which ports, and why), who can reach W, what can W reach.
 *
 * A connection from one peer to another takes one of several concrete forms ("legs"): a pod class of the source to
 * a pod class of the destination; the controller's pods (or its subnet) to the pods it routes to; for a load
 * balancer with externalTrafficPolicy Cluster, the client SNATed to the IP of the node that received it, which may
 * be the pod's own node or another one. Legs combine two ways:
 *  - all of them occur (several pod classes, several nodes, several ingress paths): some connection gets through
 *    when one leg admits it (`allowed`), every connection only when all do (`allowedForEvery`);
 *  - exactly one of them is the cluster's, and the workspace does not say which (the engine's datapath when the
 *    profile does not name the engine; an unknown controller that may be pods or an Azure proxy): only what all of
 *    them admit is certain.
 * `possible` is what may be admitted under some reading of what the workspace and profile leave open; a query
 * (a port, a protocol, anything) is ALLOWED when `allowed` holds it, DENIED when `possible` does not, and UNKNOWN
 * otherwise: never a guess.
 *
 * Where traffic comes from, per way in (what the destination's ingress policies see):
 *  - pod to pod, through a ClusterIP or directly: the source pod;
 *  - an in-cluster ingress controller or gateway: its own pods (they open new connections to the pod IPs);
 *  - Application Gateway for Containers, AGIC: addresses of their subnet;
 *  - a LoadBalancer or NodePort Service with externalTrafficPolicy Local: the client's address (kept,
 *    https://kubernetes.io/docs/tutorials/services/source-ip/); with Cluster under kube-proxy (Azure NPM, Calico,
 *    no engine): SNATed to the receiving node's IP, which is the pod's own node for some connections (always
 *    admitted: NetworkPolicy API reference) and another node for the others
 *    (https://kubernetes.io/docs/tutorials/services/source-ip/); under Cilium's kube-proxy replacement the
 *    connections forwarded from another node come from that node, and for those the receiving node serves itself
 *    the model does not depend on whether the client's address is kept or SNATed to the node (one of the two).
 */
import { isInternalLoadBalancer } from '../exposure/exposure';
import type { Protocol } from '../model/resources';
import { parseCidr, subtractRanges, wholeFamily, type AddressRange } from '../netpol/addressSet';
import { externalPeer } from '../netpol/connectivity';
import { evaluatePair, type Endpoint, type PairVerdict } from '../netpol/evaluate';
import type { PodClass, WorkloadPeer } from '../netpol/podClasses';
import { syntheticPodClass } from '../netpol/syntheticPods';
import { queryAllowed, type ReachQuery } from '../netpol/policyTrail';
import { connectionsOf, formatConnections, intersectConnections, isAllConnections, isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from '../netpol/portSet';
import { DNS_PORT } from './clusterDns';
import type { ReachModel } from './model';
import { peerName, workloadPeer, type ReachPeer } from './peers';
import type { IngressPath } from './placement';
import type { RoutesToClass } from './routes';

export type { ReachQuery };

export type Verdict = 'allowed' | 'denied' | 'unknown';

export interface Leg {
  /** How this leg runs, outermost first: `via Ingress class x`, `from its pods in app-routing-system`. */
  readonly labels: readonly string[];
  readonly srcPods?: PodClass;
  readonly dstPods?: PodClass;
  readonly verdict: PairVerdict;
  /** For a way in: what it routes to these pods (null: nothing). */
  readonly routed?: RoutesToClass | null;
  readonly allowed: ConnectionSet;
  readonly possible: ConnectionSet;
}

export interface ReachAnswer {
  readonly src: ReachPeer;
  readonly dst: ReachPeer;
  /** What some connection is admitted for certain. */
  readonly allowed: ConnectionSet;
  /** What some connection may be admitted (⊇ allowed). */
  readonly possible: ConnectionSet;
  /** What every connection (every pod pair, every leg) is admitted for certain (⊆ allowed). */
  readonly allowedForEvery: ConnectionSet;
  readonly legs: readonly Leg[];
  /** Why possible and allowed differ, and facts a reader needs. */
  readonly notes: readonly string[];
}

/** A tree of the forms a connection takes (see the module comment). */
type Ways = { readonly op: 'all' | 'one-of'; readonly label?: string; readonly parts: readonly (Ways | End)[] } | End;

interface End {
  readonly op: 'end';
  readonly label?: string;
  readonly endpoint: Endpoint;
  /** Ports the destination side limits the question to (DNS: 53). */
  readonly ports?: ConnectionSet;
  /** A way in limits what reaches the destination pods to what it routes there. */
  readonly routesFor?: (pods: PodClass) => RoutesToClass | null;
}

interface Sets {
  some: ConnectionSet;
  every: ConnectionSet;
  possible: ConnectionSet;
}

/** Whether src may reach dst, on which ports, and why (with every rule's outcome when `trail`). */
export function reachBetween(model: ReachModel, src: ReachPeer, dst: ReachPeer, trail = true): ReachAnswer {
  const notes: string[] = [];
  if (OUTSIDE.has(src.kind) && OUTSIDE.has(dst.kind)) {
    notes.push('both ends are outside the cluster: NetworkPolicies do not apply to that traffic');
    const none = noConnections();
    return { src, dst, allowed: none, possible: none, allowedForEvery: none, legs: [], notes };
  }
  const srcWays = sourceWays(model, src, dst, notes);
  const dstWays = destinationWays(model, dst, notes);
  const legs: Leg[] = [];
  if (src.kind === 'workload' && dst.kind === 'workload' && src.peer.id === dst.peer.id) {
    notes.push('source and destination are the same workload: this is traffic between its pods (a pod\'s traffic to itself is never blocked; connectivity lists omit the pair)');
  }
  const sets = srcWays && dstWays ? combine(model, srcWays, dstWays, [], legs, trail) : { some: noConnections(), every: noConnections(), possible: noConnections() };
  for (const leg of legs) for (const note of [...leg.verdict.egress.notes, ...leg.verdict.ingress.notes]) if (!notes.includes(note)) notes.push(note);
  for (const pods of new Set(legs.flatMap((l) => [l.srcPods, l.dstPods]))) {
    if (pods?.hostNetwork) notes.push(`pods of ${pods.workloads.map((w) => `${w.namespace}/${w.name}`).join(', ')} use hostNetwork: whether policies apply to them depends on the network plugin`);
  }
  return { src, dst, allowed: sets.some, possible: sets.possible, allowedForEvery: sets.every, legs, notes };
}

/** ALLOWED, DENIED or UNKNOWN for a port, a protocol or anything at all. */
export function verdictOf(answer: Pick<ReachAnswer, 'allowed' | 'possible'>, query: ReachQuery = {}): Verdict {
  if (queryAllowed(answer.allowed, query)) return 'allowed';
  return queryAllowed(answer.possible, query) ? 'unknown' : 'denied';
}

/** True when some connections are admitted for certain but not every one (pods that differ, legs that differ). */
export function partly(answer: ReachAnswer, query: ReachQuery = {}): boolean {
  return queryAllowed(answer.allowed, query) && !queryAllowed(answer.allowedForEvery, query);
}

/** Peers that are no pods and carry no policy: a connection between two of them is not NetworkPolicy's business. */
const OUTSIDE: ReadonlySet<ReachPeer['kind']> = new Set(['addresses', 'host', 'internet', 'vnet']);

function combine(model: ReachModel, src: Ways, dst: Ways, labels: readonly string[], legs: Leg[], trail: boolean): Sets {
  if (src.op === 'end') return combineDestination(model, src, dst, labels, legs, trail);
  const parts = src.parts.map((part) => combine(model, part, dst, src.label ? [...labels, src.label] : labels, legs, trail));
  return src.op === 'all' ? allOf(parts) : oneOf(parts);
}

function combineDestination(model: ReachModel, src: End, dst: Ways, labels: readonly string[], legs: Leg[], trail: boolean): Sets {
  if (dst.op !== 'end') {
    const parts = dst.parts.map((part) => combineDestination(model, src, part, dst.label ? [...labels, dst.label] : labels, legs, trail));
    return dst.op === 'all' ? allOf(parts) : oneOf(parts);
  }
  const verdict = evaluatePair(model.netpol, src.endpoint, dst.endpoint, trail);
  let allowed = verdict.allowed;
  let possible = verdict.possible;
  let routed: RoutesToClass | null | undefined;
  if (src.routesFor) {
    routed = dst.endpoint.type === 'pods' ? src.routesFor(dst.endpoint.pods) : null;
    const ports = routed ? routed.ports : noConnections();
    allowed = intersectConnections(allowed, ports);
    possible = intersectConnections(possible, ports);
  }
  if (dst.ports) {
    allowed = intersectConnections(allowed, dst.ports);
    possible = intersectConnections(possible, dst.ports);
  }
  const leg: { -readonly [K in keyof Leg]: Leg[K] } = { labels: [...labels, ...(src.label ? [src.label] : []), ...(dst.label ? [dst.label] : [])], verdict, allowed, possible };
  if (src.endpoint.type === 'pods') leg.srcPods = src.endpoint.pods;
  if (dst.endpoint.type === 'pods') leg.dstPods = dst.endpoint.pods;
  if (routed !== undefined) leg.routed = routed;
  legs.push(leg);
  return { some: allowed, every: allowed, possible };
}

function allOf(parts: readonly Sets[]): Sets {
  if (parts.length === 0) return { some: noConnections(), every: noConnections(), possible: noConnections() };
  let some = noConnections();
  let possible = noConnections();
  let every: ConnectionSet | undefined;
  for (const part of parts) {
    some = unionConnections(some, part.some);
    possible = unionConnections(possible, part.possible);
    every = every === undefined ? part.every : intersectConnections(every, part.every);
  }
  return { some, every: every!, possible };
}

function oneOf(parts: readonly Sets[]): Sets {
  if (parts.length === 0) return { some: noConnections(), every: noConnections(), possible: noConnections() };
  let some: ConnectionSet | undefined;
  let every: ConnectionSet | undefined;
  let possible = noConnections();
  for (const part of parts) {
    some = some === undefined ? part.some : intersectConnections(some, part.some);
    every = every === undefined ? part.every : intersectConnections(every, part.every);
    possible = unionConnections(possible, part.possible);
  }
  return { some: some!, every: every!, possible };
}

function pods(pods: PodClass, label?: string): End {
  return label ? { op: 'end', label, endpoint: { type: 'pods', pods } } : { op: 'end', endpoint: { type: 'pods', pods } };
}

function classesEnds(classes: readonly PodClass[]): Ways {
  if (classes.length === 1) return pods(classes[0]!);
  return { op: 'all', parts: classes.map((c) => pods(c, `pods of ${c.workloads.map((w) => `${w.namespace}/${w.name}`).join(', ')}${labelText(c)}`)) };
}

function labelText(cls: PodClass): string {
  const labels = Object.entries(cls.labels).map(([k, v]) => `${k}=${v}`);
  return labels.length ? ` (${labels.join(',')})` : '';
}

/** Where traffic from `src` toward `dst` comes from. Undefined (with a note) when the model has no such source. */
function sourceWays(model: ReachModel, src: ReachPeer, dst: ReachPeer, notes: string[]): Ways | undefined {
  switch (src.kind) {
    case 'workload':
      return classesEnds(src.classes);
    case 'addresses':
      return { op: 'end', endpoint: { type: 'external', range: src.range } };
    case 'ingress': {
      const routed = src.paths.filter((path) => dst.kind !== 'workload' || dst.classes.some((c) => model.routesOf(path).has(c.id)));
      if (routed.length === 0) {
        const one = src.paths.length <= 1;
        notes.push(dst.kind === 'workload' ? `${peerName(src)} ${one ? 'routes' : 'route'} nothing to ${peerName(dst)}, so ${one ? 'it opens' : 'they open'} no connection there` : 'a way in is only a source toward the pods it routes to');
        return undefined;
      }
      if (routed.length === 1) return pathWays(model, routed[0]!, src.paths.length > 1);
      return { op: 'all', parts: routed.map((path) => pathWays(model, path, true)) };
    }
    case 'service-entry': {
      if (dst.kind === 'workload' && !dst.classes.some((c) => model.routesOfService(src.service).has(c.id))) {
        notes.push(`Service ${src.service.namespace}/${src.service.name} sends nothing to ${peerName(dst)}`);
        return undefined;
      }
      return entryWays(model, src);
    }
    case 'nodes':
      return { op: 'all', parts: [ownNode(), otherNode(model)] };
    case 'internet':
    case 'vnet': {
      if (dst.kind !== 'workload') {
        notes.push(`${peerName(src)} is modelled as a source toward workloads only (through the ways in that reach them)`);
        return undefined;
      }
      const ways = waysIn(model, src.kind, dst.classes);
      if (ways.length === 0) {
        notes.push(`no way in from ${peerName(src)} reaches ${peerName(dst)}: no ${src.kind === 'internet' ? 'public load balancer, Ingress or Gateway' : 'internal load balancer or NodePort'} sends traffic to its pods${src.kind === 'vnet' && model.profile.networkModel !== 'flat' ? ' (and pod IPs are not VNet addresses unless the profile says networkModel: flat)' : ''}`);
        return undefined;
      }
      return { op: 'all', parts: ways };
    }
    case 'dns':
    case 'host':
      notes.push(`${peerName(src)} is modelled as a destination only`);
      return undefined;
  }
}

/** The ways in from the Internet (public load balancers, ingress paths) or the VNet (internal load balancers, NodePorts, and pod IPs directly under the flat model) that reach these pods. */
function waysIn(model: ReachModel, from: 'internet' | 'vnet', classes: readonly PodClass[]): Ways[] {
  const ways: Ways[] = [];
  const reaches = (routes: ReadonlyMap<number, RoutesToClass>) => classes.some((c) => routes.has(c.id));
  for (const service of model.index.ofKind('Service')) {
    if (service.type === 'LoadBalancer' && !service.loadBalancerClass && isInternalLoadBalancer(service) === (from === 'vnet') && reaches(model.routesOfService(service))) {
      const entry: ReachPeer = { kind: 'service-entry', service, via: 'load-balancer' };
      ways.push({ ...entryWaysOf(model, entry), label: `via ${peerName(entry)}` } as Ways);
    }
    if (from === 'vnet' && service.type === 'NodePort' && reaches(model.routesOfService(service))) {
      const entry: ReachPeer = { kind: 'service-entry', service, via: 'node-port' };
      ways.push({ ...entryWaysOf(model, entry), label: `via ${peerName(entry)}` } as Ways);
    }
  }
  if (from === 'internet') {
    for (const path of model.paths()) if (reaches(model.routesOf(path))) ways.push({ op: 'all', label: `via ${path.name}`, parts: [pathWays(model, path, false)] });
  } else if (model.profile.networkModel === 'flat') {
    const vnet = rangesOf(model.profile.vnetCidrs);
    ways.push({ op: 'end', label: 'directly to the pod IPs (flat network: pods have VNet addresses)', endpoint: vnet ? { type: 'address', role: 'outside', within: vnet } : { type: 'address', role: 'outside' } });
  }
  return ways;
}

function entryWaysOf(model: ReachModel, entry: Extract<ReachPeer, { kind: 'service-entry' }>): Exclude<Ways, End> {
  const ways = entryWays(model, entry);
  return ways.op === 'end' ? { op: 'all', parts: [ways] } : ways;
}

function pathWays(model: ReachModel, path: IngressPath, labelled: boolean): Ways {
  const routesFor = (pods: PodClass) => model.routesOf(path).get(pods.id) ?? null;
  const label = labelled ? `via ${path.name}` : undefined;
  const end = (endpoint: Endpoint, what: string): End => ({ op: 'end', label: what, endpoint, routesFor });
  const source = path.source;
  let ways: Ways;
  switch (source.kind) {
    case 'pods': {
      const cls = syntheticPodClass(source.namespace, source.labels);
      const endpoint: Endpoint = source.partly ? { type: 'pods', pods: cls, partly: source.partly } : { type: 'pods', pods: cls };
      ways = end(endpoint, source.partly?.namespaceUnknown ? 'from its pods (namespace not stated)' : `from its pods in ${source.namespace}`);
      break;
    }
    case 'subnet':
      ways = end({ type: 'address', role: 'outside', within: [source.range] }, `from its subnet ${source.cidr}`);
      break;
    case 'unknown-address':
      ways = end({ type: 'address', role: 'outside' }, 'from its subnet (not stated)');
      break;
    case 'unknown':
      ways = {
        op: 'one-of',
        parts: [
          end({ type: 'pods', pods: syntheticPodClass('(unknown namespace)', {}), partly: { namespaceUnknown: true, otherLabels: 'unknown' } }, 'if it runs as pods in the cluster (namespace and labels not known)'),
          end({ type: 'address', role: 'outside' }, 'if it runs outside the cluster (address not known)'),
        ],
      };
      break;
  }
  return label ? { op: 'all', label, parts: [ways] } : ways;
}

/** A Service's own way in: who the pods see as the source (see the module comment). */
function entryWays(model: ReachModel, entry: Extract<ReachPeer, { kind: 'service-entry' }>): Ways {
  const service = entry.service;
  const routesFor = (pods: PodClass) => model.routesOfService(service).get(pods.id) ?? null;
  const local = service.externalTrafficPolicy === 'Local';
  const clientWithin: AddressRange[] | undefined =
    entry.via === 'load-balancer' && service.loadBalancerSourceRanges.length
      ? rangesOf(service.loadBalancerSourceRanges)
      : entry.via === 'load-balancer' && isInternalLoadBalancer(service)
        ? rangesOf(model.profile.vnetCidrs)
        : undefined;
  const client: End = { op: 'end', label: 'from the client (its address kept)', endpoint: clientWithin ? { type: 'address', role: 'outside', within: clientWithin } : { type: 'address', role: 'outside' }, routesFor };
  if (local) return client;
  const own: End = { ...ownNode(), label: "SNATed to the IP of the pod's own node (connections that node received)", routesFor };
  const other: End = { ...otherNode(model), label: "SNATed to another node's IP (connections forwarded from it)", routesFor };
  // Cilium's kube-proxy replacement may keep the client's address when the backend runs on the receiving node, or
  // SNAT it to that node: the model does not depend on which (one of the two).
  const clientLocal: Ways = {
    op: 'one-of',
    parts: [
      { ...client, label: 'from the client (address kept: the backend runs on the node that received it)' },
      { ...own, label: "SNATed to the IP of the pod's own node (the backend runs on the node that received it)" },
    ],
  };
  const kubeProxy: Exclude<Ways, End> = { op: 'all', label: 'kube-proxy datapath (Azure NPM, Calico)', parts: [own, other] };
  const cilium: Exclude<Ways, End> = { op: 'all', label: "Cilium's kube-proxy replacement", parts: [clientLocal, other] };
  switch (model.semantics.engine) {
    case 'cilium':
      return { op: 'all', parts: cilium.parts };
    case undefined:
      return { op: 'one-of', parts: [kubeProxy, cilium] };
    default:
      return { op: 'all', parts: kubeProxy.parts };
  }
}

function ownNode(): End {
  return { op: 'end', label: "from the pod's own node", endpoint: { type: 'address', role: 'own-node' } };
}

function otherNode(model: ReachModel): End {
  const within = model.semantics.nodeAddresses;
  return { op: 'end', label: "from another node's IP", endpoint: within ? { type: 'address', role: 'node', within } : { type: 'address', role: 'node' } };
}

/** Where traffic to `dst` goes. */
function destinationWays(model: ReachModel, dst: ReachPeer, notes: string[]): Ways | undefined {
  switch (dst.kind) {
    case 'workload':
      return classesEnds(dst.classes);
    case 'addresses':
      return { op: 'end', endpoint: { type: 'external', range: dst.range } };
    case 'dns': {
      const dns = model.dns();
      const ports = unionConnections(connectionsOf('UDP', [{ from: DNS_PORT, to: DNS_PORT }]), connectionsOf('TCP', [{ from: DNS_PORT, to: DNS_PORT }]));
      if (dns.kind === 'local-dns') return { op: 'end', label: `to ${dns.name}`, endpoint: { type: 'address', role: 'own-node', within: [dns.address] }, ports };
      const ends: End[] = dns.classes.map((pods) => ({ op: 'end', endpoint: { type: 'pods', pods }, ports }));
      if (dns.implied) notes.push('the workspace declares no kube-dns pods: the cluster\'s own CoreDNS pods are assumed (kube-system, k8s-app=kube-dns)');
      return ends.length === 1 ? ends[0]! : { op: 'all', parts: ends };
    }
    case 'host':
      return { op: 'end', endpoint: { type: 'address', role: 'outside', name: dst.name } };
    case 'internet':
      return { op: 'end', label: 'to an address on the Internet', endpoint: { type: 'address', role: 'outside', within: PUBLIC_IPV4 } };
    case 'vnet': {
      const vnet = rangesOf(model.profile.vnetCidrs);
      return { op: 'end', label: vnet ? 'to an address in the VNet' : 'to an address in the VNet (its ranges are not stated)', endpoint: vnet ? { type: 'address', role: 'outside', within: vnet } : { type: 'address', role: 'outside' } };
    }
    case 'ingress':
    case 'service-entry':
    case 'nodes':
      notes.push(`${peerName(dst)} is modelled as a source only`);
      return undefined;
  }
}

function rangesOf(cidrs: readonly string[] | undefined): AddressRange[] | undefined {
  const ranges = (cidrs ?? []).map((c) => parseCidr(c)).filter((r): r is AddressRange => !!r);
  return ranges.length ? ranges : undefined;
}

/** IPv4 addresses outside the private, shared, link-local, loopback and "this network" ranges. */
const PUBLIC_IPV4: readonly AddressRange[] = subtractRanges(
  [wholeFamily(4)],
  ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'].map((c) => parseCidr(c)!),
);

/** A result for a list (who can reach / what can be reached): one row. */
export interface ReachRow {
  readonly peer: ReachPeer;
  readonly answer: ReachAnswer;
}

/**
 * The sources that may reach the target (some connection possibly admitted): other workloads, the address ranges
 * the policies cut, the ingress paths routing to it, the Services' own ways in that send to it. Sorted by kind then
 * name; answers computed without trails.
 */
export function whoCanReach(model: ReachModel, target: Extract<ReachPeer, { kind: 'workload' }>): ReachRow[] {
  const rows: ReachRow[] = [];
  const push = (peer: ReachPeer) => {
    const answer = reachBetween(model, peer, target, false);
    if (!isEmptyConnections(answer.possible)) rows.push({ peer, answer });
  };
  for (const path of model.paths()) if (target.classes.some((c) => model.routesOf(path).has(c.id))) push({ kind: 'ingress', paths: [path] });
  for (const service of model.index.ofKindIn('Service', target.peer.namespace)) {
    if (service.type !== 'LoadBalancer' && service.type !== 'NodePort') continue;
    if (!target.classes.some((c) => model.routesOfService(service).has(c.id))) continue;
    if (service.type === 'LoadBalancer' && !service.loadBalancerClass) push({ kind: 'service-entry', service, via: 'load-balancer' });
    if (service.type === 'NodePort') push({ kind: 'service-entry', service, via: 'node-port' });
  }
  for (const range of model.netpol.sourceAtoms) push({ kind: 'addresses', range, text: externalPeer(range).id.replace('[External]', '') });
  // Most pairs admit nothing: a cheap look at each class pair first (the answer's own evaluation, without its legs).
  for (const peer of model.netpol.peers) if (peer.id !== target.peer.id && mayConnect(model, peer.classes, target.classes)) push(workloadPeer(peer));
  return rows;
}

function mayConnect(model: ReachModel, sources: readonly PodClass[], destinations: readonly PodClass[]): boolean {
  return sources.some((s) => destinations.some((d) => !isEmptyConnections(evaluatePair(model.netpol, { type: 'pods', pods: s }, { type: 'pods', pods: d }, false).possible)));
}

/** The destinations the source may reach: workloads, the address ranges the policies cut, cluster DNS, the Internet. */
export function reachableFrom(model: ReachModel, source: Extract<ReachPeer, { kind: 'workload' }>): ReachRow[] {
  const rows: ReachRow[] = [];
  const push = (peer: ReachPeer) => {
    const answer = reachBetween(model, source, peer, false);
    if (!isEmptyConnections(answer.possible)) rows.push({ peer, answer });
  };
  push({ kind: 'dns' });
  push({ kind: 'internet' });
  for (const range of model.netpol.destinationAtoms) push({ kind: 'addresses', range, text: externalPeer(range).id.replace('[External]', '') });
  for (const peer of model.netpol.peers) if (peer.id !== source.peer.id && mayConnect(model, source.classes, peer.classes)) push(workloadPeer(peer));
  return rows;
}

/** The one question rules ask most: do these pods admit / reach that on this port? */
export function verdictBetween(model: ReachModel, src: ReachPeer, dst: ReachPeer, protocol: Protocol, port: number): { verdict: Verdict; answer: ReachAnswer } {
  const answer = reachBetween(model, src, dst, false);
  return { verdict: verdictOf(answer, { protocol, port }), answer };
}

/** `TCP 8080`, `every port`, `nothing`. */
export function connectionWords(set: ConnectionSet): string {
  if (isEmptyConnections(set)) return 'nothing';
  return isAllConnections(set) ? 'every port' : formatConnections(set);
}

/** The peer for one workload definition. */
export function peerOfWorkloadDefinition(model: ReachModel, workload: Parameters<ReachModel['classOf']>[0]): Extract<ReachPeer, { kind: 'workload' }> | undefined {
  const peer: WorkloadPeer | undefined = model.netpol.peerOfWorkload(workload);
  const cls = model.classOf(workload);
  if (!peer || !cls) return undefined;
  return { kind: 'workload', peer, classes: [cls], workload };
}
