/** Hovers on a Service: where its ports land and who reaches it, then what its type means (L4, Azure load balancer, traffic policy). */
import { exposureOfService, formatExposurePath } from '../../exposure/exposure';
import type { Service } from '../../model/resources';
import { bounded, code, escapeText, objectRef, where } from '../host';
import { fieldDocMarkdown } from '../kbDocs';
import { selectorMarkdown, selectorSiteAt } from '../selectors';
import { referencesToService, routesToService } from '../usages';
import { onIdentity, sections, type HoverContext } from './context';
import { exposureVerdict, exposureVerdictWords } from '../../reach/ways';
import { portLines, trafficPolicyExplanation, typeExplanation } from './serviceText';

export function serviceHover(context: HoverContext): string | undefined {
  const service = context.resource as Service;
  const { path } = context;
  const site = selectorSiteAt(service, path);
  if (site) return selectorMarkdown(context.host, site);
  if (onIdentity(path) || (path[0] === 'spec' && (path.length === 1 || path[1] === 'type' || path[1] === 'clusterIP' || path[1] === 'externalName'))) {
    return serviceSummary(context, service);
  }
  if (path[0] === 'spec' && (path[1] === 'externalTrafficPolicy' || path[1] === 'healthCheckNodePort')) {
    return sections(trafficPolicyExplanation(service), fieldDocMarkdown('Service', path, context.value));
  }
  if (path[0] === 'spec' && path[1] === 'ports') {
    const port = typeof path[2] === 'number' ? service.ports.find((p) => p.span.start <= context.node.start && context.node.end <= p.span.end) : undefined;
    const doc = path.length > 3 ? fieldDocMarkdown('Service', path, context.value) : undefined;
    const lines = portLines(context.host, service, port);
    return sections(doc, lines.length ? `**${port ? 'This port' : 'Ports'}**\n${lines.join('\n')}` : undefined);
  }
  return undefined;
}

function serviceSummary(context: HoverContext, service: Service): string | undefined {
  const host = context.host;
  const headless = service.clusterIP === 'None' ? ' (headless)' : '';
  const ports = portLines(host, service);
  const index = host.analysis.index;
  const routes = routesToService(index, service).map((u) => `- ${objectRef(u.resource)} ${escapeText(u.detail)} (${where(host, u.resource.file, u.span)})`);
  const references = referencesToService(index, service).map((u) => `- ${objectRef(u.resource)} ${escapeText(u.detail)} (${where(host, u.resource.file, u.span)})`);
  const outside = service.type === 'LoadBalancer' || service.type === 'NodePort'
    ? exposureOfService(host.analysis.index, service)
        .filter((p) => p.hops[0]?.kind !== 'ingress-controller' && p.hops[0]?.kind !== 'gateway')
        .map((p) => {
          const verdict = exposureVerdictWords(exposureVerdict(context.reach(), p));
          return `- ${formatExposurePath(p)}${verdict ? `: ${verdict}` : ''}`;
        })
    : [];
  // The resolved picture first (where its ports land, who reaches it and from where), the general explanation of
  // its type and traffic policy after it.
  return sections(
    `**Service ${code(`${service.namespace}/${service.name}`)}** · ${service.type}${headless}`,
    ports.length ? `**Ports**\n${bounded(ports, 16).join('\n')}` : service.type === 'ExternalName' ? undefined : '**Ports**: none',
    outside.length ? `**From outside**\n${bounded(outside, 8).join('\n')}` : undefined,
    routes.length ? `**Routed to by**\n${bounded(routes, 10).join('\n')}` : undefined,
    references.length ? `**Named in configuration**\n${bounded(references, 8).join('\n')}` : undefined,
    typeExplanation(service),
    trafficPolicyExplanation(service),
  );
}
