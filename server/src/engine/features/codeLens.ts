/**
 * Code lenses: one line of facts above each Service, NetworkPolicy and workload, each clickable to show the places it
 * counts. The language server gives each the command `netlens.showLocations` (features/commandIds.ts) with plain JSON
 * arguments `{uri, position, locations}`: editors other than VS Code can implement it, and the VS Code client maps it
 * to `editor.action.showReferences`.
 */
import { exposureOf } from '../exposure/exposure';
import { isWorkload, type AnyResource, type NetworkPolicy, type Service, type Workload } from '../model/resources';
import { workloadsOfService } from '../model/serviceBackends';
import { isolatingPolicies } from '../reach/selection';
import type { NetpolModel } from '../netpol/model';
import { isEmptyConnections } from '../netpol/portSet';
import type { ReachModel } from '../reach/model';
import { peerOfWorkloadDefinition, whoCanReach } from '../reach/query';
import { exposureVerdict } from '../reach/ways';
import type { ReachPeer } from '../reach/peers';
import { reachModelFor } from './reachModel';
import type { Span } from '../syntax/tree';
import { podCountOf } from '../exposure/backends';
import { plainLabel } from '../util/displayText';
import type { FeatureHost, TargetLocation } from './host';
import { classesMatchedByRule, workloadsOfClasses } from './hover/netpolText';
import { referencesToService, routesToService } from './usages';

export interface Lens {
  /** Where the lens sits (the object's first line). */
  span: Span;
  title: string;
  /** What clicking shows. */
  locations: TargetLocation[];
}

export function codeLenses(host: FeatureHost, file: string): Lens[] {
  try {
    const resources = host.analysis.index.resourcesOf(file);
    if (resources.length === 0) return [];
    let model: ReachModel | undefined;
    const modelOf = () => (model ??= reachModelFor(host.analysis, file));
    const out: Lens[] = [];
    for (const resource of resources) {
      try {
        out.push(...lensesOf(host, resource, modelOf));
      } catch {
        // One object's lens failing must not hide the others.
      }
    }
    return out;
  } catch {
    return [];
  }
}

function lensesOf(host: FeatureHost, resource: AnyResource, model: () => ReachModel): Lens[] {
  const span = { start: resource.span.start, end: resource.span.start };
  const index = host.analysis.index;
  const at = (r: AnyResource): TargetLocation => ({ file: r.file, span: r.nameSpan });
  if (isWorkload(resource)) return workloadLenses(host, resource, model(), span);
  if (resource.kind === 'Service') {
    const service = resource as Service;
    if (service.type === 'ExternalName') return [{ span, title: `ExternalName → ${plainLabel(service.externalName ?? '?')}`, locations: [] }];
    const workloads = workloadsOfService(index, service);
    const lenses: Lens[] = [{ span, title: service.selector ? `selects ${podsCount(workloads)}` : 'no selector', locations: workloads.map(at) }];
    const routes = routesToService(index, service);
    const objects = unique(routes.map((u) => u.resource));
    if (objects.length) lenses.push({ span, title: `routed by ${objects.length === 1 ? `${objects[0]!.kind} ${plainLabel(qualified(objects[0]!))}` : `${objects.length} routes`}`, locations: routes.map((u) => ({ file: u.resource.file, span: u.span })) });
    const references = referencesToService(index, service);
    if (references.length) lenses.push({ span, title: `named in ${references.length} setting${references.length === 1 ? '' : 's'}`, locations: references.map((u) => ({ file: u.resource.file, span: u.span })) });
    return lenses;
  }
  if (resource.kind === 'NetworkPolicy') return policyLenses(resource as NetworkPolicy, model().netpol, span);
  return [];
}

