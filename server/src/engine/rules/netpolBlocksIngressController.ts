import { referenceAllowed, resolveServiceBackend } from '../exposure/backends';
import type { Gateway, Protocol, Workload } from '../model/resources';
import type { PodClass } from '../netpol/podClasses';
import { reachModelOf, type ReachModel } from '../reach/model';
import { workloadPeer, type ReachPeer } from '../reach/peers';
import type { IngressPath, PathSource } from '../reach/placement';
import { reachBetween, verdictOf, type Verdict } from '../reach/query';
import type { Span } from '../syntax/tree';
import { defineRule, type RuleContext, type Severity } from './rule';
import { gatewaysNamed, isCoreKind, isGatewayApi, isGatewayParent, ROUTE_KINDS, routeBackendRefs } from './shared/gatewayApi';
import { ingressServiceBackends } from './shared/ingressBackends';
import { joinAnd, policyNames, qualified } from './shared/netpolScope';

interface Backend {
  span: Span;
  /** `Ingress \`shop\` routes shop.contoso.com/ to Service \`web\``. */
  what: string;
  namespace: string;
  service: string;
  port: number | string | undefined;
  protocol: Protocol;
}


/**
 * netpol-blocks-ingress-controller: an Ingress or a route sends traffic (through a Service) to pods whose ingress
 * policies admit nothing from the controller serving it, on the pod port the Service targets: every request through
 * that path fails (502/504 from the proxy). Reported on the backend, per selected workload.
 *
 * The decision is the reachability model's (reach/): the controller placed where it runs (reach/placement.ts), its
 * pods' labels only as far as they are known, an Azure-hosted proxy (Application Gateway for Containers, AGIC) from
 * its subnet. A connection is reported when the model says DENIED. When it says UNKNOWN the rule speaks only where
 * the user can settle it: an Azure proxy whose subnet the profile does not state (info), or a controller whose
 * namespace is the user's choice and that would be denied in its usual one (a warning that says so).
 */
