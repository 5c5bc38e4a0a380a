import { WORKLOAD_KINDS } from '../model/resources';
import { defineRule } from './rule';

/**
 * yaml11-boolean-string: an unquoted `yes`/`no`/`on`/`off`/`y`/`n` (or `true`/`false`) where Kubernetes expects a
 * string: a label, annotation, env or ConfigMap value. kubectl and the API server read YAML 1.1 (go-yaml v2), which
 * turns these words into booleans, and then reject the object ("cannot unmarshal bool into ... of type string").
 * Only the exact YAML 1.1 casings count (`yes`, `Yes`, `YES`; `yEs` stays a string).
 */
export const yaml11BooleanString = defineRule({
  id: 'yaml11-boolean-string',
  defaultSeverity: 'error',
  title: 'An unquoted yes/no/on/off/true/false where Kubernetes expects a string',
  doc: { appliesTo: 'workloads, Service, Ingress, ConfigMap, Secret, Namespace, NetworkPolicy, Gateway API kinds and other common kinds' },
  appliesTo: [
    ...WORKLOAD_KINDS,
    'Service', 'Ingress', 'IngressClass', 'NetworkPolicy', 'Namespace', 'ConfigMap', 'Secret', 'ServiceAccount',
    'GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant',
    'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding',
  ],
  check(resource, ctx): void {
    for (const found of resource.yaml11Booleans ?? []) {
      const isBool = /^(true|false)$/i.test(found.source);
      ctx.report({
        span: found.span,
        message:
          `${found.path} is \`${found.source}\` unquoted, which ${isBool ? 'YAML reads as a boolean' : "Kubernetes' YAML 1.1 reader turns into a boolean"}; ` +
          `a string is expected here, so the API server rejects the object. Quote it: "${found.source}".`,
        data: { source: found.source, path: found.path },
      });
    }
  },
});
