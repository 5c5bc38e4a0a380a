/**
 * A NetworkPolicy read once into the form evaluation needs: which directions it isolates (API defaulting applied),
 * its rules with their peers classified (pods / ipBlock / invalid) and their ports classified (whole protocol,
 * number or range, named, invalid). Nothing here depends on the pods of the workspace, so a compiled policy is
 * valid for as long as the policy's facts are.
 */
import { effectivePolicyTypes } from '../model/extract/networkPolicy';
import type { LabelSelector } from '../model/labelSelector';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, Protocol } from '../model/resources';
import type { Span } from '../syntax/tree';
import { portNameProblems } from '../util/portName';
import { canonicalRanges, parseCidrExact, subtractRanges, type AddressRange } from './addressSet';
import { MAX_PORT, MIN_PORT } from './portSet';

export type Direction = PolicyType;

export type CompiledPeer =
  | {
      readonly kind: 'pods';
      readonly index: number;
      readonly peer: NetworkPolicyPeer;
      /** undefined: every pod of the selected namespaces. */
      readonly podSelector?: LabelSelector;
      /** undefined: the policy's own namespace only. */
      readonly namespaceSelector?: LabelSelector;
    }
  | {
      readonly kind: 'ipBlock';
      readonly index: number;
      readonly peer: NetworkPolicyPeer;
      /** cidr minus except, canonical. */
      readonly addresses: readonly AddressRange[];
    }
  | {
      /** A peer the API server would reject: it admits nothing (we never guess what it meant). */
      readonly kind: 'invalid';
      readonly index: number;
      readonly peer: NetworkPolicyPeer;
      readonly reason: string;
    };

export type CompiledPort =
  | { readonly kind: 'range'; readonly index: number; readonly port: NetworkPolicyPort; readonly protocol: Protocol; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly index: number; readonly port: NetworkPolicyPort; readonly protocol: Protocol; readonly name: string }
  | { readonly kind: 'invalid'; readonly index: number; readonly port: NetworkPolicyPort; readonly reason: string };

export interface CompiledRule {
  readonly direction: Direction;
  /** Position in the policy's `ingress` / `egress` list (0-based). */
  readonly index: number;
  readonly rule: NetworkPolicyRule;
  /** undefined: `from`/`to` absent or empty, every peer (pods of every namespace and every address). */
  readonly peers?: readonly CompiledPeer[];
  /** undefined: `ports` absent or empty, every port of every protocol. */
  readonly ports?: readonly CompiledPort[];
}

/**
 * The compiled rule for a rule written at `index` of a direction's list (compiled lists keep each rule object once,
 * so a rule repeated through an alias is its first occurrence); undefined when the direction is not isolated.
 */
export function compiledRuleAt(compiled: CompiledPolicy, direction: Direction, index: number): CompiledRule | undefined {
  const written = (direction === 'Ingress' ? compiled.policy.ingress : compiled.policy.egress)?.[index];
  return written ? compiled.rules[direction].find((r) => r.rule === written) : undefined;
}

/** The compiled peer for the peer written at `index` of a rule's `from`/`to` (its first occurrence). */
export function compiledPeerAt(rule: CompiledRule, index: number): CompiledPeer | undefined {
  const written = rule.rule.peers?.[index];
  return written ? rule.peers?.find((p) => p.peer === written) : undefined;
}

/** A field the API server rejects, in its words (`spec.ingress[0].ports[1].port: Invalid value: "80": ...`). */
export interface PolicyProblem {
  /** The field path, as the API server names it. */
  readonly field: string;
  /** What the API server says, after the path: `Invalid value: "80": must contain at least one letter (a-z)`. */
  readonly reason: string;
  readonly span: Span;
}

export interface CompiledPolicy {
  readonly policy: NetworkPolicy;
  readonly namespace: string;
  readonly name: string;
  /** Directions the policy isolates its pods for (effective policyTypes). */
  readonly isolates: Readonly<Record<Direction, boolean>>;
  /** Rules of the isolated directions; rules of a direction missing from explicit policyTypes are not here. */
  readonly rules: Readonly<Record<Direction, readonly CompiledRule[]>>;
  /** Directions whose rules are written but ignored, because explicit policyTypes leave the direction out. */
  readonly ignoredRules: readonly Direction[];
  /** ipBlocks written in each direction's rules, ignored ones included (they still cut the address space). */
  readonly writtenIpBlocks: Readonly<Record<Direction, readonly (readonly AddressRange[])[]>>;
  /**
   * What makes the API server reject the policy. A rejected policy does not exist in the cluster, so it is in effect
   * nowhere here either: it isolates nothing, has no rules and cuts no addresses (docs/netpol.md).
   */
  readonly rejected?: readonly PolicyProblem[];
  /**
   * For a rejected policy only: what it would be, were it accepted (invalid peers and ports admitting nothing). For
   * showing what the author wrote (hovers); nothing that judges traffic reads it.
   */
  readonly asWritten?: CompiledPolicy;
}

