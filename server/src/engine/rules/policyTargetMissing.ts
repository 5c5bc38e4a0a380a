import { CUSTOM_KINDS, POLICY_KINDS, policyKind, type PolicyKindFacts } from '../kb/policyKinds';
import type { AnyResource, ApplicationLoadBalancer, AttachedPolicy, ExternalDnsConfig, Gateway, PolicyTargetRef, Service } from '../model/resources';
import type { Span } from '../syntax/tree';
import { closestName } from '../util/closestName';
import { defineRule, type RuleContext } from './rule';
import { workspaceCoversNamespace } from './shared/gatewayApi';
import { sortedNames } from './shared/order';

const ALB_NAME = 'alb.networking.azure.io/alb-name';
const ALB_NAMESPACE = 'alb.networking.azure.io/alb-namespace';
const ALB_INGRESS_EXTENSION = 'alb.networking.azure.io/alb-ingress-extension';
const SUBNET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;
const DNS_ZONE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/(dnszones|privateDnsZones)\/[^/]+$/i;
/** The application routing operator's external-dns publishes to at most this many zones. */
const MAX_DNS_ZONES = 7;
const kindSource = (kind: string) => CUSTOM_KINDS.find((c) => c.kind === kind)!.source;

/**
 * policy-target-missing: an object that applies to another by reference names something the workspace does not have,
 * or something of a kind it cannot apply to:
 *  - Application Gateway for Containers policies (FrontendTLSPolicy, HealthCheckPolicy, RoutePolicy, BackendTLSPolicy,
 *    WebApplicationFirewallPolicy) and Gateway API BackendTLSPolicy and ListenerSet: the target's kind, its presence,
 *    and the listeners or ports named by `sectionNames`/`sectionName`;
 *  - Application Gateway for Containers: an ApplicationLoadBalancer's `associations` must be subnet resource IDs; an
 *    Ingress or Gateway's `alb-name` must name an ApplicationLoadBalancer (when the workspace declares any), an
 *    Ingress's `alb-ingress-extension` an IngressExtension of its namespace (when the workspace declares any);
 *  - the application routing operator's ClusterExternalDNS / ExternalDNS: the identity ServiceAccount (when the
 *    workspace declares ServiceAccounts in that namespace), and up to seven Azure DNS zone IDs of one kind.
 * Missing targets are only reported where the workspace covers the target's namespace.
 */
export const policyTargetMissing = defineRule({
  id: 'policy-target-missing',
  defaultSeverity: 'warning',
  title: 'A policy or AKS add-on object names a target that is missing or of the wrong kind',
  sources: [...new Set([...POLICY_KINDS.map((p) => p.source), kindSource('ApplicationLoadBalancer'), kindSource('IngressExtension'), kindSource('ClusterExternalDNS')])],
  doc: {
    appliesTo:
      'Application Gateway for Containers policies (FrontendTLSPolicy, HealthCheckPolicy, RoutePolicy, BackendTLSPolicy, WebApplicationFirewallPolicy), Gateway API BackendTLSPolicy and ListenerSet, ApplicationLoadBalancer, ClusterExternalDNS, ExternalDNS, Ingress, Gateway',
  },
  appliesTo: [...new Set(POLICY_KINDS.map((p) => p.kind)), 'ApplicationLoadBalancer', 'ClusterExternalDNS', 'ExternalDNS', 'Ingress', 'Gateway'],
  check(resource, ctx): void {
    if (isAttachedPolicy(resource)) {
      const facts = policyKind(resource.group, resource.kind);
      if (facts) for (const ref of resource.targetRefs) checkTarget(resource, facts, ref, ctx);
      return;
    }
    if (resource.kind === 'ApplicationLoadBalancer' && 'associations' in resource) return checkAssociations(resource, ctx);
    if ((resource.kind === 'ClusterExternalDNS' || resource.kind === 'ExternalDNS') && 'dnsZoneResourceIds' in resource) return checkExternalDns(resource, ctx);
    if (resource.kind === 'Ingress' || resource.kind === 'Gateway') checkAlbAnnotations(resource, ctx);
  },
});

