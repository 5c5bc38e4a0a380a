/**
 * How traffic reaches a workload from outside the cluster, as plain data:
 *  - Internet (or the VNet) -> public (internal) Azure load balancer of a LoadBalancer Service -> pods:targetPort;
 *  - any client that reaches a node -> every node's IP on a NodePort -> pods:targetPort;
 *  - Internet -> the ingress controller of the Ingress's class -> Ingress host + path -> Service:port -> pods;
 *  - Internet -> Gateway listener -> route -> Service:port -> pods.
 * Paths name the facts they pass through (objects of the index), so the connectivity graph and the policy generator
 * can reuse them; `formatExposurePath` renders one for people.
 */
import { equalitySelector, selectorMatches } from '../model/labelSelector';
import type { Gateway, GatewayListener, Ingress, IngressBackend, ParentRef, Route, Service, ServicePort, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { referenceAllowed, targetsOfServicePort, type PodTarget } from './backends';
import { describeGatewayClass, ingressControllerOf, type GatewayClassInfo, type IngressControllerInfo } from './controllers';
import { code, escapeText } from '../util/markdown';

export const AZURE_INTERNAL_LB_ANNOTATION = 'service.beta.kubernetes.io/azure-load-balancer-internal';

export type ExposureEntry = 'internet' | 'vnet' | 'node-network';

export type ExposureHop =
  | { kind: 'load-balancer'; service: Service; port: ServicePort; visibility: 'public' | 'internal'; sourceRanges: string[] }
  | { kind: 'node-port'; service: Service; port: ServicePort; nodePort?: number }
  | { kind: 'ingress-controller'; controller: IngressControllerInfo }
  | { kind: 'ingress'; ingress: Ingress; host?: string; path?: string; pathType?: string; defaultBackend: boolean }
  | { kind: 'gateway'; gatewayName: string; gatewayNamespace: string; gateway?: Gateway; listener?: GatewayListener; gatewayClass?: GatewayClassInfo }
  | { kind: 'route'; route: Route; hostnames: string[]; paths: string[] }
  | { kind: 'service'; service: Service; port: ServicePort }
  | { kind: 'pods'; workload: Workload; target: PodTarget; protocol: ServicePort['protocol']; targetPort: number | string };

export interface ExposurePath {
  entry: ExposureEntry;
  hops: ExposureHop[];
}

/** Services of the workload's namespace whose selector matches its pods. */
export function servicesSelecting(index: WorkspaceIndex, workload: Workload): Service[] {
  // Candidates by one label of each selector (a table per namespace, kept until its Services change), not a test of
  // every Service of the namespace per workload (quadratic in a namespace of thousands of objects, issue 17).
  const table = serviceSelectorTable(index, workload.namespace);
  const candidates = new Set<number>(table.any);
  for (const [key, value] of Object.entries(workload.podLabels)) for (const at of table.byLabel.get(`${key}=${value}`) ?? []) candidates.add(at);
  return [...candidates]
    .sort((a, b) => a - b)
    .map((at) => table.services[at]!)
    .filter((s) => selectorMatches(equalitySelector(s.selector!, s.nameSpan), workload.podLabels));
}

interface ServiceSelectorTable {
  /** The namespace's Services with a selector (not ExternalName), in index order. */
  services: readonly Service[];
  /** Positions in `services` by the first label of their selector; `any`: those whose selector is empty. */
  byLabel: ReadonlyMap<string, readonly number[]>;
  any: readonly number[];
}

function serviceSelectorTable(index: WorkspaceIndex, namespace: string): ServiceSelectorTable {
  return index.memo(`exposure:service-selectors:${namespace}`, () => {
    const services = index.ofKindIn('Service', namespace).filter((s) => s.selector && s.type !== 'ExternalName');
    const byLabel = new Map<string, number[]>();
    const any: number[] = [];
    services.forEach((service, at) => {
      const first = Object.entries(service.selector!)[0];
      if (!first) return void any.push(at);
      const label = `${first[0]}=${first[1]}`;
      const list = byLabel.get(label);
      if (list) list.push(at);
      else byLabel.set(label, [at]);
    });
    return { services, byLabel, any };
  });
}

/**
 * cloud-provider-azure makes a LoadBalancer internal only when `azure-load-balancer-internal` is "true" (any case);
 * a Service or a controller resource that carries Service annotations (NginxIngressController).
 */
export function isInternalLoadBalancer(carrier: { readonly annotations: Readonly<Record<string, string>> }): boolean {
  return (carrier.annotations[AZURE_INTERNAL_LB_ANNOTATION] ?? '').trim().toLowerCase() === 'true';
}

/** Every way in from outside the cluster to this workload's pods. */
export function exposureOf(index: WorkspaceIndex, workload: Workload): ExposurePath[] {
  const out: ExposurePath[] = [];
  for (const service of servicesSelecting(index, workload)) out.push(...exposureOfService(index, service, workload));
  return out;
}

/** Every way in from outside toward a Service (to `only` among its workloads, when given). */
export function exposureOfService(index: WorkspaceIndex, service: Service, only?: Workload): ExposurePath[] {
  const out: ExposurePath[] = [];
  const podsHops = (port: ServicePort): ExposureHop[] =>
    targetsOfServicePort(index, service, port)
      .targets.filter((t) => !only || t.workload === only)
      .map((target) => ({ kind: 'pods', workload: target.workload, target, protocol: port.protocol, targetPort: port.targetPort }));

  for (const port of service.ports) {
    if (service.type === 'LoadBalancer') {
      const internal = isInternalLoadBalancer(service);
      for (const pods of podsHops(port)) {
        out.push({
          entry: internal ? 'vnet' : 'internet',
          hops: [{ kind: 'load-balancer', service, port, visibility: internal ? 'internal' : 'public', sourceRanges: service.loadBalancerSourceRanges }, pods],
        });
      }
    }
    if (service.type === 'NodePort') {
      for (const pods of podsHops(port)) {
        const hop: ExposureHop = { kind: 'node-port', service, port };
        if (port.nodePort !== undefined) hop.nodePort = port.nodePort;
        out.push({ entry: 'node-network', hops: [hop, pods] });
      }
    }
  }

  for (const ingress of index.ofKindIn('Ingress', service.namespace)) {
    const backends: { backend: IngressBackend; host?: string; path?: string; pathType?: string; defaultBackend: boolean }[] = [];
    if (ingress.defaultBackend) backends.push({ backend: ingress.defaultBackend, defaultBackend: true });
    for (const rule of ingress.rules) {
      for (const path of rule.paths) {
        const entry: (typeof backends)[number] = { backend: path.backend, defaultBackend: false };
        if (rule.host) entry.host = rule.host;
        if (path.path !== undefined) entry.path = path.path;
        if (path.pathType) entry.pathType = path.pathType;
        backends.push(entry);
      }
    }
    const controller = backends.length ? ingressControllerOf(index, ingress) : undefined;
    for (const { backend, ...where } of backends) {
      const ref = backend.service;
      if (!ref || ref.service !== service.name) continue;
      for (const port of portsNamed(service, ref.port)) {
        if (port.protocol !== 'TCP') continue;
        for (const pods of podsHops(port)) {
          const ingressHop: ExposureHop = { kind: 'ingress', ingress, defaultBackend: where.defaultBackend };
          if (where.host) ingressHop.host = where.host;
          if (where.path !== undefined) ingressHop.path = where.path;
          if (where.pathType) ingressHop.pathType = where.pathType;
          out.push({ entry: 'internet', hops: [{ kind: 'ingress-controller', controller: controller! }, ingressHop, { kind: 'service', service, port }, pods] });
        }
      }
    }
  }

  for (const route of routesOf(index)) {
    for (const rule of route.rules) {
      for (const ref of rule.backendRefs) {
        if (ref.kind !== 'Service' || (ref.group !== '' && ref.group !== 'core')) continue;
        const namespace = ref.namespace ?? route.namespace;
        if (namespace !== service.namespace || ref.name !== service.name) continue;
        if (!referenceAllowed(index, route.kind, route.namespace, 'Service', namespace, ref.name)) continue;
        const paths = rule.matches.flatMap((m) => (m.pathValue !== undefined ? [m.pathValue] : []));
        for (const port of portsNamed(service, ref.port)) {
          for (const pods of podsHops(port)) {
            for (const parent of route.parentRefs.filter((p) => p.kind === 'Gateway')) {
              out.push({
                entry: 'internet',
                hops: [gatewayHop(index, route, parent), { kind: 'route', route, hostnames: route.hostnames.map((h) => h.value), paths }, { kind: 'service', service, port }, pods],
              });
            }
          }
        }
      }
    }
  }
  return out;
}

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;

function routesOf(index: WorkspaceIndex): Route[] {
  const routes: Route[] = [];
  for (const kind of ROUTE_KINDS) routes.push(...index.ofKind(kind));
  for (const kind of ['TLSRoute', 'TCPRoute', 'UDPRoute']) routes.push(...(index.ofKind(kind as 'HTTPRoute') as Route[]));
  return routes;
}

function portsNamed(service: Service, ref: number | string | undefined): ServicePort[] {
  if (ref === undefined) return service.ports;
  return service.ports.filter((p) => (typeof ref === 'number' ? p.port === ref : p.name === ref));
}

function gatewayHop(index: WorkspaceIndex, route: Route, parent: ParentRef): ExposureHop {
  const namespace = parent.namespace ?? route.namespace;
  const gateway = index.lookup('Gateway', namespace, parent.name)[0];
  const hop: Extract<ExposureHop, { kind: 'gateway' }> = { kind: 'gateway', gatewayName: parent.name, gatewayNamespace: namespace };
  if (gateway) {
    hop.gateway = gateway;
    hop.gatewayClass = describeGatewayClass(index, gateway.gatewayClassName);
    const listener = parent.sectionName ? gateway.listeners.find((l) => l.name === parent.sectionName) : gateway.listeners.length === 1 ? gateway.listeners[0] : undefined;
    if (listener) hop.listener = listener;
  }
  return hop;
}

const ENTRY_TEXT: Record<ExposureEntry, string> = { internet: 'Internet', vnet: 'VNet', 'node-network': 'any client that reaches a node' };

/** `Internet → public Azure LB \`shop/web-lb\`:443 → :8443`, as markdown (every manifest value quoted or escaped). */
export function formatExposurePath(path: ExposurePath): string {
  return [ENTRY_TEXT[path.entry], ...path.hops.map(formatHop)].join(' → ');
}

function formatHop(hop: ExposureHop): string {
  switch (hop.kind) {
    case 'load-balancer': {
      const ranges = hop.sourceRanges.length ? ` (only from ${hop.sourceRanges.map((r) => code(r)).join(', ')})` : '';
      return `${hop.visibility} Azure LB ${code(`${hop.service.namespace}/${hop.service.name}`)}:${hop.port.port}${ranges}`;
    }
    case 'node-port':
      return `every node's IP:${hop.nodePort ?? '(random 30000-32767)'} (NodePort ${code(`${hop.service.namespace}/${hop.service.name}`)})`;
    case 'ingress-controller':
      return escapeText(hop.controller.label);
    case 'ingress':
      return `Ingress ${code(`${hop.ingress.namespace}/${hop.ingress.name}`)} ${hop.defaultBackend ? 'default backend' : `host ${code(hop.host ?? '*')} ${code(hop.path ?? '/')}`}`;
    case 'gateway': {
      const className = hop.gateway?.gatewayClassName ? ` (${code(hop.gateway.gatewayClassName)})` : '';
      const listener = hop.listener?.port !== undefined ? `:${hop.listener.port}` : '';
      return `Gateway ${code(`${hop.gatewayNamespace}/${hop.gatewayName}`)}${className}${listener}${hop.gateway ? '' : ' (not in the workspace)'}`;
    }
    case 'route': {
      const hosts = hop.hostnames.length ? ` host ${hop.hostnames.map((h) => code(h)).join(', ')}` : '';
      const paths = hop.paths.length ? ` ${hop.paths.map((p) => code(p)).join(', ')}` : '';
      return `${hop.route.kind} ${code(`${hop.route.namespace}/${hop.route.name}`)}${hosts}${paths}`;
    }
    case 'service':
      return `Service ${code(hop.service.name)}:${hop.port.name !== undefined ? code(hop.port.name) : hop.port.port}`;
    case 'pods':
      return hop.target.port !== undefined ? `:${hop.target.port}` : `:${code(String(hop.targetPort))} (no such container port)`;
  }
}

