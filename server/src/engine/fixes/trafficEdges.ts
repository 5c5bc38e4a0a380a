/**
 * The traffic the manifests declare, as edges `source -> destination pods : port/protocol`, each with the evidence
 * that says so. The NetworkPolicy generator admits exactly these edges (plus DNS); users review them first.
 *
 * Where edges come from:
 *  - references (model/references.ts): an env value or a ConfigMap value a workload reads names a Service (and
 *    maybe a port; `X_HOST` + `X_PORT` siblings make one address). The edge goes to the pods the Service selects,
 *    on the Service port's target port;
 *  - Ingress backends: from the ingress controller of the Ingress's class (its namespace, or the subnet of an
 *    Azure-hosted one, from the cluster profile or the knowledge base);
 *  - HTTPRoute / GRPCRoute / TLSRoute / TCPRoute / UDPRoute backendRefs (UDP for UDPRoutes): from the Gateway's proxy pods (Istio-based classes label them
 *    `gateway.networking.k8s.io/gateway-name`), or from the subnet of Application Gateway for Containers;
 *  - LoadBalancer and NodePort Services: from outside the cluster on their target ports;
 *  - `netlens.io/allow-from` on a workload: what the manifests cannot show (see docs/annotations.md);
 *  - external destinations (egress/inventory.ts): to addresses outside the cluster on the declared port;
 *  - the workspace's own NetworkPolicies: what they admit between its workloads is intent, asked of the
 *    reachability model (reach/): a pod an existing policy isolates admits these connections already, and the
 *    other side's generated isolation must admit them too (else generating would deny what the repository allows).
 * What cannot be turned into an edge (a Service that is not in the workspace, an unknown controller address) is a
 * note, never a guess.
 */
import { egressOfWorkload } from '../egress/inventory';
import { ISTIO_GATEWAY_PROXY_PORTS } from '../kb/gatewayProxyPorts';
import { ingressControllerOf } from '../exposure/controllers';
import { controllerOfGateway, controllerOfIngress, GATEWAY_NAME_LABEL, type ControllerSource } from '../reach/placement';
import { referencesOf, referenceWhere, type ServiceReference } from '../model/references';
import type { ConfigMap, Gateway, Ingress, IngressBackend, NetworkPolicy, Protocol, Route, Service, ServicePort, Workload } from '../model/resources';
import { connectionsContain, isEmptyConnections, PROTOCOLS, type ConnectionSet } from '../netpol/portSet';
import { reachableFrom, reachModelOf, whoCanReach, workloadPeer, type ReachPeer } from '../reach/index';
import { findServicePort, resolveTargetPort, workloadsOfService } from '../model/serviceBackends';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { peerIdentityOf } from '../netpol/podClasses';
import type { ClusterProfile, IngressControllerProfile } from '../profile/types';
import { LineIndex } from '../syntax/lineIndex';
import type { Span } from '../syntax/tree';
import type { PlainSelector } from './policyObjects';
import { compareStrings as cmp } from '../util/compare';

export const ALLOW_FROM_ANNOTATION = 'netlens.io/allow-from';
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;
export { GATEWAY_NAME_LABEL };
const ANYWHERE = '0.0.0.0/0';
/** An admitted port range this small is listed port by port; a wider one becomes the destination's container ports in it. */
const MAX_LISTED_PORTS = 16;

export type EdgeEndpoint =
  | { type: 'workload'; id: string; namespace: string; name: string; kind: string; workload: Workload }
  /** Pods known only by namespace (and maybe labels): an ingress controller, Gateway proxies, an unknown caller. */
  | { type: 'pods'; id: string; namespace: string; selector?: PlainSelector; label: string }
  /** Addresses outside the cluster. */
  | { type: 'addresses'; id: string; cidrs: string[]; label: string };

export type EdgeOrigin = 'reference' | 'ingress' | 'route' | 'load-balancer' | 'annotation' | 'external' | 'policy';

export interface EdgeEvidence {
  file: string;
  span: Span;
  /** 1-based line, when the file's text was readable. */
  line?: number;
  /** What says so, in words: `env CART_SERVICE_ADDR = cartservice:7070 (container server)`. */
  text: string;
}