export const netpolBlocksIngressController = defineRule({
  id: 'netpol-blocks-ingress-controller',
  defaultSeverity: 'error',
  title: 'NetworkPolicies block the ingress controller from the pods an Ingress or route sends traffic to',
  appliesTo: ['Ingress', ...ROUTE_KINDS],
  check(resource, ctx): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    const model = reachModelOf(ctx.index, ctx.profile);
    if (resource.kind === 'Ingress') {
      const ingress = resource;
      const path = model.pathServing(ingress);
      const backends: Backend[] = ingressServiceBackends(ingress).map(({ ref, where }) => ({
        span: ref.serviceSpan,
        what: `Ingress \`${ingress.name}\` routes ${where} to Service \`${ref.service}\``,
        namespace: ingress.namespace,
        service: ref.service,
        port: ref.port,
        protocol: 'TCP',
      }));
      checkBackends(ctx, model, path, backends);
      return;
    }
    const route = resource;
    if (!isGatewayApi(route)) return;
    const backends: Backend[] = routeBackendRefs(route)
      // A cross-namespace backend without a ReferenceGrant carries no traffic (route-cross-namespace-without-referencegrant).
      .filter(({ ref, namespace }) => isCoreKind(ref, 'Service') && ref.name && referenceAllowed(ctx.index, route.kind, route.namespace, 'Service', namespace, ref.name))
      .map(({ ref, namespace }) => ({
        span: ref.nameSpan,
        what: `${route.kind} \`${route.name}\` routes to Service \`${ref.name}\`${namespace !== route.namespace ? ` in namespace \`${namespace}\`` : ''}`,
        namespace,
        service: ref.name,
        port: ref.port,
        protocol: route.kind === 'UDPRoute' ? 'UDP' : 'TCP',
      }));
    if (backends.length === 0) return;
    const gateways = new Set<Gateway>();
    for (const parent of route.parentRefs) {
      if (isGatewayParent(parent)) for (const gateway of gatewaysNamed(ctx.index, parent.namespace ?? route.namespace, parent.name)) gateways.add(gateway);
    }
    for (const gateway of gateways) {
      checkBackends(ctx, model, model.pathServing(gateway), backends);
    }
  },
});

function checkBackends(ctx: RuleContext, model: ReachModel, path: IngressPath, backends: readonly Backend[]): void {
  // A controller Netlens does not know at all: nothing to say (ingress-class-unknown speaks about the class).
  if (path.source.kind === 'unknown') return;
  const source: ReachPeer = { kind: 'ingress', paths: [path] };
  for (const backend of backends) {
    const resolution = resolveServiceBackend(ctx.index, backend.namespace, backend.service, backend.port);
    // Per workload definition: the pod ports the model does not admit, and the pods' class.
    const found = new Map<Workload, { pods: PodClass; ports: Map<string, { port: number; protocol: Protocol }>; verdict: Verdict }>();
    for (const { servicePort, targets } of resolution.ports) {
      if (servicePort.protocol !== backend.protocol) continue;
      for (const target of targets) {
        if (target.port === undefined) continue;
        const pods = model.classOf(target.workload);
        const peer = model.netpol.peerOfWorkload(target.workload);
        if (!pods || !peer) continue;
        const answer = reachBetween(model, source, workloadPeer(peer, [pods], target.workload), false);
        const verdict = verdictOf(answer, { protocol: backend.protocol, port: target.port });
        if (verdict === 'allowed') continue;
        let entry = found.get(target.workload);
        if (!entry) found.set(target.workload, (entry = { pods, ports: new Map(), verdict }));
        if (verdict === 'denied') entry.verdict = 'denied';
        entry.ports.set(`${target.port}/${backend.protocol}`, { port: target.port, protocol: backend.protocol });
      }
    }
    for (const [workload, entry] of [...found].sort(([a], [b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const ports = [...entry.ports.values()].sort((a, b) => a.port - b.port);
      if (entry.verdict === 'denied') report(ctx, model, path, backend, workload, entry.pods, ports, 'denied');
      else reportUnknown(ctx, model, path, backend, workload, entry.pods, ports);
    }
  }
}

/** UNKNOWN is reported only where the user can settle it (see the rule's comment). */
function reportUnknown(ctx: RuleContext, model: ReachModel, path: IngressPath, backend: Backend, workload: Workload, pods: PodClass, ports: { port: number; protocol: Protocol }[]): void {
  const source = path.source;
  if (source.kind === 'unknown-address') {
    report(ctx, model, path, backend, workload, pods, ports, 'unknown');
    return;
  }
  if (source.kind !== 'pods' || !source.partly?.namespaceUnknown || !source.usualNamespace) return;
  // Would it be denied where it usually runs? Then say so, conditionally.
  const usual: IngressPath = { ...path, source: { ...source, namespace: source.usualNamespace, partly: { ...source.partly, namespaceUnknown: false } } };
  const peer = model.netpol.peerOfWorkload(workload);
  if (!peer) return;
  const answer = reachBetween(model, { kind: 'ingress', paths: [usual] }, workloadPeer(peer, [pods], workload), false);
  if (ports.every((p) => verdictOf(answer, p) === 'denied')) report(ctx, model, path, backend, workload, pods, ports, 'denied-if-usual');
}

function report(
  ctx: RuleContext,
  model: ReachModel,
  path: IngressPath,
  backend: Backend,
  workload: Workload,
  pods: PodClass,
  ports: { port: number; protocol: Protocol }[],
  verdict: 'denied' | 'unknown' | 'denied-if-usual',
): void {
  const policies = model.netpol.policiesSelecting(pods, 'Ingress');
  const portText = joinAnd(ports.map((p) => `${p.port}/${p.protocol}`));
  const target = `${workload.kind} \`${workload.name}\``;
  const source: PathSource = path.source;
  const data: Record<string, unknown> = { workload: qualified(workload), namespace: workload.namespace, ports, class: path.className ?? null, path: path.id, verdict: verdict === 'denied' ? 'denied' : 'unknown' };
  const isolatedBy = policies.length ? `the ingress policies of its pods (${target}: ${policyNames(policies)})` : `its pods (${target})`;
  let severity: Severity = 'error';
  let message: string;
  if (source.kind === 'pods') {
    const namespace = verdict === 'denied-if-usual' ? source.usualNamespace! : source.namespace;
    data['controllerNamespace'] = namespace;
    if (verdict === 'denied-if-usual') {
      severity = 'warning';
      message =
        `${backend.what}, but if ${path.name} runs in its usual namespace \`${namespace}\`, ${isolatedBy} admit nothing from it on ${portText}: requests on this path fail (502/504). ` +
        `Allow ingress from namespaceSelector kubernetes.io/metadata.name=${namespace} on ${portText}, or state where it runs in the cluster profile (ingressControllers)`;
    } else {
      message =
        `${backend.what}, but ${isolatedBy} admit nothing from ${path.name} on ${portText}: requests on this path fail (502/504). ` +
        `Allow ingress from namespaceSelector kubernetes.io/metadata.name=${namespace}${Object.keys(source.labels).length && path.kind === 'gateway' ? ` with podSelector ${Object.entries(source.labels).map(([k, v]) => `${k}=${v}`).join(',')}` : ''} on ${portText}`;
    }
  } else if (source.kind === 'subnet') {
    data['controllerCidr'] = source.cidr;
    message =
      `${backend.what}, but ${isolatedBy} admit nothing from ${path.name} on ${portText}: requests on this path fail. ` +
      `Allow an ipBlock for ${source.cidr} on ${portText}`;
  } else if (verdict === 'denied') {
    message =
      `${backend.what}, but ${isolatedBy} admit no address outside the cluster on ${portText}, and ${path.name} connects from an address of its subnet: requests on this path fail. ` +
      `Allow an ipBlock for that subnet on ${portText}`;
  } else {
    severity = 'info';
    message =
      `${backend.what}; ${isolatedBy} admit only some addresses outside the cluster on ${portText}, and ${path.name} connects from an address of its subnet, which the workspace does not say: cannot judge whether it gets through. ` +
      `State it in the cluster profile (ingressControllers: [{class: ${path.className ?? '...'}, subnetCidr: ...}])`;
  }
  ctx.report({
    span: backend.span,
    severity,
    message,
    related: policies.map((p) => ({ file: p.policy.file, span: p.policy.nameSpan, message: `NetworkPolicy ${p.name} isolates ${workload.name} for ingress` })),
    data,
  });
}
