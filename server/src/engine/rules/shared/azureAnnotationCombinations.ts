/**
 * Azure load balancer annotations that cloud-provider-azure reads but that do not work together, or that the rest of
 * the Service (or the cluster profile) makes ineffective. Each check cites where cloud-provider-azure decides it:
 *  - health probes (azure_loadbalancer_healthprobe.go): per port, the probe protocol is the port's
 *    `port_{p}_health-probe_protocol`, else the port's appProtocol, else `azure-load-balancer-health-probe-protocol`,
 *    else TCP; UDP and SCTP ports get no probe; with externalTrafficPolicy Local a port gets its own probe only when
 *    `port_{p}_health-probe_port` is set, otherwise kube-proxy's HTTP check on the health check node port is used
 *    (except with Private Link proxy protocol, PR #3931); interval x count must stay below 120 seconds; in the
 *    cluster's `Shared` probe mode Cluster-policy Services get no per-port probe at all;
 *  - source ranges (accesscontrol.go): spec.loadBalancerSourceRanges (or the `load-balancer-source-ranges`
 *    annotation) together with `azure-allowed-ip-ranges` is refused; the deny-all rule needs ranges to keep;
 *  - Private Link Service (pls-integration): public load balancers need floating IP off; auto-approval needs
 *    visibility `*`;
 *  - public IP annotations mean nothing on an internal load balancer.
 */
import {
  ACCESS_CONTROL_SOURCE,
  AZURE_SERVICE_ANNOTATIONS,
  DEFAULT_NUM_OF_PROBE,
  DEFAULT_PROBE_INTERVAL,
  HEALTH_PROBE_SOURCE,
  MAX_TOTAL_PROBE_SECONDS,
  PLS_PROXY_PROTOCOL_PROBE_SOURCE,
} from '../../kb/azureServiceAnnotations';
import { sensitivePort } from '../../kb/sensitivePorts';
import type { ServicePort } from '../../model/resources';
import type { ClusterProfile } from '../../profile/types';
import type { Span } from '../../syntax/tree';
import type { Severity } from '../rule';
import { ALLOWED_IP_RANGES_ANNOTATION, ALLOWED_SERVICE_TAGS_ANNOTATION, SOURCE_RANGES_ANNOTATION } from './loadBalancer';
import { isInternalLoadBalancer } from '../../exposure/exposure';
import { annotationTrue, type LoadBalancerAnnotations } from './loadBalancerAnnotations';

export interface CombinationProblem {
  key: string;
  span: Span;
  severity: Severity;
  message: string;
  source: string;
}

const A = 'service.beta.kubernetes.io/azure-';
const INTERNAL_SUBNET = `${A}load-balancer-internal-subnet`;
const PROBE_PROTOCOL = `${A}load-balancer-health-probe-protocol`;
const PROBE_INTERVAL = `${A}load-balancer-health-probe-interval`;
const PROBE_COUNT = `${A}load-balancer-health-probe-num-of-probe`;
const PROBE_PATH = `${A}load-balancer-health-probe-request-path`;
const DENY_ALL_EXCEPT = `${A}deny-all-except-load-balancer-source-ranges`;
const PLS_CREATE = `${A}pls-create`;
const PLS_AUTO_APPROVAL = `${A}pls-auto-approval`;
const PLS_VISIBILITY = `${A}pls-visibility`;
const PLS_PROXY_PROTOCOL = `${A}pls-proxy-protocol`;
const DISABLE_FLOATING_IP = `${A}disable-load-balancer-floating-ip`;
const LB_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/';
const PLS_DOC = 'https://cloud-provider-azure.sigs.k8s.io/topics/pls-integration/';
const PROBE_MODE_SOURCE = 'https://learn.microsoft.com/javascript/api/@azure/arm-containerservice/clusterserviceloadbalancerhealthprobemode';

const portKey = (port: number, param: string) => `service.beta.kubernetes.io/port_${port}_${param}`;

