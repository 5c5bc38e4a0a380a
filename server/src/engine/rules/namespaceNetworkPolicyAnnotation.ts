import { reachModelOf } from '../reach/model';
import { defineRule } from './rule';

export const LEGACY_ISOLATION_ANNOTATION = 'net.beta.kubernetes.io/network-policy';

/**
 * namespace-network-policy-annotation: a Namespace annotated `net.beta.kubernetes.io/network-policy` (usually
 * `{"ingress": {"isolation": "DefaultDeny"}}`), the beta way to isolate a namespace. Kubernetes 1.7 removed it when
 * NetworkPolicy became networking.k8s.io/v1: isolation is per pod, by the policies that select it
 * (https://github.com/kubernetes/kubernetes/pull/39164, release note). Every current cluster ignores the
 * annotation, so the namespace is not isolated by it. An info when a policy of the namespace already selects every
 * pod for ingress (the annotation is only dead weight), a warning otherwise.
 */
export const namespaceNetworkPolicyAnnotation = defineRule({
  id: 'namespace-network-policy-annotation',
  defaultSeverity: 'warning',
  title: 'A Namespace relies on the pre-1.7 isolation annotation, which every current Kubernetes ignores',
  appliesTo: ['Namespace'],
  check(resource, ctx): void {
    const value = resource.annotations[LEGACY_ISOLATION_ANNOTATION];
    if (value === undefined) return;
    const span = resource.annotationSpans[LEGACY_ISOLATION_ANNOTATION] ?? resource.nameSpan;
    const model = reachModelOf(ctx.index, ctx.profile).netpol;
    const defaultDeny = model.policiesIn(resource.name).find((p) => p.isolates.Ingress && !p.policy.podSelector.invalid && Object.keys(p.policy.podSelector.matchLabels).length === 0 && p.policy.podSelector.matchExpressions.length === 0);
    ctx.report({
      span,
      severity: defaultDeny ? 'info' : 'warning',
      message: defaultDeny
        ? `\`${LEGACY_ISOLATION_ANNOTATION}\` was removed in Kubernetes 1.7 and is ignored; NetworkPolicy \`${defaultDeny.name}\` already selects every pod of namespace \`${resource.name}\` for ingress, so the annotation can go`
        : `\`${LEGACY_ISOLATION_ANNOTATION}\` was removed in Kubernetes 1.7 and is ignored: namespace \`${resource.name}\` is not isolated by it, and its pods accept every connection unless a NetworkPolicy selects them. ` +
          'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` (a default-deny) to isolate the namespace',
      data: { namespace: resource.name, value, defaultDeny: defaultDeny?.name ?? null },
    });
  },
});
