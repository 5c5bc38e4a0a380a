/**
 * Hovers on Gateway API objects, the resolved picture first: a Gateway's listeners, attached routes and the ways in
 * through it; a route's parents and the ways in through it (each with the reachability model's verdict); then a
 * Gateway's class and what a Gateway is, a route's rules resolved to pods.
 */
import { resolveRouteBackend } from '../../exposure/backends';
import { describeGatewayClass } from '../../exposure/controllers';
import { exposureOfService, formatExposurePath, type ExposureHop } from '../../exposure/exposure';
import type { Gateway, GatewayListener, Route, Service } from '../../model/resources';
import { exposureVerdict, exposureVerdictWords } from '../../reach/ways';
import { bounded, code, escapeText, objectRef, where, type FeatureHost } from '../host';
import { fieldDocMarkdown } from '../kbDocs';
import { selectorMarkdown, selectorSiteAt } from '../selectors';
import { routesOfGateway } from '../usages';
import { onIdentity, sections, type HoverContext } from './context';
import { resolutionLines } from './ingressHover';

export function gatewayHover(context: HoverContext): string | undefined {
  const gateway = context.resource as Gateway;
  const { path, host } = context;
  const site = selectorSiteAt(gateway, path);
  if (site) return selectorMarkdown(host, site);
  if (onIdentity(path) || (path[0] === 'spec' && (path.length === 1 || path[1] === 'gatewayClassName'))) return gatewaySummary(context, gateway);
  if (path[0] === 'spec' && path[1] === 'listeners' && typeof path[2] === 'number') {
    const listener = gateway.listeners.find((l) => l.span.start <= context.node.start && context.node.end <= l.span.end);
    return sections(path.length > 3 ? fieldDocMarkdown('Gateway', path, context.value) : undefined, listener ? `**Listener**\n${listenerLine(host, gateway, listener)}` : undefined);
  }
  return undefined;
}

export function gatewayClassText(host: FeatureHost, className: string | undefined): string {
  const info = describeGatewayClass(host.analysis.index, className);
  const declared = info.classObjects[0];
  const place = declared ? ` GatewayClass declared in ${where(host, declared.file, declared.nameSpan)}.` : '';
  if (info.facts) {
    const hosting = info.hosting === 'azure' ? ' Azure-hosted, outside the cluster.' : info.hosting === 'in-cluster' ? ' Runs in the cluster.' : '';
    return `**Class** ${code(info.facts.name)}: ${info.facts.product}.${hosting} ${info.facts.doc}${place} [Docs](${info.facts.source})`;
  }
  if (!className) return '**Class**: no `gatewayClassName`.';
  return `**Class** ${code(className)}: not a class Netlens knows${declared?.controllerName ? ` (controller ${code(declared.controllerName)})` : ''}.${place}`;
}

/** The resolved picture (listeners, routes, the ways in through it with the model's verdict), then what a Gateway is. */
function gatewaySummary(context: HoverContext, gateway: Gateway): string | undefined {
  const host = context.host;
  const listeners = gateway.listeners.map((l) => listenerLine(host, gateway, l));
  const usages = routesOfGateway(host.analysis.index, gateway);
  const routes = usages.map((u) => `${objectRef(u.resource)}${u.detail.includes('listener') ? ` ${escapeText(u.detail.slice(u.detail.indexOf('on listener')))}` : ''} (${where(host, u.resource.file, u.span)})`);
  const outside = waysInThrough(context, usages.map((u) => u.resource as Route), (hop) => hop.kind === 'gateway' && hop.gateway === gateway);
  const picture = [
    `**Gateway ${code(`${gateway.namespace}/${gateway.name}`)}**${gateway.gatewayClassName ? ` · class ${code(gateway.gatewayClassName)}` : ''}`,
    listeners.length === 0 ? '- **Listeners:** none' : listeners.length <= 2 ? listeners.map((l) => `- **Listener** ${l}`).join('\n') : `- **Listeners:** ${listeners.length} (below)`,
    routes.length === 0 ? '- **Routes attached:** none in the workspace' : routes.length <= 2 ? routes.map((r) => `- **Route** ${r}`).join('\n') : `- **Routes attached:** ${routes.length} (below)`,
    ...pictureLines(outside),
  ];
  return sections(
    picture.join('\n'),
    listeners.length > 2 ? `**Listeners**\n${listeners.map((l) => `- ${l}`).join('\n')}` : undefined,
    routes.length > 2 ? `**Routes attached**\n${bounded(routes.map((r) => `- ${r}`), 12).join('\n')}` : undefined,
    outside.length > PICTURE_PATHS ? `**From outside**\n${outside.map((l) => `- ${l}`).join('\n')}` : undefined,
    gatewayClassText(host, gateway.gatewayClassName),
    'Gateway API entry point: the implementation runs a proxy (or programs an Azure-hosted one) with these listeners; routes attach to it and pick backends by host, path or method.',
  );
}