export function combinationProblems(view: LoadBalancerAnnotations, profile: ClusterProfile): CombinationProblem[] {
  const problems: CombinationProblem[] = [];
  const a = view.annotations;
  const keySpan = (key: string) => view.keySpans[key] ?? view.fallbackSpan;
  const add = (key: string, severity: Severity, message: string, source: string, span = keySpan(key)) => problems.push({ key, span, severity, message, source });
  const has = (key: string) => a[key] !== undefined && a[key]!.trim() !== '';
  const service = view.service;
  const internal = isInternalLoadBalancer(view);
  const local = service?.externalTrafficPolicy === 'Local';

  // Source ranges.
  const specRanges = (service?.loadBalancerSourceRanges.length ?? 0) > 0;
  const rangesSet = specRanges || has(SOURCE_RANGES_ANNOTATION);
  if (has(ALLOWED_IP_RANGES_ANNOTATION) && rangesSet) {
    const other = specRanges ? 'spec.loadBalancerSourceRanges' : `\`${SOURCE_RANGES_ANNOTATION}\``;
    add(ALLOWED_IP_RANGES_ANNOTATION, 'error', `\`azure-allowed-ip-ranges\` and ${other} are both set: cloud-provider-azure refuses the configuration, so neither the load balancer nor its security group rules are updated. Keep one of them.`, ACCESS_CONTROL_SOURCE);
  }
  if (has(ALLOWED_SERVICE_TAGS_ANNOTATION) && specRanges) {
    add(ALLOWED_SERVICE_TAGS_ANNOTATION, 'warning', '`azure-allowed-service-tags` has no effect while spec.loadBalancerSourceRanges is set: kube-proxy drops every source outside those ranges. Add the service tags\' CIDRs to loadBalancerSourceRanges instead.', LB_DOC);
  }
  if (annotationTrue(view, DENY_ALL_EXCEPT) && !rangesSet && !has(ALLOWED_IP_RANGES_ANNOTATION) && service) {
    add(DENY_ALL_EXCEPT, 'warning', '`azure-deny-all-except-load-balancer-source-ranges` adds its deny rule only when allowed ranges are given (spec.loadBalancerSourceRanges, `load-balancer-source-ranges` or `azure-allowed-ip-ranges`); here there are none, so it does nothing.', ACCESS_CONTROL_SOURCE);
  }

  // Internal versus public.
  if (has(INTERNAL_SUBNET) && !internal && (service ? service.type === 'LoadBalancer' : true)) {
    add(INTERNAL_SUBNET, 'warning', '`azure-load-balancer-internal-subnet` only applies to internal load balancers, and this one is public: add `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`.', LB_DOC);
  }
  if (internal) {
    for (const entry of AZURE_SERVICE_ANNOTATIONS.filter((e) => e.publicIpOnly && a[e.key] !== undefined)) {
      add(entry.key, 'warning', `\`${entry.key.slice('service.beta.kubernetes.io/'.length)}\` is about the Service's public IP, but the load balancer is internal (no public IP): it is ignored.`, entry.source);
    }
  }

  // Private Link Service.
  if (annotationTrue(view, PLS_CREATE)) {
    if (!internal && !annotationTrue(view, DISABLE_FLOATING_IP)) {
      add(PLS_CREATE, 'warning', 'a Private Link Service on a public load balancer only connects with floating IP turned off: make the load balancer internal (`azure-load-balancer-internal: "true"`) or set `azure-disable-load-balancer-floating-ip: "true"`.', PLS_DOC);
    }
    if (has(PLS_AUTO_APPROVAL) && (a[PLS_VISIBILITY] ?? '').trim() !== '*') {
      add(PLS_AUTO_APPROVAL, 'warning', '`azure-pls-auto-approval` only works when `azure-pls-visibility` is `*`: connections from these subscriptions still wait for approval.', PLS_DOC);
    }
    if (annotationTrue(view, PLS_PROXY_PROTOCOL) && local) {
      add(PLS_PROXY_PROTOCOL, 'info', 'with PROXY protocol on the Private Link Service every load balancer probe carries a PROXY header, so for externalTrafficPolicy Local cloud-provider-azure drops kube-proxy\'s health-check-node-port probe (the one that follows where pods run) and probes each port instead.', PLS_PROXY_PROTOCOL_PROBE_SOURCE);
    }
  }

  if (!service || service.type !== 'LoadBalancer') return problems;
  problems.push(...probeProblems(view, service.ports, profile, local));
  return problems;
}

