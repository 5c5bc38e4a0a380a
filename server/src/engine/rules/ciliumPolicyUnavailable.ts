import { isCiliumPolicyKind } from '../model/extract/cilium';
import { engineName } from '../reach/selection';
import { defineRule } from './rule';
import { CILIUM_KINDS } from './shared/ciliumScope';

/**
 * cilium-policy-unavailable: a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy in a workspace whose cluster
 * profile says the network policy engine is not Cilium. Only Cilium enforces them (on AKS: Azure CNI powered by
 * Cilium, https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium); elsewhere the API server rejects them
 * (no CRD) or stores them for nobody. Kube Netlens evaluates them only under `networkPolicyEngine: cilium`; with no
 * engine stated the finding is an info saying they are not evaluated.
 */
export const ciliumPolicyUnavailable = defineRule({
  id: 'cilium-policy-unavailable',
  defaultSeverity: 'warning',
  title: 'A Cilium policy in a cluster whose profile says the engine is not Cilium: it is not enforced (or not evaluated)',
  sources: ['https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium', 'https://docs.cilium.io/en/stable/security/policy/'],
  doc: { severityNote: 'info when the profile does not state the engine', needs: '`cluster.networkPolicyEngine` in the cluster profile' },
  appliesTo: CILIUM_KINDS,
  check(resource, ctx): void {
    const engine = ctx.profile.networkPolicyEngine;
    if (engine === 'cilium') return;
    if (!isCiliumPolicyKind(resource.apiVersion, resource.kind)) return;
    const policy = resource;
    const origin = ctx.profile.origins?.networkPolicyEngine ? `, from ${ctx.profile.origins.networkPolicyEngine}` : '';
    if (engine === undefined) {
      ctx.report({
        span: policy.nameSpan,
        severity: 'info',
        message: `${policy.kind} \`${policy.name}\` is not evaluated: only Cilium enforces it, and the cluster profile does not state the network policy engine. Set \`cluster.networkPolicyEngine: cilium\` (or import the cluster) to have its rules checked`,
        data: { engine: 'unstated' },
      });
      return;
    }
    ctx.report({
      span: policy.nameSpan,
      message: `${policy.kind} \`${policy.name}\` is not enforced: only Cilium enforces it, and the cluster profile says the engine is ${engineName(engine)} (cluster.networkPolicyEngine: ${engine}${origin}). The pods it selects keep the connectivity the NetworkPolicies give them`,
      data: { engine },
    });
  },
});