/**
 * Compiled forms by policy definition. Facts are never mutated (an edit replaces a file's objects), so a compiled
 * policy stays right for as long as its definition object lives; the WeakMap lets it go with the object. This keeps
 * a label edit from recompiling every policy of the workspace when the NetworkPolicy model is rebuilt.
 */
const compiledByDefinition = new WeakMap<NetworkPolicy, CompiledPolicy>();

export function compilePolicy(policy: NetworkPolicy): CompiledPolicy {
  let compiled = compiledByDefinition.get(policy);
  if (!compiled) compiledByDefinition.set(policy, (compiled = compileDefinition(policy)));
  return compiled;
}

/**
 * Compiles a policy's rules once per distinct fact object: a rule, peer or port written once and reused through an
 * alias is one object in the facts (model/extract/networkPolicy.ts), and repeating it in a list adds nothing (rules,
 * peers and ports are ORed). So each list keeps the first occurrence of each object, and an alias bomb costs what
 * its text costs, here and in everything that reads the compiled form (evaluation, rules, hovers).
 */
class Compiler {
  readonly problems: PolicyProblem[] = [];
  private readonly peerBodies = new Map<NetworkPolicyPeer, PeerBody>();
  private readonly rulesCompiled = new Map<NetworkPolicyRule, { peers?: readonly CompiledPeer[]; ports?: readonly CompiledPort[] }>();

  constructor(private readonly policy: NetworkPolicy) {}

  rules(direction: Direction): CompiledRule[] {
    const written = direction === 'Ingress' ? this.policy.ingress : this.policy.egress;
    const seen = new Set<NetworkPolicyRule>();
    const out: CompiledRule[] = [];
    (written ?? []).forEach((rule, index) => {
      if (seen.has(rule)) return;
      seen.add(rule);
      out.push(this.rule(rule, index, direction));
    });
    return out;
  }

  private rule(rule: NetworkPolicyRule, index: number, direction: Direction): CompiledRule {
    let parts = this.rulesCompiled.get(rule);
    if (!parts) {
      const path = `spec.${direction === 'Ingress' ? 'ingress' : 'egress'}[${index}]`;
      const peersKey = direction === 'Ingress' ? 'from' : 'to';
      parts = {};
      if (rule.peers) parts = { ...parts, peers: firstOfEach(rule.peers).map(({ item, index: i }) => this.peer(item, i, `${path}.${peersKey}[${i}]`)) };
      if (rule.ports) parts = { ...parts, ports: firstOfEach(rule.ports).map(({ item, index: i }) => this.port(item, i, `${path}.ports[${i}]`)) };
      this.rulesCompiled.set(rule, parts);
    }
    return { direction, index, rule, ...parts };
  }

  private problem(field: string, reason: string, span: Span): void {
    this.problems.push({ field, reason, span });
  }

  private peer(peer: NetworkPolicyPeer, index: number, path: string): CompiledPeer {
    let body = this.peerBodies.get(peer);
    if (!body) {
      body = peerBody(peer, path);
      this.peerBodies.set(peer, body);
      if (body.kind === 'invalid') this.problem(body.field, body.reason, body.span);
      for (const [key, selector] of [['podSelector', peer.podSelector], ['namespaceSelector', peer.namespaceSelector]] as const) {
        if (selector?.invalid) this.problem(`${path}.${key}`, `Invalid value: ${selector.invalid}`, selector.span);
      }
    }
    if (body.kind === 'invalid') return { kind: 'invalid', index, peer, reason: body.message };
    if (body.kind === 'ipBlock') return { kind: 'ipBlock', index, peer, addresses: body.addresses };
    const compiled: { kind: 'pods'; index: number; peer: NetworkPolicyPeer; podSelector?: LabelSelector; namespaceSelector?: LabelSelector } = { kind: 'pods', index, peer };
    if (peer.podSelector) compiled.podSelector = peer.podSelector;
    if (peer.namespaceSelector) compiled.namespaceSelector = peer.namespaceSelector;
    return compiled;
  }

