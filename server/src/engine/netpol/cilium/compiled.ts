/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy read once into the form evaluation needs (evaluate.ts).
 * Semantics, from Cilium's policy language pages (https://docs.cilium.io/en/stable/security/policy/language/,
 * https://docs.cilium.io/en/stable/security/policy/intro/, https://docs.cilium.io/en/latest/security/policy/deny/,
 * https://docs.cilium.io/en/latest/policy/kubernetes/; checked 2026-12-06):
 *  - A rule selects pods with `endpointSelector` (in the policy's namespace for a CiliumNetworkPolicy, in every
 *    namespace for a clusterwide one); `nodeSelector` selects nodes (host policies), which are no pods here.
 *  - Per direction, a rule that has ingress or ingressDeny items (egress / egressDeny) puts its pods in default deny
 *    for that direction unless `enableDefaultDeny` says false; an empty or absent list does not apply.
 *  - The L3 selectors of one item (endpoints, entities, CIDRs, services, FQDNs) are ORed and ANDed with toPorts; an
 *    item with toPorts only admits every peer on those ports; an item with nothing (`{}`) admits nothing.
 *  - Endpoint selectors: `k8s:` / `any:` prefixes are dropped; `io.kubernetes.pod.namespace` selects the namespace by
 *    name and `io.cilium.k8s.namespace.labels.<key>` by its labels; a CiliumNetworkPolicy's selector without a
 *    namespace key means its own namespace. A `reserved:<entity>` label selects that entity.
 *  - Ports are strings (a number or a name, "0" or absent for every port) with endPort and TCP / UDP / SCTP / ANY.
 */
import type { LabelSelector, SelectorRequirement } from '../../model/labelSelector';
import type { CiliumPeerRule, CiliumPolicy, CiliumRule, NetworkPolicyPort, Protocol } from '../../model/resources';
import { canonicalRanges, parseCidrExact, subtractRanges, type AddressRange } from '../addressSet';
import type { CompiledPort, Direction } from '../compiledPolicy';
import { MAX_PORT, MIN_PORT } from '../portSet';

/** Pods selected by an endpoint selector: `namespace` limits the namespace by labels, `scope` by name. */
export interface CiliumSelector {
  readonly pods: LabelSelector;
  /** Over the namespace's labels (`kubernetes.io/metadata.name` for its name); undefined: any namespace in scope. */
  readonly namespace?: LabelSelector;
  /** The policy's namespace for a CiliumNetworkPolicy whose selector names no namespace. */
  readonly scope?: string;
}

export type CiliumPeer =
  | { readonly kind: 'endpoints'; readonly selector: CiliumSelector; readonly text: string }
  | { readonly kind: 'entity'; readonly entity: string; readonly text: string }
  | { readonly kind: 'cidr'; readonly addresses: readonly AddressRange[]; readonly text: string }
  | { readonly kind: 'service'; readonly text: string }
  | { readonly kind: 'fqdn'; readonly matchName?: string; readonly matchPattern?: string; readonly text: string }
  | { readonly kind: 'invalid'; readonly reason: string; readonly text: string };

export type CiliumList = 'ingress' | 'egress' | 'ingressDeny' | 'egressDeny';

export interface CompiledCiliumItem {
  readonly policy: CompiledCiliumPolicy;
  readonly spec: CiliumRule;
  readonly list: CiliumList;
  /** Position in its list (0-based). */
  readonly index: number;
  readonly item: CiliumPeerRule;
  readonly deny: boolean;
  /** undefined: every peer (an item with toPorts only). Empty: none. */
  readonly peers?: readonly CiliumPeer[];
  /** undefined: every port of every protocol. */
  readonly ports?: readonly CompiledPort[];
  /** L7 rules of its toPorts, in words (`http: GET /api/.*`): the connection is admitted for those requests only. */
  readonly l7: readonly string[];
}

export interface CompiledCiliumRule {
  readonly policy: CompiledCiliumPolicy;
  readonly spec: CiliumRule;
  /** undefined: the rule selects no pod (a nodeSelector, or no selector at all). */
  readonly subject?: CiliumSelector;
  /** Directions whose default deny the rule enables. */
  readonly isolates: Readonly<Record<Direction, boolean>>;
  readonly allow: Readonly<Record<Direction, readonly CompiledCiliumItem[]>>;
  readonly deny: Readonly<Record<Direction, readonly CompiledCiliumItem[]>>;
}

