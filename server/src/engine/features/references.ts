/**
 * Find references: from an object (its name or kind) or from a name that refers to one, every place in the
 * workspace that uses the object: routes and configuration naming a Service, policies selecting its pods, Services
 * and policies selecting a workload, routes attached to a Gateway, objects of a class, users of a ConfigMap/Secret.
 *
 * Steppable (`steps.ts`): the usages of a Service or a workload read every workload, ConfigMap or policy of the
 * workspace; `referenceSteps` yields between them and between the kinds of usage.
 */
import { isWorkload, type AnyResource, type Gateway, type Service } from '../model/resources';
import { workloadsOfService } from '../model/serviceBackends';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { reachModelOf } from '../reach/model';
import { cursorAt } from './cursor';
import type { FeatureHost, TargetLocation } from './host';
import { onIdentity, pathInObject } from './hover/context';
import { referentAt } from './navigation';
import { runSteps, type Steps } from './steps';
import {
  policiesSelectingWorkload,
  policyPeersMatchingSteps,
  referencesToServiceSteps,
  routesOfGateway,
  routesToService,
  servicesOfWorkload,
  usersOfClass,
  type Usage,
} from './usages';

export function references(host: FeatureHost, file: string, text: string, offset: number, includeDeclaration: boolean): TargetLocation[] {
  return runSteps(referenceSteps(host, file, text, offset, includeDeclaration));
}

/** `references` as steppable work; the analysis must not change between two steps. */
export function* referenceSteps(host: FeatureHost, file: string, text: string, offset: number, includeDeclaration: boolean): Steps<TargetLocation[]> {
  try {
    const cursor = cursorAt(host.analysis, host.trees, file, text, offset);
    if (!cursor.resource) return [];
    const path = pathInObject(cursor, cursor.resource);
    const subject = onIdentity(path) ? cursor.resource : referentAt(host.analysis.index, cursor, path)?.resource;
    if (!subject) return [];
    const usages = yield* usageSteps(host.analysis.index, subject);
    const out = usages.map((u) => ({ file: u.resource.file, span: u.span }));
    if (includeDeclaration) out.unshift({ file: subject.file, span: subject.nameSpan });
    return dedupe(out);
  } catch {
    return [];
  }
}

function* usageSteps(index: WorkspaceIndex, subject: AnyResource): Steps<Usage[]> {
  if (isWorkload(subject)) {
    const direct = [...servicesOfWorkload(index, subject), ...policiesSelectingWorkload(index, subject)];
    // The model may have to be built (the whole workspace's policies): a step of its own.
    const model = reachModelOf(index).netpol;
    yield;
    return [...direct, ...(yield* policyPeersMatchingSteps(model, subject))];
  }
  switch (subject.kind) {
    case 'Service': {
      const service = subject as Service;
      const policies = workloadsOfService(index, service).flatMap((w) => policiesSelectingWorkload(index, w));
      const routes = routesToService(index, service);
      yield;
      return [...routes, ...(yield* referencesToServiceSteps(index, service)), ...policies];
    }
    case 'Gateway':
      return routesOfGateway(index, subject as Gateway);
    case 'IngressClass':
    case 'GatewayClass':
      return usersOfClass(index, subject);
    case 'ConfigMap':
    case 'Secret':
      return usersOfConfig(index, subject);
    default:
      return [];
  }
}

function usersOfConfig(index: WorkspaceIndex, subject: AnyResource): Usage[] {
  const out: Usage[] = [];
  const isConfigMap = subject.kind === 'ConfigMap';
  for (const workload of index.workloadsIn(subject.namespace)) {
    for (const container of workload.containers) {
      for (const env of container.env) {
        const ref = isConfigMap ? env.configMapKeyRef : env.secretKeyRef;
        if (ref?.name === subject.name) out.push({ resource: workload, span: env.span, detail: `env ${env.name}` });
      }
      for (const from of container.envFrom) {
        if ((isConfigMap ? from.configMap : from.secret) === subject.name) out.push({ resource: workload, span: from.span, detail: 'envFrom' });
      }
    }
  }
  if (!isConfigMap) {
    for (const ingress of index.ofKindIn('Ingress', subject.namespace)) {
      for (const tls of ingress.tls) if (tls.secretName === subject.name && tls.secretNameSpan) out.push({ resource: ingress, span: tls.secretNameSpan, detail: 'tls secretName' });
    }
    for (const gateway of index.ofKind('Gateway')) {
      for (const listener of gateway.listeners) {
        for (const ref of listener.certificateRefs) {
          if (ref.kind === 'Secret' && ref.name === subject.name && (ref.namespace ?? gateway.namespace) === subject.namespace) out.push({ resource: gateway, span: ref.span, detail: 'certificateRef' });
        }
      }
    }
  }
  return out;
}

function dedupe(locations: TargetLocation[]): TargetLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.file}:${l.span.start}:${l.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