function policyLenses(policy: NetworkPolicy, model: NetpolModel, span: Span): Lens[] {
  const compiled = model.policies.find((p) => p.policy === policy);
  if (!compiled) return [];
  const at = (r: AnyResource): TargetLocation => ({ file: r.file, span: r.nameSpan });
  const selected = workloadsOfClasses(model.classesSelectedIn(policy.namespace, policy.podSelector));
  const directions = (['Ingress', 'Egress'] as const).filter((d) => compiled.isolates[d]).map((d) => d.toLowerCase());
  const lenses: Lens[] = [{ span, title: `isolates ${podsCount(selected)}${directions.length ? ` (${directions.join(', ')})` : ' (no direction)'}`, locations: selected.map(at) }];
  for (const direction of ['Ingress', 'Egress'] as const) {
    if (!compiled.isolates[direction]) continue;
    const rules = compiled.rules[direction];
    const verb = direction === 'Ingress' ? 'admits' : 'allows';
    const noun = direction === 'Ingress' ? 'source' : 'destination';
    if (rules.length === 0) {
      lenses.push({ span, title: `${verb} no ${noun}s`, locations: [] });
      continue;
    }
    if (rules.some((r) => !r.peers || r.peers.some((p) => p.kind === 'pods' && !p.podSelector && p.namespaceSelector && Object.keys(p.namespaceSelector.matchLabels).length === 0 && p.namespaceSelector.matchExpressions.length === 0))) {
      lenses.push({ span, title: `${verb} every ${noun}`, locations: [] });
      continue;
    }
    const workloads = unique(rules.flatMap((rule) => workloadsOfClasses(classesMatchedByRule(model, compiled, rule)))) as Workload[];
    const blocks = rules.flatMap((r) => r.peers ?? []).filter((p) => p.kind === 'ipBlock').length;
    const count = workloads.length + blocks;
    lenses.push({ span, title: `${verb} ${count} ${noun}${count === 1 ? '' : 's'}`, locations: workloads.map(at) });
  }
  return lenses;
}

function workloadLenses(host: FeatureHost, workload: Workload, model: ReachModel, span: Span): Lens[] {
  const at = (r: AnyResource): TargetLocation => ({ file: r.file, span: r.nameSpan });
  const lenses: Lens[] = [];
  const target = peerOfWorkloadDefinition(model, workload);
  if (target) {
    if (isolatingPolicies(model.netpol, target.classes[0]!, 'Ingress').length === 0) {
      lenses.push({ span, title: 'reachable from everywhere (not isolated)', locations: [] });
    } else {
      const rows = whoCanReach(model, target).filter((r) => r.peer.kind === 'workload');
      const certain = rows.filter((r) => !isEmptyConnections(r.answer.allowed));
      const maybe = rows.length - certain.length;
      const sources = certain.flatMap((r) => (r.peer.kind === 'workload' ? r.peer.peer.workloads : []));
      lenses.push({ span, title: `reachable from ${certain.length} workload${certain.length === 1 ? '' : 's'}${maybe ? ` (maybe ${maybe} more)` : ''}`, locations: sources.map(at) });
    }
  }
  const paths = exposureOf(host.analysis.index, workload);
  const entries = new Map<string, TargetLocation[]>();
  for (const path of paths) {
    const first = path.hops[0]!;
    let label: string;
    let target: TargetLocation | undefined;
    let way: ReachPeer | undefined;
    switch (first.kind) {
      case 'load-balancer':
        label = `${first.visibility === 'public' ? 'public' : 'internal'} via LoadBalancer`;
        target = at(first.service);
        way = { kind: 'service-entry', service: first.service, via: 'load-balancer' };
        break;
      case 'node-port':
        label = 'NodePort';
        target = at(first.service);
        way = { kind: 'service-entry', service: first.service, via: 'node-port' };
        break;
      case 'ingress-controller': {
        const ingress = path.hops[1];
        label = 'public via Ingress';
        if (ingress?.kind === 'ingress') {
          target = at(ingress.ingress);
          const ingressPath = model.pathOfIngress(ingress.ingress);
          if (ingressPath) way = { kind: 'ingress', paths: [ingressPath] };
        }
        break;
      }
      case 'gateway': {
        const route = path.hops[1];
        label = 'public via Gateway';
        if (route?.kind === 'route') target = at(route.route);
        const gatewayPath = first.gateway ? model.pathOfGateway(first.gateway) : undefined;
        if (gatewayPath) way = { kind: 'ingress', paths: [gatewayPath] };
        break;
      }
      default:
        label = 'exposed';
    }
    const status = way && target ? exposureVerdict(model, path) : undefined;
    if (status === 'denied') label += ' (blocked)';
    else if (status === 'unknown') label += ' (may be blocked)';
    const list = entries.get(label) ?? [];
    if (target && !list.some((l) => l.file === target!.file && l.span.start === target!.span.start)) list.push(target);
    entries.set(label, list);
  }
  for (const [label, locations] of entries) lenses.push({ span, title: label, locations });
  return lenses;
}

function podsCount(workloads: readonly Workload[]): string {
  const counts = workloads.map((w) => podCountOf(w).count);
  if (workloads.length === 0) return 'no pods';
  if (counts.some((c) => c === undefined)) return `pods of ${workloads.length} workload${workloads.length === 1 ? '' : 's'}`;
  const total = counts.reduce<number>((a, b) => a + (b ?? 0), 0);
  return `${total} pod${total === 1 ? '' : 's'}`;
}

function qualified(resource: AnyResource): string {
  return resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