/** Ways in from outside shown in the picture; more are listed below it (of at most MAX_WAYS, through MAX_SERVICES). */
const PICTURE_PATHS = 3;
const MAX_WAYS = 10;
const MAX_SERVICES = 20;

function pictureLines(outside: readonly string[]): string[] {
  if (outside.length === 0) return ['- **From outside:** no way in resolves to pods of the workspace'];
  const count = outside.length > MAX_WAYS ? `${MAX_WAYS} or more` : String(outside.length);
  return outside.length <= PICTURE_PATHS ? outside.map((l) => `- **From outside:** ${l}`) : [`- **From outside:** ${count} ways in (below)`];
}

/**
 * The exposure paths into the routes' backend Services that pass the hop `through` picks (this Gateway, this route),
 * each with the workload it lands on and the model's verdict (reach/ways.ts).
 */
function waysInThrough(context: HoverContext, routes: readonly Route[], through: (hop: ExposureHop) => boolean): string[] {
  const index = context.host.analysis.index;
  const services = new Set<Service>();
  for (const route of routes) {
    for (const ref of route.rules.flatMap((r) => r.backendRefs)) {
      if (ref.kind !== 'Service') continue;
      for (const service of index.lookup('Service', ref.namespace ?? route.namespace, ref.name)) services.add(service);
    }
  }
  const lines = new Set<string>();
  // Bounded: a Gateway with hundreds of routes is described by its first ways in (the list shows at most ten).
  for (const service of [...services].slice(0, MAX_SERVICES)) {
    for (const path of exposureOfService(index, service)) {
      if (lines.size >= MAX_WAYS) return [...lines, '… and possibly more'];
      if (!path.hops.some(through)) continue;
      const pods = path.hops[path.hops.length - 1];
      const verdict = exposureVerdictWords(exposureVerdict(context.reach(), path));
      lines.add(`${formatExposurePath(path)}${pods?.kind === 'pods' ? ` on ${objectRef(pods.workload)}` : ''}${verdict ? `: ${verdict}` : ''}`);
    }
  }
  return [...lines];
}

function listenerLine(host: FeatureHost, gateway: Gateway, listener: GatewayListener): string {
  const head = `${code(listener.name || '(unnamed)')} ${escapeText(listener.protocol ?? '?')}:${listener.port ?? '?'}${listener.hostname ? ` host ${code(listener.hostname)}` : ''}`;
  if (listener.protocol !== 'HTTPS' && listener.protocol !== 'TLS') return head;
  if (listener.tlsMode === 'Passthrough') return `${head}, TLS passthrough (the backend terminates TLS)`;
  const keyVault = listener.tlsOptions?.['kubernetes.azure.com/tls-cert-keyvault-uri'];
  if (keyVault) return `${head}, certificate from Key Vault ${code(keyVault)}`;
  const certs = listener.certificateRefs.map((ref) => {
    const namespace = ref.namespace ?? gateway.namespace;
    const secret = ref.kind === 'Secret' ? host.analysis.index.lookup('Secret', namespace, ref.name)[0] : undefined;
    return secret ? `Secret ${code(ref.name)} (${where(host, secret.file, secret.nameSpan)})` : `${escapeText(ref.kind)} ${code(ref.name)} (not in the workspace)`;
  });
  return `${head}, certificate ${certs.join(', ') || 'none configured'}`;
}

