import { defineRule } from './rule';
import { KEY_VAULT_CERT_OPTION, certificateProvidedByAnnotation, hasCertManagerCertificate } from './shared/certificates';
import { GATEWAY_GROUP, isCoreKind, isGatewayApi, workspaceCoversNamespace } from './shared/gatewayApi';
import { sortedNames } from './shared/order';

/**
 * gateway-tls-secret-missing: a listener's tls.certificateRefs names a Secret that does not exist, or a Secret in
 * another namespace without a ReferenceGrant allowing Gateways from this namespace. The listener cannot terminate
 * TLS (ResolvedRefs=False). Same care as for Ingress: only when the workspace declares Secrets in that namespace,
 * and never when the AKS Key Vault option (`tls.options` `kubernetes.azure.com/tls-cert-keyvault-uri`),
 * cert-manager annotations or a cert-manager Certificate provide it.
 */
export const gatewayTlsSecretMissing = defineRule({
  id: 'gateway-tls-secret-missing',
  defaultSeverity: 'warning',
  title: 'A Gateway listener certificateRef names a missing or unreachable Secret',
  appliesTo: ['Gateway'],
  check(gateway, ctx): void {
    if (!isGatewayApi(gateway) || certificateProvidedByAnnotation(gateway.annotations)) return;
    for (const listener of gateway.listeners) {
      if (listener.tlsMode === 'Passthrough' || listener.tlsOptions?.[KEY_VAULT_CERT_OPTION] !== undefined) continue;
      for (const ref of listener.certificateRefs) {
        if (!isCoreKind(ref, 'Secret') || !ref.name) continue;
        const namespace = ref.namespace ?? gateway.namespace;
        if (namespace !== gateway.namespace) {
          const grants = ctx.index.ofKindIn('ReferenceGrant', namespace);
          const allowed = grants.some(
            (g) =>
              g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === 'Gateway' && f.namespace === gateway.namespace) &&
              g.to.some((t) => (t.group === '' || t.group === 'core') && t.kind === 'Secret' && (t.name === undefined || t.name === ref.name)),
          );
          if (!allowed && (grants.length > 0 || ctx.index.ofKindIn('Secret', namespace).length > 0 || workspaceCoversNamespace(ctx.index, namespace))) {
            ctx.report({
              span: ref.span,
              message: `Listener \`${listener.name}\` of Gateway \`${gateway.name}\` uses Secret \`${namespace}/${ref.name}\` from another namespace, but no ReferenceGrant in \`${namespace}\` allows Gateways from \`${gateway.namespace}\`: the certificate is refused (RefNotPermitted).`,
              data: { secret: ref.name, namespace },
            });
            continue;
          }
        }
        const secrets = ctx.index.ofKindIn('Secret', namespace);
        if (secrets.length === 0 || ctx.index.lookup('Secret', namespace, ref.name).length > 0) continue;
        if (hasCertManagerCertificate(ctx.index, namespace)) return;
        ctx.report({
          span: ref.span,
          message:
            `Listener \`${listener.name}\` of Gateway \`${gateway.name}\` uses TLS Secret \`${ref.name}\`, which is not in namespace \`${namespace}\` (Secrets there: ${sortedNames(secrets).slice(0, 5).join(', ')}): ` +
            'the listener cannot serve TLS. Create the Secret, or let cert-manager or the AKS Key Vault option (`tls.options` `kubernetes.azure.com/tls-cert-keyvault-uri`) provide it.',
          data: { secret: ref.name, namespace },
        });
      }
    }
  },
});
