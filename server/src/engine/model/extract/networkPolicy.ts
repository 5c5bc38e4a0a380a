/** NetworkPolicy (networking.k8s.io/v1), read exactly as the API defines its defaults. */
import { asScalar, asSeq, child, intOrStringOf, integerOf, itemsOf, stringListOf, stringOf } from '../../syntax/access';
import type { YNode } from '../../syntax/tree';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, ResourceBase } from '../resources';
import { labelSelectorOf, protocolOf, spanOf } from './common';

export function networkPolicyOf(root: YNode, base: ResourceBase): NetworkPolicy {
  const spec = child(root, 'spec');
  const policy: NetworkPolicy = {
    ...base,
    kind: 'NetworkPolicy',
    // spec.podSelector is required; a missing one would be rejected, and `{}` is the closest reading.
    podSelector: labelSelectorOf(child(spec, 'podSelector'), spanOf(spec, base.span)),
  };
  const typesNode = child(spec, 'policyTypes');
  if (asSeq(typesNode)) {
    policy.policyTypes = stringListOf(typesNode).filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
    policy.policyTypesSpan = spanOf(typesNode, base.span);
  }
  const ingressNode = child(spec, 'ingress');
  if (ingressNode && asScalar(ingressNode)?.value !== null) {
    policy.ingress = itemsOf(ingressNode).map((r) => ruleOf(r, 'from'));
    policy.ingressSpan = spanOf(ingressNode, base.span);
  }
  const egressNode = child(spec, 'egress');
  if (egressNode && asScalar(egressNode)?.value !== null) {
    policy.egress = itemsOf(egressNode).map((r) => ruleOf(r, 'to'));
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

function ruleOf(node: YNode, peersKey: 'from' | 'to'): NetworkPolicyRule {
  const span = spanOf(node, { start: 0, end: 0 });
  const rule: NetworkPolicyRule = { span };
  const peers = itemsOf(child(node, peersKey)).map((p) => peerOf(p));
  if (peers.length > 0) rule.peers = peers;
  const ports = itemsOf(child(node, 'ports')).map(portOf);
  if (ports.length > 0) rule.ports = ports;
  return rule;
}

function peerOf(node: YNode): NetworkPolicyPeer {
  const span = spanOf(node, { start: 0, end: 0 });
  const peer: NetworkPolicyPeer = { span };
  // Peer selectors are pointers in the API: `podSelector:` with no value is "not set", not `{}`. (The policy's own
  // spec.podSelector is a value: null there reads as `{}`.) A peer with nothing set is rejected by the API server;
  // as a peer with no selector at all it matches nothing downstream.
  const podSelector = nonNull(child(node, 'podSelector'));
  const namespaceSelector = nonNull(child(node, 'namespaceSelector'));
  const ipBlock = nonNull(child(node, 'ipBlock'));
  if (podSelector) peer.podSelector = labelSelectorOf(podSelector, span);
  if (namespaceSelector) peer.namespaceSelector = labelSelectorOf(namespaceSelector, span);
  if (ipBlock) peer.ipBlock = { cidr: stringOf(child(ipBlock, 'cidr')) ?? '', except: stringListOf(child(ipBlock, 'except')) };
  return peer;
}

function portOf(node: YNode): NetworkPolicyPort {
  const span = spanOf(node, { start: 0, end: 0 });
  const protocol = protocolOf(child(node, 'protocol'));
  const port: NetworkPolicyPort = { protocol: protocol ?? 'TCP', span };
  // An unknown protocol would be rejected by the API server; reading it as TCP would invent traffic.
  if (!protocol) port.invalidProtocol = stringOf(child(node, 'protocol')) ?? '';
  const value = intOrStringOf(child(node, 'port'));
  if (value !== undefined) port.port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  const endPort = integerOf(child(node, 'endPort'));
  if (endPort !== undefined) port.endPort = endPort;
  return port;
}

function nonNull(node: YNode | undefined): YNode | undefined {
  return node && !(node.kind === 'scalar' && node.value === null) ? node : undefined;
}
