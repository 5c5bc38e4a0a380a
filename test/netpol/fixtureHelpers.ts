/** Small inline fixtures for the NetworkPolicy unit tests: pods, namespaces, and "what does src get to dst". */
import assert from 'node:assert/strict';
import type { Analysis } from '../../server/src/engine/analysis';
import { formatConnections } from '../../server/src/engine/netpol/portSet';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { reachBetween, reachModelOf, resolvePeer, type ReachAnswer, type ReachModel, type ReachPeer } from '../../server/src/engine/reach/index';

export interface PodPort {
  name?: string;
  port: number;
  protocol?: string;
}

/** A bare Pod manifest. */
export function pod(namespace: string, name: string, labels: Record<string, string>, ports: PodPort[] = []): string {
  const labelLines = Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`);
  const portLines = ports.flatMap((p) => [
    `    - containerPort: ${p.port}`,
    ...(p.name ? [`      name: ${p.name}`] : []),
    ...(p.protocol ? [`      protocol: ${p.protocol}`] : []),
  ]);
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    ...(labelLines.length ? ['  labels:', ...labelLines] : []),
    'spec:',
    '  containers:',
    '  - name: main',
    '    image: example',
    ...(portLines.length ? ['    ports:', ...portLines] : []),
  ].join('\n');
}

export function namespace(name: string, labels: Record<string, string> = {}): string {
  const labelLines = Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`);
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labelLines.length ? ['  labels:', ...labelLines] : [])].join('\n');
}

/** Documents joined into one multi-document file. */
export function docs(...documents: string[]): string {
  return documents.join('\n---\n');
}

export function endpointOf(model: ReachModel, text: string): ReachPeer {
  const resolution = resolvePeer(model, text);
  assert.ok('peer' in resolution, `cannot resolve ${text}: ${'error' in resolution ? resolution.error : ''}`);
  return resolution.peer;
}

/** The reachability model's answer (with trails) under a profile (default: none, the API's reading). */
export function reachOf(analysis: Analysis, src: string, dst: string, profile: ClusterProfile = {}): ReachAnswer {
  const model = reachModelOf(analysis.index, profile);
  return reachBetween(model, endpointOf(model, src), endpointOf(model, dst));
}

/** np-guard's text for what src may open to dst: `All Connections`, `No Connections`, `TCP 80,UDP 53`. */
export function allowed(analysis: Analysis, src: string, dst: string): string {
  return formatConnections(reachOf(analysis, src, dst).allowed);
}
