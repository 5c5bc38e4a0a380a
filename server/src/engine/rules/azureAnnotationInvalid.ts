import {
  ACCESS_CONTROL_SOURCE,
  AZURE_PORT_ANNOTATION,
  AZURE_PORT_ANNOTATION_PARAMS,
  HEALTH_PROBE_SOURCE,
  azureServiceAnnotation,
  type AnnotationValueKind,
} from '../kb/azureServiceAnnotations';
import type { Service } from '../model/resources';
import { defineRule, type Severity } from './rule';
import { combinationProblems } from './shared/azureAnnotationCombinations';
import { parseCidrExact } from '../address/addressRange';
import { parseAddress } from '../address/ipAddress';
import { AZURE_INTERNAL_LB_ANNOTATION } from '../exposure/exposure';
import { loadBalancerAnnotationsOf } from './shared/loadBalancerAnnotations';

/** Values people write meaning "yes", which cloud-provider-azure reads as false. */
const TRUTHY = new Set(['yes', 'y', 'on', '1', 'enabled', 'enable', 'internal', 'private']);

/**
 * azure-annotation-invalid: an Azure load balancer annotation whose value cloud-provider-azure cannot use: a
 * boolean that is not "true"/"false" (read as false: for azure-load-balancer-internal that means a public IP), a
 * number out of range, an unknown probe protocol, a malformed IP, CIDR or subnet name, or a combination that does
 * not work (shared/azureAnnotationCombinations.ts: source ranges twice, probes that cannot apply or always fail,
 * public IP settings on an internal load balancer, Private Link Service prerequisites). Errors are the cases where
 * the load balancer is not created as written (reconcile fails, or the exposure is the opposite of the intent); the
 * rest are warnings. The same checks apply to an NginxIngressController's `spec.loadBalancerAnnotations`, which the
 * application routing add-on copies onto its controller's Service.
 */
