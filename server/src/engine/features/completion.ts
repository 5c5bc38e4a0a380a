/**
 * Completion: Service names and their ports in Ingress and route backends, label keys and values in selectors,
 * class names, annotation keys and values, named target ports, field names and enum values from the knowledge base,
 * and snippets for an empty document. Positions are read from the text (see completionContext.ts).
 */
import { grantsFor } from '../exposure/backends';
import { allFieldDocs } from '../kb/fieldDocs';
import { GATEWAY_TLS_OPTIONS } from '../kb/keyVaultTls';
import { APP_ROUTING_GROUP, customKind } from '../kb/policyKinds';
import { KNOWN_GATEWAY_CLASSES } from '../kb/gatewayClasses';
import { KNOWN_INGRESS_CLASSES } from '../kb/ingressClasses';
import { equalitySelector } from '../model/labelSelector';
import type { AnyResource, Service, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { Span } from '../syntax/tree';
import { completionPositionAt, documentFacts, endsWith, keysOf, siblingValue, type CompletionPosition } from './completionContext';
import { objectAt } from './cursor';
import { code, type FeatureHost } from './host';
import { annotationDoc, annotationDocsFor, fieldDoc, fieldDocIn, fieldDocKind } from './kbDocs';
import { SNIPPETS } from './snippets';

export type CompletionKind = 'service' | 'port' | 'label-key' | 'label-value' | 'class' | 'annotation' | 'value' | 'field' | 'snippet' | 'namespace' | 'gateway';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert (defaults to the label). */
  insertText?: string;
  /** insertText uses snippet syntax (`${1:x}`). */
  snippet?: boolean;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The text the items replace. */
  replace: Span;
}

interface Context {
  host: FeatureHost;
  index: WorkspaceIndex;
  text: string;
  offset: number;
  position: CompletionPosition;
  keys: string[];
  kind?: string;
  /** The object's apiVersion, to tell same-named kinds of different API groups apart. */
  apiVersion?: string;
  namespace: string;
  resource?: AnyResource;
}

export function completion(host: FeatureHost, file: string, text: string, offset: number): CompletionResult | undefined {
  try {
    const position = completionPositionAt(text, offset);
    if (!position) return undefined;
    const facts = documentFacts(text, position.document);
    const resource = objectAt(host.analysis, file, offset);
    const context: Context = {
      host,
      index: host.analysis.index,
      text,
      offset,
      position,
      keys: keysOf(position.parents),
      namespace: resource?.namespace || facts.namespace || 'default',
    };
    const kind = facts.kind ?? resource?.kind;
    if (kind) context.kind = kind;
    const apiVersion = facts.apiVersion ?? resource?.apiVersion;
    if (apiVersion) context.apiVersion = apiVersion;
    if (resource) context.resource = resource;
    const items = itemsFor(context);
    return items.length ? { items, replace: position.replace } : undefined;
  } catch {
    return undefined;
  }
}

function itemsFor(c: Context): CompletionEntry[] {
  const { position, keys } = c;
  if (!c.kind) return position.mode === 'key' && keys.length === 0 ? snippetItems() : [];
  if (position.mode === 'value') {
    const key = position.key!;
    if (key === 'ingressClassName') return ingressClassItems(c);
    if (key === 'gatewayClassName') return gatewayClassItems(c);
    if (endsWith(keys, 'metadata', 'annotations')) return annotationValueItems(key);
    if (c.kind === 'Ingress' && ((endsWith(keys, 'backend', 'service') || endsWith(keys, 'defaultBackend', 'service')) && key === 'name' || key === 'serviceName')) return serviceItems(c, c.namespace);
    if (c.kind === 'Ingress' && endsWith(keys, 'service', 'port') && (key === 'name' || key === 'number')) {
      const service = siblingValue(c.text, c.offset, position.indent, 'name', 1);
      return service ? portItems(c, c.namespace, service, key === 'name' ? 'name' : 'number') : [];
    }
    if (isRouteKind(c.kind) && endsWith(position.parents, 'backendRefs', '-')) return routeBackendItems(c, key);
    if (isRouteKind(c.kind) && endsWith(position.parents, 'parentRefs', '-') && key === 'name') return gatewayItems(c);
    if (c.kind === 'Service' && endsWith(keys, 'spec', 'ports') && key === 'targetPort') return targetPortItems(c);
    if (isSelectorMap(keys)) return labelValueItems(c, key);
    if (endsWith(position.parents, 'matchExpressions', '-') && key === 'key') return labelKeyItems(c, keysBeforeSelector(keys));
    return enumItems(c, [...keys, key]);
  }
  if (position.mode === 'item') {
    if (endsWith(keys, 'matchExpressions', 'values')) {
      const key = siblingValue(c.text, c.offset, position.indent, 'key', 1);
      return key ? labelValueItems(c, key, keysBeforeSelector(keys)) : [];
    }
    if (c.kind === 'NetworkPolicy' && endsWith(keys, 'spec', 'policyTypes')) return ['Ingress', 'Egress'].map((v) => ({ label: v, kind: 'value' }));
    // Items of a documented list with values (Cilium's fromEntities / toEntities).
    if (c.kind === 'CiliumNetworkPolicy' || c.kind === 'CiliumClusterwideNetworkPolicy') return enumItems(c, keys);
    return [];
  }
  // mode key
  if (endsWith(keys, 'metadata', 'annotations') && keys.length === 2) return annotationKeyItems(c);
  if (c.kind === 'Gateway' && endsWith(keys, 'tls', 'options')) return gatewayTlsOptionItems();
  if (isSelectorMap(keys)) return labelKeyItems(c, keys);
  return fieldItems(c);
}

