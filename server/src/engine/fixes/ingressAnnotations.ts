/**
 * How Ingress annotations carry over to Gateway API. The migration translates the ones with a standard Gateway API
 * equivalent (migrateIngress.ts); for every other one this table says why it does not translate and what to do
 * instead. Nothing is dropped silently: every annotation of a migrated Ingress ends up translated or listed.
 *
 * Sources (read, then written in our own words): the Gateway API HTTPRoute reference (filters RequestRedirect,
 * URLRewrite, RequestHeaderModifier; rule timeouts), ingress2gateway's ingress-nginx provider (canary
 * conversions), and the AKS application routing Gateway API docs (listener `tls.options` for Key Vault).
 */
export const NGINX = 'nginx.ingress.kubernetes.io/';

/** ingress-nginx annotations the migration translates (when their value is one it understands). */
export const TRANSLATABLE_NGINX: ReadonlySet<string> = new Set([
  'rewrite-target',
  'use-regex',
  'ssl-redirect',
  'force-ssl-redirect',
  'permanent-redirect',
  'permanent-redirect-code',
  'temporal-redirect',
  'temporal-redirect-code',
  'app-root',
  'upstream-vhost',
  'x-forwarded-prefix',
  'server-alias',
  'canary',
  'canary-weight',
  'canary-weight-total',
  'canary-by-header',
  'canary-by-header-value',
]);

const TIMEOUTS = 'Gateway API has per-rule `timeouts` (request, backendRequest) for whole requests, not NGINX\'s per-connect/read/send timeouts; set HTTPRoute `timeouts` by hand if that fits';
const CORS = 'CORS is not in Gateway API\'s standard channel (only an experimental HTTPRoute filter); configure it in the application or the implementation';
const AUTH = 'authentication is implementation-specific in Gateway API (on Istio-based classes: RequestAuthentication/AuthorizationPolicy)';
const SOURCE_RANGES = 'Gateway API has no standard client-IP filtering: restrict sources with a NetworkPolicy, the load balancer (loadBalancerSourceRanges, NSG) or the implementation\'s policy';
const AFFINITY = 'session persistence is not in Gateway API\'s standard channel (experimental sessionPersistence / BackendLBPolicy)';
const LIMITS = 'rate and connection limits are implementation-specific in Gateway API';
const SNIPPETS = 'raw NGINX configuration has no equivalent outside NGINX';
const BUFFERING = 'request/response buffering and body sizes have no Gateway API field; set them in the implementation\'s configuration';

