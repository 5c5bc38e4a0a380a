import { referenceAllowed, resolveServiceBackend } from '../exposure/backends';
import type { AnyResource, Gateway, Ingress, Protocol, Route, Workload } from '../model/resources';
import { evaluateDirection } from '../netpol/evaluate';
import type { NetpolModel } from '../netpol/model';
import { ingressFromPartlyKnownPods } from '../netpol/partlyKnownSource';
import type { PodClass } from '../netpol/podClasses';
import { connectionsContain } from '../netpol/portSet';
import type { Span } from '../syntax/tree';
import type { Rule, RuleContext, Severity } from './rule';
import { controllerOfGateway, controllerOfIngress, type ControllerSource } from './shared/ingressControllerSource';
import { gatewaysNamed, isCoreKind, isGatewayApi, isGatewayParent, ROUTE_KINDS, routeBackendRefs } from './shared/gatewayApi';
import { ingressServiceBackends } from './shared/ingressBackends';
import { joinAnd, policyNames, qualified, rulesNetpolModel } from './shared/netpolScope';

interface Backend {
  span: Span;
  /** `Ingress \`shop\` routes shop.contoso.com/ to Service \`web\``. */
  what: string;
  namespace: string;
  service: string;
  port: number | string | undefined;
  protocol: Protocol;
}

type Verdict = 'allowed' | 'denied' | 'unknown';

/**
 * netpol-blocks-ingress-controller: an Ingress or a route sends traffic (through a Service) to pods whose ingress
 * policies admit nothing from the controller serving it, on the pod port the Service targets: every request through
 * that path fails (502/504 from the proxy). Reported on the backend, per selected workload.
 *
 * The controller's source comes from the cluster profile, else from what AKS documents for the class
 * (rules/shared/ingressControllerSource.ts). In-cluster controllers are pods of a namespace whose labels depend on
 * the installation: a connection counts as blocked only when no labelling that the destination's policies ask for
 * would admit it (netpol/partlyKnownSource.ts). Azure-hosted proxies (Application Gateway for Containers, AGIC)
 * connect from their subnet: with the subnet in the profile it is judged exactly; without it the rule says it cannot
 * judge (info), unless the pods admit no address outside the cluster at all on that port (then nothing could work).
 *
 * Severity: error; warning when the controller's namespace is only a convention (community ingress-nginx, the
 * Istio add-on's ingress gateway for Ingress class `istio`) and the profile does not state it.
 */
export const netpolBlocksIngressController: Rule = {
  id: 'netpol-blocks-ingress-controller',
  defaultSeverity: 'error',
  title: 'NetworkPolicies block the ingress controller from the pods an Ingress or route sends traffic to',
  appliesTo: ['Ingress', ...ROUTE_KINDS],
  check(resource: AnyResource, ctx: RuleContext): void {
    if (ctx.profile.networkPolicyEngine === 'none') return;
    if (resource.kind === 'Ingress') {
      const ingress = resource as Ingress;
      const controller = controllerOfIngress(ctx.index, ctx.profile, ingress);
      if (!controller) return;
      const backends: Backend[] = ingressServiceBackends(ingress).map(({ ref, where }) => ({
        span: ref.serviceSpan,
        what: `Ingress \`${ingress.name}\` routes ${where} to Service \`${ref.service}\``,
        namespace: ingress.namespace,
        service: ref.service,
        port: ref.port,
        protocol: 'TCP',
      }));
      checkBackends(ctx, controller, backends);
      return;
    }
    const route = resource as Route;
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
    const seen = new Set<string>();
    for (const gateway of gateways) {
      const controller = controllerOfGateway(ctx.index, ctx.profile, gateway);
      if (!controller) continue;
      const key = JSON.stringify(controller);
      if (seen.has(key)) continue;
      seen.add(key);
      checkBackends(ctx, controller, backends);
    }
  },
};

