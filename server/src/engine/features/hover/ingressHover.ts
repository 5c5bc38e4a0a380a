/**
 * Hovers on an Ingress: what L7 routing means, which controller serves the class on AKS (and what that implies),
 * the route table resolved to pods, and where each TLS certificate comes from.
 */
import { resolveServiceBackend, type BackendResolution } from '../../exposure/backends';
import { ingressControllerOf, type IngressControllerInfo } from '../../exposure/controllers';
import type { Ingress, IngressBackend, IngressTLS } from '../../model/resources';
import { closestName } from '../../util/closestName';
import { bounded, code, escapeText, where, type FeatureHost } from '../host';
import { fieldDocMarkdown } from '../kbDocs';
import { onIdentity, sections, type HoverContext } from './context';
import { joinLanding, landingLines } from './serviceText';

export const KEY_VAULT_ANNOTATION = 'kubernetes.azure.com/tls-cert-keyvault-uri';

const L7 =
  '**L7** routing: the controller terminates the client connection (and TLS), picks a backend by host and path, and opens a new connection to a pod. ' +
  'Pods see the controller as the source; the client IP travels in `X-Forwarded-For`.';

export function ingressHover(context: HoverContext): string | undefined {
  const ingress = context.resource as Ingress;
  const { path, host } = context;
  if (onIdentity(path) || (path[0] === 'spec' && (path.length === 1 || path[1] === 'ingressClassName' || (path[1] === 'rules' && (path.length <= 3 || path[3] === 'host'))))) {
    return ingressSummary(host, ingress);
  }
  if (path[0] === 'spec' && path[1] === 'tls') {
    const entry = typeof path[2] === 'number' ? ingress.tls.find((t) => t.span.start <= context.node.start && context.node.end <= t.span.end) : undefined;
    const controller = ingressControllerOf(host.analysis.index, ingress);
    const lines = (entry ? [entry] : ingress.tls).map((t) => `- ${tlsLine(host, ingress, t, controller)}`);
    return sections(path.length > 3 ? fieldDocMarkdown('Ingress', path, context.value) : undefined, lines.length ? `**TLS**\n${lines.join('\n')}` : undefined);
  }
  if (path.includes('backend') || path[1] === 'defaultBackend') {
    const backend = backendAt(ingress, context.node.start, context.node.end);
    const doc = fieldDocMarkdown('Ingress', path, context.value);
    if (!backend?.service) return doc;
    return sections(doc, `**Backend**\n${backendLines(host, ingress, backend).join('\n')}`);
  }
  return undefined;
}

function backendAt(ingress: Ingress, start: number, end: number): IngressBackend | undefined {
  const backends = [...(ingress.defaultBackend ? [ingress.defaultBackend] : []), ...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend))];
  return backends.find((b) => b.span.start <= start && end <= b.span.end);
}

function ingressSummary(host: FeatureHost, ingress: Ingress): string | undefined {
  const controller = ingressControllerOf(host.analysis.index, ingress);
  const className = controller.className ? ` · class ${code(controller.className)}` : '';
  const routes: string[] = [];
  if (ingress.defaultBackend?.service) routes.push(`- default backend ${backendLines(host, ingress, ingress.defaultBackend).join(' ')}`);
  for (const rule of ingress.rules) {
    for (const path of rule.paths) {
      const match = `${code(rule.host ?? '*')} ${code(path.path ?? '/')}${path.pathType ? ` (${escapeText(path.pathType)})` : ''}`;
      const lines = path.backend.service ? backendLines(host, ingress, path.backend) : [`→ ${path.backend.resource ? `resource ${escapeText(path.backend.resource.kind)} ${code(path.backend.resource.name)}` : 'no backend'}`];
      if (lines.length === 1) routes.push(`- ${match} ${lines[0]}`);
      else routes.push(`- ${match}`, ...lines.map((l) => `  - ${l}`));
    }
  }
  const tls = ingress.tls.map((t) => `- ${tlsLine(host, ingress, t, controller)}`);
  const pathTypes = [...new Set(ingress.rules.flatMap((r) => r.paths.flatMap((p) => (p.pathType ? [p.pathType] : []))))];
  // The resolved picture first (routes to pods, certificates, the controller), the general L7 explanation after it.
  return sections(
    `**Ingress ${code(`${ingress.namespace}/${ingress.name}`)}**${className}`,
    routes.length ? `**Routes**\n${bounded(routes, 20).join('\n')}` : '**Routes**: none',
    tls.length ? `**TLS**\n${tls.join('\n')}` : 'No `tls` section: the controller serves these hosts over plain HTTP (and its default certificate, if any, on 443).',
    controllerText(host, controller),
    L7,
    pathTypes.length ? pathTypes.map((t) => `_${pathTypeText(t)}_`).join('  \n') : undefined,
  );
}

