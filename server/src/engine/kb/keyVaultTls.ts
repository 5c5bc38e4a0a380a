/**
 * Key Vault certificates for TLS through the application routing add-on: on Ingresses (an annotation), on Gateway
 * listeners (two `tls.options` keys, for GatewayClasses `approuting-istio` and `istio`) and as an
 * NginxIngressController's default certificate. What each needs and what the add-on creates, in our own words.
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export const KEYVAULT_URI_KEY = 'kubernetes.azure.com/tls-cert-keyvault-uri';
export const KEYVAULT_SERVICE_ACCOUNT_KEY = 'kubernetes.azure.com/tls-cert-service-account';

const GATEWAY_DNS_TLS = 'https://learn.microsoft.com/azure/aks/app-routing-gateway-api-dns-tls';
const INGRESS_DNS_SSL = 'https://learn.microsoft.com/azure/aks/app-routing-dns-ssl';

export interface GatewayTlsOption extends Sourced {
  key: string;
  doc: string;
  valueHint: string;
}

/** Listener `tls.options` keys the application routing operator reads on Gateways of its managed classes. */
export const GATEWAY_TLS_OPTIONS: readonly GatewayTlsOption[] = [
  {
    key: KEYVAULT_URI_KEY,
    doc: 'Key Vault certificate to terminate this listener\'s TLS with. The application routing operator creates a SecretProviderClass and a `kubernetes.io/tls` Secret named `kv-gw-cert-<gateway>-<listener>` in the Gateway\'s namespace and points the listener\'s `certificateRefs` at it. Use the URI without a version so rotations are picked up. Needs `kubernetes.azure.com/tls-cert-service-account` too, the application routing add-on itself, the Key Vault secrets provider add-on and workload identity; only Gateways of class `approuting-istio` or `istio` are served.',
    valueHint: 'https://<vault>.vault.azure.net/certificates/<name>',
    source: GATEWAY_DNS_TLS,
    checked: DECEMBER_2026_REVIEW,
  },
  {
    key: KEYVAULT_SERVICE_ACCOUNT_KEY,
    doc: 'A ServiceAccount in the Gateway\'s namespace, bound through Microsoft Entra Workload ID (annotation `azure.workload.identity/client-id`, label `azure.workload.identity/use: "true"`) to a managed identity with the `Key Vault Secrets User` role on the vault. The operator reads the certificate with it.',
    valueHint: 'a ServiceAccount name',
    source: GATEWAY_DNS_TLS,
    checked: DECEMBER_2026_REVIEW,
  },
];

export interface KeyVaultTlsFacts extends Sourced {
  /** GatewayClasses whose Gateways the operator serves. */
  gatewayClasses: readonly string[];
  /** Secret name the add-on syncs an Ingress's certificate into: `keyvault-<ingress name>`. */
  ingressSecretPrefix: string;
  /** Secret name made for a Gateway listener: `kv-gw-cert-<gateway>-<listener>`. */
  gatewaySecretPrefix: string;
}

export const KEYVAULT_TLS: KeyVaultTlsFacts = {
  gatewayClasses: ['approuting-istio', 'istio'],
  ingressSecretPrefix: 'keyvault-',
  gatewaySecretPrefix: 'kv-gw-cert-',
  source: GATEWAY_DNS_TLS,
  checked: DECEMBER_2026_REVIEW,
};

/** Where the Ingress side (the `keyvault-<ingress>` Secret name, versionless URIs) is documented. */
export const INGRESS_KEYVAULT_SOURCE = INGRESS_DNS_SSL;

/**
 * A Key Vault object URI: `https://<vault>.<vault domain>/<certificates|secrets>/<name>[/<version>]`. Returns the
 * parts, or undefined when the text is not such a URI.
 */
export function parseKeyVaultUri(uri: string): { vault: string; collection: string; name: string; version?: string } | undefined {
  const match = /^https:\/\/([a-z0-9-]+)\.vault\.[a-z0-9.-]+\/(certificates|secrets)\/([A-Za-z0-9-]+)(?:\/([A-Za-z0-9]+))?\/?$/i.exec(uri.trim());
  if (!match) return undefined;
  const out: { vault: string; collection: string; name: string; version?: string } = { vault: match[1]!, collection: match[2]!.toLowerCase(), name: match[3]! };
  if (match[4]) out.version = match[4];
  return out;
}
