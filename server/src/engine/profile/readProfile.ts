/**
 * Profile values (a PlainNode tree from YAML or settings JSON) -> a ClusterProfile and issues. Never throws: a
 * wrong value is an issue and the key stays unknown, so the analysis says less rather than guessing.
 */
import { parseCidr, type AddressRange } from '../address/addressRange';
import { formatAddress, parseAddress } from '../address/ipAddress';
import { closestName } from '../util/closestName';
import { CLUSTER_KEYS, PROFILE_KEYS, TOP_LEVEL_KEYS, type ProfileKey } from './keys';
import { describeNode, scalarText, type PlainNode } from './plainTree';
import type { Span } from '../syntax/tree';
import { ISTIO_REVISION_PATTERN } from '../kb/istioAddon';
import { aksRetirement } from '../kb/aksLifecycle';
import type { ClusterProfile, IngressControllerProfile } from './types';

export type ProfileIssueSeverity = 'error' | 'warning' | 'info';

export interface ProfileIssue {
  severity: ProfileIssueSeverity;
  message: string;
  /** The key the issue is about (`cluster.podCidr`, `ingressControllers[1].subnetCidr`); '' for the whole input. */
  key: string;
  /** Where in the file (absent for settings and for facts of a merged profile). */
  span?: Span;
}

export interface ReadOptions {
  /** How keys are named in messages: '' in `.netlens.yaml` (`cluster.podCidr`), `netlens.` in settings. */
  keyPrefix: string;
  /** What `origins` records for a key: `.netlens.yaml: cluster.podCidr`, `setting netlens.cluster.podCidr`. */
  originOf(key: string): string;
  /** The settings section also holds other `netlens.*` settings: unknown top-level keys are not profile typos there. */
  ignoreUnknownTopLevel?: boolean;
}

