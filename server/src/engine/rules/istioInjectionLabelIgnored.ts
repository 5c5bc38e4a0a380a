import { ISTIO_ADDON_FACTS, ISTIO_REVISION_PATTERN } from '../kb/istioAddon';
import { isWorkload, WORKLOAD_KINDS } from '../model/resources';
import type { Span } from '../syntax/tree';
import { defineRule } from './rule';

const REVISION_LABEL = 'istio.io/rev';
const INJECTION_LABEL = 'istio-injection';
const INJECTION_FACT = ISTIO_ADDON_FACTS.find((f) => f.id === 'default-injection-ignored')!;

/**
 * istio-injection-label-ignored: sidecar injection labels the AKS Istio add-on does not act on. The add-on injects
 * only where `istio.io/rev` names an installed control plane revision (`asm-X-Y`); upstream's
 * `istio-injection: enabled` is not supported. Reported when the cluster profile says the add-on is on
 * (`istioRevisions`): `istio-injection: enabled` on a Namespace, and `istio.io/rev` values that are not installed
 * revisions (on Namespaces and pod templates). Without a profile, only an `asm` revision written in another form than
 * `asm-X-Y` is reported.
 */
export const istioInjectionLabelIgnored = defineRule({
  id: 'istio-injection-label-ignored',
  defaultSeverity: 'warning',
  title: 'A sidecar injection label the AKS Istio add-on does not act on',
  sources: [INJECTION_FACT.source],
  doc: { appliesTo: 'Namespace, workloads (pod template labels)' },
  appliesTo: ['Namespace', ...WORKLOAD_KINDS],
  check(resource, ctx): void {
    const revisions = ctx.profile.istioRevisions ?? [];
    const origin = ctx.profile.origins?.istioRevisions;
    const installed = `installed revisions: ${revisions.join(', ')}${origin ? `, from ${origin}` : ''}`;
    let labels: Record<string, string>;
    let span: Span;
    let what: string;
    if (resource.kind === 'Namespace') {
      labels = resource.labels;
      span = resource.nameSpan;
      what = `Namespace \`${resource.name}\``;
      if (revisions.length > 0 && (labels[INJECTION_LABEL] ?? '').trim() === 'enabled' && labels[REVISION_LABEL] === undefined) {
        ctx.report({
          span,
          message: `${what} is labelled \`${INJECTION_LABEL}: enabled\`, which the AKS Istio add-on does not support: its pods get no sidecar. Label it \`${REVISION_LABEL}: ${revisions[revisions.length - 1]}\` instead (${installed}).`,
          data: { label: INJECTION_LABEL, suggestion: revisions[revisions.length - 1] },
        });
      }
    } else if (isWorkload(resource)) {
      labels = resource.podLabels;
      span = resource.podLabelsSpan;
      what = `the pod template of ${resource.kind} \`${resource.name}\``;
    } else {
      return;
    }
    const revision = labels[REVISION_LABEL]?.trim();
    if (revision === undefined || revision === '') return;
    if (revisions.length > 0) {
      if (revisions.includes(revision)) return;
      ctx.report({
        span,
        message: `${what} asks for Istio revision \`${revision}\` (\`${REVISION_LABEL}\`), which is not installed on this cluster (${installed}): no sidecar is injected.`,
        data: { label: REVISION_LABEL, revision },
      });
      return;
    }
    const loose = /^asm[-._]?(\d+)[-._](\d+)$/i.exec(revision);
    if (loose && !ISTIO_REVISION_PATTERN.test(revision)) {
      const suggestion = `asm-${loose[1]}-${loose[2]}`;
      ctx.report({
        span,
        message: `${what} asks for Istio revision \`${revision}\`; the AKS Istio add-on names its revisions \`asm-X-Y\` (did you mean \`${suggestion}\`?): no revision matches, so no sidecar is injected.`,
        data: { label: REVISION_LABEL, revision, suggestion },
      });
    }
  },
});
