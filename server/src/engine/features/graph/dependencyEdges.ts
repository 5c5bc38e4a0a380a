/**
 * What workloads need to reach, for the connectivity graph, each judged by the reachability model (reach/):
 *  - a Service a workload names in its env or in a ConfigMap it reads (`model/references.ts`), resolved to the
 *    workloads the Service selects and the pod port it lands on;
 *  - an external destination it declares (the egress inventory: a URL or host:port), target node `host:<name>`;
 *  - cluster DNS (UDP 53), for pods isolated for egress: every connection by name needs it first.
 * ALLOWED, DENIED or UNKNOWN. The denied ones are what the graph is for: the application will try to connect and the
 * packets will be dropped. The same verdicts as the rules netpol-blocks-declared-dependency,
 * netpol-blocks-declared-egress and netpol-egress-blocks-dns.
 *
 * References to a missing Service or port are left to their rules (reference-service-missing,
 * reference-port-missing); the graph only draws what resolves.
 *
 * Steppable (`../steps.ts`): it yields after each source workload.
 */
import { egressOfWorkload } from '../../egress/inventory';
import { targetsOfServicePort } from '../../exposure/backends';
import { referencesOf, referenceWhere, type ServiceReference } from '../../model/references';
import { WORKLOAD_KINDS, type ConfigMap, type ServicePort, type Workload } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { parseAddress } from '../../netpol/addressSet';
import type { WorkloadPeer } from '../../netpol/podClasses';
import { DNS_PORT } from '../../reach/clusterDns';
import type { ReachModel } from '../../reach/model';
import { peerId, workloadPeer, type ReachPeer } from '../../reach/peers';
import { reachBetween, verdictOf, type ReachAnswer, type Verdict } from '../../reach/query';
import type { Steps } from '../steps';
import type { DependencyEdge, EnginePlace, EntryNode } from './types';

export interface DependencyGraph {
  edges: DependencyEdge<EnginePlace>[];
  /** Targets that are not workloads: `dns`, `host:<name>`. */
  nodes: EntryNode<EnginePlace>[];
}

