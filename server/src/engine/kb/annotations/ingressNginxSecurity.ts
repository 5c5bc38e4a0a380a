/**
 * ingress-nginx annotations about who may reach a backend and how: source ranges, rate limits, authentication,
 * CORS, TLS towards clients and backends, and the raw NGINX configuration snippets.
 */
import { BOOLEAN_VALUES } from './define';
import { nginx } from './ingressNginxRouting';

const NGINX_CODE = 'https://github.com/kubernetes/ingress-nginx/blob/main/internal/ingress/annotations';
const SNIPPET_RISK = 'https://github.com/kubernetes/ingress-nginx/issues/7837';
const APP_ROUTING_NGINX = 'https://github.com/Azure/aks-app-routing-operator/blob/main/pkg/manifests/nginx.go';
/** Why NGINX may see node addresses instead of clients (shared by the source-range and rate-limit docs). */
const CLIENT_IP_NOTE = 'NGINX judges the address the connection comes from (or X-Forwarded-For / PROXY protocol when the controller is configured to trust them): if the controller\'s LoadBalancer Service uses `externalTrafficPolicy: Cluster`, that is a node address, not the client\'s.';
const SNIPPET_NOTE = 'Snippets can read any Secret the controller can (CVE-2021-25742), so recent ingress-nginx releases reject them unless the administrator enables `allow-snippet-annotations` (and, from v1.12, raises `annotations-risk-level` to Critical).';
const APP_ROUTING_SNIPPETS = 'The AKS application routing add-on\'s managed NGINX, per its operator source, accepts snippets but refuses annotation values containing `location`, `root`, `proxy_pass`, `load_module`, `lua_package`, `_by_lua`, `serviceaccount`, braces or single quotes.';