export interface CompiledCiliumPolicy {
  readonly policy: CiliumPolicy;
  readonly name: string;
  /** '' for a clusterwide policy. */
  readonly namespace: string;
  readonly clusterwide: boolean;
  readonly rules: readonly CompiledCiliumRule[];
}

/** `CiliumNetworkPolicy ns/name` or `CiliumClusterwideNetworkPolicy name`. */
export function ciliumPolicyName(policy: CompiledCiliumPolicy): string {
  return policy.clusterwide ? `CiliumClusterwideNetworkPolicy \`${policy.name}\`` : `CiliumNetworkPolicy \`${policy.namespace}/${policy.name}\``;
}

/** `specs[1].egress[0]`-style path of an item, for explanations. */
export function ciliumItemPath(item: CompiledCiliumItem): string {
  return `${item.spec.index < 0 ? 'spec' : `specs[${item.spec.index}]`}.${item.list}[${item.index}]`;
}

const compiledByDefinition = new WeakMap<CiliumPolicy, CompiledCiliumPolicy>();

export function compileCiliumPolicy(policy: CiliumPolicy): CompiledCiliumPolicy {
  let compiled = compiledByDefinition.get(policy);
  if (!compiled) compiledByDefinition.set(policy, (compiled = compileDefinition(policy)));
  return compiled;
}

function compileDefinition(policy: CiliumPolicy): CompiledCiliumPolicy {
  const clusterwide = policy.kind === 'CiliumClusterwideNetworkPolicy';
  const rules: CompiledCiliumRule[] = [];
  const compiled: CompiledCiliumPolicy = { policy, name: policy.name, namespace: clusterwide ? '' : policy.namespace, clusterwide, rules };
  const scope = clusterwide ? undefined : policy.namespace;
  for (const spec of policy.rules) {
    const items = (list: CiliumList): CompiledCiliumItem[] => (spec[list] ?? []).map((item, index) => compileItem(compiled, spec, list, index, item, scope));
    const allow = { Ingress: items('ingress'), Egress: items('egress') };
    const deny = { Ingress: items('ingressDeny'), Egress: items('egressDeny') };
    const defaultDeny = (direction: Direction) => {
      const written = spec.enableDefaultDeny?.[direction === 'Ingress' ? 'ingress' : 'egress'];
      return written ?? (allow[direction].length > 0 || deny[direction].length > 0);
    };
    const rule: { -readonly [K in keyof CompiledCiliumRule]: CompiledCiliumRule[K] } = { policy: compiled, spec, isolates: { Ingress: defaultDeny('Ingress'), Egress: defaultDeny('Egress') }, allow, deny };
    if (spec.endpointSelector && !spec.nodeSelector) rule.subject = ciliumSelector(spec.endpointSelector, scope);
    rules.push(rule);
  }
  return compiled;
}

function compileItem(policy: CompiledCiliumPolicy, spec: CiliumRule, list: CiliumList, index: number, item: CiliumPeerRule, scope: string | undefined): CompiledCiliumItem {
  const peers: CiliumPeer[] = [];
  for (const selector of item.endpoints ?? []) peers.push(endpointPeer(selector, scope));
  for (const entity of item.entities ?? []) peers.push({ kind: 'entity', entity: entity.value, text: `entity \`${entity.value}\`` });
  for (const block of item.cidrs ?? []) peers.push(cidrPeer(block.cidr, block.except));
  for (const service of item.services ?? []) peers.push({ kind: 'service', text: `service \`${service.namespace ?? policy.namespace}/${service.name ?? '(selector)'}\`` });
  for (const fqdn of item.fqdns ?? []) {
    const text = fqdn.matchName !== undefined ? `name \`${fqdn.matchName}\`` : `names matching \`${fqdn.matchPattern ?? ''}\``;
    peers.push(fqdn.matchName !== undefined ? { kind: 'fqdn', matchName: fqdn.matchName, text } : fqdn.matchPattern !== undefined ? { kind: 'fqdn', matchPattern: fqdn.matchPattern, text } : { kind: 'invalid', reason: 'a toFQDNs entry needs matchName or matchPattern', text });
  }
  const hasL3 = item.endpoints !== undefined || item.entities !== undefined || item.cidrs !== undefined || item.services !== undefined || item.fqdns !== undefined;
  const ports = compilePorts(item);
  const l7 = (item.ports ?? []).flatMap((p) => (p.l7 ? p.l7.entries.map((e) => `${p.l7!.protocol}: ${e}`) : []));
  const compiled: { -readonly [K in keyof CompiledCiliumItem]: CompiledCiliumItem[K] } = { policy, spec, list, index, item, deny: list.endsWith('Deny'), l7 };
  // An item with toPorts and no L3 selector admits every peer on those ports; one with nothing admits nothing.
  if (hasL3 || !item.ports) compiled.peers = peers;
  if (ports) compiled.ports = ports;
  return compiled;
}

