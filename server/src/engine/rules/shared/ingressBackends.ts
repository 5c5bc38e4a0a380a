/** The Service backends of an Ingress, with where each is routed from (for messages). */
import type { Ingress, ServiceBackendRef } from '../../model/resources';

export interface IngressServiceBackend {
  ref: ServiceBackendRef;
  /** `host/path`, `*` for any host, or `defaultBackend`. */
  where: string;
}

export function ingressServiceBackends(ingress: Ingress): IngressServiceBackend[] {
  const out: IngressServiceBackend[] = [];
  if (ingress.defaultBackend?.service?.service) out.push({ ref: ingress.defaultBackend.service, where: 'defaultBackend' });
  for (const rule of ingress.rules) {
    for (const path of rule.paths) {
      if (path.backend.service?.service) out.push({ ref: path.backend.service, where: `${rule.host ?? '*'}${path.path ?? ''}` });
    }
  }
  return out;
}