function isRouteKind(kind: string): boolean {
  return kind === 'HTTPRoute' || kind === 'GRPCRoute' || kind === 'TLSRoute' || kind === 'TCPRoute' || kind === 'UDPRoute';
}

/** A map of labels: a Service selector or a matchLabels. */
function isSelectorMap(keys: readonly string[]): boolean {
  return endsWith(keys, 'matchLabels') || (keys.length === 2 && keys[0] === 'spec' && keys[1] === 'selector');
}

function keysBeforeSelector(keys: readonly string[]): string[] {
  const at = keys.lastIndexOf('matchExpressions');
  return at >= 0 ? [...keys.slice(0, at), 'matchLabels'] : [...keys];
}

function yamlValue(value: string): string {
  return /^(true|false|yes|no|on|off|y|n|null|~|[-+]?[\d.]+(e\d+)?)$/i.test(value) || /[:#{}[\],&*!|>'"%@`]/.test(value) || value === '' ? JSON.stringify(value) : value;
}

function ingressClassItems(c: Context): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const cls of c.index.ofKind('IngressClass')) {
    if (seen.has(cls.name)) continue;
    seen.add(cls.name);
    const known = KNOWN_INGRESS_CLASSES.find((k) => k.name === cls.name);
    items.push({ label: cls.name, kind: 'class', detail: `IngressClass in the workspace${cls.controller ? ` · ${cls.controller}` : ''}${cls.isDefault ? ' · default' : ''}`, documentation: known?.doc ?? '', sortText: `0${cls.name}` });
  }
  // Classes the application routing add-on creates for NginxIngressController objects of the workspace.
  for (const controller of c.index.ofKind('NginxIngressController')) {
    const name = controller.ingressClassName?.value;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    items.push({ label: name, kind: 'class', detail: `NginxIngressController ${controller.name} (application routing)`, documentation: customKind(APP_ROUTING_GROUP, 'NginxIngressController')?.doc ?? '', sortText: `0${name}` });
  }
  for (const known of KNOWN_INGRESS_CLASSES) {
    if (seen.has(known.name) || known.annotationOnly) continue;
    items.push({ label: known.name, kind: 'class', detail: known.product, documentation: `${known.doc} [Docs](${known.source})`, sortText: `1${known.name}` });
  }
  return items;
}

function gatewayClassItems(c: Context): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const cls of c.index.ofKind('GatewayClass')) {
    if (seen.has(cls.name)) continue;
    seen.add(cls.name);
    const known = KNOWN_GATEWAY_CLASSES.find((k) => k.name === cls.name);
    items.push({ label: cls.name, kind: 'class', detail: `GatewayClass in the workspace${cls.controllerName ? ` · ${cls.controllerName}` : ''}`, documentation: known?.doc ?? '', sortText: `0${cls.name}` });
  }
  for (const known of KNOWN_GATEWAY_CLASSES) {
    if (seen.has(known.name)) continue;
    items.push({ label: known.name, kind: 'class', detail: known.product, documentation: `${known.doc} [Docs](${known.source})`, sortText: `1${known.name}` });
  }
  return items;
}

function serviceItems(c: Context, namespace: string, sortPrefix = '0'): CompletionEntry[] {
  const seen = new Set<string>();
  const items: CompletionEntry[] = [];
  for (const service of c.index.ofKindIn('Service', namespace)) {
    if (seen.has(service.name)) continue;
    seen.add(service.name);
    items.push({ label: service.name, kind: 'service', detail: `Service · ${service.type} · ${portsText(service)}`, documentation: `Service ${code(`${namespace}/${service.name}`)}`, sortText: `${sortPrefix}${service.name}` });
  }
  return items;
}