  private port(port: NetworkPolicyPort, index: number, path: string): CompiledPort {
    const invalid = (field: string, reason: string, message: string, span: Span | undefined): CompiledPort => {
      this.problem(`${path}.${field}`, reason, span ?? port.span);
      return { kind: 'invalid', index, port, reason: message };
    };
    if (port.invalidProtocol !== undefined) {
      return invalid('protocol', `Unsupported value: ${JSON.stringify(port.invalidProtocol)}: supported values: "TCP", "UDP", "SCTP"`, `protocol \`${port.invalidProtocol}\` is not TCP, UDP or SCTP`, port.protocolSpan);
    }
    if (port.invalidPort !== undefined) return invalid('port', `cannot be decoded: ${port.invalidPort}`, `port: ${port.invalidPort}`, port.portSpan);
    if (port.invalidEndPort !== undefined) return invalid('endPort', `cannot be decoded: ${port.invalidEndPort}`, `endPort: ${port.invalidEndPort}`, port.endPortSpan);
    const protocol = port.protocol;
    if (port.port === undefined) {
      if (port.endPort !== undefined) return invalid('endPort', `Invalid value: ${port.endPort}: may not be specified when \`port\` is not specified`, 'endPort needs a numeric port', port.endPortSpan);
      return { kind: 'range', index, port, protocol, from: MIN_PORT, to: MAX_PORT };
    }
    if (typeof port.port === 'string') {
      if (port.endPort !== undefined) return invalid('endPort', `Invalid value: ${port.endPort}: may not be specified when \`port\` is non-numeric`, `endPort cannot extend the named port \`${port.port}\``, port.endPortSpan);
      const problems = portNameProblems(port.port);
      if (problems.length) return invalid('port', `Invalid value: ${JSON.stringify(port.port)}: ${problems.join('; ')}`, `port name \`${port.port}\` ${problems.join('; ')}`, port.portSpan);
      return { kind: 'named', index, port, protocol, name: port.port };
    }
    const from = port.port;
    const to = port.endPort ?? from;
    if (!inPortRange(from)) return invalid('port', `Invalid value: ${from}: must be between ${MIN_PORT} and ${MAX_PORT}, inclusive`, `port ${from} is outside ${MIN_PORT}-${MAX_PORT}`, port.portSpan);
    if (to < from) return invalid('endPort', `Invalid value: ${to}: must be greater than or equal to \`port\``, `endPort ${to} is below port ${from}`, port.endPortSpan);
    if (!inPortRange(to)) return invalid('endPort', `Invalid value: ${to}: must be between ${MIN_PORT} and ${MAX_PORT}, inclusive`, `endPort ${to} is outside ${MIN_PORT}-${MAX_PORT}`, port.endPortSpan);
    return { kind: 'range', index, port, protocol, from, to };
  }
}

/** What a peer is, apart from its position: computed once per peer object. */
type PeerBody =
  | { kind: 'pods' }
  | { kind: 'ipBlock'; addresses: readonly AddressRange[] }
  | { kind: 'invalid'; field: string; reason: string; message: string; span: Span };

function peerBody(peer: NetworkPolicyPeer, path: string): PeerBody {
  const selectors = peer.podSelector !== undefined || peer.namespaceSelector !== undefined;
  const block = peer.ipBlock;
  if (block) {
    if (selectors) return { kind: 'invalid', field: path, reason: 'Forbidden: may not specify both ipBlock and another peer', message: 'a peer may not combine ipBlock with a selector', span: peer.span };
    const cidrSpan = block.cidrSpan ?? peer.span;
    if (block.cidr === '') return { kind: 'invalid', field: `${path}.ipBlock.cidr`, reason: 'Required value', message: 'ipBlock has no cidr', span: cidrSpan };
    const cidr = parseCidrExact(block.cidr);
    if (!cidr) return { kind: 'invalid', field: `${path}.ipBlock.cidr`, reason: `Invalid value: ${JSON.stringify(block.cidr)}: ${CIDR_FORMAT}`, message: `ipBlock cidr \`${block.cidr}\` is not a CIDR`, span: cidrSpan };
    const holes: AddressRange[] = [];
    for (let i = 0; i < block.except.length; i++) {
      const text = block.except[i]!;
      const field = `${path}.ipBlock.except[${i}]`;
      const span = block.exceptSpans?.[i] ?? peer.span;
      const hole = parseCidrExact(text);
      if (!hole) return { kind: 'invalid', field, reason: `Invalid value: ${JSON.stringify(text)}: ${CIDR_FORMAT}`, message: `ipBlock except \`${text}\` is not a CIDR`, span };
      const strictlyInside = hole.family === cidr.family && hole.first >= cidr.first && hole.last <= cidr.last && hole.last - hole.first < cidr.last - cidr.first;
      if (!strictlyInside) return { kind: 'invalid', field, reason: `Invalid value: ${JSON.stringify(text)}: must be a strict subset of \`cidr\``, message: `ipBlock except \`${text}\` is not a strict subset of cidr \`${block.cidr}\``, span };
      holes.push(hole);
    }
    return { kind: 'ipBlock', addresses: subtractRanges([cidr], canonicalRanges(holes)) };
  }
  if (!selectors) return { kind: 'invalid', field: path, reason: 'Required value: must specify a peer', message: 'a peer must set podSelector, namespaceSelector or ipBlock', span: peer.span };
  return { kind: 'pods' };
}

