import { INGRESS_KEYVAULT_SOURCE, KEYVAULT_SERVICE_ACCOUNT_KEY, KEYVAULT_TLS, KEYVAULT_URI_KEY, parseKeyVaultUri } from '../kb/keyVaultTls';
import type { Gateway, Ingress, NginxIngressController } from '../model/resources';
import type { Span } from '../syntax/tree';
import { defineRule, type RuleContext } from './rule';
import { isGatewayApi } from './shared/gatewayApi';
import { ingressClassOf } from './shared/ingressClass';

/**
 * keyvault-tls-misconfigured: a TLS certificate the AKS application routing add-on should fetch from Azure Key Vault,
 * written so that the add-on does not (or not as intended):
 *  - Ingress annotation `kubernetes.azure.com/tls-cert-keyvault-uri`: the class must be served by the add-on, and
 *    `spec.tls[].secretName` must be `keyvault-<ingress name>`, the Secret the add-on writes;
 *  - Gateway listener `tls.options`: only Gateways of class `approuting-istio` or `istio` are served, and the
 *    `kubernetes.azure.com/tls-cert-service-account` option must name the ServiceAccount to read the vault with;
 *  - NginxIngressController `spec.defaultSSLCertificate.keyVaultURI`;
 *  - everywhere: the value must be a Key Vault certificate URI, preferably without a version (a pinned version is not
 *    rotated).
 */
export const keyvaultTlsMisconfigured = defineRule({
  id: 'keyvault-tls-misconfigured',
  defaultSeverity: 'warning',
  title: 'A Key Vault TLS certificate for the application routing add-on is set up so the add-on cannot use it',
  sources: [KEYVAULT_TLS.source, INGRESS_KEYVAULT_SOURCE, 'https://learn.microsoft.com/azure/aks/app-routing-nginx-configuration'],
  appliesTo: ['Ingress', 'Gateway', 'NginxIngressController'],
  check(resource, ctx): void {
    if (resource.kind === 'Ingress') checkIngress(resource, ctx);
    else if (resource.kind === 'Gateway') checkGateway(resource, ctx);
    else if (resource.kind === 'NginxIngressController') checkController(resource, ctx);
  },
});

function checkIngress(ingress: Ingress, ctx: RuleContext): void {
  const uri = ingress.annotations[KEYVAULT_URI_KEY];
  if (uri === undefined) return;
  const valueSpan = ingress.annotationValueSpans?.[KEYVAULT_URI_KEY] ?? ingress.annotationSpans[KEYVAULT_URI_KEY] ?? ingress.nameSpan;
  const keySpan = ingress.annotationSpans[KEYVAULT_URI_KEY] ?? ingress.nameSpan;
  reportUri(uri, valueSpan, `Ingress \`${ingress.name}\``, ctx);
  const resolved = ingressClassOf(ctx.index, ingress);
  if (resolved.name !== undefined && resolved.known && resolved.known.family !== 'aks-app-routing-nginx') {
    ctx.report({
      span: keySpan,
      message: `\`${KEYVAULT_URI_KEY}\` is only read by the application routing add-on, but Ingress \`${ingress.name}\` has class \`${resolved.name}\` (${resolved.known.product}): no certificate is fetched. Use an add-on class (\`webapprouting.kubernetes.azure.com\` or one an NginxIngressController declares), or provide the TLS Secret another way.`,
      data: { problem: 'class', ingressClass: resolved.name },
    });
  }
  const expected = `${KEYVAULT_TLS.ingressSecretPrefix}${ingress.name}`;
  if (ingress.tls.length === 0) {
    ctx.report({
      span: keySpan,
      message: `Ingress \`${ingress.name}\` has a Key Vault certificate but no spec.tls: the add-on writes it into Secret \`${expected}\`, which nothing uses. Add a tls entry with the hosts and \`secretName: ${expected}\`.`,
      data: { problem: 'no-tls', secretName: expected },
    });
    return;
  }
  for (const tls of ingress.tls) {
    if (tls.secretName === undefined || tls.secretName === expected) continue;
    ctx.report({
      span: tls.secretNameSpan ?? tls.span,
      message: `the application routing add-on writes the Key Vault certificate of Ingress \`${ingress.name}\` into Secret \`${expected}\`, but this tls entry uses \`${tls.secretName}\`: NGINX serves that Secret (or its default certificate) instead. Write \`secretName: ${expected}\`.`,
      data: { problem: 'secret-name', secretName: expected, found: tls.secretName },
    });
  }
}