function pathTypeText(pathType: string): string {
  switch (pathType) {
    case 'Prefix':
      return 'Prefix: whole path segments, `/api` matches `/api` and `/api/x`, not `/apix`';
    case 'Exact':
      return 'Exact: this path only, case-sensitive';
    case 'ImplementationSpecific':
      return 'ImplementationSpecific: up to the controller; NGINX treats it as a prefix, or a regex with `use-regex`';
    default:
      return `${code(pathType)}: not a pathType the API accepts`;
  }
}

/** `→ Service \`web\`:80 → 8080 on 3 pods of Deployment \`shop/web\` (web.yaml:12)` */
export function backendLines(host: FeatureHost, ingress: Ingress, backend: IngressBackend): string[] {
  const ref = backend.service!;
  const resolved = resolveServiceBackend(host.analysis.index, ingress.namespace, ref.service, ref.port);
  const head = `→ Service ${code(ref.service)}:${ref.port === undefined ? '(no port)' : typeof ref.port === 'number' ? ref.port : code(ref.port)}`;
  return resolutionLines(host, ingress.namespace, ref.service, ref.port, resolved, head);
}

export function resolutionLines(host: FeatureHost, namespace: string, name: string, port: number | string | undefined, resolved: BackendResolution, head: string): string[] {
  if (resolved.services.length === 0) {
    const suggestion = closestName(name, host.analysis.index.ofKindIn('Service', namespace).map((s) => s.name));
    return [`${head}: **no Service ${code(name)} in ${code(namespace)}**${suggestion ? ` (did you mean ${code(suggestion)}?)` : ''}`];
  }
  if (resolved.portMissing) {
    const service = resolved.services[0]!;
    const available = service.ports.map((p) => (p.name ? `${p.port} (${code(p.name)})` : `${p.port}`)).join(', ') || 'none';
    return [`${head}: **the Service has no port ${typeof port === 'number' ? port : code(String(port))}** (ports: ${available}; ${where(host, service.file, service.nameSpan)})`];
  }
  const lines: string[] = [];
  for (const target of resolved.ports) {
    const portText = target.servicePort.targetPort === target.servicePort.port ? '' : ` → targetPort ${typeof target.servicePort.targetPort === 'number' ? target.servicePort.targetPort : code(target.servicePort.targetPort)}`;
    for (const landing of landingLines(host, target)) lines.push(joinLanding(`${head}${portText}`, landing));
  }
  return lines.length ? lines : [`${head}: the Service has no ports`];
}