export function routeHover(context: HoverContext): string | undefined {
  const route = context.resource as Route;
  const { path, host } = context;
  if (onIdentity(path) || (path[0] === 'spec' && (path.length === 1 || path[1] === 'hostnames' || (path[1] === 'rules' && path.length <= 3)))) return routeSummary(context, route);
  if (path[0] === 'spec' && path[1] === 'parentRefs') {
    const parent = route.parentRefs.find((p) => p.span.start <= context.node.start && context.node.end <= p.span.end);
    const doc = path.length > 3 ? fieldDocMarkdown(route.kind, path, context.value) : undefined;
    return sections(doc, parent ? `**Parent**\n- ${parentLine(host, route, parent)}` : undefined);
  }
  if (path[0] === 'spec' && path[1] === 'rules' && path.includes('backendRefs')) {
    const doc = fieldDocMarkdown(route.kind, path, context.value);
    const ref = route.rules.flatMap((r) => r.backendRefs).find((b) => b.span.start <= context.node.start && context.node.end <= b.span.end);
    return sections(doc, ref ? `**Backend**\n${backendRefLines(host, route, ref).map((l) => `- ${l}`).join('\n')}` : undefined);
  }
  return undefined;
}

function parentLine(host: FeatureHost, route: Route, parent: Route['parentRefs'][number]): string {
  const namespace = parent.namespace ?? route.namespace;
  const gateway = parent.kind === 'Gateway' ? host.analysis.index.lookup('Gateway', namespace, parent.name)[0] : undefined;
  const section = parent.sectionName ? ` listener ${code(parent.sectionName)}` : '';
  if (!gateway) return `${escapeText(parent.kind)} ${code(`${namespace}/${parent.name}`)}${section}: not in the workspace`;
  return `${objectRef(gateway)}${section}${gateway.gatewayClassName ? ` (class ${code(gateway.gatewayClassName)})` : ''} (${where(host, gateway.file, gateway.nameSpan)})`;
}

function backendRefLines(host: FeatureHost, route: Route, ref: Route['rules'][number]['backendRefs'][number]): string[] {
  if (ref.kind !== 'Service') return [`→ ${escapeText(ref.kind)} ${code(ref.name)}`];
  const namespace = ref.namespace ?? route.namespace;
  const resolved = resolveRouteBackend(host.analysis.index, route, ref);
  const head = `→ Service ${code(namespace === route.namespace ? ref.name : `${namespace}/${ref.name}`)}:${ref.port ?? '(no port)'}${ref.weight !== undefined ? ` (weight ${ref.weight})` : ''}`;
  if (!resolved.allowed) return [`${head}: **refused**: no ReferenceGrant in ${code(namespace)} lets ${route.kind}s from ${code(route.namespace)} refer to Services`];
  return resolutionLines(host, namespace, ref.name, ref.port, resolved, head);
}

/** The resolved picture (its parents, the ways in through it with the model's verdict), then its rules resolved. */
function routeSummary(context: HoverContext, route: Route): string | undefined {
  const host = context.host;
  const parents = route.parentRefs.map((p) => parentLine(host, route, p));
  const rules: string[] = [];
  for (const rule of route.rules) {
    const matches = rule.matches.map((m) => `${m.method ? `${escapeText(m.method)} ` : ''}${code(m.pathValue ?? '/')}${m.pathType ? ` (${escapeText(m.pathType)})` : ''}`).join(', ') || code('/') + ' (any request)';
    const backends = rule.backendRefs.flatMap((ref) => backendRefLines(host, route, ref));
    if (backends.length === 1) rules.push(`- ${matches} ${backends[0]}`);
    else rules.push(`- ${matches}`, ...(backends.length ? backends : ['no backendRefs: answered 500 / not routed']).map((l) => `  - ${l}`));
  }
  const outside = waysInThrough(context, [route], (hop) => hop.kind === 'route' && hop.route === route);
  const picture = [
    `**${route.kind} ${code(`${route.namespace}/${route.name}`)}**${route.hostnames.length ? ` · ${route.hostnames.map((h) => code(h.value)).join(', ')}` : ''}`,
    parents.length ? `- **Attached to** ${parents.slice(0, 2).join('; ')}${parents.length > 2 ? `; and ${parents.length - 2} more` : ''}` : '- **Attached to** nothing: no parentRefs, so no Gateway serves it',
    ...pictureLines(outside),
  ];
  return sections(
    picture.join('\n'),
    outside.length > PICTURE_PATHS ? `**From outside**\n${outside.map((l) => `- ${l}`).join('\n')}` : undefined,
    rules.length ? `**Rules**\n${bounded(rules, 16).join('\n')}` : '**Rules**: none',
  );
}
