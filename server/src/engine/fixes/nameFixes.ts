/**
 * Did-you-mean fixes for names and ports: Ingress and route backends, route parents, Service references in env and
 * ConfigMap values, ingress and gateway classes, named targetPorts; and setting a missing ingress class. Each fix
 * replaces exactly the misspelled text (or inserts one key) and keeps the value's quoting. Each function is the fix of
 * one rule (fixes/registry.ts), given the current text of the finding's file.
 */
import { KNOWN_GATEWAY_CLASSES } from '../kb/gatewayClasses';
import { KNOWN_INGRESS_CLASSES } from '../kb/ingressClasses';
import { workloadsOfService } from '../model/serviceBackends';
import { referencesOf } from '../model/references';
import { isWorkload, type ConfigMap, type Gateway, type Ingress, type Route, type Service, type Workload } from '../model/resources';
import { asMap, asScalar, pairOf, stringOf } from '../syntax/access';
import { parseYamlText } from '../syntax/parse';
import type { Span, YMap } from '../syntax/tree';
import { editFix, fileEdit, hasPort, numberOrStringData, rankCandidates, resourceAt, scalarAt, stringData } from './fixSupport';
import type { FindingDataOf } from '../rules/findingData';
import type { CodeFix, FixContext, FixTarget } from './types';
import { addPair, detectStyle, mapAt, nodeAtSpan, objectNodeIn, replaceScalar, replaceWithinScalar, scalarContaining } from './yamlEdit';

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/**
 * One fix per candidate, replacing the scalar at `span`; the obvious one is preferred (and safe when alone). `fits`:
 * whether a candidate suits the reference beyond its name (a Service with the port it asks for).
 */
function replaceFixes(
  target: FixTarget,
  text: string,
  span: Span,
  wrong: string,
  names: readonly string[],
  suggestion: string | undefined,
  title: (name: string) => string,
  fits?: (name: string) => boolean,
): CodeFix[] {
  const ranked = rankCandidates(wrong, names, 3, suggestion, fits);
  return ranked.names.map((name) => {
    return editFix(target.ruleId, title(name), [fileEdit(target.file, replaceScalar(text, span, name))], { preferred: name === ranked.obvious, safe: name === ranked.only });
  });
}

function portFixes(target: FixTarget, text: string, span: Span, wrong: number | string, service: Service, what: string): CodeFix[] {
  if (typeof wrong === 'string') {
    const names = service.ports.map((p) => p.name).filter((n): n is string => !!n);
    return replaceFixes(target, text, span, wrong, names, undefined, (n) => `Change ${what} to \`${n}\``);
  }
  // A container port written where the Service port belongs is the usual mistake: prefer the port that targets it.
  const targeting = service.ports.filter((p) => p.targetPort === wrong);
  const ports = [...new Set(service.ports.map((p) => p.port))];
  const preferred = targeting.length === 1 ? targeting[0]!.port : ports.length === 1 ? ports[0] : undefined;
  return ports
    .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a - b))
    .slice(0, 5)
    .map((port) => {
      const sp = service.ports.find((p) => p.port === port)!;
      const detail = sp.targetPort !== port ? ` (targets ${sp.targetPort})` : '';
      return editFix(target.ruleId, `Change ${what} to ${port}${detail}`, [fileEdit(target.file, replaceScalar(text, span, port))], { preferred: port === preferred, safe: port === preferred });
    });
}

export function ingressBackendFixes(ctx: FixContext, target: FixTarget<FindingDataOf['ingress-backend-missing']>, text: string): CodeFix[] {
  const ingress = resourceAt(ctx.index, target.file, target.span, ['Ingress']) as Ingress | undefined;
  const service = stringData(target.data, 'service');
  if (!ingress || !service) return [];
  const port = numberOrStringData(target.data, 'port');
  if (port === undefined) {
    if (scalarAt(text, target.span) !== service) return [];
    const services = ctx.index.ofKindIn('Service', ingress.namespace);
    // The port the backend asks for: a Service that has it fits better than one that only looks alike.
    const wanted = ingress.rules.flatMap((r) => r.paths.map((p) => p.backend.service)).concat(ingress.defaultBackend?.service).find((b) => b && within(target.span, b.serviceSpan))?.port;
    return replaceFixes(target, text, target.span, service, services.map((s) => s.name), undefined, (n) => `Change Service to \`${n}\``, servicesWithPort(services, wanted));
  }
  const found = ctx.index.lookup('Service', ingress.namespace, service)[0];
  if (!found || scalarAt(text, target.span) !== String(port)) return [];
  return portFixes(target, text, target.span, port, found, 'port');
}