function checkBackends(ctx: RuleContext, controller: ControllerSource, backends: readonly Backend[]): void {
  const model = rulesNetpolModel(ctx.index);
  for (const backend of backends) {
    const resolution = resolveServiceBackend(ctx.index, backend.namespace, backend.service, backend.port);
    // Per workload definition: the pod ports that are blocked, and the pods' class.
    const blocked = new Map<Workload, { pods: PodClass; ports: Map<string, { port: number; protocol: Protocol }>; verdict: Verdict }>();
    for (const { servicePort, targets } of resolution.ports) {
      if (servicePort.protocol !== backend.protocol) continue;
      for (const target of targets) {
        if (target.port === undefined) continue;
        const pods = model.classOf(target.workload);
        if (!pods || pods.hostNetwork) continue;
        const verdict = judge(model, controller, pods, backend.protocol, target.port);
        if (verdict === 'allowed') continue;
        let entry = blocked.get(target.workload);
        if (!entry) blocked.set(target.workload, (entry = { pods, ports: new Map(), verdict }));
        if (verdict === 'denied') entry.verdict = 'denied';
        entry.ports.set(`${target.port}/${backend.protocol}`, { port: target.port, protocol: backend.protocol });
      }
    }
    for (const [workload, entry] of [...blocked].sort(([a], [b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      report(ctx, model, controller, backend, workload, entry.pods, [...entry.ports.values()].sort((a, b) => a.port - b.port), entry.verdict);
    }
  }
}

function judge(model: NetpolModel, controller: ControllerSource, pods: PodClass, protocol: Protocol, port: number): Verdict {
  switch (controller.kind) {
    case 'pods': {
      const ingress = ingressFromPartlyKnownPods(model, pods, controller.namespace, controller.labels);
      return connectionsContain(ingress.mayAllow, protocol, port) ? 'allowed' : 'denied';
    }
    case 'addresses': {
      const verdict = evaluateDirection(model, 'Ingress', { type: 'external', range: controller.range }, { type: 'pods', pods }, false);
      return connectionsContain(verdict.allowed, protocol, port) ? 'allowed' : 'denied';
    }
    case 'azure-unknown': {
      // The subnet is unknown: allowed if every address outside the cluster is, denied if none is, else unknown.
      const admitted = model.sourceAtoms.map(
        (range) => connectionsContain(evaluateDirection(model, 'Ingress', { type: 'external', range }, { type: 'pods', pods }, false).allowed, protocol, port),
      );
      if (admitted.every(Boolean)) return 'allowed';
      return admitted.some(Boolean) ? 'unknown' : 'denied';
    }
  }
}

function report(
  ctx: RuleContext,
  model: NetpolModel,
  controller: ControllerSource,
  backend: Backend,
  workload: Workload,
  pods: PodClass,
  ports: { port: number; protocol: Protocol }[],
  verdict: Verdict,
): void {
  const policies = model.policiesSelecting(pods, 'Ingress');
  const portText = joinAnd(ports.map((p) => `${p.port}/${p.protocol}`));
  const target = `${workload.kind} \`${workload.name}\``;
  const data: Record<string, unknown> = { workload: qualified(workload), namespace: workload.namespace, ports, class: controller.className };
  let severity: Severity = 'error';
  let message: string;
  if (controller.kind === 'pods') {
    data['controllerNamespace'] = controller.namespace;
    if (controller.origin === 'convention') severity = 'warning';
    const where =
      `in namespace \`${controller.namespace}\`` +
      (controller.origin === 'convention'
        ? ' (its usual one; set ingressControllers in the cluster profile if it runs elsewhere)'
        : controller.origin === 'profile'
          ? ' (from the cluster profile)'
          : '');
    message =
      `${backend.what}, but the ingress policies of its pods (${target}: ${policyNames(policies)}) admit nothing from ${controller.product} ` +
      `${where} on ${portText}: requests on this path fail (502/504). Allow ingress from namespaceSelector kubernetes.io/metadata.name=${controller.namespace} on ${portText}`;
  } else if (controller.kind === 'addresses') {
    data['controllerCidr'] = controller.cidr;
    message =
      `${backend.what}, but the ingress policies of its pods (${target}: ${policyNames(policies)}) admit nothing from ${controller.product}'s subnet ` +
      `${controller.cidr} (from the cluster profile) on ${portText}: requests on this path fail. Allow an ipBlock for ${controller.cidr} on ${portText}`;
  } else if (verdict === 'denied') {
    message =
      `${backend.what}, but the ingress policies of its pods (${target}: ${policyNames(policies)}) admit no address outside the cluster on ${portText}, ` +
      `and ${controller.product} connects from its subnet in the VNet: requests on this path fail. Allow an ipBlock for that subnet on ${portText}`;
  } else {
    severity = 'info';
    message =
      `${backend.what}; the ingress policies of its pods (${target}: ${policyNames(policies)}) admit only some addresses outside the cluster on ${portText}, ` +
      `and ${controller.product} connects from its subnet, which the workspace does not say: cannot judge whether it gets through. ` +
      `State it in the cluster profile (ingressControllers: [{class: ${controller.className}, subnetCidr: ...}])`;
  }
  ctx.report({
    span: backend.span,
    severity,
    message,
    related: policies.map((p) => ({ file: p.policy.file, span: p.policy.nameSpan, message: `NetworkPolicy ${p.name} isolates ${workload.name} for ingress` })),
    data,
  });
}
