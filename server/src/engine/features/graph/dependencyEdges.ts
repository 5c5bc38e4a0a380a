/**
 * Declared dependencies for the connectivity graph: a Service a workload names in its env or in a ConfigMap it reads
 * (`model/references.ts`), resolved to the workloads the Service selects and the pod port it lands on, and judged by
 * the NetworkPolicies: allowed when the policies admit that port between the two workloads, DENIED otherwise. The
 * denied ones are what the graph is for: the application will try to connect and the packets will be dropped.
 *
 * References to a missing Service or port are left to their rules (reference-service-missing,
 * reference-port-missing); the graph only draws what resolves.
 *
 * Steppable (`../steps.ts`): it yields after each source workload.
 */
import { targetsOfServicePort } from '../../exposure/backends';
import { referencesOf, type ServiceReference } from '../../model/references';
import { WORKLOAD_KINDS, type ConfigMap, type ServicePort, type Workload } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { ClassPairCache, connectPeers } from '../../netpol/connectivity';
import type { NetpolModel } from '../../netpol/model';
import type { WorkloadPeer } from '../../netpol/podClasses';
import { connectionsContain, noConnections, type ConnectionSet } from '../../netpol/portSet';
import type { Steps } from '../steps';
import type { DependencyEdge, EnginePlace } from './types';

export function* dependencyEdgeSteps(
  index: WorkspaceIndex,
  model: NetpolModel,
  peers: readonly WorkloadPeer[],
  inGraph: ReadonlySet<string>,
  inScope: (peer: WorkloadPeer) => boolean,
  cache: ClassPairCache,
): Steps<DependencyEdge<EnginePlace>[]> {
  const edges = new Map<string, DependencyEdge<EnginePlace>>();
  const allowedCache = new Map<string, ConnectionSet>();
  const allowedBetween = (src: WorkloadPeer, dst: WorkloadPeer): ConnectionSet => {
    const key = `${src.id}\u0000${dst.id}`;
    let allowed = allowedCache.get(key);
    if (!allowed) allowedCache.set(key, (allowed = connectPeers(cache, src, dst)?.allowed ?? noConnections()));
    return allowed;
  };

  for (const src of peers) {
    for (const workload of src.workloads) {
      for (const reference of referencesCache(index, workload)) {
        for (const service of index.lookup('Service', reference.namespace, reference.serviceName)) {
          const ports = reference.port === undefined ? service.ports : service.ports.filter((p) => p.port === reference.port);
          for (const servicePort of ports) {
            for (const target of targetsOfServicePort(index, service, servicePort).targets) {
              const dst = model.peerOfWorkload(target.workload);
              if (!dst || dst === src || !inGraph.has(dst.id) || (!inScope(src) && !inScope(dst))) continue;
              const id = `dependency:${src.id}>${dst.id}:${service.namespace}/${service.name}:${servicePort.port}/${servicePort.protocol}`;
              if (edges.has(id)) continue;
              const allowed = allowedBetween(src, dst);
              const admitted = target.port !== undefined ? connectionsContain(allowed, servicePort.protocol, target.port) : allowed[servicePort.protocol].length > 0;
              edges.set(id, edgeOf(id, src, dst, reference, service.namespace, service.name, servicePort, target.port, admitted));
            }
          }
        }
      }
    }
    yield;
  }
  return [...edges.values()];
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
  admitted: boolean,
): DependencyEdge<EnginePlace> {
  const where = reference.via === 'env' ? `env ${reference.envName ?? ''}${reference.container ? ` of container ${reference.container}` : ''}` : `ConfigMap key ${reference.key ?? ''}`;
  const landing = targetPort !== undefined ? `pod port ${servicePort.protocol} ${targetPort}` : `targetPort ${servicePort.targetPort} (not resolved)`;
  const verdict = admitted ? 'the NetworkPolicies admit it' : 'DENIED: the NetworkPolicies admit no such connection, it will be dropped';
  const edge: DependencyEdge<EnginePlace> = {
    kind: 'dependency',
    id,
    source: src.id,
    target: dst.id,
    status: admitted ? 'allowed' : 'denied',
    label: `${admitted ? '' : '✕ '}${name}:${servicePort.port}`,
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