function portsText(service: Service): string {
  return service.ports.map((p) => (p.name ? `${p.name} ${p.port}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(', ') || 'no ports';
}

function portItems(c: Context, namespace: string, serviceName: string, by: 'name' | 'number'): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const service of c.index.lookup('Service', namespace, serviceName)) {
    for (const port of service.ports) {
      const label = by === 'name' ? port.name : String(port.port);
      if (!label || seen.has(label)) continue;
      seen.add(label);
      const target = typeof port.targetPort === 'number' ? String(port.targetPort) : `\`${port.targetPort}\``;
      items.push({ label, kind: 'port', detail: `${port.port}/${port.protocol}${port.name ? ` (${port.name})` : ''} → targetPort ${target}`, sortText: String(port.port).padStart(5, '0') });
    }
  }
  return items;
}

function routeBackendItems(c: Context, key: string): CompletionEntry[] {
  const route = c.kind!;
  const namespace = siblingValue(c.text, c.offset, c.position.indent, 'namespace', 0) ?? c.namespace;
  if (key === 'name') {
    if (namespace === c.namespace) return serviceItems(c, namespace);
    const grants = grantsFor(c.index, route, c.namespace, 'Service', namespace);
    if (grants.length === 0) return [];
    const named = new Set(grants.flatMap((g) => g.to.filter((t) => t.kind === 'Service' && t.name).map((t) => t.name!)));
    const all = grants.some((g) => g.to.some((t) => t.kind === 'Service' && !t.name));
    return serviceItems(c, namespace).filter((i) => all || named.has(i.label));
  }
  if (key === 'port') {
    const service = siblingValue(c.text, c.offset, c.position.indent, 'name', 0);
    return service ? portItems(c, namespace, service, 'number') : [];
  }
  if (key === 'namespace') {
    const namespaces = new Set<string>([c.namespace]);
    for (const grant of c.index.ofKind('ReferenceGrant')) {
      if (grant.from.some((f) => f.kind === route && f.namespace === c.namespace) && grant.to.some((t) => t.kind === 'Service')) namespaces.add(grant.namespace);
    }
    return [...namespaces].map((ns) => ({ label: ns, kind: 'namespace', detail: ns === c.namespace ? 'this route\'s namespace' : 'a ReferenceGrant there allows it' }));
  }
  return [];
}

function gatewayItems(c: Context): CompletionEntry[] {
  const namespace = siblingValue(c.text, c.offset, c.position.indent, 'namespace', 0) ?? c.namespace;
  return c.index.ofKindIn('Gateway', namespace).map((g) => ({
    label: g.name,
    kind: 'gateway',
    detail: `Gateway${g.gatewayClassName ? ` · ${g.gatewayClassName}` : ''} · ${g.listeners.map((l) => `${l.protocol ?? '?'}:${l.port ?? '?'}`).join(', ')}`,
  }));
}

function targetPortItems(c: Context): CompletionEntry[] {
  const service = c.resource?.kind === 'Service' ? (c.resource as Service) : undefined;
  const workloads: Workload[] = service?.selector ? c.index.workloadsSelectedBy(service.namespace, equalitySelector(service.selector, service.nameSpan)) : [];
  const items = new Map<string, CompletionEntry>();
  for (const workload of workloads) {
    for (const container of workload.containers) {
      if (container.init) continue;
      for (const port of container.ports) {
        if (port.name && !items.has(port.name)) items.set(port.name, { label: port.name, kind: 'port', detail: `${port.containerPort}/${port.protocol} in container ${container.name} of ${workload.kind} ${workload.name}`, sortText: `0${port.name}` });
        const number = String(port.containerPort);
        if (!items.has(number)) items.set(number, { label: number, kind: 'port', detail: `${port.name ? `${port.name}, ` : ''}${port.protocol} in container ${container.name} of ${workload.kind} ${workload.name}`, sortText: `1${number.padStart(5, '0')}` });
      }
    }
  }
  return [...items.values()];
}

/** Workloads a pod selector map completes from: the policy's/Service's namespace, or every namespace for peers. */
function workloadsInScope(c: Context, keys: readonly string[]): Workload[] {
  const peer = keys.includes('from') || keys.includes('to');
  return peer ? [...c.index.workloads()] : [...c.index.workloadsIn(c.namespace)];
}