export function routeBackendFixes(ctx: FixContext, target: FixTarget<FindingDataOf['httproute-backend-missing']>, text: string): CodeFix[] {
  const route = resourceAt(ctx.index, target.file, target.span, ROUTE_KINDS) as Route | undefined;
  const service = stringData(target.data, 'service');
  if (!route || !service) return [];
  const ref = route.rules.flatMap((r) => r.backendRefs).find((b) => within(target.span, b.span));
  const namespace = stringData(target.data, 'namespace') ?? ref?.namespace ?? route.namespace;
  const port = numberOrStringData(target.data, 'port');
  if ('namespace' in target.data) {
    if (scalarAt(text, target.span) !== service) return [];
    const services = ctx.index.ofKindIn('Service', namespace);
    return replaceFixes(target, text, target.span, service, services.map((s) => s.name), stringData(target.data, 'suggestion'), (n) => `Change backend to Service \`${n}\``, servicesWithPort(services, ref?.port));
  }
  const found = ctx.index.lookup('Service', namespace, service)[0];
  if (!found) return [];
  if (port !== undefined) {
    if (scalarAt(text, target.span) !== String(port)) return [];
    return portFixes(target, text, target.span, port, found, 'port');
  }
  // No port: add one (the API server requires it for a Service backendRef).
  const parsed = parseYamlText(text);
  const document = parsed.documents.find((d) => d.root && d.root.start <= target.span.start && target.span.end <= d.root.end);
  const located = document?.root ? nodeAtSpan(document.root, target.span) : undefined;
  const refMap = located ? ([...located.parents].reverse().find((p) => p.kind === 'map' && pairOf(p, 'name')?.value === located.node) as YMap | undefined) : undefined;
  if (!refMap) return [];
  const style = detectStyle(text);
  const ports = [...new Set(found.ports.map((p) => p.port))];
  return ports.map((p) =>
    editFix(target.ruleId, `Add port ${p} of Service \`${found.name}\``, [fileEdit(target.file, addPair(text, refMap, 'port', p, style))], { preferred: ports.length === 1, safe: ports.length === 1 }),
  );
}

