import { defineRule } from './rule';
import { certificateProvidedByAnnotation, hasCertManagerCertificate } from './shared/certificates';
import { sortedNames } from './shared/order';

/**
 * ingress-tls-secret-missing: spec.tls names a Secret that the Ingress's namespace does not have. Only said when the
 * workspace declares at least one Secret in that namespace (otherwise Secrets are evidently managed elsewhere), and
 * never when the AKS Key Vault annotation or cert-manager annotations will create it, or a cert-manager
 * Certificate lives in the namespace.
 */
export const ingressTlsSecretMissing = defineRule({
  id: 'ingress-tls-secret-missing',
  defaultSeverity: 'warning',
  title: 'An Ingress TLS Secret does not exist in its namespace',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    if (certificateProvidedByAnnotation(ingress.annotations)) return;
    const secrets = ctx.index.ofKindIn('Secret', ingress.namespace);
    if (secrets.length === 0) return;
    for (const tls of ingress.tls) {
      if (!tls.secretName || ctx.index.lookup('Secret', ingress.namespace, tls.secretName).length > 0) continue;
      if (hasCertManagerCertificate(ctx.index, ingress.namespace)) return;
      const names = sortedNames(secrets);
      ctx.report({
        span: tls.secretNameSpan ?? tls.span,
        message:
          `TLS Secret \`${tls.secretName}\` of Ingress \`${ingress.name}\` is not in namespace \`${ingress.namespace}\` (Secrets there: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}): ` +
          'the controller serves its default certificate instead. Create the Secret, or let cert-manager or the AKS Key Vault integration (`kubernetes.azure.com/tls-cert-keyvault-uri`) provide it.',
        data: { secret: tls.secretName },
      });
    }
  },
});
