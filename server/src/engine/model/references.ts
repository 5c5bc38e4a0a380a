/**
 * Service references that workloads declare in their configuration: env values such as
 * `PRODUCT_CATALOG_SERVICE_ADDR=productcatalogservice:3550`, `ORDER_QUEUE_URI=amqp://rabbitmq:5672` or
 * `http://ai-service:5001/`, and the same in ConfigMap data.
 *
 * Also container `command` / `args` items (`--backend-url=http://backend:9898/echo`, `redis://cache:6379`): the
 * value after `--flag=` is read like an env value whose variable is the flag's name.
 *
 * Conservative on purpose (no noise on real manifests): a host counts only when it
 *  - is a cluster DNS name: `svc.ns.svc`, `svc.ns.svc.cluster.local`, `pod.svc.ns.svc[.cluster.local]`, or
 *    `svc.ns` where `ns` is a namespace the workspace knows;
 *  - or is a bare name that is a Service of the namespace: in an env or ConfigMap value of any variable (`REDIS=
 *    azure-vote-back`) except one whose name says it holds a name, not an address (`*_NAME`, `*_ID`, `*_USER`, ...);
 *    in a command-line item only with a port, a scheme or an address-like flag;
 *  - or, inside free text (a config file, a shell line), a cluster DNS name or a URL (`http://backend:9898/`) whose
 *    host is a Service of the namespace;
 *  - or is a bare name in a variable whose name says it holds an address (`*_ADDR`, `*_HOST`, `*_URL`, ...), in a
 *    namespace that has Services, so that a missing Service can be told.
 * IPs, `localhost`, values with `$(VAR)` expansions and the API server's own `kubernetes` Service are never references.
 */
import type { Span } from '../syntax/tree';
import type { ConfigMap, Workload } from './resources';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ServiceReference {
  /** The host as written. */
  host: string;
  port?: number;
  /** True when the port is the default of the URL scheme (`http://svc/` -> 80) rather than written. */
  portImplied?: boolean;
  scheme?: string;
  /** Namespace the name resolves in. */
  namespace: string;
  serviceName: string;
  /**
   * How the host was recognised: a cluster DNS name (`clusterDns`), `name.namespace` (`serviceNamespace`), a bare
   * name that is a Service in scope (`bareService`), or a bare name in an address-like variable (`addressVariable`).
   */
  form: 'clusterDns' | 'serviceNamespace' | 'bareService' | 'addressVariable';
  /** The host (and port) inside the value; the whole value when its text cannot be mapped exactly. */
  span: Span;
  file: string;
  via: 'env' | 'configMap' | 'arg';
  envName?: string;
  container?: string;
  key?: string;
  /** For `arg`: the command-line item as written. */
  arg?: string;
}

/** Where a reference is written, in words: `env REDIS (container front)`, `ConfigMap key X`, `arg "--url=..." (container c)`. */
export function referenceWhere(reference: ServiceReference): string {
  const container = reference.container ? ` (container ${reference.container})` : '';
  if (reference.via === 'env') return `env ${reference.envName ?? ''}${container}`;
  if (reference.via === 'arg') return `command-line item ${JSON.stringify(reference.arg ?? '')}${container}`;
  return `ConfigMap key ${reference.key ?? ''}`;
}

/** Variable-name endings that say the value is an address (a bare name there is a host). */
const HOST_NAME_SUFFIXES = ['_ADDR', '_ADDRESS', '_HOST', '_HOSTNAME', '_ENDPOINT'];
/**
 * Endings that say it is an address only when the value also has a port or a scheme: `EMAIL_SERVICE=sendgrid` or
 * `APP_SERVER=gunicorn` name products, not hosts.
 */
const ADDRESS_WITH_PORT_SUFFIXES = [...HOST_NAME_SUFFIXES, '_URL', '_URI', '_SERVER', '_SERVICE', '_SVC', '_DSN', '_BROKER', '_BROKERS'];