/** Why an ingress-nginx annotation does not translate, by name (without the prefix). */
const NGINX_REASONS: Readonly<Record<string, string>> = {
  'backend-protocol': 'declare the backend protocol on the Service port instead (`appProtocol: kubernetes.io/h2c`, `https`, `grpc`), or with a BackendTLSPolicy for TLS to the pods',
  'proxy-body-size': BUFFERING,
  'client-body-buffer-size': BUFFERING,
  'proxy-buffering': BUFFERING,
  'proxy-buffer-size': BUFFERING,
  'proxy-buffers-number': BUFFERING,
  'proxy-request-buffering': BUFFERING,
  'proxy-connect-timeout': TIMEOUTS,
  'proxy-send-timeout': TIMEOUTS,
  'proxy-read-timeout': TIMEOUTS,
  'proxy-next-upstream': 'retries are experimental in Gateway API (HTTPRoute `retry`, GEP-1731)',
  'proxy-next-upstream-timeout': 'retries are experimental in Gateway API (HTTPRoute `retry`, GEP-1731)',
  'proxy-next-upstream-tries': 'retries are experimental in Gateway API (HTTPRoute `retry`, GEP-1731)',
  'proxy-http-version': 'the upstream HTTP version follows the Service port\'s appProtocol in Gateway API',
  'service-upstream': 'Gateway API implementations choose whether to send to the ClusterIP or to endpoints',
  'upstream-hash-by': 'consistent hashing is implementation-specific',
  'load-balance': 'the load-balancing algorithm is implementation-specific',
  'preserve-trailing-slash': 'a RequestRedirect keeps the path as is; nothing to set',
  'from-to-www-redirect': 'add a route for the other host with a RequestRedirect filter (`hostname`) by hand',
  'custom-http-errors': 'custom error pages are implementation-specific',
  'default-backend': 'name the fallback Service in a rule without matches instead',
  'canary-by-cookie': 'cookie-based canaries have no standard match (headers only: match the Cookie header with a regular expression, implementation-specific)',
  'canary-by-header-pattern': 'regular-expression header matches are implementation-specific',
  affinity: AFFINITY,
  'affinity-mode': AFFINITY,
  'session-cookie-name': AFFINITY,
  'session-cookie-expires': AFFINITY,
  'session-cookie-max-age': AFFINITY,
  'session-cookie-path': AFFINITY,
  'session-cookie-samesite': AFFINITY,
  'mirror-target': 'RequestMirror mirrors to a Service backendRef, not to a URL: add the filter by hand with the mirror Service',
  'enable-access-log': 'access logging is configured on the implementation',
  'enable-rewrite-log': 'NGINX-only debugging',
  'connection-proxy-header': 'hop-by-hop headers are handled by the implementation',
  'proxy-cookie-path': 'cookie rewriting is implementation-specific',
  'allowlist-source-range': SOURCE_RANGES,
  'whitelist-source-range': SOURCE_RANGES,
  'denylist-source-range': SOURCE_RANGES,
  'limit-rps': LIMITS,
  'limit-rpm': LIMITS,
  'limit-connections': LIMITS,
  'limit-burst-multiplier': LIMITS,
  'limit-rate': LIMITS,
  'limit-rate-after': LIMITS,
  'enable-cors': CORS,
  'cors-allow-origin': CORS,
  'cors-allow-methods': CORS,
  'cors-allow-headers': CORS,
  'cors-expose-headers': CORS,
  'cors-allow-credentials': CORS,
  'cors-max-age': CORS,
  'auth-type': AUTH,
  'auth-secret': AUTH,
  'auth-secret-type': AUTH,
  'auth-realm': AUTH,
  'auth-url': AUTH,
  'auth-signin': AUTH,
  'auth-response-headers': AUTH,
  'auth-method': AUTH,
  'auth-snippet': AUTH,
  'enable-global-auth': AUTH,
  'auth-tls-secret': 'client certificate validation is a Gateway `tls.frontendValidation` setting (experimental) or implementation-specific',
  'auth-tls-verify-client': 'client certificate validation is a Gateway `tls.frontendValidation` setting (experimental) or implementation-specific',
  'auth-tls-verify-depth': 'client certificate validation is a Gateway `tls.frontendValidation` setting (experimental) or implementation-specific',
  'auth-tls-pass-certificate-to-upstream': 'client certificate forwarding is implementation-specific',
  'auth-tls-error-page': 'client certificate validation is implementation-specific',
  'ssl-passthrough': 'TLS passthrough needs a TLS listener (`tls.mode: Passthrough`) and a TLSRoute, which are experimental (and not supported by approuting-istio)',
  'ssl-ciphers': 'TLS cipher settings are implementation-specific (listener `tls.options`)',
  'ssl-prefer-server-ciphers': 'TLS cipher settings are implementation-specific (listener `tls.options`)',
  'proxy-ssl-secret': 'TLS to the pods is a BackendTLSPolicy',
  'proxy-ssl-verify': 'TLS to the pods is a BackendTLSPolicy',
  'proxy-ssl-verify-depth': 'TLS to the pods is a BackendTLSPolicy',
  'proxy-ssl-name': 'TLS to the pods is a BackendTLSPolicy (validation.hostname)',
  'proxy-ssl-server-name': 'TLS to the pods is a BackendTLSPolicy',
  'proxy-ssl-protocols': 'TLS to the pods is a BackendTLSPolicy',
  'configuration-snippet': SNIPPETS,
  'server-snippet': SNIPPETS,
  'stream-snippet': SNIPPETS,
  'satisfy': AUTH,
  'enable-modsecurity': 'a web application firewall is not part of Gateway API (Azure: Application Gateway WAF / Front Door)',
};

/** Why an annotation (any prefix) does not translate. */
export function untranslatedReason(key: string): string {
  if (key.startsWith(NGINX)) return NGINX_REASONS[key.slice(NGINX.length)] ?? 'no standard Gateway API equivalent';
  if (key === 'kubectl.kubernetes.io/last-applied-configuration') return 'kubectl bookkeeping, not configuration; `kubectl apply` writes a new one';
  if (key.startsWith('alb.networking.azure.io/')) return 'an Application Gateway for Containers Ingress setting; on Gateway API use its Gateway annotations and policies';
  if (key.startsWith('appgw.ingress.kubernetes.io/')) return 'an AGIC setting; AGIC does not implement Gateway API (Application Gateway for Containers does)';
  if (key.startsWith('kubernetes.azure.com/')) return 'an application routing Ingress setting without a Gateway API counterpart for this class';
  if (key.startsWith('netlens.io/')) return 'a Netlens annotation for the Ingress itself';
  return 'an annotation of another tool or controller: check whether it applies to Gateway API objects';
}

/**
 * Annotations that protect the backends: authentication, client certificates, address allow- and deny-lists, rate
 * limits, a web application firewall. Left behind by a migration, the new route serves without that protection, so
 * the migration refuses such an Ingress unless forced (migrateIngress.ts).
 */
const SECURITY_NGINX = /^(auth-|enable-global-auth$|satisfy$|(allow|white|deny)list-source-range$|limit-|enable-modsecurity$|modsecurity-|enable-owasp-core-rules$)/;
const SECURITY_OTHER: ReadonlySet<string> = new Set(['appgw.ingress.kubernetes.io/waf-policy-for-path']);

export function isSecurityAnnotation(key: string): boolean {
  return (key.startsWith(NGINX) && SECURITY_NGINX.test(key.slice(NGINX.length))) || SECURITY_OTHER.has(key);
}