export interface TrafficEdge {
  from: EdgeEndpoint;
  to: EdgeEndpoint;
  /** The destination pod's port (a number, or a container port name that policies resolve on the pod). */
  port: number | string;
  protocol: Protocol;
  origin: EdgeOrigin;
  evidence: EdgeEvidence[];
}

export interface EdgeNote {
  /** `error`: something was not generated (the guard refused it); nothing of it is written. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Namespaces whose policies it concerns (generators in one namespace show only its notes). */
  namespaces?: string[];
  file?: string;
  span?: Span;
  line?: number;
}

export interface EdgeOptions {
  profile?: ClusterProfile;
  /** Extra or overriding controller locations (by class), e.g. from a command argument. */
  ingressControllers?: readonly IngressControllerProfile[];
  /** Reads a file's text (for line numbers in evidence). */
  textOf?: (file: string) => string | undefined;
  /** Do not read what the workspace's own NetworkPolicies admit as evidence (`--ignore-existing-policies`). */
  ignoreExistingPolicies?: boolean;
}

export interface InferredTraffic {
  edges: TrafficEdge[];
  notes: EdgeNote[];
  /** Namespaces of Ingresses and routes whose controller has no known address (their backends get no edge from it). */
  unplacedControllers: string[];
}

export function workloadEndpoint(workload: Workload): EdgeEndpoint {
  const identity = peerIdentityOf(workload);
  return { type: 'workload', id: `${identity.namespace}/${identity.name}[${identity.kind}]`, namespace: identity.namespace, name: identity.name, kind: identity.kind, workload };
}

export function describeEndpoint(endpoint: EdgeEndpoint): string {
  switch (endpoint.type) {
    case 'workload':
      return endpoint.id;
    case 'pods':
      return endpoint.label;
    case 'addresses':
      return endpoint.label;
  }
}

export function inferTraffic(index: WorkspaceIndex, options: EdgeOptions = {}): InferredTraffic {
  const builder = new EdgeBuilder(index, options);
  builder.references();
  builder.ingresses();
  builder.routes();
  builder.loadBalancers();
  builder.allowFrom();
  builder.external();
  if (!options.ignoreExistingPolicies) builder.existingPolicies();
  return builder.result();
}

class EdgeBuilder {
  private readonly edges = new Map<string, TrafficEdge>();
  private readonly notes: EdgeNote[] = [];
  private readonly noteKeys = new Set<string>();
  private readonly unplaced = new Set<string>();
  private readonly clientsAdded = new Set<string>();
  private readonly lines = new Map<string, LineIndex | null>();
  /** One workload definition per peer (variants of one app share a peer). */
  private readonly peers: Workload[];

