import { findServicePort } from '../model/serviceBackends';
import { closestName } from '../util/closestName';
import type { IngressBackend } from '../model/resources';
import { defineRule } from './rule';

/**
 * ingress-backend-missing: an Ingress backend names a Service that does not exist in the Ingress's namespace, or a
 * port that Service does not have. The controller answers 503 for that path.
 */
export const ingressBackendMissing = defineRule({
  id: 'ingress-backend-missing',
  defaultSeverity: 'error',
  title: 'An Ingress backend names a missing Service or Service port',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    const backends: { backend: IngressBackend; where: string }[] = [];
    if (ingress.defaultBackend) backends.push({ backend: ingress.defaultBackend, where: 'defaultBackend' });
    for (const rule of ingress.rules) {
      for (const path of rule.paths) backends.push({ backend: path.backend, where: `${rule.host ?? '*'}${path.path ?? ''}` });
    }
    for (const { backend, where } of backends) {
      const ref = backend.service;
      if (!ref || !ref.service) continue;
      const services = ctx.index.lookup('Service', ingress.namespace, ref.service);
      if (services.length === 0) {
        const names = [...new Set(ctx.index.ofKindIn('Service', ingress.namespace).map((s) => s.name))];
        const suggestion = closestName(ref.service, names);
        ctx.report({
          span: ref.serviceSpan,
          message: `Ingress \`${ingress.name}\` routes ${where} to Service \`${ref.service}\`, which does not exist in namespace \`${ingress.namespace}\`` +
            (suggestion ? ` (did you mean \`${suggestion}\`?)` : ''),
          data: { service: ref.service, candidates: names },
        });
        continue;
      }
      if (ref.port === undefined) continue;
      if (services.some((s) => findServicePort(s, ref.port!))) continue;
      const service = services[0]!;
      const available = service.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
      ctx.report({
        span: ref.portSpan ?? ref.serviceSpan,
        message: `Ingress \`${ingress.name}\` routes ${where} to port ${typeof ref.port === 'number' ? ref.port : `\`${ref.port}\``} of Service \`${ref.service}\`, which has no such port (ports: ${available})`,
        related: [{ file: service.file, span: service.nameSpan, message: `Service ${service.name}` }],
        data: { service: ref.service, port: ref.port },
      });
    }
  },
});
