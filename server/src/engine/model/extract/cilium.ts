/**
 * CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy (cilium.io/v2), read as written: `spec` and `specs`, each
 * rule's selectors, its ingress / egress / ingressDeny / egressDeny lists with their L3 selectors, toPorts and L7
 * rules (kept as words). Meaning is netpol/cilium/'s. Field reference: https://docs.cilium.io/en/stable/security/policy/language/
 * (checked 2026-12-06).
 *
 * A node shared through an alias is read once (the facts share the object), as for NetworkPolicy.
 */
import { asMap, asScalar, booleanOf, child, integerOf, itemsOf, scalarValue, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import type { LabelSelector } from '../labelSelector';
import type { CiliumPeerRule, CiliumPolicy, CiliumPort, CiliumPortRule, CiliumRule, Located, ResourceBase } from '../resources';
import { labelSelectorOf, locatedStrings, spanOf } from './common';

export const CILIUM_GROUP_VERSION = 'cilium.io/v2';
export const CILIUM_POLICY_KINDS: readonly string[] = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'];

export function isCiliumPolicyKind(apiVersion: string, kind: string): boolean {
  return apiVersion === CILIUM_GROUP_VERSION && CILIUM_POLICY_KINDS.includes(kind);
}

/** L3 fields of a rule that are read but not modelled (a rule using one is reported as partly read). */
const UNMODELLED: Record<'from' | 'to', readonly string[]> = {
  from: ['fromRequires', 'fromGroups', 'fromNodes', 'icmps', 'authentication'],
  to: ['toRequires', 'toGroups', 'toNodes', 'icmps', 'authentication'],
};

export function ciliumPolicyOf(root: YNode, base: ResourceBase): CiliumPolicy {
  const reader = new CiliumReader(base.span);
  const rules: CiliumRule[] = [];
  const spec = child(root, 'spec');
  if (asMap(spec)) rules.push(reader.rule(spec!, -1));
  itemsOf(child(root, 'specs')).forEach((node, i) => {
    if (asMap(node)) rules.push(reader.rule(node, i));
  });
  return { ...base, kind: base.kind as CiliumPolicy['kind'], rules };
}

class CiliumReader {
  private readonly peerRules = new Map<YNode, CiliumPeerRule>();
  private readonly portRules = new Map<YNode, CiliumPortRule>();
  private readonly selectors = new Map<YNode, LabelSelector>();

  constructor(private readonly fallback: Span) {}

  rule(node: YNode, index: number): CiliumRule {
    const rule: CiliumRule = { span: spanOf(node, this.fallback), index };
    const endpointSelector = child(node, 'endpointSelector');
    if (endpointSelector) rule.endpointSelector = this.selector(endpointSelector);
    const nodeSelector = child(node, 'nodeSelector');
    if (nodeSelector) rule.nodeSelector = this.selector(nodeSelector);
    const lists = [
      ['ingress', 'from'],
      ['egress', 'to'],
      ['ingressDeny', 'from'],
      ['egressDeny', 'to'],
    ] as const;
    for (const [key, side] of lists) {
      const list = child(node, key);
      if (list && asScalar(list)?.value !== null) rule[key] = itemsOf(list).map((item) => this.peerRule(item, side));
    }
    const defaultDeny = child(node, 'enableDefaultDeny');
    if (asMap(defaultDeny)) {
      const ingress = booleanOf(child(defaultDeny, 'ingress'));
      const egress = booleanOf(child(defaultDeny, 'egress'));
      rule.enableDefaultDeny = {};
      if (ingress !== undefined) rule.enableDefaultDeny.ingress = ingress;
      if (egress !== undefined) rule.enableDefaultDeny.egress = egress;
    }
    const description = stringOf(child(node, 'description'));
    if (description !== undefined) rule.description = description;
    return rule;
  }

  private peerRule(node: YNode, side: 'from' | 'to'): CiliumPeerRule {
    let rule = this.peerRules.get(node);
    if (rule) return rule;
    const span = spanOf(node, this.fallback);
    rule = { span };
    const endpoints = child(node, `${side}Endpoints`);
    if (endpoints) rule.endpoints = itemsOf(endpoints).map((e) => this.selector(e));
    const entities = child(node, `${side}Entities`);
    if (entities) rule.entities = locatedStrings(entities, span);
    const cidrs: { cidr: string; except: string[]; span: Span }[] = [];
    for (const located of locatedStrings(child(node, `${side}CIDR`), span)) cidrs.push({ cidr: located.value, except: [], span: located.span });
    for (const item of itemsOf(child(node, `${side}CIDRSet`))) {
      cidrs.push({ cidr: stringOf(child(item, 'cidr')) ?? '', except: itemsOf(child(item, 'except')).map((e) => stringOf(e) ?? ''), span: spanOf(item, span) });
    }
    if (child(node, `${side}CIDR`) || child(node, `${side}CIDRSet`)) rule.cidrs = cidrs;
    if (side === 'to') {
      const services = child(node, 'toServices');
      if (services) rule.services = itemsOf(services).map((item) => this.service(item, span));
      const fqdns = child(node, 'toFQDNs');
      if (fqdns) {
        rule.fqdns = itemsOf(fqdns).map((item) => {
          const fqdn: { matchName?: string; matchPattern?: string; span: Span } = { span: spanOf(item, span) };
          const name = stringOf(child(item, 'matchName'));
          const pattern = stringOf(child(item, 'matchPattern'));
          if (name !== undefined) fqdn.matchName = name;
          if (pattern !== undefined) fqdn.matchPattern = pattern;
          return fqdn;
        });
      }
    }
    const ports = child(node, 'toPorts');
    if (ports) rule.ports = itemsOf(ports).map((item) => this.portRule(item));
    const unmodelled: Located<string>[] = [];
    for (const pair of asMap(node)?.pairs ?? []) {
      const key = pair.key ? String(pair.key.value) : '';
      if (UNMODELLED[side].includes(key)) unmodelled.push({ value: key, span: { start: pair.start, end: pair.end } });
    }
    if (unmodelled.length) rule.unmodelled = unmodelled;
    this.peerRules.set(node, rule);
    return rule;
  }

  private service(item: YNode, fallback: Span): { name?: string; namespace?: string; selector?: LabelSelector; span: Span } {
    const service: { name?: string; namespace?: string; selector?: LabelSelector; span: Span } = { span: spanOf(item, fallback) };
    const byName = child(item, 'k8sService');
    const bySelector = child(item, 'k8sServiceSelector');
    const name = stringOf(child(byName, 'serviceName'));
    const namespace = stringOf(child(byName, 'namespace')) ?? stringOf(child(bySelector, 'namespace'));
    if (name !== undefined) service.name = name;
    if (namespace !== undefined) service.namespace = namespace;
    if (bySelector) service.selector = this.selector(child(bySelector, 'selector'));
    return service;
  }

  private portRule(node: YNode): CiliumPortRule {
    let rule = this.portRules.get(node);
    if (rule) return rule;
    const span = spanOf(node, this.fallback);
    rule = { span, ports: itemsOf(child(node, 'ports')).map((p) => this.port(p, span)) };
    const l7 = child(node, 'rules');
    for (const protocol of ['http', 'kafka', 'dns'] as const) {
      const list = child(l7, protocol);
      if (!list) continue;
      rule.l7 = { protocol, entries: itemsOf(list).map((entry) => l7Words(protocol, entry)), span: spanOf(list, span) };
      break;
    }
    this.portRules.set(node, rule);
    return rule;
  }

  private port(node: YNode, fallback: Span): CiliumPort {
    const portNode = child(node, 'port');
    const value = scalarValue(portNode);
    const port: CiliumPort = { protocol: stringOf(child(node, 'protocol')) ?? 'ANY', span: spanOf(node, fallback) };
    if (value !== undefined && value !== null) port.port = String(value);
    const endPort = integerOf(child(node, 'endPort'));
    if (endPort !== undefined) port.endPort = endPort;
    return port;
  }

  private selector(node: YNode | undefined): LabelSelector {
    if (!node) return labelSelectorOf(undefined, this.fallback);
    let selector = this.selectors.get(node);
    if (!selector) this.selectors.set(node, (selector = labelSelectorOf(node, this.fallback)));
    return selector;
  }
}

/** An L7 rule in words: `GET /api/.*`, `produce topic orders`, `dns *.example.com`. */
function l7Words(protocol: 'http' | 'kafka' | 'dns', entry: YNode): string {
  if (protocol === 'http') {
    const method = stringOf(child(entry, 'method')) ?? 'any method';
    const path = stringOf(child(entry, 'path')) ?? 'any path';
    const host = stringOf(child(entry, 'host'));
    const headers = itemsOf(child(entry, 'headers')).map((h) => stringOf(h) ?? '').filter((h) => h);
    return [method, path, host ? `host ${host}` : '', headers.length ? `headers ${headers.join(', ')}` : ''].filter((w) => w).join(' ');
  }
  if (protocol === 'kafka') {
    const role = stringOf(child(entry, 'role')) ?? stringOf(child(entry, 'apiKey')) ?? 'any request';
    const topic = stringOf(child(entry, 'topic'));
    return topic ? `${role} topic ${topic}` : role;
  }
  const name = stringOf(child(entry, 'matchName'));
  const pattern = stringOf(child(entry, 'matchPattern'));
  return name !== undefined ? `lookups of ${name}` : pattern !== undefined ? `lookups matching ${pattern}` : 'any lookup';
}
