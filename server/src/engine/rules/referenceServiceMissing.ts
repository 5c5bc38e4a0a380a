import { WORKLOAD_KINDS } from '../model/resources';
import { referencesOf, type ServiceReference } from '../model/references';
import { closestName } from '../util/closestName';
import { defineRule } from './rule';
import { sortedNames } from './shared/order';

/**
 * reference-service-missing: an env value or ConfigMap value names a Service that does not exist: a cluster DNS
 * name (`svc.ns.svc.cluster.local`, `svc.ns`), or a bare name in an address-like variable (`*_ADDR`, `*_HOST`,
 * `*_URL`, ...). Connections fail with a DNS error. Only said for namespaces where the workspace has Services (so
 * that a namespace managed elsewhere is not flagged); see model/references.ts for what counts as a reference.
 */
export const referenceServiceMissing = defineRule({
  id: 'reference-service-missing',
  defaultSeverity: 'warning',
  title: 'A Service named in an env or ConfigMap value does not exist',
  appliesTo: [...WORKLOAD_KINDS, 'ConfigMap'],
  check(resource, ctx): void {
    const owner = resource;
    for (const ref of referencesOf(ctx.index, owner)) {
      if (ctx.index.lookup('Service', ref.namespace, ref.serviceName).length > 0) continue;
      // Kept per namespace and name (with its reads): many values name the same missing Service, and each search
      // of the namespace's Services per value made a namespace of thousands of Services quadratic (issue 17).
      const { hasServices, suggestion } = ctx.index.memo(`reference-service-missing:suggestion|${ref.namespace}|${ref.serviceName}`, () => {
        const inNamespace = sortedNames(ctx.index.ofKindIn('Service', ref.namespace));
        return { hasServices: inNamespace.length > 0, suggestion: inNamespace.length > 0 ? closestName(ref.serviceName, inNamespace) : undefined };
      });
      if (!hasServices) continue;
      ctx.report({
        span: ref.span,
        message:
          `${where(ref)} refers to Service \`${ref.serviceName}\`${ref.port !== undefined && !ref.portImplied ? ` port ${ref.port}` : ''}, which does not exist in namespace \`${ref.namespace}\`` +
          (suggestion ? ` (did you mean \`${suggestion}\`?)` : '') +
          ': connections to it fail to resolve. Deploy the Service, or fix the name.',
        data: { service: ref.serviceName, namespace: ref.namespace, host: ref.host, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});

function where(ref: ServiceReference): string {
  return ref.via === 'env' ? `env \`${ref.envName}\`${ref.container ? ` of container \`${ref.container}\`` : ''}` : `ConfigMap key \`${ref.key}\``;
}