function checkTarget(policy: AttachedPolicy, facts: PolicyKindFacts, ref: PolicyTargetRef, ctx: RuleContext): void {
  const what = `${policy.kind} \`${policy.name}\``;
  const field = facts.refField.replace('spec.', '');
  const target = facts.targets.find((t) => t.kind === ref.kind);
  if (!target) {
    ctx.report({
      span: ref.span,
      message: `${what} (${facts.product}) targets a ${ref.kind || 'kind-less object'}, but it applies only to ${facts.targets.map((t) => t.kind).join(' or ')}: it is not attached.`,
      data: { kind: ref.kind },
    });
    return;
  }
  if (!ref.name) return;
  const namespace = ref.namespace ?? policy.namespace;
  if (facts.sameNamespace && ref.namespace !== undefined && ref.namespace !== policy.namespace) {
    ctx.report({
      span: ref.span,
      message: `${what} must be in the namespace of the ${target.kind} it targets; this ${field} entry names namespace \`${ref.namespace}\`: move the policy to \`${ref.namespace}\`.`,
      data: { namespace: ref.namespace },
    });
    return;
  }
  if (!workspaceCoversNamespace(ctx.index, namespace)) return;
  const candidates = ctx.index.lookupAny(target.kind, namespace, ref.name).filter((r) => target.kind !== 'Gateway' || !(r as Gateway).istio);
  if (candidates.length === 0) {
    const present = ctx.index.anyOfKindIn(target.kind, namespace).filter((r) => target.kind !== 'Gateway' || !(r as Gateway).istio);
    const suggestion = closestName(ref.name, present.map((r) => r.name));
    ctx.report({
      span: ref.nameSpan,
      message:
        `${what} targets ${target.kind} \`${namespace}/${ref.name}\`, which is not in the workspace` +
        (suggestion ? ` (did you mean \`${suggestion}\`?)` : present.length ? ` (${target.kind}s there: ${sortedNames(present).slice(0, 5).join(', ')})` : '') +
        ': the policy applies to nothing.',
      data: { kind: target.kind, name: ref.name, ...(suggestion ? { suggestion } : {}) },
    });
    return;
  }
  if (!target.section || ref.sections.length === 0) return;
  const names =
    target.section === 'listener'
      ? (candidates[0] as Gateway).listeners.map((l) => l.name)
      : (candidates[0] as Service).ports.map((p) => p.name).filter((n): n is string => !!n);
  for (const section of ref.sections) {
    if (names.includes(section.value)) continue;
    ctx.report({
      span: section.span,
      message: `${what} names ${target.section} \`${section.value}\` of ${target.kind} \`${ref.name}\`, which has ${target.section === 'listener' ? 'listeners' : 'named ports'} ${names.map((n) => `\`${n}\``).join(', ') || 'none'}: that part of the policy applies to nothing.`,
      data: { section: section.value },
    });
  }
}

function checkAssociations(alb: ApplicationLoadBalancer, ctx: RuleContext): void {
  for (const association of alb.associations) {
    if (SUBNET_ID.test(association.value.trim())) continue;
    ctx.report({
      span: association.span,
      message: `ApplicationLoadBalancer \`${alb.name}\`: an association is the resource ID of a subnet delegated to Application Gateway for Containers (\`/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>\`), not \`${association.value}\`: the ALB Controller cannot deploy it.`,
      data: { association: association.value },
    });
  }
}