const NAMESPACE_KEY = 'io.kubernetes.pod.namespace';
const NAMESPACE_LABELS_PREFIX = 'io.cilium.k8s.namespace.labels.';
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A Cilium label key without its source prefix (`k8s:app` -> `app`; `reserved:host` stays). */
function withoutSource(key: string): string {
  return key.startsWith('k8s:') ? key.slice(4) : key.startsWith('any:') ? key.slice(4) : key;
}

function endpointPeer(selector: LabelSelector, scope: string | undefined): CiliumPeer {
  const reserved = Object.keys(selector.matchLabels).find((k) => k.startsWith('reserved:'));
  if (reserved) return { kind: 'entity', entity: reserved.slice('reserved:'.length), text: `entity \`${reserved.slice('reserved:'.length)}\`` };
  const compiled = ciliumSelector(selector, scope);
  return { kind: 'endpoints', selector: compiled, text: `endpoints ${selectorWords(compiled)}` };
}

/** Splits a Cilium endpoint selector into what it asks of the pods and of their namespace. */
export function ciliumSelector(selector: LabelSelector, scope: string | undefined): CiliumSelector {
  const podLabels: Record<string, string> = Object.create(null) as Record<string, string>;
  const namespaceLabels: Record<string, string> = Object.create(null) as Record<string, string>;
  const podExpressions: SelectorRequirement[] = [];
  const namespaceExpressions: SelectorRequirement[] = [];
  const namespaceKey = (key: string): string | undefined => (key === NAMESPACE_KEY ? NAMESPACE_NAME_LABEL : key.startsWith(NAMESPACE_LABELS_PREFIX) ? key.slice(NAMESPACE_LABELS_PREFIX.length) : undefined);
  for (const [written, value] of Object.entries(selector.matchLabels)) {
    const key = withoutSource(written);
    const ns = namespaceKey(key);
    if (ns !== undefined) namespaceLabels[ns] = value;
    else podLabels[key] = value;
  }
  for (const requirement of selector.matchExpressions) {
    const key = withoutSource(requirement.key);
    const ns = namespaceKey(key);
    if (ns !== undefined) namespaceExpressions.push({ ...requirement, key: ns });
    else podExpressions.push({ ...requirement, key });
  }
  const pods: LabelSelector = { matchLabels: podLabels, matchExpressions: podExpressions, span: selector.span };
  if (selector.invalid) pods.invalid = selector.invalid;
  const namesNamespace = Object.keys(namespaceLabels).length > 0 || namespaceExpressions.length > 0;
  if (!namesNamespace) return scope === undefined ? { pods } : { pods, scope };
  return { pods, namespace: { matchLabels: namespaceLabels, matchExpressions: namespaceExpressions, span: selector.span } };
}

function selectorWords(selector: CiliumSelector): string {
  const parts = [
    ...Object.entries(selector.pods.matchLabels).map(([k, v]) => `${k}=${v}`),
    ...selector.pods.matchExpressions.map((r) => `${r.key} ${r.operator}${r.values.length ? ` (${r.values.join(', ')})` : ''}`),
  ];
  const pods = parts.length ? `\`${parts.join(', ')}\`` : 'every pod';
  if (selector.scope !== undefined) return `${pods} of namespace \`${selector.scope}\``;
  if (!selector.namespace) return `${pods} of every namespace`;
  const ns = [
    ...Object.entries(selector.namespace.matchLabels).map(([k, v]) => (k === NAMESPACE_NAME_LABEL ? `name ${v}` : `${k}=${v}`)),
    ...selector.namespace.matchExpressions.map((r) => `${r.key === NAMESPACE_NAME_LABEL ? 'name' : r.key} ${r.operator}${r.values.length ? ` (${r.values.join(', ')})` : ''}`),
  ];
  return `${pods} of namespaces \`${ns.join(', ')}\``;
}

