/**
 * Objects that apply to another by reference (kb/policyKinds.ts): Application Gateway for Containers policies, Gateway
 * API BackendTLSPolicy and ListenerSet; and the AKS custom resources around them (ApplicationLoadBalancer,
 * NginxIngressController, ClusterExternalDNS / ExternalDNS).
 */
import { child, itemsOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import { policyKind, type PolicyKindFacts } from '../../kb/policyKinds';
import type { ApplicationLoadBalancer, AttachedPolicy, ExternalDnsConfig, NginxIngressController, PolicyTargetRef, ResourceBase } from '../resources';
import { locatedString, locatedStrings, spannedStringMap, spanOf } from './common';

export function attachedPolicyOf(root: YNode, base: ResourceBase, facts: PolicyKindFacts): AttachedPolicy {
  const spec = child(root, 'spec');
  const refs =
    facts.refField === 'spec.targetRefs' ? itemsOf(child(spec, 'targetRefs')) : facts.refField === 'spec.parentRef' ? [child(spec, 'parentRef')].filter((n): n is YNode => !!n) : [child(spec, 'targetRef')].filter((n): n is YNode => !!n);
  return { ...base, group: facts.group, targetRefs: refs.map((ref) => targetRefOf(ref, base.span, facts)) };
}

function targetRefOf(node: YNode, fallback: Span, facts: PolicyKindFacts): PolicyTargetRef {
  const span = spanOf(node, fallback);
  const nameNode = child(node, 'name');
  // A ListenerSet's parentRef defaults to a Gateway of Gateway API; policies name group and kind (AGC examples write
  // group "" for HTTPRoute, so the kind decides).
  const defaultTarget = facts.targets[0]!;
  const ref: PolicyTargetRef = {
    group: stringOf(child(node, 'group')) ?? defaultTarget.group,
    kind: stringOf(child(node, 'kind')) ?? defaultTarget.kind,
    name: stringOf(nameNode) ?? '',
    sections: [...locatedStrings(child(node, 'sectionNames'), span), ...[locatedString(child(node, 'sectionName'), span)].filter((s): s is { value: string; span: Span } => !!s)],
    span,
    nameSpan: spanOf(nameNode, span),
  };
  const namespace = stringOf(child(node, 'namespace'));
  if (namespace) ref.namespace = namespace;
  return ref;
}

export function applicationLoadBalancerOf(root: YNode, base: ResourceBase): ApplicationLoadBalancer {
  return { ...base, kind: 'ApplicationLoadBalancer', associations: locatedStrings(child(root, 'spec', 'associations'), base.span) };
}

export function nginxIngressControllerOf(root: YNode, base: ResourceBase): NginxIngressController {
  const spec = child(root, 'spec');
  const annotations = spannedStringMap(child(spec, 'loadBalancerAnnotations'));
  const controller: NginxIngressController = {
    ...base,
    kind: 'NginxIngressController',
    loadBalancerAnnotations: annotations.values,
    loadBalancerAnnotationSpans: annotations.keySpans,
    loadBalancerAnnotationValueSpans: annotations.valueSpans,
  };
  const className = locatedString(child(spec, 'ingressClassName'), base.span);
  if (className) controller.ingressClassName = className;
  const prefix = stringOf(child(spec, 'controllerNamePrefix'));
  if (prefix) controller.controllerNamePrefix = prefix;
  const keyVault = locatedString(child(spec, 'defaultSSLCertificate', 'keyVaultURI'), base.span);
  if (keyVault) controller.defaultSslKeyVaultUri = keyVault;
  return controller;
}

export function externalDnsOf(root: YNode, base: ResourceBase): ExternalDnsConfig {
  const spec = child(root, 'spec');
  const config: ExternalDnsConfig = { ...base, kind: base.kind as ExternalDnsConfig['kind'], dnsZoneResourceIds: locatedStrings(child(spec, 'dnsZoneResourceIDs'), base.span) };
  const resourceNamespace = locatedString(child(spec, 'resourceNamespace'), base.span);
  if (resourceNamespace) config.resourceNamespace = resourceNamespace;
  const serviceAccount = locatedString(child(spec, 'identity', 'serviceAccount'), base.span);
  if (serviceAccount) config.serviceAccount = serviceAccount;
  return config;
}

export { policyKind };
