/**
 * NetworkPolicy (networking.k8s.io/v1), read exactly as the API decodes it: ports as IntOrString (a quoted "80" is
 * a name, `80.5` or `true` is no port at all), endPort as an int32, ipBlock CIDRs as written (no trimming). What the
 * API cannot decode is kept as written, with the reason; validation (what the API server rejects) is
 * netpol/compiledPolicy.ts's.
 *
 * A node shared through an alias is read once: the facts share the object (so a rule aliased 300 times holding 300
 * aliased peers costs one rule and one peer, not 90,000).
 */
import { asScalar, asSeq, child, itemsOf, stringListOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import type { LabelSelector } from '../labelSelector';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, ResourceBase } from '../resources';
import { labelSelectorOf, protocolOf, spanOf } from './common';
import { yaml11BooleanSource } from './yaml11';

/** int32, the type of the API's port fields before validation narrows them to 1-65535. */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function networkPolicyOf(root: YNode, base: ResourceBase): NetworkPolicy {
  const reader = new PolicyReader();
  const spec = child(root, 'spec');
  const policy: NetworkPolicy = {
    ...base,
    kind: 'NetworkPolicy',
    // spec.podSelector is required; a missing one would be rejected, and `{}` is the closest reading.
    podSelector: labelSelectorOf(child(spec, 'podSelector'), spanOf(spec, base.span)),
  };
  const typesNode = child(spec, 'policyTypes');
  if (asSeq(typesNode)) {
    const written = itemsOf(typesNode);
    policy.policyTypes = stringListOf(typesNode).filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
    policy.policyTypesSpan = spanOf(typesNode, base.span);
    policy.policyTypesWritten = written.length;
    const invalid = written.filter((item) => stringOf(item) !== 'Ingress' && stringOf(item) !== 'Egress');
    if (invalid.length) policy.invalidPolicyTypes = invalid.map((item) => ({ value: stringOf(item) ?? '', span: spanOf(item, base.span) }));
  }
  const ingressNode = child(spec, 'ingress');
  if (ingressNode && asScalar(ingressNode)?.value !== null) {
    policy.ingress = itemsOf(ingressNode).map((r) => reader.rule(r, 'from'));
    policy.ingressSpan = spanOf(ingressNode, base.span);
  }
  const egressNode = child(spec, 'egress');
  if (egressNode && asScalar(egressNode)?.value !== null) {
    policy.egress = itemsOf(egressNode).map((r) => reader.rule(r, 'to'));
    policy.egressSpan = spanOf(egressNode, base.span);
  }
  return policy;
}

/**
 * policyTypes as the API server fills them in when the manifest leaves them out: always Ingress, and Egress when
 * the policy has any egress rule.
 */