/**
 * Whether a host name is one a toFQDNs entry admits: matchName exactly (case and a final dot aside), matchPattern
 * with `*` for any run of DNS characters within one label (`*` alone: every name; a leading `**.`: any number of
 * labels), https://docs.cilium.io/en/stable/security/policy/language/#dns-based (checked 2026-12-06).
 */
export function fqdnMatches(entry: { readonly matchName?: string; readonly matchPattern?: string }, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (entry.matchName !== undefined) return entry.matchName.toLowerCase().replace(/\.$/, '') === name;
  const pattern = (entry.matchPattern ?? '').toLowerCase().replace(/\.$/, '');
  if (pattern === '*') return true;
  const labels = name.split('.');
  const wanted = pattern.split('.');
  if (wanted[0] === '**') {
    // `**.example.com`: one or more labels before the rest.
    const rest = wanted.slice(1);
    return labels.length > rest.length && rest.every((w, i) => labelMatches(w, labels[labels.length - rest.length + i]!));
  }
  return labels.length === wanted.length && wanted.every((w, i) => labelMatches(w, labels[i]!));
}

/** One DNS label against a pattern label where `*` is any run of DNS characters (greedy two-pointer glob: linear-ish). */
function labelMatches(pattern: string, label: string): boolean {
  if (!/^[-a-z0-9_]*$/.test(label)) return pattern === label;
  let p = 0;
  let l = 0;
  let star = -1;
  let mark = 0;
  while (l < label.length) {
    if (p < pattern.length && pattern[p] === label[l]) {
      p++;
      l++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = l;
    } else if (star >= 0) {
      p = star + 1;
      l = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function cidrPeer(cidrText: string, except: readonly string[]): CiliumPeer {
  const text = `CIDR \`${cidrText}\`${except.length ? ` except ${except.map((e) => `\`${e}\``).join(', ')}` : ''}`;
  const cidr = parseCidrExact(cidrText);
  if (!cidr) return { kind: 'invalid', reason: `\`${cidrText}\` is not a CIDR`, text };
  const holes: AddressRange[] = [];
  for (const e of except) {
    const hole = parseCidrExact(e);
    if (!hole) return { kind: 'invalid', reason: `except \`${e}\` is not a CIDR`, text };
    holes.push(hole);
  }
  return { kind: 'cidr', addresses: subtractRanges([cidr], canonicalRanges(holes)), text };
}

const PROTOCOLS: Record<string, readonly Protocol[]> = { TCP: ['TCP'], UDP: ['UDP'], SCTP: ['SCTP'], ANY: ['TCP', 'UDP', 'SCTP'] };

/** toPorts as the shared port form (netpol/evaluate.ts resolves it); undefined when the item has no ports. */
function compilePorts(item: CiliumPeerRule): CompiledPort[] | undefined {
  const entries = (item.ports ?? []).flatMap((p) => p.ports);
  if (entries.length === 0) return undefined;
  const out: CompiledPort[] = [];
  entries.forEach((entry, index) => {
    const port: NetworkPolicyPort = { protocol: 'TCP', span: entry.span };
    const protocols = PROTOCOLS[entry.protocol.toUpperCase()];
    if (!protocols) {
      out.push({ kind: 'invalid', index, port, reason: `protocol \`${entry.protocol}\` is not modelled (TCP, UDP, SCTP and ANY are)` });
      return;
    }
    for (const protocol of protocols) {
      const written = entry.port;
      if (written === undefined || written === '0') {
        out.push({ kind: 'range', index, port: { ...port, protocol }, protocol, from: MIN_PORT, to: MAX_PORT });
      } else if (/^\d+$/.test(written)) {
        const from = Number(written);
        const to = entry.endPort ?? from;
        if (from < MIN_PORT || from > MAX_PORT || to < from || to > MAX_PORT) out.push({ kind: 'invalid', index, port, reason: `port ${written}${entry.endPort !== undefined ? `-${entry.endPort}` : ''} is not a valid range` });
        else {
          const shared: NetworkPolicyPort = { ...port, protocol, port: from };
          if (entry.endPort !== undefined) shared.endPort = entry.endPort;
          out.push({ kind: 'range', index, port: shared, protocol, from, to });
        }
      } else out.push({ kind: 'named', index, port: { ...port, protocol, port: written }, protocol, name: written });
    }
  });
  return out;
}