function checkAlbAnnotations(resource: AnyResource, ctx: RuleContext): void {
  const name = resource.annotations[ALB_NAME]?.trim();
  const span = (key: string): Span => resource.annotationValueSpans?.[key] ?? resource.annotationSpans[key] ?? resource.nameSpan;
  if (name) {
    const namespace = resource.annotations[ALB_NAMESPACE]?.trim() || resource.namespace;
    const all = ctx.index.ofKind('ApplicationLoadBalancer');
    if (all.length > 0 && ctx.index.lookup('ApplicationLoadBalancer', namespace, name).length === 0) {
      const suggestion = closestName(name, all.map((a) => a.name));
      ctx.report({
        span: span(ALB_NAME),
        message:
          `${resource.kind} \`${resource.name}\` is served by ApplicationLoadBalancer \`${namespace}/${name}\`, which is not in the workspace (declared: ${sortedNames(all).slice(0, 5).map((a) => a).join(', ')})` +
          (suggestion ? ` (did you mean \`${suggestion}\`?)` : '') +
          (resource.annotations[ALB_NAMESPACE] === undefined ? '; without `alb-namespace` it is looked up in the object\'s own namespace' : '') +
          ': no Application Gateway for Containers serves it.',
        data: { alb: `${namespace}/${name}` },
      });
    }
  }
  const extension = resource.kind === 'Ingress' ? resource.annotations[ALB_INGRESS_EXTENSION]?.trim() : undefined;
  if (extension && ctx.index.ofKind('IngressExtension').length > 0 && ctx.index.lookup('IngressExtension', resource.namespace, extension).length === 0) {
    const here = ctx.index.ofKindIn('IngressExtension', resource.namespace);
    ctx.report({
      span: span(ALB_INGRESS_EXTENSION),
      message: `Ingress \`${resource.name}\` names IngressExtension \`${extension}\`, which is not in namespace \`${resource.namespace}\`${here.length ? ` (there: ${sortedNames(here).slice(0, 5).join(', ')})` : ''}: its rewrites and redirects are not applied.`,
      data: { extension },
    });
  }
}

function checkExternalDns(config: ExternalDnsConfig, ctx: RuleContext): void {
  const what = `${config.kind} \`${config.name}\``;
  const account = config.serviceAccount;
  const namespace = config.kind === 'ClusterExternalDNS' ? config.resourceNamespace?.value : config.namespace;
  if (account && namespace && ctx.index.ofKindIn('ServiceAccount', namespace).length > 0 && ctx.index.lookup('ServiceAccount', namespace, account.value).length === 0) {
    ctx.report({
      span: account.span,
      message: `${what} publishes DNS records with ServiceAccount \`${account.value}\`, which is not declared in namespace \`${namespace}\` (where other ServiceAccounts are): external-dns cannot start until it exists with workload identity.`,
      data: { serviceAccount: account.value },
    });
  }
  const zones = config.dnsZoneResourceIds;
  if (zones.length > MAX_DNS_ZONES) {
    ctx.report({ span: zones[MAX_DNS_ZONES]!.span, message: `${what} lists ${zones.length} DNS zones; the application routing operator supports at most ${MAX_DNS_ZONES}.`, data: { zones: zones.length } });
  }
  const parsed = zones.map((zone) => ({ zone, match: DNS_ZONE_ID.exec(zone.value.trim()) }));
  for (const { zone, match } of parsed) {
    if (match) continue;
    ctx.report({
      span: zone.span,
      message: `${what}: \`${zone.value}\` is not an Azure DNS zone resource ID (\`/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/dnszones/<zone>\`, or \`privateDnsZones\`).`,
      data: { zone: zone.value },
    });
  }
  const valid = parsed.filter((p) => p.match);
  const first = valid[0]?.match;
  if (!first) return;
  for (const { zone, match } of valid.slice(1)) {
    const differs =
      match![3]!.toLowerCase() !== first[3]!.toLowerCase()
        ? 'mixes public and private zones'
        : match![1]!.toLowerCase() !== first[1]!.toLowerCase() || match![2]!.toLowerCase() !== first[2]!.toLowerCase()
          ? 'spans subscriptions or resource groups'
          : undefined;
    if (!differs) continue;
    ctx.report({
      span: zone.span,
      message: `${what} ${differs}: its zones must all be public or all private, in one subscription and resource group.`,
      data: { zone: zone.value },
    });
    return;
  }
}

/** The extractor gives an attached policy (model/extract/attachedPolicies.ts) its group and targetRefs. */
function isAttachedPolicy(resource: AnyResource): resource is AnyResource & AttachedPolicy {
  return 'targetRefs' in resource && 'group' in resource;
}