export const azureAnnotationInvalid = defineRule({
  id: 'azure-annotation-invalid',
  defaultSeverity: 'error',
  title: 'An Azure load balancer annotation has a value cloud-provider-azure cannot use',
  sources: [HEALTH_PROBE_SOURCE, ACCESS_CONTROL_SOURCE, 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/', 'https://cloud-provider-azure.sigs.k8s.io/topics/pls-integration/'],
  doc: { appliesTo: 'Service, NginxIngressController (`spec.loadBalancerAnnotations`)' },
  appliesTo: ['Service', 'NginxIngressController'],
  check(resource, ctx): void {
    const view = loadBalancerAnnotationsOf(resource);
    if (!view) return;
    const service = view.service;
    for (const [key, value] of Object.entries(view.annotations)) {
      const span = view.valueSpans[key] ?? view.keySpans[key] ?? view.fallbackSpan;
      const known = azureServiceAnnotation(key);
      if (known) {
        if (known.removed || known.noEffectOnAks) continue; // azure-annotation-unknown reports them
        const problem = key === AZURE_INTERNAL_LB_ANNOTATION ? internalProblem(value) : valueProblem(known.value, value, service);
        if (problem) ctx.report({ span, severity: problem.severity, message: `\`${key}: "${value}"\`: ${problem.message}`, data: { key, value } });
        continue;
      }
      const perPort = AZURE_PORT_ANNOTATION.exec(key);
      if (!perPort) continue;
      const port = Number(perPort[1]);
      const param = AZURE_PORT_ANNOTATION_PARAMS.find((p) => p.param === perPort[2]);
      if (!param) continue; // azure-annotation-unknown reports it
      if (service && !service.ports.some((p) => p.port === port)) {
        const ports = service.ports.map((p) => p.port).join(', ') || 'none';
        ctx.report({
          span: view.keySpans[key] ?? span,
          severity: 'warning',
          message: `\`${key}\` names port ${port}, which Service \`${service.name}\` does not have (ports: ${ports}): it is ignored. {port} is the Service port, not the container port.`,
          data: { key, port },
        });
        continue;
      }
      const problem = valueProblem(param.value, value, service);
      if (problem) ctx.report({ span, severity: problem.severity, message: `\`${key}: "${value}"\`: ${problem.message}`, data: { key, value } });
    }
    for (const problem of combinationProblems(view, ctx.profile)) {
      ctx.report({ span: problem.span, severity: problem.severity, message: problem.message, data: { key: problem.key, source: problem.source } });
    }
  },
});

interface Problem {
  severity: Severity;
  message: string;
}

function internalProblem(value: string): Problem | undefined {
  const v = value.toLowerCase();
  if (v === 'true' || v === 'false') return undefined;
  if (TRUTHY.has(v.trim()) || v.trim() === 'true') {
    return { severity: 'error', message: 'only "true" makes the load balancer internal; this value reads as false, so the Service gets a PUBLIC IP. Write "true".' };
  }
  return { severity: 'warning', message: 'not "true" or "false"; it reads as false (public load balancer).' };
}

function valueProblem(kind: AnnotationValueKind, value: string, service: Service | undefined): Problem | undefined {
  const v = value.trim();
  switch (kind.kind) {
    case 'boolean':
      return v.toLowerCase() === 'true' || v.toLowerCase() === 'false' || value === '' ? undefined : { severity: 'warning', message: 'not "true" or "false"; cloud-provider-azure reads it as false.' };
    case 'integer': {
      if (!/^[+-]?\d+$/.test(v)) return { severity: 'error', message: `not a whole number${rangeText(kind)}; cloud-provider-azure fails to configure the load balancer.` };
      const n = Number(v);
      if ((kind.min !== undefined && n < kind.min) || (kind.max !== undefined && n > kind.max)) {
        return { severity: 'error', message: `${n} is out of range${rangeText(kind)}; cloud-provider-azure fails to configure the load balancer.` };
      }
      return undefined;
    }
    case 'enum':
      return kind.values.includes(v.toLowerCase()) ? undefined : { severity: 'error', message: `not one of ${kind.values.join(', ')}.` };
    case 'ipv4': {
      const family = parseAddress(v)?.family;
      return family === 4 ? undefined : { severity: 'error', message: family === 6 ? 'an IPv6 address; use azure-load-balancer-ipv6 for it.' : 'not an IPv4 address.' };
    }
    case 'ipv6': {
      const family = parseAddress(v)?.family;
      return family === 6 ? undefined : { severity: 'error', message: family === 4 ? 'an IPv4 address; use azure-load-balancer-ipv4 for it.' : 'not an IPv6 address.' };
    }
    case 'ipList': {
      const bad = v.split(kind.separator === ',' ? ',' : /\s+/).map((s) => s.trim()).filter((s) => s !== '' && !parseAddress(s));
      return bad.length ? { severity: 'error', message: `not an IP address: ${bad.join(', ')}${kind.separator === ' ' ? ' (the list is separated by spaces)' : ''}.` } : undefined;
    }
    case 'cidrList': {
      const bad = v.split(',').map((s) => s.trim()).filter((s) => !parseCidrExact(s));
      return bad.length
        ? { severity: 'error', message: `not a CIDR: ${bad.map((b) => `"${b}"`).join(', ')}; cloud-provider-azure then adds a deny-all rule, blocking every client.` }
        : undefined;
    }
    case 'subnetName':
      if (v.includes('/')) return { severity: 'error', message: 'a subnet NAME is expected (e.g. `apps-subnet`), not a CIDR or a resource ID.' };
      return /^[A-Za-z0-9]([A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$/.test(v) ? undefined : { severity: 'error', message: 'not a valid Azure subnet name (letters, digits, `.`, `_`, `-`; up to 80 characters).' };
    case 'dnsLabel':
      return v === '' || /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/.test(v)
        ? undefined
        : { severity: 'warning', message: 'Azure DNS labels are 3 to 63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.' };
    case 'keyValueList': {
      const bad = v.split(',').map((s) => s.trim()).filter((s) => s !== '' && !/^[^=\s]+=/.test(s));
      return bad.length ? { severity: 'warning', message: `expected key=value pairs separated by commas; not a pair: ${bad.join(', ')}.` } : undefined;
    }
    case 'resourceId':
      return /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+$/i.test(v)
        ? undefined
        : { severity: 'error', message: 'expected a full Azure resource ID: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/publicIPPrefixes/<name>.' };
    case 'requestPath':
      return v.startsWith('/') ? undefined : { severity: 'warning', message: 'a request path must start with `/`.' };
    case 'portRef':
      if (/^\d+$/.test(v)) return Number(v) >= 1 && Number(v) <= 65535 ? undefined : { severity: 'error', message: 'not a valid port number.' };
      if (!service) return undefined; // the generated Service's port names are not known here
      return service.ports.some((p) => p.name === v) ? undefined : { severity: 'error', message: `not a port number, nor the name of a port of Service \`${service.name}\`.` };
    case 'string':
      return undefined;
  }
}

function rangeText(kind: { min?: number; max?: number; unit?: string }): string {
  if (kind.min !== undefined && kind.max !== undefined) return ` from ${kind.min} to ${kind.max}${kind.unit ? ` ${kind.unit}` : ''}`;
  if (kind.min !== undefined) return ` (at least ${kind.min}${kind.unit ? ` ${kind.unit}` : ''})`;
  return '';
}