export const INGRESS_NGINX_SECURITY_ANNOTATIONS = [
  nginx('allowlist-source-range', `Client CIDRs allowed to use this Ingress (comma-separated, e.g. \`10.0.0.0/24,172.10.0.1\`); others get 403. Overrides a controller-wide allowlist. ${CLIENT_IP_NOTE}`, { valueHint: 'comma-separated CIDRs', source: `${NGINX_CODE}/ipallowlist/main.go` }),
  nginx('whitelist-source-range', `Older name of \`allowlist-source-range\`, still accepted: client CIDRs allowed to use this Ingress. ${CLIENT_IP_NOTE}`, { valueHint: 'comma-separated CIDRs', source: '#whitelist-source-range' }),
  nginx('denylist-source-range', `Client CIDRs refused access to this Ingress (comma-separated). ${CLIENT_IP_NOTE}`, { valueHint: 'comma-separated CIDRs', source: `${NGINX_CODE}/ipdenylist/main.go` }),
  nginx('limit-rps', `Requests per second accepted from one client address, with bursts up to this times \`limit-burst-multiplier\` (5); excess requests get 503 by default. ${CLIENT_IP_NOTE}`, { valueHint: 'a whole number', source: '#rate-limiting' }),
  nginx('limit-rpm', `Requests per minute accepted from one client address, with the same burst rule as \`limit-rps\`. ${CLIENT_IP_NOTE}`, { valueHint: 'a whole number', source: '#rate-limiting' }),
  nginx('limit-connections', `Concurrent connections allowed from one client address; more get 503. ${CLIENT_IP_NOTE}`, { valueHint: 'a whole number', source: '#rate-limiting' }),
  nginx('limit-burst-multiplier', 'Burst size of `limit-rps` / `limit-rpm` as a multiple of the rate.', { valueHint: 'a whole number', defaultValue: '5', source: '#rate-limiting' }),
  nginx('limit-rate', 'Kilobytes per second sent to one connection (0 disables). Needs `proxy-buffering: "on"`.', { valueHint: 'kilobytes per second', source: '#rate-limiting' }),
  nginx('limit-rate-after', 'Kilobytes sent at full speed before `limit-rate` applies. Needs `proxy-buffering: "on"`.', { valueHint: 'kilobytes', source: '#rate-limiting' }),
  nginx('enable-cors', 'Answers cross-origin (CORS) preflight requests and adds CORS headers, configured by the `cors-*` annotations.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#enable-cors' }),
  nginx('cors-allow-origin', 'Origins allowed to call this Ingress from a browser, comma-separated `https://host[:port]` values, single-level wildcards such as `https://*.example.com` allowed. Defaults to `*` (any origin).', { valueHint: 'comma-separated origins', defaultValue: '*', source: '#enable-cors' }),
  nginx('cors-allow-methods', 'Methods allowed for cross-origin requests.', { valueHint: 'comma-separated methods', defaultValue: 'GET, PUT, POST, DELETE, PATCH, OPTIONS', source: '#enable-cors' }),
  nginx('cors-allow-headers', 'Request headers allowed in cross-origin requests (letters, digits, `_` and `-`).', { valueHint: 'comma-separated header names', source: '#enable-cors' }),
  nginx('cors-expose-headers', 'Response headers a browser script may read; empty by default.', { valueHint: 'comma-separated header names', source: '#enable-cors' }),
  nginx('cors-allow-credentials', 'Whether browsers may send cookies and credentials with cross-origin requests. On by default.', { values: BOOLEAN_VALUES, defaultValue: 'true', source: '#enable-cors' }),
  nginx('cors-max-age', 'Seconds a browser may cache a preflight answer.', { valueHint: 'seconds', defaultValue: '1728000', source: '#enable-cors' }),
  nginx('auth-type', 'HTTP authentication required for this Ingress, with users from `auth-secret`.', { values: ['basic', 'digest'], source: '#authentication' }),
  nginx('auth-secret', 'Secret holding the users and password hashes (an htpasswd file under the key `auth` by default). `name` is looked up in the Ingress\'s namespace; `namespace/name` elsewhere.', { valueHint: 'name or namespace/name', source: '#authentication' }),
  nginx('auth-secret-type', 'Layout of `auth-secret`: `auth-file` (htpasswd content under `auth`) or `auth-map` (one key per user, value the hash).', { values: ['auth-file', 'auth-map'], defaultValue: 'auth-file', source: '#authentication' }),
  nginx('auth-realm', 'Realm text shown in the browser\'s login prompt.', { valueHint: 'text', source: '#authentication' }),
  nginx('auth-url', 'External authentication: each request is first sent to this URL; a 2xx answer lets it through, 401/403 refuses it (e.g. oauth2-proxy).', { valueHint: 'a URL', source: '#external-authentication' }),
  nginx('auth-signin', 'Where unauthenticated users are redirected (the sign-in page) when `auth-url` refuses them.', { valueHint: 'a URL', source: '#external-authentication' }),
  nginx('auth-response-headers', 'Headers from the `auth-url` response copied onto the request sent to the backend (e.g. the user name).', { valueHint: 'comma-separated header names', source: '#external-authentication' }),
  nginx('auth-method', 'HTTP method used for the `auth-url` request.', { valueHint: 'an HTTP method', source: '#external-authentication' }),
  nginx('auth-snippet', `Raw NGINX configuration added to the external authentication location; ignored without \`auth-url\`. ${SNIPPET_NOTE}`, { valueHint: 'NGINX configuration', source: '#external-authentication' }),
  nginx('enable-global-auth', 'Whether the controller-wide external authentication (`global-auth-url` in the ConfigMap) applies to this Ingress. On by default.', { values: BOOLEAN_VALUES, defaultValue: 'true', source: '#external-authentication' }),
  nginx('auth-tls-secret', 'Client certificate authentication: `namespace/name` of a Secret whose `ca.crt` holds the CA chain client certificates must chain to. Applies per host, not per path.', { valueHint: 'namespace/name', source: '#client-certificate-authentication' }),
  nginx('auth-tls-verify-client', 'Whether client certificates are required and checked: `on` requires a valid one (400 otherwise), `optional` checks one if sent, `optional_no_ca` passes the result to the backend without failing, `off` does not ask.', { values: ['on', 'off', 'optional', 'optional_no_ca'], defaultValue: 'on', source: '#client-certificate-authentication' }),
  nginx('auth-tls-verify-depth', 'Maximum length of the client certificate chain.', { valueHint: 'a whole number', defaultValue: '1', source: '#client-certificate-authentication' }),
  nginx('auth-tls-pass-certificate-to-upstream', 'Passes the client certificate to the backend in the `ssl-client-cert` header.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#client-certificate-authentication' }),
  nginx('auth-tls-error-page', 'URL users are redirected to when client certificate authentication fails.', { valueHint: 'a URL', source: '#client-certificate-authentication' }),
  nginx('ssl-passthrough', 'Sends the TLS connection to the pods without decrypting it, routed by SNI; the pod presents its own certificate. Works only if the controller was started with `--enable-ssl-passthrough`, and being layer 4 it makes every other annotation on the Ingress ineffective. No HTTP-level features (paths, headers, X-Forwarded-For) apply.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#ssl-passthrough' }),
  nginx('ssl-ciphers', 'OpenSSL cipher list for TLS with clients on this host (applies to every path of the host).', { valueHint: 'an OpenSSL cipher string', source: '#ssl-ciphers' }),
  nginx('ssl-prefer-server-ciphers', 'Prefer the server\'s cipher order over the client\'s for this host.', { values: BOOLEAN_VALUES, source: '#ssl-ciphers' }),
  nginx('proxy-ssl-secret', 'Secret (`namespace/name`) with `tls.crt` and `tls.key` presented to HTTPS backends (mutual TLS) and `ca.crt` to verify them. Use with `backend-protocol: HTTPS`.', { valueHint: 'namespace/name', source: '#backend-certificate-authentication' }),
  nginx('proxy-ssl-verify', 'Whether NGINX verifies the certificate of an HTTPS backend against `ca.crt` of `proxy-ssl-secret`. Off by default: backend certificates are then accepted unchecked.', { values: ['on', 'off'], defaultValue: 'off', source: '#backend-certificate-authentication' }),
  nginx('proxy-ssl-verify-depth', 'Maximum length of the backend certificate chain.', { valueHint: 'a whole number', defaultValue: '1', source: '#backend-certificate-authentication' }),
  nginx('proxy-ssl-name', 'Name used to verify the backend certificate, also sent as SNI when `proxy-ssl-server-name` is on.', { valueHint: 'a host name', source: '#backend-certificate-authentication' }),
  nginx('proxy-ssl-server-name', 'Sends SNI when connecting to HTTPS backends.', { values: ['on', 'off'], source: '#backend-certificate-authentication' }),
  nginx('proxy-ssl-protocols', 'TLS versions allowed towards HTTPS backends (e.g. `TLSv1.2 TLSv1.3`).', { valueHint: 'space-separated TLS versions', source: '#backend-certificate-authentication' }),
  nginx('configuration-snippet', `Raw NGINX directives added to the location block of this Ingress's paths. ${SNIPPET_NOTE} ${APP_ROUTING_SNIPPETS}`, { valueHint: 'NGINX configuration', source: APP_ROUTING_NGINX }),
  nginx('server-snippet', `Raw NGINX directives added to the server block of the host; only one Ingress per host may set it. ${SNIPPET_NOTE} ${APP_ROUTING_SNIPPETS}`, { valueHint: 'NGINX configuration', source: '#server-snippet' }),
  nginx('stream-snippet', `Raw NGINX stream (TCP/UDP) configuration. ${SNIPPET_NOTE}`, { valueHint: 'NGINX configuration', source: SNIPPET_RISK }),
  nginx('satisfy', 'With several authentication methods: `all` (default) requires every one, `any` lets a request through when one succeeds.', { values: ['all', 'any'], defaultValue: 'all', source: '#satisfy' }),
  nginx('enable-modsecurity', 'Enables the ModSecurity web application firewall for this Ingress (detection only unless configured); ModSecurity must be enabled in the controller ConfigMap.', { values: BOOLEAN_VALUES, source: '#modsecurity' }),
];