function labelsInScope(c: Context, keys: readonly string[]): Map<string, Map<string, string[]>> {
  const labels = new Map<string, Map<string, string[]>>();
  const add = (key: string, value: string, owner: string) => {
    let values = labels.get(key);
    if (!values) labels.set(key, (values = new Map()));
    const owners = values.get(value) ?? [];
    if (!owners.includes(owner)) owners.push(owner);
    values.set(value, owners);
  };
  if (keys.includes('namespaceSelector') || (c.kind === 'Gateway' && keys.includes('allowedRoutes'))) {
    for (const ns of c.index.namespaceNames()) for (const [k, v] of Object.entries(c.index.namespaceLabels(ns))) add(k, v, `namespace ${ns}`);
    return labels;
  }
  for (const workload of workloadsInScope(c, keys)) {
    for (const [k, v] of Object.entries(workload.podLabels)) add(k, v, `${workload.kind} ${workload.namespace}/${workload.name}`);
  }
  return labels;
}

function labelKeyItems(c: Context, keys: readonly string[]): CompletionEntry[] {
  return [...labelsInScope(c, keys)].map(([key, values]) => ({
    label: key,
    kind: 'label-key',
    detail: `${values.size} value${values.size === 1 ? '' : 's'}: ${[...values.keys()].slice(0, 4).join(', ')}`,
    insertText: c.position.mode === 'key' ? `${key}: ` : key,
  }));
}

function labelValueItems(c: Context, key: string, keys: readonly string[] = c.keys): CompletionEntry[] {
  const values = labelsInScope(c, keys).get(key);
  if (!values) return [];
  return [...values].map(([value, owners]) => ({
    label: value,
    kind: 'label-value',
    detail: owners.slice(0, 3).join(', ') + (owners.length > 3 ? `, +${owners.length - 3}` : ''),
    insertText: c.position.prefix.startsWith('"') || c.position.prefix.startsWith("'") ? value : yamlValue(value),
  }));
}

function annotationKeyItems(c: Context): CompletionEntry[] {
  const present = new Set(Object.keys(c.resource?.annotations ?? {}));
  return annotationDocsFor(c.kind!)
    .filter((doc) => !doc.pattern && !present.has(doc.key))
    .map((doc) => ({
      label: doc.key,
      kind: 'annotation',
      detail: doc.valueHint ?? doc.owner,
      documentation: `${doc.doc}${doc.defaultValue !== undefined ? `\n\nDefault: \`${doc.defaultValue}\`` : ''}\n\n[Source](${doc.source})`,
      insertText: `${doc.key}: `,
    }));
}

function annotationValueItems(key: string): CompletionEntry[] {
  const doc = annotationDoc(key);
  return (doc?.values ?? []).map((value) => ({ label: value, kind: 'value', detail: doc?.valueHint ?? '', insertText: JSON.stringify(value) }));
}

/** Enum values of a field from the knowledge base (Service type, pathType, policyTypes, ...). */
function enumItems(c: Context, path: string[]): CompletionEntry[] {
  const doc = fieldDoc(c.kind!, path, c.apiVersion);
  return (doc?.values ?? []).map((v) => ({ label: v.value, kind: 'value', documentation: v.doc, insertText: yamlValue(v.value) }));
}

/** Field names documented under the cursor's map. */
function fieldItems(c: Context): CompletionEntry[] {
  const prefix = c.keys.join('.');
  const depth = c.keys.length;
  const items = new Map<string, CompletionEntry>();
  const docsKey = fieldDocKind(c.kind!, c.apiVersion);
  for (const doc of allFieldDocs()) {
    if (doc.kind !== c.kind || !fieldDocIn(doc, docsKey)) continue;
    const segments = doc.path.split('.');
    if (segments.length !== depth + 1 || segments.slice(0, depth).join('.') !== prefix) continue;
    const name = segments[depth]!;
    if (!items.has(name)) items.set(name, { label: name, kind: 'field', detail: doc.path, documentation: doc.doc, insertText: `${name}: ` });
  }
  return [...items.values()];
}

/** The listener `tls.options` keys the application routing add-on reads (Key Vault certificates). */
function gatewayTlsOptionItems(): CompletionEntry[] {
  return GATEWAY_TLS_OPTIONS.map((o) => ({ label: o.key, kind: 'field', detail: o.valueHint, documentation: `${o.doc}\n\n[Source](${o.source})`, insertText: `${o.key}: ` }));
}

function snippetItems(): CompletionEntry[] {
  return SNIPPETS.map((s) => ({ label: s.label, kind: 'snippet', detail: s.detail, documentation: s.documentation, insertText: s.body, snippet: true }));
}