/** Health probe annotations that do not apply, that the probe rejects, or that make the probe fail. */
function probeProblems(view: LoadBalancerAnnotations, ports: readonly ServicePort[], profile: ClusterProfile, local: boolean): CombinationProblem[] {
  const problems: CombinationProblem[] = [];
  const a = view.annotations;
  const keySpan = (key: string) => view.keySpans[key] ?? view.fallbackSpan;
  const valueSpan = (key: string) => view.valueSpans[key] ?? keySpan(key);
  const seen = new Set<string>();
  const add = (key: string, severity: Severity, message: string, source: string, span = keySpan(key)) => {
    if (seen.has(`${key}|${message}`)) return;
    seen.add(`${key}|${message}`);
    problems.push({ key, span, severity, message, source });
  };
  const serviceWideProbeKeys = [PROBE_PROTOCOL, PROBE_INTERVAL, PROBE_COUNT, PROBE_PATH].filter((k) => a[k] !== undefined);
  const perPortProbeKeys = Object.keys(a).filter((k) => /^service\.beta\.kubernetes\.io\/port_\d+_health-probe_/.test(k));
  const proxyProtocol = annotationTrue(view, PLS_PROXY_PROTOCOL) && annotationTrue(view, PLS_CREATE);

  // Shared probe mode: Cluster-policy Services get one shared probe of kube-proxy; probe annotations do not apply.
  if (!local && profile.clusterServiceLoadBalancerHealthProbeMode === 'Shared') {
    const mode = `the cluster's probe mode is \`Shared\`${profile.origins?.clusterServiceLoadBalancerHealthProbeMode ? ` (from ${profile.origins.clusterServiceLoadBalancerHealthProbeMode})` : ''}`;
    for (const key of [...serviceWideProbeKeys, ...perPortProbeKeys]) {
      add(key, 'info', `does not apply: ${mode}, so externalTrafficPolicy Cluster Services share one HTTP probe of kube-proxy on port 10256 (\`/healthz\`) and get no probe of their own.`, PROBE_MODE_SOURCE);
    }
    return problems;
  }

  // UDP and SCTP ports get no probe.
  for (const key of perPortProbeKeys) {
    const port = Number(/port_(\d+)_/.exec(key)![1]);
    const declared = ports.filter((p) => p.port === port);
    if (declared.length && declared.every((p) => p.protocol !== 'TCP')) {
      add(key, 'warning', `port ${port} is ${declared[0]!.protocol}: cloud-provider-azure creates no health probe for UDP and SCTP ports, so this annotation is ignored.`, HEALTH_PROBE_SOURCE);
    }
  }

  const tcpPorts = ports.filter((p) => p.protocol === 'TCP');
  for (const port of tcpPorts) {
    const own = (param: string) => a[portKey(port.port, param)];
    const ownProbePort = own('health-probe_port') !== undefined;
    // externalTrafficPolicy Local: kube-proxy's health check node port is probed instead, unless the port names its own.
    if (local && !ownProbePort && !proxyProtocol) {
      for (const key of [PROBE_PROTOCOL, PROBE_PATH, portKey(port.port, 'health-probe_protocol'), portKey(port.port, 'health-probe_request-path')].filter((k) => a[k] !== undefined)) {
        add(key, 'info', 'does not apply: with externalTrafficPolicy Local the load balancer probes kube-proxy\'s HTTP check (`/healthz`) on the health check node port, which follows where the pods run; set `port_{port}_health-probe_port` to probe a port of your own instead.', HEALTH_PROBE_SOURCE);
      }
    }
    // Interval x count below 120 seconds.
    const interval = integer(own('health-probe_interval')) ?? integer(a[PROBE_INTERVAL]) ?? DEFAULT_PROBE_INTERVAL;
    const count = integer(own('health-probe_num-of-probe')) ?? integer(a[PROBE_COUNT]) ?? DEFAULT_NUM_OF_PROBE;
    if (interval * count >= MAX_TOTAL_PROBE_SECONDS) {
      const key = [portKey(port.port, 'health-probe_interval'), PROBE_INTERVAL, portKey(port.port, 'health-probe_num-of-probe'), PROBE_COUNT].find((k) => a[k] !== undefined)!;
      add(key, 'error', `the probe of port ${port.port} would take ${interval} s x ${count} = ${interval * count} s; cloud-provider-azure requires less than ${MAX_TOTAL_PROBE_SECONDS} s and fails to configure the load balancer.`, HEALTH_PROBE_SOURCE, valueSpan(key));
    }
    // An HTTP probe of a port that does not speak HTTP.
    if (local && !proxyProtocol) continue;
    if (ownProbePort) continue;
    const perPortProtocol = own('health-probe_protocol');
    const protocol = (perPortProtocol ?? port.appProtocol ?? a[PROBE_PROTOCOL] ?? 'tcp').trim().toLowerCase();
    if (protocol !== 'http' && protocol !== 'https') continue;
    const known = sensitivePort(port.port) ?? (typeof port.targetPort === 'number' ? sensitivePort(port.targetPort) : undefined);
    if (!known || known.speaksHttp) continue;
    const from = perPortProtocol !== undefined ? portKey(port.port, 'health-probe_protocol') : port.appProtocol !== undefined ? undefined : PROBE_PROTOCOL;
    const why = from ? `\`${from.slice('service.beta.kubernetes.io/'.length)}\`` : `the port's \`appProtocol: ${port.appProtocol}\``;
    const message = `port ${port.port} (${known.service}) is probed over ${protocol.toUpperCase()} because of ${why}, but ${known.service} does not answer HTTP: every probe fails and the load balancer sends this port no traffic. Remove it or probe over TCP.`;
    if (from) add(from, 'warning', message, HEALTH_PROBE_SOURCE, valueSpan(from));
    else problems.push({ key: `appProtocol:${port.port}`, span: port.span, severity: 'warning', message, source: HEALTH_PROBE_SOURCE });
  }
  return problems;
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