const SCHEME_DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  grpc: 80,
  amqp: 5672,
  amqps: 5671,
  redis: 6379,
  rediss: 6379,
  mongodb: 27017,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  nats: 4222,
};

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const HOST = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
/** A Service name is a DNS-1035 label: it starts with a letter. */
const SERVICE_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const CLUSTER_DNS_IN_TEXT = /(?<![-.\w])((?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?\.){2,3}svc(?:\.cluster\.local)?)(?::(\d{1,5}))?(?![-.\w])/g;
const NEVER_SERVICES: ReadonlySet<string> = new Set(['localhost', 'kubernetes']);
/** Variables that hold a name, not an address: a bare Service name there is not a reference (`OTEL_SERVICE_NAME=cart`). */
const NAME_VARIABLE = /(^|_)(NAME|ID|USER|USERNAME|DB|DATABASE|TOPIC|QUEUE|TABLE|BUCKET|KEY|NAMESPACE|LABEL|APP|TITLE|ROLE|GROUP|TAG|MODE|LEVEL|PREFIX|SUFFIX)$/;
/** `scheme://host[:port]` inside free text. */
const URL_IN_TEXT = /(?<![-.\w])([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s"'<>;,)]+)/g;
/** A command-line flag with its value: `--backend-url=http://backend:9898`. */
const FLAG_WITH_VALUE = /^--?([A-Za-z][-\w.]*)=(.*)$/s;

/**
 * The references a workload's env or a ConfigMap's data declares. Kept per object until what it read changes
 * (`WorkspaceIndex.memoFor`): several rules, hovers and the graph ask for the same object's references. Callers get
 * a shared array and must not change it.
 */
export function referencesOf(index: WorkspaceIndex, resource: Workload | ConfigMap): readonly ServiceReference[] {
  return index.memoFor(resource, 'references', () => findReferences(index, resource));
}

function findReferences(index: WorkspaceIndex, resource: Workload | ConfigMap): ServiceReference[] {
  const out: ServiceReference[] = [];
  if (resource.kind === 'ConfigMap') {
    const configMap = resource as ConfigMap;
    for (const [key, value] of Object.entries(configMap.data)) {
      const span = configMap.dataSpans[key];
      if (!span) continue;
      for (const found of referencesInValue(index, value, span, key, configMap.namespace)) {
        out.push({ ...found, file: configMap.file, via: 'configMap', key });
      }
    }
    return out;
  }
  const workload = resource as Workload;
  for (const container of workload.containers) {
    for (const env of container.env) {
      if (env.value === undefined || !env.valueSpan) continue;
      for (const found of referencesInValue(index, env.value, env.valueSpan, env.name, workload.namespace)) {
        out.push({ ...found, file: workload.file, via: 'env', envName: env.name, container: container.name });
      }
    }
    const args = container.args ?? [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const span = container.argSpans?.[i];
      if (!span) continue;
      const flag = FLAG_WITH_VALUE.exec(arg);
      // `--flag=value`: the value, read as if the flag named a variable; the span of the value inside the item.
      const value = flag ? flag[2]! : arg;
      const variable = flag ? flag[1]!.replace(/[-.]/g, '_') : '';
      const valueSpan = flag ? itemValueSpan(arg, span, arg.length - value.length) : span;
      for (const found of referencesInValue(index, value, valueSpan, variable, workload.namespace, 'arg')) {
        out.push({ ...found, file: workload.file, via: 'arg', arg, container: container.name });
      }
    }
  }
  return out;
}

/** The span of the text after `offset` in a command-line item, when the item's text maps exactly (else the item's). */
function itemValueSpan(item: string, span: Span, offset: number): Span {
  const length = span.end - span.start;
  const shift = length === item.length ? 0 : length === item.length + 2 && !item.includes('\n') ? 1 : undefined;
  return shift === undefined ? span : { start: span.start + shift + offset, end: span.end - shift };
}

type Found = Omit<ServiceReference, 'file' | 'via' | 'envName' | 'container' | 'key'>;

function referencesInValue(index: WorkspaceIndex, value: string, valueSpan: Span, variable: string, namespace: string, source: 'value' | 'arg' = 'value'): Found[] {
  if (value.includes('$')) return []; // `$(VAR)` / `${VAR}` expansions: the host is not known here.
  const trimmed = value.trim();
  if (trimmed === '') return [];
  const offsetOf = textOffsets(value, valueSpan);
  const out: Found[] = [];
  if (/\s/.test(trimmed)) {
    // Free text or a config file: only unambiguous cluster DNS names count.
    for (const match of value.matchAll(CLUSTER_DNS_IN_TEXT)) {
      const host = match[1]!;
      const port = match[2] !== undefined ? Number(match[2]) : undefined;
      const target = clusterDnsTarget(host);
      if (!target || (port !== undefined && !validPort(port))) continue;
      const start = match.index!;
      const reference: Found = { host, ...target, form: 'clusterDns', span: offsetOf(start, start + match[0].length) };
      if (port !== undefined) reference.port = port;
      out.push(reference);
    }
    // URLs whose host is a Service in scope (`proxy_pass http://backend:8080;`, `curl http://api/health`).
    for (const match of value.matchAll(URL_IN_TEXT)) {
      const parsed = parseAddress(match[1]!);
      if (!parsed) continue;
      const target = classify(index, parsed, '', namespace, source);
      if (!target || target.form === 'addressVariable' || target.form === 'clusterDns') continue; // cluster DNS names: above
      const start = match.index! + parsed.hostOffset;
      out.push(addressReference(parsed, target, offsetOf(start, start + parsed.host.length + (parsed.portText !== undefined ? 1 + parsed.portText.length : 0))));
    }
    return out;
  }
  const base = value.indexOf(trimmed);
  let cursor = 0;
  for (const item of trimmed.split(/[,;]/)) {
    const itemStart = base + trimmed.indexOf(item, cursor);
    cursor = trimmed.indexOf(item, cursor) + item.length;
    const parsed = parseAddress(item);
    if (!parsed) continue;
    const target = classify(index, parsed, variable, namespace, source);
    if (!target) continue;
    const start = itemStart + parsed.hostOffset;
    const end = start + parsed.host.length + (parsed.portText !== undefined ? 1 + parsed.portText.length : 0);
    out.push(addressReference(parsed, target, offsetOf(start, end)));
  }
  return out;
}

function addressReference(parsed: ParsedAddress, target: Pick<Found, 'serviceName' | 'namespace' | 'form'>, span: Span): Found {
  const reference: Found = { host: parsed.host, namespace: target.namespace, serviceName: target.serviceName, form: target.form, span };
  if (parsed.scheme) reference.scheme = parsed.scheme;
  if (parsed.port !== undefined) reference.port = parsed.port;
  else if (parsed.scheme && SCHEME_DEFAULT_PORTS[parsed.scheme] !== undefined) {
    reference.port = SCHEME_DEFAULT_PORTS[parsed.scheme]!;
    reference.portImplied = true;
  }
  return reference;
}

interface ParsedAddress {
  scheme?: string;
  host: string;
  /** Offset of the host within the item. */
  hostOffset: number;
  port?: number;
  portText?: string;
}

/** `host`, `host:port`, `scheme://[user@]host[:port][/path]`; anything else (key:value, IPv6, ...) is not one. */
function parseAddress(item: string): ParsedAddress | undefined {
  // JDBC URLs wrap a URL: `jdbc:postgresql://db:5432/app`.
  let offset = /^jdbc:/i.test(item) ? 'jdbc:'.length : 0;
  let rest = item.slice(offset);
  let scheme: string | undefined;
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    if (scheme === 'mongodb+srv') return undefined; // an SRV record name, not a Service host
    offset += schemeMatch[0].length;
    rest = rest.slice(schemeMatch[0].length);
  }
  const authorityEnd = rest.search(/[/?#]/);
  let authority = authorityEnd >= 0 ? rest.slice(0, authorityEnd) : rest;
  if (!scheme && authorityEnd >= 0 && !/^[^/]+:\d+\//.test(rest)) return undefined; // a path, not an address
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    if (!scheme) return undefined;
    offset += at + 1;
    authority = authority.slice(at + 1);
  }
  const colon = authority.indexOf(':');
  const host = colon >= 0 ? authority.slice(0, colon) : authority;
  const portText = colon >= 0 ? authority.slice(colon + 1) : undefined;
  if (!HOST.test(host) || /^[\d.]+$/.test(host)) return undefined;
  const parsed: ParsedAddress = { host, hostOffset: offset };
  if (scheme) parsed.scheme = scheme;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || !validPort(Number(portText))) return undefined;
    parsed.port = Number(portText);
    parsed.portText = portText;
  }
  return parsed;
}

function validPort(port: number): boolean {
  return port >= 1 && port <= 65535;
}

/** `svc.ns.svc[.cluster.local]` or `pod.svc.ns.svc[.cluster.local]` (a headless Service's pod). */
function clusterDnsTarget(host: string): { serviceName: string; namespace: string } | undefined {
  const stripped = host.endsWith('.svc.cluster.local') ? host.slice(0, -'.svc.cluster.local'.length) : host.endsWith('.svc') ? host.slice(0, -'.svc'.length) : undefined;
  if (stripped === undefined) return undefined;
  const labels = stripped.split('.');
  const [serviceName, namespace] = labels.length === 2 ? [labels[0]!, labels[1]!] : labels.length === 3 ? [labels[1]!, labels[2]!] : [];
  if (!serviceName || !namespace || !SERVICE_NAME.test(serviceName)) return undefined;
  if (serviceName === 'kubernetes' && namespace === 'default') return undefined;
  return { serviceName, namespace };
}

function classify(index: WorkspaceIndex, address: ParsedAddress, variable: string, namespace: string, source: 'value' | 'arg' = 'value'): Pick<Found, 'serviceName' | 'namespace' | 'form'> | undefined {
  const host = address.host;
  const dns = clusterDnsTarget(host);
  if (dns) return { ...dns, form: 'clusterDns' };
  const labels = host.split('.');
  if (labels.length === 2) {
    const [serviceName, targetNamespace] = labels as [string, string];
    if (!SERVICE_NAME.test(serviceName) || (serviceName === 'kubernetes' && targetNamespace === 'default')) return undefined;
    const known =
      index.lookup('Service', targetNamespace, serviceName).length > 0 ||
      index.lookup('Namespace', '', targetNamespace).length > 0 ||
      index.workloadsIn(targetNamespace).length > 0;
    return known ? { serviceName, namespace: targetNamespace, form: 'serviceNamespace' } : undefined;
  }
  if (labels.length !== 1 || !SERVICE_NAME.test(host) || NEVER_SERVICES.has(host)) return undefined;
  const withPortOrScheme = address.port !== undefined || address.scheme !== undefined;
  const name = variable.toUpperCase();
  const hostVariable = HOST_NAME_SUFFIXES.some((s) => name.endsWith(s));
  const addressVariable = ADDRESS_WITH_PORT_SUFFIXES.some((s) => name.endsWith(s));
  if (index.lookup('Service', namespace, host).length > 0) {
    // A bare name alone: any variable that does not say it holds a name; on a command line, only an address flag.
    const bareAllowed = source === 'value' ? variable !== '' && !NAME_VARIABLE.test(name) : hostVariable;
    return withPortOrScheme || hostVariable || bareAllowed ? { serviceName: host, namespace, form: 'bareService' } : undefined;
  }
  if (hostVariable || (addressVariable && withPortOrScheme)) return { serviceName: host, namespace, form: 'addressVariable' };
  return undefined;
}

/**
 * Maps offsets in the parsed value to offsets in the file. Exact for plain scalars and for quoted ones without
 * escapes (the text is the value, or the value between two quotes); otherwise every offset maps to the whole value.
 */
function textOffsets(value: string, span: Span): (start: number, end: number) => Span {
  const length = span.end - span.start;
  const shift = length === value.length ? 0 : length === value.length + 2 && !value.includes('\n') ? 1 : undefined;
  if (shift === undefined) return () => ({ start: span.start, end: span.end });
  return (start, end) => ({ start: span.start + shift + start, end: span.start + shift + end });
}