export function effectivePolicyTypes(policy: NetworkPolicy): PolicyType[] {
  // An explicit empty list is defaulted exactly like a missing one.
  if (policy.policyTypes && policy.policyTypes.length > 0) return policy.policyTypes;
  return policy.egress && policy.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Reads one policy's rules, peers, ports and selectors, each node once (aliases share the result). */
class PolicyReader {
  private readonly rules = { from: new Map<YNode, NetworkPolicyRule>(), to: new Map<YNode, NetworkPolicyRule>() };
  private readonly peers = new Map<YNode, NetworkPolicyPeer>();
  private readonly ports = new Map<YNode, NetworkPolicyPort>();
  private readonly selectors = new Map<YNode, LabelSelector>();

  rule(node: YNode, peersKey: 'from' | 'to'): NetworkPolicyRule {
    const memo = this.rules[peersKey];
    let rule = memo.get(node);
    if (rule) return rule;
    rule = { span: spanOf(node, { start: 0, end: 0 }) };
    const peers = itemsOf(child(node, peersKey)).map((p) => this.peer(p));
    if (peers.length > 0) rule.peers = peers;
    const ports = itemsOf(child(node, 'ports')).map((p) => this.port(p));
    if (ports.length > 0) rule.ports = ports;
    memo.set(node, rule);
    return rule;
  }

  private peer(node: YNode): NetworkPolicyPeer {
    let peer = this.peers.get(node);
    if (peer) return peer;
    const span = spanOf(node, { start: 0, end: 0 });
    peer = { span };
    // Peer selectors are pointers in the API: `podSelector:` with no value is "not set", not `{}`. (The policy's own
    // spec.podSelector is a value: null there reads as `{}`.) A peer with nothing set is rejected by the API server.
    const podSelector = nonNull(child(node, 'podSelector'));
    const namespaceSelector = nonNull(child(node, 'namespaceSelector'));
    const ipBlock = nonNull(child(node, 'ipBlock'));
    if (podSelector) peer.podSelector = this.selector(podSelector, span);
    if (namespaceSelector) peer.namespaceSelector = this.selector(namespaceSelector, span);
    if (ipBlock) {
      const cidrNode = child(ipBlock, 'cidr');
      const exceptNodes = itemsOf(child(ipBlock, 'except'));
      peer.ipBlock = { cidr: stringOf(cidrNode) ?? '', except: exceptNodes.map((e) => stringOf(e) ?? '') };
      if (cidrNode) peer.ipBlock.cidrSpan = spanOf(cidrNode, span);
      if (exceptNodes.length) peer.ipBlock.exceptSpans = exceptNodes.map((e) => spanOf(e, span));
    }
    this.peers.set(node, peer);
    return peer;
  }

  private selector(node: YNode, fallback: Span): LabelSelector {
    let selector = this.selectors.get(node);
    if (!selector) this.selectors.set(node, (selector = labelSelectorOf(node, fallback)));
    return selector;
  }

  private port(node: YNode): NetworkPolicyPort {
    let port = this.ports.get(node);
    if (port) return port;
    const span = spanOf(node, { start: 0, end: 0 });
    const protocolNode = child(node, 'protocol');
    const protocol = protocolOf(protocolNode);
    port = { protocol: protocol ?? 'TCP', span };
    // An unknown protocol would be rejected by the API server; reading it as TCP would invent traffic.
    if (!protocol) port.invalidProtocol = stringOf(protocolNode) ?? '';
    if (protocolNode) port.protocolSpan = spanOf(protocolNode, span);
    const portNode = nonNull(child(node, 'port'));
    if (portNode) {
      port.portSpan = spanOf(portNode, span);
      const value = intOrString(portNode);
      if (typeof value === 'object') port.invalidPort = value.invalid;
      else port.port = value;
    }
    const endPortNode = nonNull(child(node, 'endPort'));
    if (endPortNode) {
      port.endPortSpan = spanOf(endPortNode, span);
      const value = int32(endPortNode);
      if (typeof value === 'object') port.invalidEndPort = value.invalid;
      else port.endPort = value;
    }
    this.ports.set(node, port);
    return port;
  }
}

/**
 * IntOrString as the API decodes it from JSON: a string stays a string (a port name, even `"80"`), an integer that
 * fits an int32 is a number; anything else cannot be decoded. YAML 1.1 booleans (`on`, `yes`) are booleans to
 * Kubernetes' reader.
 */
function intOrString(node: YNode): number | string | { invalid: string } {
  const scalar = asScalar(node);
  if (!scalar) return { invalid: `a ${node.kind === 'map' ? 'map' : 'list'} is neither an integer nor a port name` };
  if (typeof scalar.value === 'string' && yaml11BooleanSource(node) === undefined) return scalar.value;
  return int32(node);
}

/** An int32 as the API decodes it from JSON; floats, booleans, NaN, infinities and strings cannot be. */
function int32(node: YNode): number | { invalid: string } {
  const scalar = asScalar(node);
  if (!scalar) return { invalid: `a ${node.kind === 'map' ? 'map' : 'list'} is not an integer` };
  const written = scalar.source ?? String(scalar.value);
  const boolean = yaml11BooleanSource(node);
  if (typeof scalar.value === 'boolean' || boolean !== undefined) return { invalid: `\`${written}\` is a boolean to Kubernetes' YAML reader, not an integer` };
  if (typeof scalar.value === 'string') return { invalid: `\`${written}\` is a string, not an integer` };
  if (typeof scalar.value !== 'number') return { invalid: `\`${written}\` is not an integer` };
  if (!Number.isFinite(scalar.value)) return { invalid: `\`${written}\` is not a number JSON can carry` };
  if (!Number.isInteger(scalar.value)) return { invalid: `\`${written}\` is not an integer` };
  if (scalar.value < INT32_MIN || scalar.value > INT32_MAX) return { invalid: `\`${written}\` does not fit a 32-bit integer` };
  return scalar.value;
}

function nonNull(node: YNode | undefined): YNode | undefined {
  return node && !(node.kind === 'scalar' && node.value === null) ? node : undefined;
}
