import type { Ingress, Service, Workload } from '../model/resources';
import { qualifiedName } from '../model/resources';
import { workloadsOfService } from '../model/serviceBackends';
import { defineRule, type RuleContext } from './rule';
import { ingressClassOf, nginxFamilyOf, type ResolvedIngressClass } from './shared/ingressClass';
import { byLocation } from './shared/order';

const PASSTHROUGH_ANNOTATION = 'nginx.ingress.kubernetes.io/ssl-passthrough';
/** Ingress annotations that only work with the client's address, which a passthrough Ingress never uses. */
const CLIENT_IP_ANNOTATIONS = ['whitelist-source-range', 'allowlist-source-range', 'denylist-source-range', 'limit-rps', 'limit-rpm', 'limit-connections'].map((s) => `nginx.ingress.kubernetes.io/${s}`);

const WHY =
  'TLS passthrough proxies the encrypted TCP stream, so the controller cannot add X-Forwarded-For and the backend sees the controller pod as the client; ' +
  'with `--enable-ssl-passthrough`, ingress-nginx also hands every TLS connection to NGINX over localhost, so NGINX logs and rules see 127.0.0.1 unless PROXY protocol is enabled.';

/**
 * source-ip-with-tls-passthrough: client source IP preservation (`externalTrafficPolicy: Local` on the ingress
 * controller's Service, or source-IP based annotations) combined with NGINX TLS passthrough. Reported on:
 *  - an Ingress with `ssl-passthrough: "true"` whose controller Service in the workspace has
 *    externalTrafficPolicy Local, or which itself uses client-IP annotations (ignored under passthrough);
 *  - a controller Service with externalTrafficPolicy Local whose pods run with `--enable-ssl-passthrough`.
 * Silent when the controller Service is not in the workspace and the Ingress does not make the combination explicit.
 */
export const sourceIpWithTlsPassthrough = defineRule({
  id: 'source-ip-with-tls-passthrough',
  defaultSeverity: 'warning',
  title: 'Client source IP preservation is combined with TLS passthrough',
  appliesTo: ['Ingress', 'Service'],
  check(resource, ctx): void {
    if (resource.kind === 'Service') checkService(resource, ctx);
    else checkIngress(resource, ctx);
  },
});

function checkIngress(ingress: Ingress, ctx: RuleContext): void {
  if ((ingress.annotations[PASSTHROUGH_ANNOTATION] ?? '').trim().toLowerCase() !== 'true') return;
  const resolved = ingressClassOf(ctx.index, ingress);
  if (resolved.known && !nginxFamilyOf(resolved)) return; // the annotation means nothing to other controllers
  const passthroughSpan = ingress.annotationSpans[PASSTHROUGH_ANNOTATION] ?? ingress.nameSpan;
  for (const key of CLIENT_IP_ANNOTATIONS) {
    if (ingress.annotations[key] === undefined) continue;
    ctx.report({
      span: ingress.annotationSpans[key] ?? passthroughSpan,
      message: `\`${key.slice(key.indexOf('/') + 1)}\` needs the client's IP, but Ingress \`${ingress.name}\` uses ssl-passthrough, which works at the TCP level and ignores the Ingress's other annotations: it is not enforced. ${WHY}`,
      data: { key },
    });
  }
  const controllers = localControllerServices(ctx, resolved);
  if (controllers.length === 0) return;
  const service = controllers[0]!;
  ctx.report({
    span: passthroughSpan,
    message:
      `Ingress \`${ingress.name}\` asks for TLS passthrough while its controller Service \`${qualifiedName(service)}\` preserves the client source IP (externalTrafficPolicy: Local): the two do not combine. ${WHY} ` +
      'Terminate TLS at the controller if the backend needs the client IP, or accept that passthrough backends cannot see it.',
    related: [{ file: service.file, span: service.externalTrafficPolicySpan ?? service.nameSpan, message: `externalTrafficPolicy: Local on ${qualifiedName(service)}` }],
    data: { controllerService: qualifiedName(service) },
  });
}

function checkService(service: Service, ctx: RuleContext): void {
  if (service.externalTrafficPolicy !== 'Local' || (service.type !== 'LoadBalancer' && service.type !== 'NodePort')) return;
  const passthrough = byLocation(workloadsOfService(ctx.index, service)).find((w) => hasFlag(w, '--enable-ssl-passthrough'));
  if (!passthrough) return;
  ctx.report({
    span: service.externalTrafficPolicySpan ?? service.nameSpan,
    message:
      `Service \`${service.name}\` preserves the client source IP (externalTrafficPolicy: Local), but the ingress controller behind it (${passthrough.kind} \`${passthrough.name}\`) runs with --enable-ssl-passthrough: ${WHY} ` +
      'Enable `use-proxy-protocol` end to end, or drop passthrough if client IPs matter.',
    data: { workload: passthrough.name },
  });
}

/** Services with externalTrafficPolicy Local that expose a controller serving this class. */
function localControllerServices(ctx: RuleContext, resolved: ResolvedIngressClass): Service[] {
  return byLocation(ctx.index.ofKind('Service')).filter(
    (s) =>
      s.externalTrafficPolicy === 'Local' &&
      (s.type === 'LoadBalancer' || s.type === 'NodePort') &&
      workloadsOfService(ctx.index, s).some((w) => servesClass(w, resolved)),
  );
}

function servesClass(workload: Workload, resolved: ResolvedIngressClass): boolean {
  const args = workload.containers.flatMap((c) => c.args ?? []);
  const ingressClass = flagValue(args, '--ingress-class');
  const controllerClass = flagValue(args, '--controller-class');
  if (ingressClass !== undefined || controllerClass !== undefined) {
    return (resolved.name !== undefined && ingressClass === resolved.name) || (resolved.controller !== undefined && controllerClass === resolved.controller);
  }
  // The ingress-nginx chart's defaults: class `nginx`, controller `k8s.io/ingress-nginx`, pods labelled ingress-nginx.
  return workload.podLabels['app.kubernetes.io/name'] === 'ingress-nginx' && (resolved.name === 'nginx' || resolved.controller === 'k8s.io/ingress-nginx');
}

function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag && i + 1 < args.length) return args[i + 1];
  }
  return undefined;
}

function hasFlag(workload: Workload, flag: string): boolean {
  return workload.containers.some((c) => (c.args ?? []).some((a) => a === flag || a === `${flag}=true`));
}
