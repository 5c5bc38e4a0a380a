/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1), read as written:
 * https://network-policy-api.sigs.k8s.io/reference/spec/ (checked 2026-12-06). A subject or peer holds exactly one
 * of `namespaces` / `pods` (peers of egress rules also `networks` / `nodes`); a port exactly one of `portNumber`,
 * `namedPort`, `portRange`. What breaks those rules is kept with the reason (`invalid`) and selects nothing.
 */
import { asMap, asSeq, child, integerOf, itemsOf, stringOf } from '../../syntax/access';
import type { YNode } from '../../syntax/tree';
import type { AdminNetworkPolicy, AdminPolicyPeer, AdminPolicyPort, AdminPolicyRule, ResourceBase } from '../resources';
import { labelSelectorOf, locatedStrings, protocolOf, spanOf } from './common';

export const ADMIN_POLICY_GROUP = 'policy.networking.k8s.io';
export const ADMIN_POLICY_KINDS: readonly string[] = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'];

export function adminNetworkPolicyOf(root: YNode, base: ResourceBase & { kind: AdminNetworkPolicy['kind'] }): AdminNetworkPolicy {
  const spec = child(root, 'spec');
  const specSpan = spanOf(spec, base.span);
  const policy: AdminNetworkPolicy = {
    ...base,
    subject: peerOf(child(spec, 'subject'), specSpan, false),
    ingress: itemsOf(child(spec, 'ingress')).map((r) => ruleOf(r, 'from', specSpan)),
    egress: itemsOf(child(spec, 'egress')).map((r) => ruleOf(r, 'to', specSpan)),
  };
  const priority = integerOf(child(spec, 'priority'));
  if (priority !== undefined) policy.priority = priority;
  return policy;
}

function ruleOf(node: YNode, peersKey: 'from' | 'to', fallback: ReturnType<typeof spanOf>): AdminPolicyRule {
  const span = spanOf(node, fallback);
  const rule: AdminPolicyRule = {
    name: stringOf(child(node, 'name')) ?? '',
    action: stringOf(child(node, 'action')) ?? '',
    peers: itemsOf(child(node, peersKey)).map((p) => peerOf(p, span, peersKey === 'to')),
    span,
  };
  const portsNode = child(node, 'ports');
  if (asSeq(portsNode)) rule.ports = itemsOf(portsNode).map((p) => portOf(p, span));
  return rule;
}

/** A subject (egress false) or a peer: exactly one field. */
function peerOf(node: YNode | undefined, fallback: ReturnType<typeof spanOf>, egress: boolean): AdminPolicyPeer {
  const span = spanOf(node, fallback);
  const peer: AdminPolicyPeer = { span };
  let fields = 0;
  const namespaces = child(node, 'namespaces');
  if (asMap(namespaces)) {
    peer.namespaces = labelSelectorOf(namespaces, span);
    fields++;
  }
  const pods = child(node, 'pods');
  if (asMap(pods)) {
    peer.pods = { namespaceSelector: labelSelectorOf(child(pods, 'namespaceSelector'), span), podSelector: labelSelectorOf(child(pods, 'podSelector'), span) };
    fields++;
  }
  if (egress) {
    const networks = child(node, 'networks');
    if (networks) {
      peer.networks = locatedStrings(networks, span);
      fields++;
    }
    const nodes = child(node, 'nodes');
    if (asMap(nodes)) {
      peer.nodes = labelSelectorOf(nodes, span);
      fields++;
    }
  }
  if (fields !== 1) peer.invalid = `exactly one of ${egress ? 'namespaces, pods, networks, nodes' : 'namespaces, pods'} must be set (${fields} are)`;
  return peer;
}

function portOf(node: YNode, fallback: ReturnType<typeof spanOf>): AdminPolicyPort {
  const span = spanOf(node, fallback);
  const port: AdminPolicyPort = { span };
  let fields = 0;
  const number = child(node, 'portNumber');
  if (asMap(number)) {
    fields++;
    const protocol = protocolOf(child(number, 'protocol'));
    const value = integerOf(child(number, 'port'));
    if (!protocol) port.invalid = `unknown protocol \`${stringOf(child(number, 'protocol'))}\``;
    else if (value === undefined || value < 1 || value > 65535) port.invalid = 'portNumber.port must be 1-65535';
    else port.range = { protocol, from: value, to: value };
  }
  const named = stringOf(child(node, 'namedPort'));
  if (named !== undefined) {
    fields++;
    port.namedPort = named;
  }
  const range = child(node, 'portRange');
  if (asMap(range)) {
    fields++;
    const protocol = protocolOf(child(range, 'protocol'));
    const start = integerOf(child(range, 'start'));
    const end = integerOf(child(range, 'end'));
    if (!protocol) port.invalid = `unknown protocol \`${stringOf(child(range, 'protocol'))}\``;
    else if (start === undefined || end === undefined || start < 1 || end > 65535 || start > end) port.invalid = 'portRange needs 1 <= start <= end <= 65535';
    else port.range = { protocol, from: start, to: end };
  }
  if (fields !== 1) port.invalid = `exactly one of portNumber, namedPort, portRange must be set (${fields} are)`;
  return port;
}