function controllerText(host: FeatureHost, controller: IngressControllerInfo): string {
  const declared = controller.classObjects[0];
  const classPlace = declared ? ` IngressClass ${code(declared.name)} is declared in ${where(host, declared.file, declared.nameSpan)}.` : '';
  const via = controller.classSource === 'annotation' ? ' (from the deprecated `kubernetes.io/ingress.class` annotation)' : controller.classSource === 'default-class' ? ' (the default IngressClass)' : '';
  switch (controller.family) {
    case 'aks-app-routing-nginx':
      return `**Controller**${via}: the AKS application routing add-on's managed NGINX, in-cluster in \`app-routing-system\` behind an Azure load balancer (public by default). ` +
        `Certificates can come from Azure Key Vault via the ${code(KEY_VAULT_ANNOTATION)} annotation.${classPlace}\n\n` +
        '**Out of support:** upstream ingress-nginx maintenance ended in March 2026 and Azure support for the managed NGINX ended after November 2026. ' +
        'The successor is Gateway API with GatewayClass `approuting-istio` (the add-on\'s Gateway API mode, generally available).';
    case 'ingress-nginx':
      return `**Controller**${via}: community ingress-nginx, in-cluster (usually namespace \`ingress-nginx\`) behind a LoadBalancer Service.${classPlace}\n\n` +
        '**Retired:** upstream maintenance ended in March 2026: no releases or security fixes. On AKS, move to Gateway API (GatewayClass `approuting-istio`).';
    case 'agc':
      return `**Controller**${via}: Application Gateway for Containers, an Azure-hosted L7 proxy outside the cluster, configured by the ALB Controller. ` +
        'Its frontends are public, or private through a private endpoint (private ingress, in preview; pick one with `alb.networking.azure.io/alb-frontend`). ' +
        `It connects to pod IPs directly from its association subnet, so NetworkPolicies must admit that subnet (ipBlock), not the ingress namespace.${classPlace}`;
    case 'agic':
      return `**Controller**${via}: Application Gateway Ingress Controller: an Azure Application Gateway in the VNet sends traffic straight to pod IPs; AGIC (in \`kube-system\`) programs it. ` +
        `Application Gateway for Containers is its successor.${classPlace}`;
    case 'istio':
      return `**Controller**${via}: upstream Istio's ingress gateway (Envoy pods, usually in \`istio-system\`). Istio recommends Gateway API (GatewayClass \`istio\`) over Ingress. ` +
        `The AKS Istio add-on is not this: its gateways (\`aks-istio-ingressgateway-external\`/\`-internal\` in \`aks-istio-ingress\`) serve Istio Gateway and VirtualService objects.${classPlace}`;
    case 'traefik':
      return `**Controller**${via}: Traefik, in the cluster.${classPlace}`;
    default:
      if (!controller.className) {
        return '**Controller**: no `ingressClassName`, no class annotation and no default IngressClass in the workspace: the cluster\'s default class serves it, if it has one; otherwise no controller picks it up.';
      }
      return `**Controller**: class ${code(controller.className)} is not one Netlens knows${declared?.controller ? ` (controller ${code(declared.controller)})` : ''}.${classPlace}` +
        (declared ? '' : ' No IngressClass of that name in the workspace: check the name against `kubectl get ingressclass`.');
  }
}

/** Where the certificate for one tls entry comes from. */
export function tlsLine(host: FeatureHost, ingress: Ingress, tls: IngressTLS, controller: IngressControllerInfo): string {
  const hosts = tls.hosts.length ? tls.hosts.map((h) => code(h.value)).join(', ') : 'all hosts';
  const keyVault = ingress.annotations[KEY_VAULT_ANNOTATION];
  const issuer = ingress.annotations['cert-manager.io/cluster-issuer'] ?? ingress.annotations['cert-manager.io/issuer'];
  const secret = tls.secretName;
  let source: string;
  if (keyVault && controller.family === 'aks-app-routing-nginx') {
    source = `Key Vault certificate ${code(keyVault)}, synced by the add-on into Secret ${code(secret ?? '(none)')}`;
  } else if (issuer) {
    const kind = ingress.annotations['cert-manager.io/cluster-issuer'] ? 'ClusterIssuer' : 'Issuer';
    source = `cert-manager (${kind} ${code(issuer)}) issues it into Secret ${code(secret ?? '(none)')}`;
  } else if (secret) {
    const found = host.analysis.index.lookup('Secret', ingress.namespace, secret)[0];
    source = found
      ? `Secret ${code(secret)} (${where(host, found.file, found.nameSpan)})${found.type && found.type !== 'kubernetes.io/tls' ? `, type ${code(found.type)}, not \`kubernetes.io/tls\`` : ''}`
      : `Secret ${code(secret)}: not in the workspace (created by hand, by a pipeline or by another tool; unknown source)`;
  } else {
    source = 'no `secretName`: the controller\'s default certificate';
  }
  if (keyVault && controller.family !== 'aks-app-routing-nginx') source += ` (the ${code(KEY_VAULT_ANNOTATION)} annotation is read only by application routing)`;
  return `${hosts}: ${source}`;
}