export function routeParentFixes(ctx: FixContext, target: FixTarget<FindingDataOf['httproute-parent-missing']>, text: string): CodeFix[] {
  const route = resourceAt(ctx.index, target.file, target.span, ROUTE_KINDS) as Route | undefined;
  const parent = stringData(target.data, 'parent');
  if (!route || !parent) return [];
  const ref = route.parentRefs.find((p) => p.span.start === target.span.start) ?? route.parentRefs.find((p) => within(target.span, p.span));
  if (!ref) return [];
  const namespace = ref.namespace ?? route.namespace;
  const parsed = parseYamlText(text);
  const document = parsed.documents.find((d) => d.root && d.root.start <= ref.span.start && ref.span.end <= d.root.end);
  const located = document?.root ? nodeAtSpan(document.root, ref.span) : undefined;
  const refMap = asMap(located?.node) ?? (located?.parents.slice().reverse().find((p) => p.kind === 'map') as YMap | undefined);
  if (!refMap) return [];
  const scalarOf = (key: string) => asScalar(pairOf(refMap, key)?.value);
  const gateways = ctx.index.lookup('Gateway', namespace, parent).filter((g) => g.apiVersion.startsWith('gateway.networking.k8s.io/'));
  if ('sectionName' in target.data) {
    const scalar = scalarOf('sectionName');
    const section = stringData(target.data, 'sectionName');
    if (!scalar || !section) return [];
    const names = gateways.flatMap((g: Gateway) => g.listeners.map((l) => l.name));
    return replaceFixes(target, text, scalar, section, names, undefined, (n) => `Attach to listener \`${n}\``);
  }
  if ('port' in target.data) {
    const scalar = scalarOf('port');
    if (!scalar) return [];
    const ports = [...new Set(gateways.flatMap((g) => g.listeners.map((l) => l.port)).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
    return ports.map((p) => editFix(target.ruleId, `Attach to port ${p}`, [fileEdit(target.file, replaceScalar(text, scalar, p))], { preferred: ports.length === 1, safe: ports.length === 1 }));
  }
  const scalar = scalarOf('name');
  if (!scalar || stringOf(scalar) !== parent) return [];
  const services = ref.kind === 'Service';
  const names = services ? ctx.index.ofKindIn('Service', namespace).map((s) => s.name) : ctx.index.ofKindIn('Gateway', namespace).filter((g) => g.apiVersion.startsWith('gateway.networking.k8s.io/')).map((g) => g.name);
  return replaceFixes(target, text, scalar, parent, names, stringData(target.data, 'suggestion'), (n) => `Attach to ${services ? 'Service' : 'Gateway'} \`${n}\``);
}

export function referenceServiceFixes(ctx: FixContext, target: FixTarget<FindingDataOf['reference-service-missing']>, text: string): CodeFix[] {
  const service = stringData(target.data, 'service');
  const namespace = stringData(target.data, 'namespace');
  const host = stringData(target.data, 'host');
  if (!service || !namespace || !host) return [];
  if (text.slice(target.span.start, target.span.start + host.length) !== host) return []; // escaped value: no exact offsets
  const scalar = scalarContaining(parseYamlText(text), target.span);
  if (!scalar) return [];
  const labels = host.split('.');
  // `pod.svc.ns.svc[.cluster.local]` names a headless Service's pod: the Service is the second label.
  const index = labels.length >= 4 && labels[1] === service && labels[3] === 'svc' ? 1 : labels.indexOf(service);
  if (index < 0) return [];
  const start = target.span.start + labels.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
  const span = { start, end: start + service.length };
  const services = ctx.index.ofKindIn('Service', namespace);
  // The port written after the name (`orders:8080`, a URL's port): a Service that has it fits better.
  const owner = resourceAt(ctx.index, target.file, target.span);
  const reference = owner && (isWorkload(owner) || owner.kind === 'ConfigMap') ? referencesOf(ctx.index, owner as Workload | ConfigMap).find((r) => r.span.start === target.span.start) : undefined;
  const port = reference?.port !== undefined && !reference.portImplied ? reference.port : undefined;
  const ranked = rankCandidates(service, services.map((s) => s.name), 3, stringData(target.data, 'suggestion'), servicesWithPort(services, port));
  return ranked.names.flatMap((name) => {
    const edit = replaceWithinScalar(text, scalar, span, name);
    return edit ? [editFix(target.ruleId, `Change \`${service}\` to Service \`${name}\``, [fileEdit(target.file, edit)], { preferred: name === ranked.obvious, safe: name === ranked.only })] : [];
  });
}

export function referencePortFixes(ctx: FixContext, target: FixTarget<FindingDataOf['reference-port-missing']>, text: string): CodeFix[] {
  const serviceName = stringData(target.data, 'service');
  const port = target.data.port;
  if (!serviceName || typeof port !== 'number') return [];
  const owner = resourceAt(ctx.index, target.file, target.span);
  if (!owner) return [];
  const scalar = scalarContaining(parseYamlText(text), target.span);
  if (!scalar) return [];
  const written = text.slice(target.span.start, target.span.end);
  const service = ctx.index.lookup('Service', owner.namespace, serviceName)[0] ?? ctx.index.ofKind('Service').find((s) => s.name === serviceName && written.includes(`${s.name}.${s.namespace}`));
  if (!service) return [];
  // The port as written (`:09999` is port 9999): its digits are replaced; no port written means the scheme's
  // implied one, and the fix writes the port out.
  const writtenPort = /:(\d+)$/.exec(written);
  if (writtenPort && Number(writtenPort[1]) !== port) return [];
  const digits = writtenPort ? { start: target.span.end - writtenPort[1]!.length, end: target.span.end } : undefined;
  const targeting = service.ports.filter((p) => p.targetPort === port);
  const ports = [...new Set(service.ports.map((p) => p.port))];
  const preferred = targeting.length === 1 ? targeting[0]!.port : ports.length === 1 ? ports[0] : undefined;
  return ports
    .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a - b))
    .slice(0, 5)
    .flatMap((p) => {
      const edit = replaceWithinScalar(text, scalar, digits ?? { start: target.span.end, end: target.span.end }, digits ? String(p) : `:${p}`);
      return edit ? [editFix(target.ruleId, `Use port ${p} of Service \`${service.name}\``, [fileEdit(target.file, edit)], { preferred: p === preferred, safe: p === preferred })] : [];
    });
}

/** Whether the Service of a name has `port` (true for every name when no port is asked for). */
function servicesWithPort(services: readonly Service[], port: number | string | undefined): (name: string) => boolean {
  return (name) => services.some((s) => s.name === name && hasPort(s, port));
}