  /** The profile, with controller locations given as options first (they win over the profile's). */
  private readonly profile: ClusterProfile;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly options: EdgeOptions,
  ) {
    const base = options.profile ?? {};
    this.profile = { ...base, ingressControllers: [...(options.ingressControllers ?? []), ...(base.ingressControllers ?? [])] };
    const seen = new Set<string>();
    this.peers = [];
    for (const workload of index.workloads()) {
      const id = workloadEndpoint(workload).id;
      if (seen.has(id)) continue;
      seen.add(id);
      this.peers.push(workload);
    }
  }

  result(): InferredTraffic {
    const edges = [...this.edges.values()].sort(
      (a, b) => cmp(a.to.id, b.to.id) || cmp(a.from.id, b.from.id) || cmp(a.protocol, b.protocol) || cmp(String(a.port).padStart(5, '0'), String(b.port).padStart(5, '0')),
    );
    return { edges, notes: this.notes, unplacedControllers: [...this.unplaced].sort() };
  }

  private lineOf(file: string, offset: number): number | undefined {
    let lines = this.lines.get(file);
    if (lines === undefined) {
      const text = this.options.textOf?.(file);
      lines = text === undefined ? null : new LineIndex(text);
      this.lines.set(file, lines);
    }
    return lines ? lines.position(offset).line + 1 : undefined;
  }

  private evidence(file: string, span: Span, text: string): EdgeEvidence {
    const e: EdgeEvidence = { file, span, text };
    const line = this.lineOf(file, span.start);
    if (line !== undefined) e.line = line;
    return e;
  }

  /**
   * A note about the namespaces whose policies it concerns; the same message is given once per file (with `once`,
   * once per namespace).
   */
  private note(severity: EdgeNote['severity'], message: string, namespaces: readonly (string | undefined)[], file?: string, span?: Span, once = false): void {
    const key = `${severity}|${message}|${once ? namespaces.join(',') : (file ?? '')}`;
    if (this.noteKeys.has(key)) return;
    this.noteKeys.add(key);
    const note: EdgeNote = { severity, message, namespaces: [...new Set(namespaces.filter((n): n is string => n !== undefined))].sort() };
    if (file !== undefined) note.file = file;
    if (span) {
      note.span = span;
      const line = file !== undefined ? this.lineOf(file, span.start) : undefined;
      if (line !== undefined) note.line = line;
    }
    this.notes.push(note);
  }

  private add(from: EdgeEndpoint, to: EdgeEndpoint, port: number | string, protocol: Protocol, origin: EdgeOrigin, evidence: EdgeEvidence): void {
    const key = `${from.id}>${to.id}>${protocol}/${port}`;
    const edge = this.edges.get(key);
    if (!edge) {
      this.edges.set(key, { from, to, port, protocol, origin, evidence: [evidence] });
      return;
    }
    if (!edge.evidence.some((e) => e.file === evidence.file && e.span.start === evidence.span.start && e.text === evidence.text)) edge.evidence.push(evidence);
  }

  /** Edges to the pods behind a Service port: on its target port, resolved per pod when named. */
  private toService(from: EdgeEndpoint, service: Service, servicePorts: readonly ServicePort[], origin: EdgeOrigin, evidence: EdgeEvidence, what: string): void {
    const targets = workloadsOfService(this.index, service);
    if (targets.length === 0) {
      this.note('warning', `${what} reaches Service ${service.namespace}/${service.name}, which selects no workload in the workspace: nothing to admit`, [namespaceOf(from), service.namespace], evidence.file, evidence.span);
      return;
    }
    for (const target of dedupe(targets)) {
      for (const servicePort of servicePorts) {
        const port = typeof servicePort.targetPort === 'number' ? servicePort.targetPort : (resolveTargetPort(target, servicePort)?.port.containerPort ?? servicePort.targetPort);
        this.add(from, workloadEndpoint(target), port, servicePort.protocol, origin, evidence);
      }
    }
  }

  references(): void {
    for (const workload of this.index.workloads()) {
      const from = workloadEndpoint(workload);
      for (const ref of referencesOf(this.index, workload)) {
        const container = workload.containers.find((c) => c.name === ref.container);
        const siblings = (name: string) => container?.env.find((e) => e.name === name)?.value;
        if (ref.via === 'arg') {
          this.reference(from, ref, () => undefined, referenceWhere(ref));
          continue;
        }
        const env = container?.env.find((e) => e.name === ref.envName);
        const written = env?.value ?? ref.host;
        this.reference(from, ref, siblings, `env ${ref.envName} = ${written}${ref.container ? ` (container ${ref.container})` : ''}`);
      }
      const read = new Set<string>();
      for (const container of workload.containers) {
        const sources: { configMap: string; key?: string; how: string }[] = [
          ...container.envFrom.filter((e) => e.configMap).map((e) => ({ configMap: e.configMap!, how: 'envFrom' })),
          ...container.env.filter((e) => e.configMapKeyRef).map((e) => ({ configMap: e.configMapKeyRef!.name, key: e.configMapKeyRef!.key, how: `env ${e.name}` })),
        ];
        for (const source of sources) {
          for (const configMap of this.index.lookup('ConfigMap', workload.namespace, source.configMap)) {
            for (const ref of referencesOf(this.index, configMap)) {
              if (source.key !== undefined && ref.key !== source.key) continue;
              const key = `${configMap.id}/${ref.key}/${ref.span.start}`;
              if (read.has(key)) continue;
              read.add(key);
              this.reference(from, ref, (name) => (configMap as ConfigMap).data[name], `ConfigMap ${configMap.name} key ${ref.key} = ${configMap.data[ref.key!] ?? ref.host} (read through ${source.how})`);
            }
          }
        }
      }
    }
  }

  private reference(from: EdgeEndpoint, ref: ServiceReference, sibling: (name: string) => string | undefined, description: string): void {
    let port = ref.port;
    let text = description;
    if (port === undefined) {
      const paired = siblingPort(ref.envName ?? ref.key ?? '', sibling);
      if (paired) {
        port = paired.port;
        text += `, port from ${paired.name} = ${paired.port}`;
      }
    }
    const evidence = this.evidence(ref.file, ref.span, text);
    const service = this.index.lookup('Service', ref.namespace, ref.serviceName)[0];
    if (!service) {
      this.note('warning', `${description} names Service ${ref.namespace}/${ref.serviceName}, which is not in the workspace: no edge (its pods are unknown); generate again once it is in the workspace`, [namespaceOf(from), ref.namespace], ref.file, ref.span);
      return;
    }
    if (service.type === 'ExternalName') {
      this.note('info', `${description} names ExternalName Service ${service.namespace}/${service.name} (${service.externalName ?? '?'}): traffic leaves for that host, not for pods; no edge`, [namespaceOf(from), ref.namespace], ref.file, ref.span);
      return;
    }
    if (port === undefined) {
      this.note('info', `${description} names Service ${service.namespace}/${service.name} without a port: every port of the Service is admitted`, [namespaceOf(from), ref.namespace], ref.file, ref.span);
      this.toService(from, service, service.ports, 'reference', evidence, description);
      return;
    }
    const servicePort = service.ports.find((p) => p.port === port);
    if (servicePort) {
      this.toService(from, service, [servicePort], 'reference', evidence, description);
      return;
    }
    if (service.clusterIP === 'None') {
      // A headless Service resolves to pod IPs: the port written is the pod's own.
      const headless: ServicePort = { port, protocol: 'TCP', targetPort: port, targetPortExplicit: true, span: service.span };
      this.toService(from, service, [headless], 'reference', evidence, description);
      return;
    }
    this.note('warning', `${description} connects to port ${port} of Service ${service.namespace}/${service.name}, which has no such port: no edge (the connection would fail anyway)`, [namespaceOf(from), ref.namespace], ref.file, ref.span);
  }

  ingresses(): void {
    for (const ingress of this.index.ofKind('Ingress')) {
      const info = ingressControllerOf(this.index, ingress);
      const from = this.endpointOfSource(controllerOfIngress(this.index, this.profile, ingress), info.label, ingress);
      const backends: { backend: IngressBackend; where: string }[] = [];
      if (ingress.defaultBackend) backends.push({ backend: ingress.defaultBackend, where: 'defaultBackend' });
      for (const rule of ingress.rules) for (const path of rule.paths) backends.push({ backend: path.backend, where: `${rule.host ?? '*'} ${path.path ?? '/'}${path.pathType ? ` (${path.pathType})` : ''}` });
      for (const { backend, where } of backends) {
        const ref = backend.service;
        if (!ref) continue;
        const service = this.index.lookup('Service', ingress.namespace, ref.service)[0];
        const description = `Ingress ${ingress.namespace}/${ingress.name} ${where} -> Service ${ref.service}${ref.port !== undefined ? `:${ref.port}` : ''}`;
        if (!service) {
          this.note('warning', `${description}: no such Service in the workspace, no edge`, [ingress.namespace], ingress.file, ref.serviceSpan);
          continue;
        }
        if (!from) {
          this.unknownController(info.className ?? '(no class)', ingress, ref.serviceSpan);
          continue;
        }
        const ports = (ref.port === undefined ? service.ports : [findServicePort(service, ref.port)].filter((p): p is ServicePort => !!p)).filter((p) => p.protocol === 'TCP');
        this.toService(from, service, ports, 'ingress', this.evidence(ingress.file, ref.serviceSpan, description), description);
      }
    }
  }

  /**
   * Where a controller's traffic comes from, as the NetworkPolicy rules read it (reach/placement.ts):
   * the profile's ingressControllers (command arguments first), else what AKS documents for the class.
   */
  private endpointOfSource(source: ControllerSource | undefined, label: string, object: Ingress | Route): EdgeEndpoint | undefined {
    if (!source || source.kind === 'azure-unknown') return undefined;
    if (source.kind === 'addresses') return { type: 'addresses', id: `cidr:${source.cidr}`, cidrs: [source.cidr], label: `${label} (subnet ${source.cidr})` };
    if (source.origin === 'convention') {
      this.note('info', `the controller of class ${source.className} is assumed to run in namespace ${source.namespace} (its usual one); set ingressControllers in .netlens.yaml if it runs elsewhere`, [object.namespace], object.file, object.nameSpan, true);
    }
    const labels = Object.keys(source.labels).length ? { matchLabels: { ...source.labels } } : undefined;
    const id = labels ? `pods:${source.namespace}:${JSON.stringify(labels)}` : `ns:${source.namespace}`;
    const endpoint: EdgeEndpoint = { type: 'pods', id, namespace: source.namespace, label: labels ? `${label} proxy pods` : `${label} (namespace ${source.namespace})` };
    if (labels) endpoint.selector = labels;
    return endpoint;
  }

  private unknownController(className: string, object: Ingress | Route, span: Span): void {
    this.unplaced.add(object.namespace);
    this.note(
      'warning',
      `the controller of class ${className} (for ${object.kind} ${object.namespace}/${object.name}) has no known address: no edge. Set ingressControllers (class ${className}: namespace or subnetCidr) in .netlens.yaml.`,
      [object.namespace],
      object.file,
      span,
    );
  }

  routes(): void {
    const routes = ROUTE_KINDS.flatMap((kind) => this.index.ofKind(kind)).filter((r) => r.apiVersion.startsWith('gateway.networking.k8s.io/'));
    for (const route of routes) {
      const froms: EdgeEndpoint[] = [];
      for (const parent of route.parentRefs) {
        if (parent.kind !== 'Gateway') continue;
        const namespace = parent.namespace ?? route.namespace;
        const gateways = this.index.lookup('Gateway', namespace, parent.name).filter((g) => g.apiVersion.startsWith('gateway.networking.k8s.io/'));
        if (gateways.length === 0) {
          this.note('warning', `${route.kind} ${route.namespace}/${route.name} attaches to Gateway ${namespace}/${parent.name}, which is not in the workspace: its class (and so its proxy) is unknown, no edge`, [route.namespace], route.file, parent.span);
          continue;
        }
        const from = this.gatewayEndpoint(gateways[0]!, route);
        if (from) {
          froms.push(from);
          this.gatewayClients(gateways[0]!, from);
        } 
        else this.unknownController(gateways[0]!.gatewayClassName ?? '(no class)', route, parent.span);
      }
      for (const rule of route.rules) {
        for (const ref of rule.backendRefs) {
          if (!((ref.group === '' || ref.group === 'core') && ref.kind === 'Service') || ref.port === undefined) continue;
          const namespace = ref.namespace ?? route.namespace;
          const service = this.index.lookup('Service', namespace, ref.name)[0];
          const description = `${route.kind} ${route.namespace}/${route.name} -> Service ${namespace === route.namespace ? '' : `${namespace}/`}${ref.name}:${ref.port}`;
          if (!service) {
            this.note('warning', `${description}: no such Service in the workspace, no edge`, [route.namespace], route.file, ref.nameSpan);
            continue;
          }
          // UDPRoutes carry UDP; every other kind TCP (TLS, HTTP and gRPC run over TCP).
          const protocol: Protocol = route.kind === 'UDPRoute' ? 'UDP' : 'TCP';
          const ports = service.ports.filter((p) => p.port === ref.port && p.protocol === protocol);
          for (const from of froms) this.toService(from, service, ports, 'route', this.evidence(route.file, ref.nameSpan, description), description);
        }
      }
    }
  }

  /**
   * Clients of a Gateway's in-cluster proxies (per-Gateway deployments labelled with its name): from any address on
   * each listener's port, which the proxy binds itself (kb/gatewayProxyPorts.ts). Once per Gateway.
   */
  private gatewayClients(gateway: Gateway, proxy: EdgeEndpoint): void {
    if (proxy.type !== 'pods' || !proxy.selector?.matchLabels?.[GATEWAY_NAME_LABEL] || this.clientsAdded.has(gateway.id)) return;
    this.clientsAdded.add(gateway.id);
    const from: EdgeEndpoint = { type: 'addresses', id: `cidr:${ANYWHERE}`, cidrs: [ANYWHERE], label: 'outside the cluster (any address)' };
    for (const listener of gateway.listeners) {
      if (listener.port === undefined) continue;
      const protocol: Protocol = listener.protocol?.toUpperCase() === 'UDP' ? 'UDP' : 'TCP';
      const description = `Gateway ${gateway.namespace}/${gateway.name} listener ${listener.name} port ${listener.port}/${listener.protocol ?? 'HTTP'} (the proxy binds the ${ISTIO_GATEWAY_PROXY_PORTS.podPort} port)`;
      this.add(from, proxy, listener.port, protocol, 'route', this.evidence(gateway.file, listener.span, description));
    }
  }

  /** The proxies of a Gateway: Istio-based classes run them beside the Gateway, labelled with its name. */
  private gatewayEndpoint(gateway: Gateway, route: Route): EdgeEndpoint | undefined {
    const label = `Gateway ${gateway.namespace}/${gateway.name} (${gateway.gatewayClassName ?? 'no class'})`;
    return this.endpointOfSource(controllerOfGateway(this.index, this.profile, gateway), label, route);
  }

  loadBalancers(): void {
    for (const service of this.index.ofKind('Service')) {
      if (service.type !== 'LoadBalancer' && service.type !== 'NodePort') continue;
      // With externalTrafficPolicy Cluster, traffic may arrive from another node SNATed to that node's IP, so only
      // `Local` (client IP kept) lets the policy use loadBalancerSourceRanges.
      const ranges = service.externalTrafficPolicy === 'Local' && service.loadBalancerSourceRanges.length ? service.loadBalancerSourceRanges : [ANYWHERE];
      if (service.loadBalancerSourceRanges.length && ranges[0] === ANYWHERE) {
        this.note('info', `Service ${service.namespace}/${service.name} limits clients with loadBalancerSourceRanges, but with externalTrafficPolicy Cluster pods see node IPs: the policy admits any address (the load balancer still filters)`, [service.namespace], service.file, service.nameSpan);
      }
      const from: EdgeEndpoint = { type: 'addresses', id: `cidr:${ranges.join(',')}`, cidrs: [...ranges], label: ranges[0] === ANYWHERE ? 'outside the cluster (any address)' : `outside the cluster (${ranges.join(', ')})` };
      for (const servicePort of service.ports) {
        const description = `Service ${service.namespace}/${service.name} type ${service.type} port ${servicePort.port}/${servicePort.protocol} -> targetPort ${servicePort.targetPort}`;
        this.toService(from, service, [servicePort], 'load-balancer', this.evidence(service.file, servicePort.span, description), description);
      }
    }
  }

  allowFrom(): void {
    for (const workload of this.peers) {
      const value = workload.annotations[ALLOW_FROM_ANNOTATION];
      if (value === undefined) continue;
      const span = workload.annotationValueSpans?.[ALLOW_FROM_ANNOTATION] ?? workload.annotationSpans[ALLOW_FROM_ANNOTATION] ?? workload.nameSpan;
      const to = workloadEndpoint(workload);
      for (const entry of parseAllowFrom(value, workload.namespace)) {
        if ('error' in entry) {
          this.note('warning', `${ALLOW_FROM_ANNOTATION} of ${to.id}: ${entry.error}`, [workload.namespace], workload.file, span);
          continue;
        }
        const description = `annotation ${ALLOW_FROM_ANNOTATION}: ${entry.text}`;
        let from: EdgeEndpoint;
        if (entry.cidr) {
          from = { type: 'addresses', id: `cidr:${entry.cidr}`, cidrs: [entry.cidr], label: `addresses ${entry.cidr}` };
        } else if (entry.workload === '*') {
          from = { type: 'pods', id: `ns:${entry.namespace}`, namespace: entry.namespace!, label: `every pod of namespace ${entry.namespace}` };
        } else {
          const source = this.peers.find((w) => {
            const id = peerIdentityOf(w);
            return id.namespace === entry.namespace && (id.name === entry.workload || w.name === entry.workload);
          });
          if (source) from = workloadEndpoint(source);
          else {
            this.note('warning', `${ALLOW_FROM_ANNOTATION} of ${to.id}: workload ${entry.namespace}/${entry.workload} is not in the workspace, so every pod of namespace ${entry.namespace} is admitted on ${entry.port}/${entry.protocol}`, [workload.namespace, entry.namespace], workload.file, span);
            from = { type: 'pods', id: `ns:${entry.namespace}`, namespace: entry.namespace!, label: `every pod of namespace ${entry.namespace} (for ${entry.namespace}/${entry.workload})` };
          }
        }
        this.add(from, to, entry.port, entry.protocol, 'annotation', this.evidence(workload.file, span, description));
      }
    }
  }

  /**
   * Connections between workloads that the existing policies admit explicitly: to a workload they isolate for
   * ingress, or from one they isolate for egress. Ports are the admitted ones (a rule without ports: the
   * destination's container ports).
   */
  existingPolicies(): void {
    const model = reachModelOf(this.index, this.profile);
    const byPeer = new Map<string, { peer: Extract<ReachPeer, { kind: 'workload' }>; workload: Workload }>();
    for (const peer of model.netpol.peers) {
      const workload = peer.workloads[0];
      if (workload) byPeer.set(peer.id, { peer: workloadPeer(peer) as Extract<ReachPeer, { kind: 'workload' }>, workload });
    }
    const isolating = (peer: Extract<ReachPeer, { kind: 'workload' }>, direction: 'Ingress' | 'Egress') => peer.classes.flatMap((c) => model.netpol.policiesSelecting(c, direction));
    for (const { peer, workload } of byPeer.values()) {
      const ingress = isolating(peer, 'Ingress');
      if (ingress.length) {
        for (const row of whoCanReach(model, peer)) {
          const source = row.peer.kind === 'workload' ? byPeer.get(row.peer.peer.id) : undefined;
          if (source && source.workload !== workload) this.admitted(source.workload, workload, row.answer.allowed, ingress[0]!.policy, 'ingress');
        }
      }
      const egress = isolating(peer, 'Egress');
      if (egress.length) {
        for (const row of reachableFrom(model, peer)) {
          const target = row.peer.kind === 'workload' ? byPeer.get(row.peer.peer.id) : undefined;
          if (target && target.workload !== workload) this.admitted(workload, target.workload, row.answer.allowed, egress[0]!.policy, 'egress');
        }
      }
    }
  }

  private admitted(source: Workload, target: Workload, allowed: ConnectionSet, policy: NetworkPolicy, direction: 'ingress' | 'egress'): void {
    if (isEmptyConnections(allowed)) return;
    const from = workloadEndpoint(source);
    const to = workloadEndpoint(target);
    const description = `existing NetworkPolicy ${policy.namespace}/${policy.name} admits it (${direction} of ${direction === 'ingress' ? to.id : from.id})`;
    const evidence = this.evidence(policy.file, policy.nameSpan, description);
    for (const protocol of PROTOCOLS) {
      const ranges = allowed[protocol];
      if (!ranges.length) continue;
      const listed = ranges.reduce((n, r) => n + r.to - r.from + 1, 0) <= MAX_LISTED_PORTS;
      const ports = listed
        ? ranges.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i))
        : target.containers.flatMap((c) => c.ports).filter((p) => p.protocol === protocol && connectionsContain(allowed, protocol, p.containerPort)).map((p) => p.containerPort);
      if (!listed && ports.length === 0) {
        this.note('warning', `${description}: on ${protocol} port ranges that ${to.id} declares no container port in; not carried over (declare its containerPorts, or netlens.io/allow-from)`, [source.namespace, target.namespace], policy.file, policy.nameSpan);
        continue;
      }
      for (const port of [...new Set(ports)]) this.add(from, to, port, protocol, 'policy', evidence);
    }
  }

  external(): void {
    for (const workload of this.index.workloads()) {
      const from = workloadEndpoint(workload);
      for (const destination of egressOfWorkload(this.index, workload)) {
        const ip = destination.address === 'ip';
        const cidr = ip ? `${destination.host}/${destination.host.includes(':') ? 128 : 32}` : ANYWHERE;
        const to: EdgeEndpoint = { type: 'addresses', id: `cidr:${cidr}`, cidrs: [cidr], label: ip ? `address ${destination.host}` : 'outside the cluster (any address)' };
        for (const e of destination.evidence) {
          const description = `${e.via === 'env' ? `env ${e.name}` : `ConfigMap ${e.configMap} key ${e.name}`} declares ${destination.host}:${destination.port}${e.portFrom ? ` (port from ${e.portFrom})` : ''}`;
          this.add(from, to, destination.port, destination.protocol, 'external', this.evidence(e.file, e.span, description));
        }
        if (!ip) this.note('info', `${from.id} connects to ${destination.host}:${destination.port}: NetworkPolicies cannot name hosts, so any address on that port is admitted (restrict it with an FQDN-aware firewall; \`netlens egress\` lists these)`, [namespaceOf(from)]);
      }
    }
  }
}