export interface ReadProfileResult {
  profile: ClusterProfile;
  issues: ProfileIssue[];
  /** `cluster.importFrom` as written: the IO layer reads the file, relative to the profile file's folder. */
  importFrom?: { path: string; span?: Span };
  /** Where each key's value is, for consistency messages. */
  spans: Record<string, Span>;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const VERSION = /^v?(\d+)\.(\d+)(\.\d+)?$/;
/** Spellings people copy from the AKS API or CLI (`--network-policy azure`), read as the profile's values. */
const ENGINE_ALIASES: Readonly<Record<string, string>> = { azure: 'azure-npm', npm: 'azure-npm' };

export function readProfile(root: PlainNode, options: ReadOptions): ReadProfileResult {
  const result: ReadProfileResult = { profile: {}, issues: [], spans: {} };
  const name = (key: string) => `${options.keyPrefix}${key}`;
  const issue = (severity: ProfileIssueSeverity, key: string, message: string, span: Span | undefined) => {
    const out: ProfileIssue = { severity, key, message };
    if (span) out.span = span;
    result.issues.push(out);
  };
  if (root.kind === 'scalar' && root.value === null) return result;
  if (root.kind !== 'map') {
    issue('error', '', `a cluster profile is a map of keys (cluster:, ingressControllers:, defaultNamespace:), got ${describeNode(root)}`, root.span);
    return result;
  }
  const origins: Record<string, string> = {};
  const seen = new Set<string>();
  const visit = (key: string, node: PlainNode, keySpan: Span | undefined) => {
    if (seen.has(key)) issue('warning', key, `\`${name(key)}\` is given twice; the last value counts`, keySpan);
    seen.add(key);
    const spec = PROFILE_KEYS.find((k) => k.path === key)!;
    const span = node.span ?? keySpan;
    if (span) result.spans[spec.field] = span;
    if (node.kind === 'scalar' && node.value === null) return; // `key:` with nothing: unknown, like a missing key
    const ok = readValue(spec, node, name(key), (severity, message, at) => issue(severity, key, message, at ?? span), result);
    if (ok && spec.field !== 'importFrom') origins[spec.field] = options.originOf(key);
  };

  for (const entry of root.entries) {
    if (entry.key === 'cluster') {
      if (entry.value.kind === 'scalar' && entry.value.value === null) continue;
      if (entry.value.kind !== 'map') {
        issue('error', 'cluster', `\`${name('cluster')}\` must be a map of cluster facts, got ${describeNode(entry.value)}`, entry.value.span ?? entry.keySpan);
        continue;
      }
      for (const inner of entry.value.entries) {
        if (CLUSTER_KEYS.includes(inner.key)) {
          visit(`cluster.${inner.key}`, inner.value, inner.keySpan);
          continue;
        }
        const suggestion = closestName(inner.key, CLUSTER_KEYS) ?? CLUSTER_KEYS.find((k) => k.toLowerCase() === inner.key.toLowerCase());
        issue('error', `cluster.${inner.key}`, `unknown key \`${name(`cluster.${inner.key}`)}\`${suggestion ? ` (did you mean \`${name(`cluster.${suggestion}`)}\`?)` : `; known keys: ${CLUSTER_KEYS.join(', ')}`}`, inner.keySpan);
      }
      continue;
    }
    if (TOP_LEVEL_KEYS.includes(entry.key)) {
      visit(entry.key, entry.value, entry.keySpan);
      continue;
    }
    if (options.ignoreUnknownTopLevel) continue;
    const clusterKey = CLUSTER_KEYS.find((k) => k === entry.key);
    const suggestion = closestName(entry.key, TOP_LEVEL_KEYS);
    const hint = clusterKey ? ` (it belongs under \`cluster:\`)` : suggestion ? ` (did you mean \`${name(suggestion)}\`?)` : `; known keys: ${TOP_LEVEL_KEYS.join(', ')}`;
    issue('error', entry.key, `unknown key \`${name(entry.key)}\`${hint}`, entry.keySpan);
  }
  if (Object.keys(origins).length) result.profile.origins = origins;
  return result;
}

type Report = (severity: ProfileIssueSeverity, message: string, span?: Span) => void;

/** Reads one key's value into the result; false when the value is not usable (an error was reported). */
function readValue(spec: ProfileKey, node: PlainNode, key: string, report: Report, result: ReadProfileResult): boolean {
  if (spec.kind === 'path') return readImportPath(node, key, report, result);
  if (spec.kind === 'ingressControllers') return readIngressControllers(node, key, report, result);
  const value = fieldValue(spec, node, key, report);
  if (value === undefined) return false;
  (result.profile as Record<string, unknown>)[spec.field] = value;
  return true;
}

/** The value of a key that fills one profile field, by its kind; undefined when it is not usable (reported). */
function fieldValue(spec: ProfileKey, node: PlainNode, key: string, report: Report): unknown {
  switch (spec.kind) {
    case 'enum': {
      const text = stringValue(node, key, report, spec.values!.join(', '));
      return text === undefined ? undefined : enumValue(text, spec, key, report, node.span);
    }
    case 'cidr': {
      const text = stringValue(node, key, report, 'a CIDR such as 10.244.0.0/16');
      return text === undefined ? undefined : cidrValue(text, key, report, node.span);
    }
    case 'ip':
      return ipValue(node, key, report);
    case 'cidrList':
      return cidrListValue(node, key, report);
    case 'namespace':
      return namespaceValue(node, key, report);
    case 'boolean':
      if (node.kind !== 'scalar' || typeof node.value !== 'boolean') {
        report('error', `\`${key}\` must be true or false, got ${describeNode(node)}`);
        return undefined;
      }
      return node.value;
    case 'version':
      return versionValue(node, key, report);
    case 'enumList':
    case 'revisionList':
      return listValue(spec, node, key, report);
    default:
      return undefined;
  }
}

function ipValue(node: PlainNode, key: string, report: Report): string | undefined {
  const text = stringValue(node, key, report, 'an IP address such as 10.0.0.10');
  if (text === undefined) return undefined;
  if (!parseAddress(text.trim())) {
    report('error', `\`${key}\` must be an IP address such as 10.0.0.10, got \`${text}\``);
    return undefined;
  }
  return text.trim();
}

/** A list of CIDRs (one CIDR alone is read as a list of it); undefined when none is usable. */
function cidrListValue(node: PlainNode, key: string, report: Report): string[] | undefined {
  const items = listItems(node);
  if (!items) {
    report('error', `\`${key}\` must be a list of CIDRs such as [10.224.0.0/12], got ${describeNode(node)}`);
    return undefined;
  }
  const out: string[] = [];
  items.forEach((item, i) => {
    const text = stringValue(item, `${key}[${i}]`, (s, m) => report(s, m, item.span), 'a CIDR');
    const cidr = text === undefined ? undefined : cidrValue(text, `${key}[${i}]`, report, item.span);
    if (cidr !== undefined) out.push(cidr);
  });
  return out.length === 0 ? undefined : out;
}

function namespaceValue(node: PlainNode, key: string, report: Report): string | undefined {
  const text = stringValue(node, key, report, 'a namespace name');
  if (text === undefined) return undefined;
  if (!NAMESPACE.test(text) || text.length > 63) {
    report('error', `\`${key}\` must be a namespace name (lowercase letters, digits and '-', at most 63), got \`${text}\``);
    return undefined;
  }
  return text;
}

function versionValue(node: PlainNode, key: string, report: Report): string | undefined {
  const text = node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number') ? scalarText(node) : undefined;
  const match = text === undefined ? null : VERSION.exec(text.trim());
  if (!match) {
    report('error', `\`${key}\` must be a Kubernetes version such as "1.31", got ${describeNode(node)}`);
    return undefined;
  }
  return text!.trim().replace(/^v/, '');
}

/** `importFrom`: the file to read the profile from. */
function readImportPath(node: PlainNode, key: string, report: Report, result: ReadProfileResult): boolean {
  const text = stringValue(node, key, report, 'a file path');
  if (text === undefined) return false;
  if (text.trim() === '') {
    report('error', `\`${key}\` is empty`);
    return false;
  }
  result.importFrom = node.span ? { path: text.trim(), span: node.span } : { path: text.trim() };
  return true;
}

/** A list of enum values or of Istio revisions, each once; undefined when none of a non-empty list is usable. */
function listValue(spec: ProfileKey, node: PlainNode, key: string, report: Report): string[] | undefined {
  const items = listItems(node);
  const expected = spec.kind === 'enumList' ? `a list of ${spec.values!.join(', ')}` : 'a list of Istio add-on revisions such as [asm-1-27]';
  if (!items) {
    report('error', `\`${key}\` must be ${expected}, got ${describeNode(node)}`);
    return undefined;
  }
  const out: string[] = [];
  items.forEach((item, i) => {
    const text = stringValue(item, `${key}[${i}]`, (s, m) => report(s, m, item.span), spec.kind === 'enumList' ? spec.values!.join(', ') : 'a revision such as asm-1-27');
    if (text === undefined) return;
    if (spec.kind === 'enumList') {
      const value = enumValue(text, spec, `${key}[${i}]`, report, item.span);
      if (value !== undefined && !out.includes(value)) out.push(value);
    } else if (ISTIO_REVISION_PATTERN.test(text.trim())) {
      if (!out.includes(text.trim())) out.push(text.trim());
    } else {
      report('error', `\`${key}[${i}]\` must be an Istio add-on revision such as asm-1-27, got \`${text}\``, item.span);
    }
  });
  return out.length === 0 && items.length > 0 ? undefined : out;
}

/** A list's items; a single string is read as a list of it. */
function listItems(node: PlainNode): PlainNode[] | undefined {
  return node.kind === 'list' ? node.items : node.kind === 'scalar' && typeof node.value === 'string' ? [node] : undefined;
}

function stringValue(node: PlainNode, key: string, report: Report, expected: string): string | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
  report('error', `\`${key}\` must be ${expected}, got ${describeNode(node)}`);
  return undefined;
}

function enumValue(text: string, spec: ProfileKey, key: string, report: Report, span: Span | undefined): string | undefined {
  const values = spec.values!;
  if (values.includes(text)) return text;
  const alias = spec.field === 'networkPolicyEngine' ? ENGINE_ALIASES[text.toLowerCase()] : undefined;
  const sameCase = values.find((v) => v.toLowerCase() === text.toLowerCase());
  const reading = alias ?? sameCase;
  if (reading) {
    report('warning', `\`${key}: ${text}\` is read as \`${reading}\`; write \`${reading}\``, span);
    return reading;
  }
  const suggestion = closestName(text, values);
  report('error', `\`${key}\` must be one of ${values.join(', ')}, got \`${text}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`, span);
  return undefined;
}

/** A CIDR as written (trimmed); host bits set is a warning, because it still means the network. */
function cidrValue(text: string, key: string, report: Report, span: Span | undefined): string | undefined {
  const trimmed = text.trim();
  const range = /^[^/\s]+\/\d{1,3}$/.test(trimmed) ? parseCidr(trimmed) : undefined;
  if (!range) {
    const hint = parseAddress(trimmed) ? ` (an address; add the prefix length, e.g. \`${trimmed}/${trimmed.includes(':') ? 64 : 16}\`)` : '';
    report('error', `\`${key}\` must be a CIDR such as 10.244.0.0/16, got \`${text}\`${hint}`, span);
    return undefined;
  }
  const network = `${formatAddress(range.family, range.first)}/${trimmed.slice(trimmed.indexOf('/') + 1)}`;
  if (parseAddress(trimmed.slice(0, trimmed.indexOf('/')))!.value !== range.first) {
    report('warning', `\`${key}: ${trimmed}\` has host bits set; it means \`${network}\``, span);
    return network;
  }
  return trimmed;
}

function readIngressControllers(node: PlainNode, key: string, report: Report, result: ReadProfileResult): boolean {
  if (node.kind !== 'list') {
    report('error', `\`${key}\` must be a list of {class, namespace} or {class, subnetCidr}, got ${describeNode(node)}`);
    return false;
  }
  const out: IngressControllerProfile[] = [];
  node.items.forEach((item, i) => {
    const at = `${key}[${i}]`;
    if (item.kind !== 'map') {
      report('error', `\`${at}\` must be {class, namespace} or {class, subnetCidr}, got ${describeNode(item)}`, item.span);
      return;
    }
    const controller: Partial<IngressControllerProfile> = {};
    let valid = true;
    for (const entry of item.entries) {
      const field = `${at}.${entry.key}`;
      const span = entry.value.span ?? entry.keySpan;
      const sub: Report = (s, m, where) => report(s, m, where ?? span);
      if (entry.key === 'class') {
        const text = stringValue(entry.value, field, sub, 'an IngressClass or GatewayClass name');
        if (text === undefined || text.trim() === '') {
          if (text !== undefined) sub('error', `\`${field}\` is empty`);
          valid = false;
        } else controller.class = text.trim();
      } else if (entry.key === 'namespace') {
        const text = stringValue(entry.value, field, sub, 'a namespace name');
        if (text === undefined || !NAMESPACE.test(text) || text.length > 63) {
          if (text !== undefined) sub('error', `\`${field}\` must be a namespace name, got \`${text}\``);
          valid = false;
        } else controller.namespace = text;
      } else if (entry.key === 'podLabels') {
        const labels = labelMap(entry.value);
        if (!labels) {
          sub('error', `\`${field}\` must be a map of label keys to string values, got ${describeNode(entry.value)}`);
          valid = false;
        } else controller.podLabels = labels;
      } else if (entry.key === 'subnetCidr') {
        const text = stringValue(entry.value, field, sub, 'a CIDR');
        const cidr = text === undefined ? undefined : cidrValue(text, field, report, span);
        if (cidr === undefined) valid = false;
        else controller.subnetCidr = cidr;
      } else {
        const suggestion = closestName(entry.key, ['class', 'namespace', 'subnetCidr', 'podLabels']);
        report('error', `unknown key \`${field}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : '; an ingress controller has class, namespace (with podLabels) or subnetCidr'}`, entry.keySpan);
        valid = false;
      }
    }
    if (!valid) return;
    if (!controller.class) {
      report('error', `\`${at}\` needs \`class\` (the IngressClass or GatewayClass it serves)`, item.span);
      return;
    }
    if (controller.namespace === undefined && controller.subnetCidr === undefined) {
      report('error', `\`${at}\` (class \`${controller.class}\`) needs \`namespace\` (in-cluster controller) or \`subnetCidr\` (Azure-hosted controller)`, item.span);
      return;
    }
    if (controller.podLabels !== undefined && controller.namespace === undefined) {
      report('error', `\`${at}\` (class \`${controller.class}\`) has \`podLabels\` without \`namespace\`: labels belong to in-cluster controller pods`, item.span);
      return;
    }
    if (controller.namespace !== undefined && controller.subnetCidr !== undefined) {
      report('error', `\`${at}\` (class \`${controller.class}\`) has both \`namespace\` and \`subnetCidr\`: a controller runs either in the cluster or in a subnet`, item.span);
      return;
    }
    out.push(controller as IngressControllerProfile);
  });
  (result.profile as Record<string, unknown>).ingressControllers = out;
  return true;
}

/**
 * Facts that contradict each other: what AKS itself rejects or what makes addresses ambiguous. Checked on a single
 * source and again on the effective (merged) profile.
 */
export function checkConsistency(profile: ClusterProfile, spans: Record<string, Span> = {}, keyPrefix = ''): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const add = (severity: ProfileIssueSeverity, field: string, key: string, message: string) => {
    const out: ProfileIssue = { severity, key: `${key}`, message };
    if (spans[field]) out.span = spans[field];
    issues.push(out);
  };
  const name = (key: string) => `${keyPrefix}${key}`;
  const service = profile.serviceCidr ? parseCidr(profile.serviceCidr) : undefined;
  const pods = profile.podCidr ? parseCidr(profile.podCidr) : undefined;
  const vnets = (profile.vnetCidrs ?? []).map((c) => ({ text: c, range: parseCidr(c) })).filter((v): v is { text: string; range: AddressRange } => !!v.range);
  if (profile.dnsServiceIP && service) {
    const dns = parseAddress(profile.dnsServiceIP);
    if (dns && (dns.family !== service.family || dns.value < service.first || dns.value > service.last)) {
      add('warning', 'dnsServiceIP', 'cluster.dnsServiceIP', `\`${name('cluster.dnsServiceIP')}\` ${profile.dnsServiceIP} is outside \`${name('cluster.serviceCidr')}\` ${profile.serviceCidr}; AKS takes the DNS service IP from the service CIDR`);
    }
  }
  if (pods && service && overlaps(pods, service)) {
    add('warning', 'podCidr', 'cluster.podCidr', `\`${name('cluster.podCidr')}\` ${profile.podCidr} overlaps \`${name('cluster.serviceCidr')}\` ${profile.serviceCidr}: an address cannot be both a pod and a Service`);
  }
  for (const vnet of vnets) {
    if (service && overlaps(service, vnet.range)) {
      add('warning', 'serviceCidr', 'cluster.serviceCidr', `\`${name('cluster.serviceCidr')}\` ${profile.serviceCidr} overlaps the VNet range ${vnet.text}: ClusterIPs there shadow VNet addresses`);
    }
    if (pods && profile.networkModel === 'overlay' && overlaps(pods, vnet.range)) {
      add('warning', 'podCidr', 'cluster.podCidr', `\`${name('cluster.podCidr')}\` ${profile.podCidr} overlaps the VNet range ${vnet.text}; under the overlay model the pod CIDR lies outside the VNet`);
    }
  }
  if (profile.appRoutingGatewayApi === true && profile.istioRevisions?.length) {
    add('warning', 'appRoutingGatewayApi', 'cluster.appRoutingGatewayApi', `\`${name('cluster.appRoutingGatewayApi')}\` and \`${name('cluster.istioRevisions')}\` are both set, but AKS cannot run the application routing Gateway API implementation and the Istio add-on together`);
  }
  if (profile.networkPolicyEngine === 'cilium' && profile.windowsNodes === true) {
    add('warning', 'windowsNodes', 'cluster.windowsNodes', `\`${name('cluster.networkPolicyEngine')}\` is \`cilium\` and \`${name('cluster.windowsNodes')}\` is true, but AKS does not support Cilium on Windows node pools: pods on Windows nodes would have no policy enforcement`);
  }
  if (profile.networkPolicyEngine === 'azure-npm' && profile.windowsNodes === true) {
    add('info', 'networkPolicyEngine', 'cluster.networkPolicyEngine', aksRetirement('npm-windows').text);
  }
  return issues;
}

function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** A map of label keys to string values (numbers and booleans as written), or undefined. */
function labelMap(node: PlainNode): Record<string, string> | undefined {
  if (node.kind !== 'map') return undefined;
  const out: Record<string, string> = {};
  for (const entry of node.entries) {
    if (entry.value.kind !== 'scalar' || entry.value.value === null) return undefined;
    out[entry.key] = entry.value.source ?? String(entry.value.value);
  }
  return out;
}