export function* dependencyEdgeSteps(
  index: WorkspaceIndex,
  model: ReachModel,
  peers: readonly WorkloadPeer[],
  inGraph: ReadonlySet<string>,
  inScope: (peer: WorkloadPeer) => boolean,
): Steps<DependencyGraph> {
  const edges = new Map<string, DependencyEdge<EnginePlace>>();
  const nodes = new Map<string, EntryNode<EnginePlace>>();
  const answers = new Map<string, ReachAnswer>();
  const answerFor = (src: WorkloadPeer, dst: ReachPeer): ReachAnswer => {
    const key = `${src.id}\u0000${peerId(dst)}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = reachBetween(model, workloadPeer(src), dst, false)));
    return answer;
  };

  for (const src of peers) {
    for (const workload of src.workloads) {
      for (const reference of referencesCache(index, workload)) {
        for (const service of index.lookup('Service', reference.namespace, reference.serviceName)) {
          const ports = reference.port === undefined ? service.ports : service.ports.filter((p) => p.port === reference.port);
          for (const servicePort of ports) {
            for (const target of targetsOfServicePort(index, service, servicePort).targets) {
              const dst = model.netpol.peerOfWorkload(target.workload);
              if (!dst || dst === src || !inGraph.has(dst.id) || (!inScope(src) && !inScope(dst))) continue;
              const id = `dependency:${src.id}>${dst.id}:${service.namespace}/${service.name}:${servicePort.port}/${servicePort.protocol}`;
              if (edges.has(id)) continue;
              const answer = answerFor(src, workloadPeer(dst));
              const status = verdictOf(answer, target.port !== undefined ? { protocol: servicePort.protocol, port: target.port } : { protocol: servicePort.protocol });
              edges.set(id, edgeOf(id, src, dst, reference, service.namespace, service.name, servicePort, target.port, status));
            }
          }
        }
      }
    }
    if (inScope(src)) {
      for (const workload of src.workloads) externalEdges(model, src, workload, answerFor, edges, nodes);
      dnsEdge(model, src, answerFor, edges, nodes);
    }
    yield;
  }
  return { edges: [...edges.values()], nodes: [...nodes.values()] };
}

/** Declared external destinations of one workload definition (only where its pods are isolated for egress). */
function externalEdges(model: ReachModel, src: WorkloadPeer, workload: Workload, answerFor: (src: WorkloadPeer, dst: ReachPeer) => ReachAnswer, edges: Map<string, DependencyEdge<EnginePlace>>, nodes: Map<string, EntryNode<EnginePlace>>): void {
  if (!src.classes.some((c) => model.netpol.policiesSelecting(c, 'Egress').length > 0)) return;
  for (const destination of egressOfWorkload(model.index, workload)) {
    const address = destination.address === 'ip' ? parseAddress(destination.host) : undefined;
    const target: ReachPeer = address ? { kind: 'addresses', range: { family: address.family, first: address.value, last: address.value }, text: destination.host } : { kind: 'host', name: destination.host };
    const nodeId = `host:${destination.host}`;
    const id = `dependency:${src.id}>${nodeId}:${destination.port}`;
    if (edges.has(id)) continue;
    const evidence = destination.evidence[0];
    if (!evidence) continue;
    const status = verdictOf(answerFor(src, target), { protocol: 'TCP', port: destination.port });
    if (!nodes.has(nodeId)) nodes.set(nodeId, { type: 'host', id: nodeId, label: destination.host, detail: `${destination.host}: a destination outside the cluster that workloads declare` });
    edges.set(id, {
      kind: 'dependency',
      what: 'external',
      id,
      source: src.id,
      target: nodeId,
      status,
      label: `${status === 'denied' ? '✕ ' : status === 'unknown' ? '? ' : ''}${destination.host}:${destination.port}`,
      detail: `${src.namespace}/${src.name} declares ${destination.host}:${destination.port} (${evidence.via === 'env' ? `env ${evidence.name}` : `key ${evidence.name}`}): ${verdictWords(status)}`,
      place: { file: evidence.file, span: evidence.span },
      service: destination.host,
      servicePort: destination.port,
      protocol: 'TCP',
      explain: { source: src.id, destination: address ? destination.host : `host:${destination.host}`, port: destination.port, protocol: 'TCP' },
    });
  }
}

/**
 * Cluster DNS for pods isolated for egress by NetworkPolicies, and for any pods whose DNS the model does not allow
 * (a Cilium or admin policy rule that denies it); elsewhere it is trivially allowed and would only add edges.
 */
function dnsEdge(model: ReachModel, src: WorkloadPeer, answerFor: (src: WorkloadPeer, dst: ReachPeer) => ReachAnswer, edges: Map<string, DependencyEdge<EnginePlace>>, nodes: Map<string, EntryNode<EnginePlace>>): void {
  const isolating = src.classes.flatMap((c) => model.netpol.policiesSelecting(c, 'Egress'));
  const first = isolating[0];
  const status = verdictOf(answerFor(src, { kind: 'dns' }), { protocol: 'UDP', port: DNS_PORT });
  if (!first && status === 'allowed') return;
  const dns = model.dns();
  if (!nodes.has('dns')) nodes.set('dns', { type: 'dns', id: 'dns', label: 'DNS', detail: dns.name });
  const id = `dependency:${src.id}>dns`;
  edges.set(id, {
    kind: 'dependency',
    what: 'dns',
    id,
    source: src.id,
    target: 'dns',
    status,
    label: `${status === 'denied' ? '✕ ' : status === 'unknown' ? '? ' : ''}DNS`,
    detail: `${first ? `${src.namespace}/${src.name} is isolated for egress (${[...new Set(isolating.map((p) => p.name))].join(', ')}); its name lookups` : `The name lookups of ${src.namespace}/${src.name}`} need UDP ${DNS_PORT} to ${dns.name}: ${verdictWords(status)}`,
    place: first ? { file: first.policy.file, span: first.policy.podSelector.span } : { file: src.workloads[0]!.file, span: src.workloads[0]!.nameSpan },
    service: 'dns',
    servicePort: DNS_PORT,
    protocol: 'UDP',
    explain: { source: src.id, destination: 'dns', port: DNS_PORT, protocol: 'UDP' },
  });
}

function verdictWords(status: Verdict): string {
  return status === 'allowed' ? 'the policies admit it' : status === 'denied' ? 'DENIED: the policies admit no such connection, it will be dropped' : 'UNKNOWN: it depends on facts the manifests and the cluster profile do not state';
}

function edgeOf(
  id: string,
  src: WorkloadPeer,
  dst: WorkloadPeer,
  reference: ServiceReference,
  namespace: string,
  name: string,
  servicePort: ServicePort,
  targetPort: number | undefined,
  status: Verdict,
): DependencyEdge<EnginePlace> {
  const where = reference.via === 'env' ? `env ${reference.envName ?? ''}${reference.container ? ` of container ${reference.container}` : ''}` : referenceWhere(reference);
  const landing = targetPort !== undefined ? `pod port ${servicePort.protocol} ${targetPort}` : `targetPort ${servicePort.targetPort} (not resolved)`;
  const verdict = verdictWords(status);
  const edge: DependencyEdge<EnginePlace> = {
    kind: 'dependency',
    what: 'service',
    id,
    source: src.id,
    target: dst.id,
    status,
    label: `${status === 'denied' ? '✕ ' : status === 'unknown' ? '? ' : ''}${name}:${servicePort.port}`,
    detail: `${src.namespace}/${src.name} names Service ${namespace}/${name} port ${servicePort.port} (${where}: ${reference.host}${reference.port !== undefined ? `:${reference.port}` : ''}) → ${landing} on ${dst.namespace}/${dst.name}: ${verdict}`,
    place: { file: reference.file, span: reference.span },
    service: `${namespace}/${name}`,
    servicePort: servicePort.port,
    protocol: servicePort.protocol,
    explain: { source: src.id, destination: dst.id, protocol: servicePort.protocol },
  };
  if (targetPort !== undefined) {
    edge.targetPort = targetPort;
    edge.explain!.port = targetPort;
  }
  return edge;
}

/**
 * Declared references per workload definition, kept by the index until a workload, Service, Namespace or ConfigMap
 * changes (the graph is asked again whenever diagnostics change; most of those changes touch none of these).
 */
function referencesCache(index: WorkspaceIndex, workload: Workload): readonly ServiceReference[] {
  const byWorkload = index.derived('graph:declared-references', REFERENCE_INPUT_KINDS, () => new Map<Workload, ServiceReference[]>());
  let references = byWorkload.get(workload);
  if (!references) byWorkload.set(workload, (references = declaredReferences(index, workload)));
  return references;
}

const REFERENCE_INPUT_KINDS: readonly string[] = [...WORKLOAD_KINDS, 'Service', 'Namespace', 'ConfigMap'];

/** References in the workload's env and in the ConfigMap keys it reads (every key with envFrom). */
function declaredReferences(index: WorkspaceIndex, workload: Workload): ServiceReference[] {
  const out = [...referencesOf(index, workload)];
  const keysRead = new Map<string, Set<string> | 'all'>();
  for (const container of workload.containers) {
    for (const from of container.envFrom) if (from.configMap) keysRead.set(from.configMap, 'all');
    for (const env of container.env) {
      const ref = env.configMapKeyRef;
      if (!ref) continue;
      const keys = keysRead.get(ref.name);
      if (keys === 'all') continue;
      if (keys) keys.add(ref.key);
      else keysRead.set(ref.name, new Set([ref.key]));
    }
  }
  for (const [name, keys] of keysRead) {
    for (const configMap of index.lookup('ConfigMap', workload.namespace, name) as ConfigMap[]) {
      for (const reference of referencesOf(index, configMap)) if (keys === 'all' || keys.has(reference.key ?? '')) out.push(reference);
    }
  }
  return out;
}