function checkGateway(gateway: Gateway, ctx: RuleContext): void {
  if (!isGatewayApi(gateway)) return;
  for (const listener of gateway.listeners) {
    const options = listener.tlsOptions;
    if (!options) continue;
    const uri = options[KEYVAULT_URI_KEY];
    const account = options[KEYVAULT_SERVICE_ACCOUNT_KEY];
    if (uri === undefined && account === undefined) continue;
    const spanOf = (key: string): Span => listener.tlsOptionValueSpans?.[key] ?? listener.span;
    const where = `listener \`${listener.name}\` of Gateway \`${gateway.name}\``;
    const className = gateway.gatewayClassName;
    if (className !== undefined && !KEYVAULT_TLS.gatewayClasses.includes(className)) {
      ctx.report({
        span: spanOf(uri !== undefined ? KEYVAULT_URI_KEY : KEYVAULT_SERVICE_ACCOUNT_KEY),
        message: `the Key Vault \`tls.options\` of ${where} are only read by the application routing add-on for GatewayClasses ${KEYVAULT_TLS.gatewayClasses.map((c) => `\`${c}\``).join(' and ')}; this Gateway has class \`${className}\`, so no certificate is fetched.`,
        data: { problem: 'class', gatewayClass: className },
      });
      continue;
    }
    if (uri === undefined) {
      ctx.report({
        span: spanOf(KEYVAULT_SERVICE_ACCOUNT_KEY),
        message: `${where} names a ServiceAccount for Key Vault but no \`${KEYVAULT_URI_KEY}\`: there is no certificate to fetch.`,
        data: { problem: 'no-uri' },
      });
      continue;
    }
    reportUri(uri, spanOf(KEYVAULT_URI_KEY), where, ctx);
    if (account === undefined || account.trim() === '') {
      ctx.report({
        span: spanOf(KEYVAULT_URI_KEY),
        message: `${where} has a Key Vault certificate but no \`${KEYVAULT_SERVICE_ACCOUNT_KEY}\`: the add-on reads the vault with that ServiceAccount's workload identity, so without it the certificate is not fetched and the listener has no certificate.`,
        data: { problem: 'no-service-account' },
      });
      continue;
    }
    // The ServiceAccount lives in the Gateway's namespace; only say it is missing when the workspace declares some there.
    const accounts = ctx.index.ofKindIn('ServiceAccount', gateway.namespace);
    if (accounts.length > 0 && ctx.index.lookup('ServiceAccount', gateway.namespace, account.trim()).length === 0) {
      ctx.report({
        span: spanOf(KEYVAULT_SERVICE_ACCOUNT_KEY),
        severity: 'info',
        message: `ServiceAccount \`${account.trim()}\` (the Key Vault identity of ${where}) is not declared in namespace \`${gateway.namespace}\`, where other ServiceAccounts are: the add-on cannot read the certificate until it exists, with workload identity set up.`,
        data: { problem: 'service-account-missing', serviceAccount: account.trim() },
      });
    }
  }
}

function checkController(controller: NginxIngressController, ctx: RuleContext): void {
  const uri = controller.defaultSslKeyVaultUri;
  if (uri) reportUri(uri.value, uri.span, `NginxIngressController \`${controller.name}\``, ctx);
}

/** The URI must be a Key Vault object URI; a version pins the certificate (no rotation). */
function reportUri(uri: string, span: Span, where: string, ctx: RuleContext): void {
  const parsed = parseKeyVaultUri(uri);
  if (!parsed) {
    ctx.report({
      span,
      message: `the Key Vault certificate of ${where} is not a Key Vault certificate URI (\`https://<vault>.vault.azure.net/certificates/<name>\`): the add-on cannot fetch it.`,
      data: { problem: 'uri' },
    });
    return;
  }
  if (parsed.version) {
    ctx.report({
      span,
      severity: 'info',
      message: `the Key Vault certificate of ${where} names version \`${parsed.version}\`: renewed certificates are not picked up. Drop the version to follow the latest one.`,
      data: { problem: 'version' },
    });
  }
}
