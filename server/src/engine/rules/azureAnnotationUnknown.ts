import {
  AZURE_ANNOTATION_PREFIX,
  AZURE_PORT_ANNOTATION,
  AZURE_PORT_ANNOTATION_PARAMS,
  BASIC_LB_RETIREMENT_SOURCE,
  CURRENT_AZURE_ANNOTATION_KEYS,
  SHARED_RULE_REMOVAL,
  azureServiceAnnotation,
} from '../kb/azureServiceAnnotations';
import { closestName } from '../util/closestName';
import { defineRule } from './rule';
import { loadBalancerAnnotationsOf } from './shared/loadBalancerAnnotations';

/** Prefixes people write by mistake for `service.beta.kubernetes.io/azure-`. */
const MISTAKEN_PREFIXES = ['service.kubernetes.io/azure-', 'service.beta.kubernetes.io/azure_', 'service.beta.kubernetes.io/azure.', 'services.beta.kubernetes.io/azure-'];

/**
 * azure-annotation-unknown: a `service.beta.kubernetes.io/azure-*` key that cloud-provider-azure does not read (a
 * typo, or a removed key), a key it reads only outside AKS (`azure-load-balancer-mode`), an unknown
 * `port_{port}_...` parameter, or an Azure key with a mistaken prefix. The annotation is silently ignored, so the
 * load balancer is not configured as intended. Checked on Services and on an NginxIngressController's
 * `spec.loadBalancerAnnotations`.
 */
export const azureAnnotationUnknown = defineRule({
  id: 'azure-annotation-unknown',
  defaultSeverity: 'warning',
  title: 'An Azure load balancer annotation key that cloud-provider-azure does not read',
  sources: [SHARED_RULE_REMOVAL, 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/', BASIC_LB_RETIREMENT_SOURCE],
  doc: { appliesTo: 'Service, NginxIngressController (`spec.loadBalancerAnnotations`)' },
  appliesTo: ['Service', 'NginxIngressController'],
  check(resource, ctx): void {
    const view = loadBalancerAnnotationsOf(resource);
    if (!view) return;
    for (const key of Object.keys(view.annotations)) {
      const span = view.keySpans[key] ?? view.fallbackSpan;
      if (key.startsWith(AZURE_ANNOTATION_PREFIX)) {
        const known = azureServiceAnnotation(key);
        if (known?.removed) {
          ctx.report({ span, message: `\`${key}\` is no longer read by cloud-provider-azure: ${known.removed}.`, data: { key } });
          continue;
        }
        if (known?.noEffectOnAks) {
          ctx.report({ span, message: `\`${key}\` has no effect on AKS: ${known.noEffectOnAks}.`, data: { key } });
          continue;
        }
        if (known) continue;
        const suggestion = suggest(key);
        ctx.report({
          span,
          message: `\`${key}\` is not an annotation cloud-provider-azure reads; it is ignored` + (suggestion ? ` (did you mean \`${suggestion}\`?)` : '.'),
          data: { key, ...(suggestion ? { suggestion } : {}) },
        });
        continue;
      }
      const perPort = AZURE_PORT_ANNOTATION.exec(key);
      if (perPort) {
        const param = perPort[2]!;
        const params = AZURE_PORT_ANNOTATION_PARAMS.map((p) => p.param);
        if (params.includes(param)) continue;
        const close = closestName(param, params);
        ctx.report({
          span,
          message:
            `\`${key}\`: \`${param}\` is not a per-port parameter cloud-provider-azure reads (${params.join(', ')}); it is ignored` +
            (close ? ` (did you mean \`port_${perPort[1]}_${close}\`?)` : '.'),
          data: { key, ...(close ? { suggestion: `service.beta.kubernetes.io/port_${perPort[1]}_${close}` } : {}) },
        });
        continue;
      }
      const mistaken = MISTAKEN_PREFIXES.find((p) => key.startsWith(p));
      if (mistaken) {
        const corrected = `${AZURE_ANNOTATION_PREFIX}${key.slice(mistaken.length)}`;
        const target = azureServiceAnnotation(corrected) ? corrected : suggest(corrected);
        ctx.report({
          span,
          message: `\`${key}\` is not read by cloud-provider-azure: Azure load balancer annotations start with \`${AZURE_ANNOTATION_PREFIX}\`` + (target ? ` (did you mean \`${target}\`?)` : '.'),
          data: { key, ...(target ? { suggestion: target } : {}) },
        });
      }
    }
  },
});

/** Did-you-mean on the part after the prefix, so that the long shared prefix does not dilute the distance. */
function suggest(key: string): string | undefined {
  const suffix = key.slice(AZURE_ANNOTATION_PREFIX.length);
  const suffixes = CURRENT_AZURE_ANNOTATION_KEYS.map((k) => k.slice(AZURE_ANNOTATION_PREFIX.length));
  const close = closestName(suffix, suffixes);
  return close ? `${AZURE_ANNOTATION_PREFIX}${close}` : undefined;
}