export function ingressClassUnknownFixes(ctx: FixContext, target: FixTarget<FindingDataOf['ingress-class-unknown']>, text: string): CodeFix[] {
  const wrong = stringData(target.data, 'ingressClass');
  if (!wrong || scalarAt(text, target.span) !== wrong) return [];
  const suggestion = stringData(target.data, 'suggestion');
  const ingress = resourceAt(ctx.index, target.file, target.span, ['Ingress']) as Ingress | undefined;
  const fromAnnotation = !!ingress && !ingress.ingressClassName;
  const names = [...ctx.index.ofKind('IngressClass').map((c) => c.name), ...KNOWN_INGRESS_CLASSES.filter((c) => fromAnnotation || !c.annotationOnly).map((c) => c.name)];
  return replaceFixes(target, text, target.span, wrong, names, suggestion, (n) => `Change ingress class to \`${n}\``);
}

export function gatewayClassFixes(ctx: FixContext, target: FixTarget<FindingDataOf['gateway-class-unknown']>, text: string): CodeFix[] {
  const declared = ctx.index.ofKind('GatewayClass').filter((c) => c.apiVersion.startsWith('gateway.networking.k8s.io/')).map((c) => c.name);
  const known = KNOWN_GATEWAY_CLASSES.filter((c) => c.name !== 'istio-waypoint').map((c) => c.name);
  const wrong = stringData(target.data, 'gatewayClass');
  if (wrong) {
    if (scalarAt(text, target.span) !== wrong) return [];
    return replaceFixes(target, text, target.span, wrong, [...declared, ...known], stringData(target.data, 'suggestion'), (n) => `Change GatewayClass to \`${n}\``);
  }
  // No gatewayClassName at all: add one.
  const gateway = resourceAt(ctx.index, target.file, target.span, ['Gateway']);
  const found = gateway ? objectNodeIn(text, gateway.span) : undefined;
  const spec = found ? mapAt(found.node, ['spec']) : undefined;
  if (!spec || spec.pairs.length === 0) return [];
  const style = detectStyle(text);
  const choices = [...new Set([...declared, ...known])];
  return choices.map((name) =>
    editFix(target.ruleId, `Set gatewayClassName \`${name}\``, [fileEdit(target.file, addPair(text, spec, 'gatewayClassName', name, style, { first: true }))], { preferred: declared.length === 1 && name === declared[0] }),
  );
}

export function targetPortFixes(ctx: FixContext, target: FixTarget<FindingDataOf['service-target-port-missing']>, text: string): CodeFix[] {
  const wrong = target.data.targetPort;
  const servicePort = target.data.servicePort;
  if (typeof wrong !== 'string' || scalarAt(text, target.span) !== wrong) return [];
  const service = resourceAt(ctx.index, target.file, target.span, ['Service']) as Service | undefined;
  const port = service?.ports.find((p) => p.port === servicePort && p.targetPort === wrong);
  if (!service || !port) return [];
  const names = workloadsOfService(ctx.index, service).flatMap((w) => w.containers.filter((c) => !c.init).flatMap((c) => c.ports.filter((p) => p.name && p.protocol === port.protocol).map((p) => p.name!)));
  const unique = [...new Set(names)];
  const ranked = rankCandidates(wrong, unique, unique.length);
  // With a single named container port, that is the port the Service meant, however the name was spelled.
  return ranked.names.map((name) => {
    const alone = unique.length === 1;
    return editFix(target.ruleId, `Change targetPort to container port \`${name}\``, [fileEdit(target.file, replaceScalar(text, target.span, name))], { preferred: alone || name === ranked.obvious, safe: alone || name === ranked.only });
  });
}

export function ingressClassMissingFixes(ctx: FixContext, target: FixTarget<FindingDataOf['ingress-class-missing']>, text: string): CodeFix[] {
  const ingress = resourceAt(ctx.index, target.file, target.span, ['Ingress']) as Ingress | undefined;
  if (!ingress) return [];
  const found = objectNodeIn(text, ingress.span);
  const spec = found ? mapAt(found.node, ['spec']) : undefined;
  if (!spec || spec.pairs.length === 0) return [];
  const declared = [...new Set(ctx.index.ofKind('IngressClass').map((c) => c.name))].sort();
  const aks = KNOWN_INGRESS_CLASSES.filter((c) => !c.annotationOnly && (c.family === 'aks-app-routing-nginx' || c.family === 'agc' || c.family === 'agic')).map((c) => c.name);
  const choices = [...new Set([...declared, ...aks])];
  const style = detectStyle(text);
  return choices.map((name) =>
    editFix(target.ruleId, `Set ingressClassName \`${name}\`${declared.includes(name) ? '' : ` (${KNOWN_INGRESS_CLASSES.find((c) => c.name === name)?.product ?? 'known class'})`}`, [fileEdit(target.file, addPair(text, spec, 'ingressClassName', name, style, { first: true }))], {
      preferred: declared.length === 1 && name === declared[0],
    }),
  );
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