/** The API server's words for a CIDR it cannot parse. */
const CIDR_FORMAT = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** The first occurrence of each object of a list, with its position (later ones repeat it through an alias). */
function firstOfEach<T extends object>(items: readonly T[]): { item: T; index: number }[] {
  const seen = new Set<T>();
  const out: { item: T; index: number }[] = [];
  items.forEach((item, index) => {
    if (seen.has(item)) return;
    seen.add(item);
    out.push({ item, index });
  });
  return out;
}

function compileDefinition(policy: NetworkPolicy): CompiledPolicy {
  const compiler = new Compiler(policy);
  policyProblems(policy, compiler.problems);
  const ingress = compiler.rules('Ingress');
  const egress = compiler.rules('Egress');
  // The API server defaults an empty list exactly like a missing one (`len(spec.policyTypes) == 0`).
  const types = effectivePolicyTypes(policy.policyTypes?.length === 0 ? { ...policy, policyTypes: undefined } : policy);
  const isolates = { Ingress: types.includes('Ingress'), Egress: types.includes('Egress') };
  const ignoredRules: Direction[] = [];
  if (!isolates.Ingress && ingress.length > 0) ignoredRules.push('Ingress');
  if (!isolates.Egress && egress.length > 0) ignoredRules.push('Egress');
  const written: CompiledPolicy = {
    policy,
    namespace: policy.namespace,
    name: policy.name,
    isolates,
    rules: { Ingress: isolates.Ingress ? ingress : [], Egress: isolates.Egress ? egress : [] },
    ignoredRules,
    writtenIpBlocks: { Ingress: ipBlocksOf(ingress), Egress: ipBlocksOf(egress) },
  };
  if (compiler.problems.length === 0) return written;
  return {
    policy,
    namespace: policy.namespace,
    name: policy.name,
    isolates: { Ingress: false, Egress: false },
    rules: { Ingress: [], Egress: [] },
    ignoredRules: [],
    writtenIpBlocks: { Ingress: [], Egress: [] },
    rejected: compiler.problems,
    asWritten: written,
  };
}

/** What the API server rejects outside the rules: the policy's own selector and policyTypes. */
function policyProblems(policy: NetworkPolicy, problems: PolicyProblem[]): void {
  if (policy.podSelector.invalid) problems.push({ field: 'spec.podSelector', reason: `Invalid value: ${policy.podSelector.invalid}`, span: policy.podSelector.span });
  if ((policy.policyTypesWritten ?? 0) > 2) {
    problems.push({ field: 'spec.policyTypes', reason: 'Invalid value: may not specify more than two policyTypes', span: policy.policyTypesSpan ?? policy.span });
    return;
  }
  for (const entry of policy.invalidPolicyTypes ?? []) {
    problems.push({ field: 'spec.policyTypes', reason: `Unsupported value: ${JSON.stringify(entry.value)}: supported values: "Ingress", "Egress"`, span: entry.span });
  }
}

/** Each distinct ipBlock once (an aliased peer is one set of addresses, however often it is repeated). */
function ipBlocksOf(rules: readonly CompiledRule[]): (readonly AddressRange[])[] {
  const out = new Set<readonly AddressRange[]>();
  for (const rule of rules) for (const peer of rule.peers ?? []) if (peer.kind === 'ipBlock') out.add(peer.addresses);
  return [...out];
}

function inPortRange(port: number): boolean {
  return Number.isInteger(port) && port >= MIN_PORT && port <= MAX_PORT;
}
