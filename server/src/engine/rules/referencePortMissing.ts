import { WORKLOAD_KINDS } from '../model/resources';
import { referencesOf } from '../model/references';
import { defineRule } from './rule';
import { byLocation } from './shared/order';

/**
 * reference-port-missing: an env or ConfigMap value names an existing Service with a port the Service does not
 * expose (`catalog:8080` while the Service listens on 80), or implies one by its scheme (`http://catalog/` is port
 * 80). The connection is refused or times out. Headless and ExternalName Services are skipped: their clients
 * connect to the pods' or the external host's ports directly.
 */
export const referencePortMissing = defineRule({
  id: 'reference-port-missing',
  defaultSeverity: 'warning',
  title: 'A Service port named in an env or ConfigMap value does not exist',
  appliesTo: [...WORKLOAD_KINDS, 'ConfigMap'],
  check(resource, ctx): void {
    const owner = resource;
    for (const ref of referencesOf(ctx.index, owner)) {
      if (ref.port === undefined) continue;
      const services = byLocation(ctx.index.lookup('Service', ref.namespace, ref.serviceName));
      if (services.length === 0) continue;
      if (services.some((s) => s.type === 'ExternalName' || s.clusterIP === 'None' || s.ports.some((p) => p.port === ref.port))) continue;
      const service = services[0]!;
      const ports = service.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
      const what = ref.via === 'env' ? `env \`${ref.envName}\`` : `ConfigMap key \`${ref.key}\``;
      ctx.report({
        span: ref.span,
        message:
          `${what} connects to port ${ref.port}${ref.portImplied ? ` (the default port of ${ref.scheme}://)` : ''} of Service \`${ref.serviceName}\`, which exposes ${ports}: ` +
          'the connection is refused. Use a Service port (not the container port).',
        related: [{ file: service.file, span: service.nameSpan, message: `Service ${service.name}` }],
        data: { service: ref.serviceName, port: ref.port, ports: service.ports.map((p) => p.port) },
      });
    }
  },
});