function namespaceOf(endpoint: EdgeEndpoint): string | undefined {
  return endpoint.type === 'addresses' ? undefined : endpoint.namespace;
}

export interface AllowFromEntry {
  text: string;
  namespace?: string;
  /** A workload name, or `*` for every pod of the namespace. */
  workload?: string;
  cidr?: string;
  port: number | string;
  protocol: Protocol;
}

/**
 * `netlens.io/allow-from` entries, comma-separated: `namespace/workload:port`, `workload:port` (the annotated
 * workload's namespace), `namespace/*:port` (any pod of the namespace) or `cidr:port` (addresses outside the
 * cluster); the port is a number or a container port name of the annotated workload, optionally `/UDP` or `/SCTP`.
 */
export function parseAllowFrom(value: string, namespace: string): (AllowFromEntry | { error: string })[] {
  const out: (AllowFromEntry | { error: string })[] = [];
  for (const raw of value.split(/[,\s]+/)) {
    const text = raw.trim();
    if (!text) continue;
    const match = /^(.+):([A-Za-z0-9-]+)(?:\/(TCP|UDP|SCTP))?$/i.exec(text);
    if (!match) {
      out.push({ error: `\`${text}\` is not \`namespace/workload:port\`` });
      continue;
    }
    const source = match[1]!;
    const portText = match[2]!;
    const port = /^\d+$/.test(portText) ? Number(portText) : portText;
    if (typeof port === 'number' && (port < 1 || port > 65535)) {
      out.push({ error: `\`${text}\`: port ${port} is out of range` });
      continue;
    }
    const protocol = (match[3]?.toUpperCase() ?? 'TCP') as Protocol;
    if (/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(source) && /[.:]/.test(source)) {
      out.push({ text, cidr: source, port, protocol });
      continue;
    }
    const parts = source.split('/');
    if (parts.length > 2 || parts.some((p) => !/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?|\*)$/.test(p))) {
      out.push({ error: `\`${text}\`: \`${source}\` is not a workload (namespace/name)` });
      continue;
    }
    const [ns, workload] = parts.length === 2 ? [parts[0]!, parts[1]!] : [namespace, parts[0]!];
    if (ns === '*') {
      out.push({ error: `\`${text}\`: name a namespace (every namespace is not a least-privilege source)` });
      continue;
    }
    out.push({ text, namespace: ns, workload, port, protocol });
  }
  return out;
}

/** `X_HOST`/`X_HOSTNAME`/`X_ADDR` beside `X_PORT` (numeric): the port of that address. */
function siblingPort(variable: string, sibling: (name: string) => string | undefined): { name: string; port: number } | undefined {
  const match = /^(.*?)_?(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVICE|ENDPOINT)$/i.exec(variable);
  if (!match) return undefined;
  const prefix = match[1]!;
  for (const name of [`${prefix}_PORT`, `${prefix}_SERVICE_PORT`]) {
    const value = sibling(name)?.trim();
    if (value && /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535) return { name, port: Number(value) };
  }
  return undefined;
}

function dedupe(workloads: readonly Workload[]): Workload[] {
  const seen = new Set<string>();
  return workloads.filter((w) => {
    const id = workloadEndpoint(w).id;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}


/** `file:line` of a piece of evidence, with the file shown by `display`. */
export function evidenceWhere(evidence: { file: string; line?: number }, display: (file: string) => string = (f) => f): string {
  return evidence.line !== undefined ? `${display(evidence.file)}:${evidence.line}` : display(evidence.file);
}

