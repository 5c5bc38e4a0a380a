/**
 * ingress-nginx annotations (`nginx.ingress.kubernetes.io/*`) about routing: rewrites, redirects, backend protocol,
 * timeouts, buffering, canaries and session affinity. They also apply to the AKS application routing add-on,
 * whose managed controller is ingress-nginx. Security-related ones are in ingressNginxSecurity.ts.
 */
import { annotationTable, BOOLEAN_VALUES } from './define';
import { FIRST_RECORDED } from '../types';

export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';
export const NGINX_ANNOTATIONS_DOC = 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/';

export const nginx = annotationTable('ingress-nginx', NGINX_PREFIX, ['Ingress'], NGINX_ANNOTATIONS_DOC, FIRST_RECORDED);

const SECONDS = 'whole seconds, no unit (e.g. "120")';

export const INGRESS_NGINX_ROUTING_ANNOTATIONS = [
  nginx('rewrite-target', 'Path sent to the backend instead of the matched one. Use capture groups of a regular-expression path, e.g. path `/app(/|$)(.*)` with `rewrite-target: /$2` strips `/app`. Without it the backend gets the original path, a common cause of 404s from apps that expect `/`. Setting it on any Ingress of a host makes NGINX treat all that host\'s paths as case-insensitive regular expressions.', { valueHint: 'a path, may use $1, $2 ...', source: '#rewrite' }),
  nginx('app-root', 'Redirects requests for `/` to this path (e.g. `/app1`), for apps that do not serve the root.', { valueHint: 'a path', source: '#rewrite' }),
  nginx('use-regex', 'Treats the paths of this Ingress as regular expressions. Applies to **all** paths of the same host, across Ingresses, as case-insensitive regular expressions. With cookie affinity, also set `session-cookie-path`, since cookie paths cannot be regular expressions.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#use-regex' }),
  nginx('ssl-redirect', 'Whether HTTP requests are redirected (308) to HTTPS when the Ingress has a `tls` section. On by default; set `"false"` to serve plain HTTP as well.', { values: BOOLEAN_VALUES, defaultValue: 'true', source: '#server-side-https-enforcement-through-redirect' }),
  nginx('force-ssl-redirect', 'Redirects HTTP to HTTPS even when the Ingress has no `tls` section, e.g. when TLS is terminated in front of the controller (a cloud load balancer or CDN).', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#server-side-https-enforcement-through-redirect' }),
  nginx('preserve-trailing-slash', 'Keeps a trailing `/` in the URI when redirecting to HTTPS.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#server-side-https-enforcement-through-redirect' }),
  nginx('backend-protocol', 'Protocol NGINX uses to talk to the pods. Defaults to HTTP: a backend that only speaks TLS needs `HTTPS`, a gRPC one `GRPC` (or `GRPCS` over TLS), otherwise requests fail with 502.', { values: ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'AJP', 'FCGI'], defaultValue: 'HTTP', source: '#backend-protocol' }),
  nginx('proxy-body-size', 'Largest request body accepted (NGINX client_max_body_size); larger uploads get 413. Size with unit, e.g. `8m`; `0` removes the limit. The controller-wide default is set in its ConfigMap (1m unless changed).', { valueHint: 'size such as 8m', source: '#custom-max-body-size' }),
  nginx('client-body-buffer-size', 'Memory buffer for reading a request body; bodies larger than it are written to a temporary file. In NGINX size units (`1k`, `1m`).', { valueHint: 'size such as 16k', source: '#client-body-buffer-size' }),
  nginx('proxy-connect-timeout', 'Seconds NGINX waits to open a connection to a pod.', { valueHint: SECONDS, source: '#custom-timeouts' }),
  nginx('proxy-send-timeout', 'Seconds NGINX waits between two writes of the request to the pod before giving up.', { valueHint: SECONDS, source: '#custom-timeouts' }),
  nginx('proxy-read-timeout', 'Seconds NGINX waits between two reads from the pod before failing the request with 504. Raise it for slow responses, long polling or WebSockets that stay silent.', { valueHint: SECONDS, source: '#custom-timeouts' }),
  nginx('proxy-next-upstream', 'Conditions (NGINX proxy_next_upstream values such as `error timeout http_502`) under which a failed request is tried on another pod.', { valueHint: 'space-separated conditions', source: '#custom-timeouts' }),
  nginx('proxy-next-upstream-timeout', 'Seconds a request may spend being passed to further pods after failures; 0 means no limit.', { valueHint: SECONDS, source: '#custom-timeouts' }),
  nginx('proxy-next-upstream-tries', 'How many pods a failed request may be tried on; 0 means no limit.', { valueHint: 'a number', source: '#custom-timeouts' }),
  nginx('proxy-request-buffering', 'Whether NGINX reads the whole request body before sending it to the pod (`on`) or streams it (`off`).', { values: ['on', 'off'], source: '#custom-timeouts' }),
  nginx('proxy-buffering', 'Whether responses from the pod are buffered by NGINX. Off by default; `on` is needed for `limit-rate`.', { values: ['on', 'off'], defaultValue: 'off', source: '#proxy-buffering' }),
  nginx('proxy-buffer-size', 'Buffer for the first part of the response (its headers). Backends sending large headers or cookies need more, or NGINX answers 502 ("upstream sent too big header").', { valueHint: 'size such as 8k', defaultValue: '4k', source: '#proxy-buffer-size' }),
  nginx('proxy-buffers-number', 'Number of response buffers per connection.', { valueHint: 'a number', defaultValue: '4', source: '#proxy-buffers-number' }),
  nginx('proxy-http-version', 'HTTP version NGINX uses towards the pods.', { values: ['1.0', '1.1'], defaultValue: '1.1', source: '#proxy-http-version' }),
  nginx('upstream-vhost', 'Host header sent to the pods instead of the request\'s host, for backends (or external services) that expect their own name.', { valueHint: 'a host name', source: '#custom-nginx-upstream-vhost' }),
  nginx('x-forwarded-prefix', 'Adds an `X-Forwarded-Prefix` header with this value, telling the backend which path prefix it is served under.', { valueHint: 'a path', source: '#x-forwarded-prefix-header' }),
  nginx('service-upstream', 'Sends traffic to the Service\'s cluster IP instead of straight to the pod IPs. Sticky sessions and retries on another pod then no longer work, since NGINX sees one upstream.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#service-upstream' }),
  nginx('upstream-hash-by', 'Consistent hashing key (NGINX variables and text, e.g. `$request_uri`) that pins requests with the same key to the same pod.', { valueHint: 'NGINX variables, e.g. $request_uri', source: '#custom-nginx-upstream-hashing' }),
  nginx('load-balance', 'Load balancing algorithm for this Ingress, overriding the ConfigMap\'s `load-balance` (`round_robin` or `ewma`). `upstream-hash-by` takes precedence.', { values: ['round_robin', 'ewma'], source: '#custom-nginx-load-balancing' }),
  nginx('permanent-redirect', 'Answers every request with a 301 redirect to this URL instead of proxying.', { valueHint: 'a URL', source: '#permanent-redirect' }),
  nginx('permanent-redirect-code', 'Status code used by `permanent-redirect` (e.g. `308`).', { valueHint: 'a 3xx status code', defaultValue: '301', source: '#permanent-redirect-code' }),
  nginx('temporal-redirect', 'Answers every request with a 302 redirect to this URL instead of proxying.', { valueHint: 'a URL', source: '#temporal-redirect' }),
  nginx('from-to-www-redirect', 'Redirects `www.example.com` to `example.com` or the reverse. For HTTPS the certificate must cover both names; ignored if another Ingress defines the target host.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#redirect-fromto-www' }),
  nginx('server-alias', 'Extra host names (comma-separated) served with the same configuration as this Ingress\'s host. Ignored for a name another Ingress already uses as its host.', { valueHint: 'comma-separated host names', source: '#server-alias' }),
  nginx('custom-http-errors', 'Status codes (e.g. `"404,503"`) for which NGINX serves the default backend\'s error page instead of the pod\'s response.', { valueHint: 'comma-separated status codes', source: '#custom-http-errors' }),
  nginx('default-backend', 'Service (in the Ingress\'s namespace) that answers when the real backend has no ready endpoints, and serves `custom-http-errors`. Its first port is used.', { valueHint: 'a Service name', source: '#default-backend' }),
  nginx('canary', 'Marks this Ingress as a canary for another Ingress with the same host and path: some requests go to this Ingress\'s Service instead, chosen by header, cookie or weight (in that order of precedence). Most other annotations on a canary Ingress are ignored. At most one canary per rule.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#canary' }),
  nginx('canary-weight', 'Share of random requests sent to the canary, out of `canary-weight-total` (100 by default). `0` sends none.', { valueHint: 'a whole number from 0 to the weight total', source: '#canary' }),
  nginx('canary-weight-total', 'Total the canary weight is measured against.', { valueHint: 'a whole number', defaultValue: '100', source: '#canary' }),
  nginx('canary-by-header', 'Request header that forces routing: value `always` goes to the canary, `never` never does, anything else falls through to the other canary rules.', { valueHint: 'a header name', source: '#canary' }),
  nginx('canary-by-header-value', 'Header value (instead of `always`) that sends a request to the canary. Needs `canary-by-header`.', { valueHint: 'a header value', source: '#canary' }),
  nginx('canary-by-header-pattern', 'Like `canary-by-header-value` but a PCRE regular expression; ignored when `canary-by-header-value` is set.', { valueHint: 'a regular expression', source: '#canary' }),
  nginx('canary-by-cookie', 'Cookie that forces routing: value `always` goes to the canary, `never` never does.', { valueHint: 'a cookie name', source: '#canary' }),
  nginx('affinity', 'Sticky sessions: `cookie` makes NGINX set a cookie so a client keeps reaching the same pod. Only applies to paths of Ingresses that set it.', { values: ['cookie'], source: '#session-affinity' }),
  nginx('affinity-mode', '`balanced` (default) lets some sessions move when pods are added; `persistent` never moves them.', { values: ['balanced', 'persistent'], defaultValue: 'balanced', source: '#session-affinity' }),
  nginx('session-cookie-name', 'Name of the affinity cookie.', { valueHint: 'a cookie name', defaultValue: 'INGRESSCOOKIE', source: '#cookie-affinity' }),
  nginx('session-cookie-expires', 'Lifetime of the affinity cookie in seconds (Expires attribute). Without it and without `session-cookie-max-age` the cookie only lasts for the browser session.', { valueHint: 'seconds', source: 'https://kubernetes.github.io/ingress-nginx/examples/affinity/cookie/' }),
  nginx('session-cookie-max-age', 'Lifetime of the affinity cookie in seconds (Max-Age attribute).', { valueHint: 'seconds', source: 'https://kubernetes.github.io/ingress-nginx/examples/affinity/cookie/' }),
  nginx('session-cookie-path', 'Path attribute of the affinity cookie; required when paths are regular expressions (`use-regex`).', { valueHint: 'a path', source: '#cookie-affinity' }),
  nginx('session-cookie-samesite', 'SameSite attribute of the affinity cookie.', { values: ['None', 'Lax', 'Strict'], source: '#cookie-affinity' }),
  nginx('mirror-target', 'URL to which a copy of each request is sent; responses from it are ignored, but a slow mirror slows the original request.', { valueHint: 'a URL, may use $request_uri', source: '#mirror' }),
  nginx('enable-access-log', 'Whether requests to this Ingress are written to the access log (on by default).', { values: BOOLEAN_VALUES, defaultValue: 'true', source: '#enable-access-log' }),
  nginx('enable-rewrite-log', 'Logs rewrite decisions at notice level, to debug `rewrite-target`.', { values: BOOLEAN_VALUES, defaultValue: 'false', source: '#enable-rewrite-log' }),
  nginx('connection-proxy-header', 'Overrides the Connection header NGINX sends to the pods (e.g. `keep-alive`).', { valueHint: 'a header value', source: '#connection-proxy-header' }),
  nginx('proxy-cookie-path', 'Rewrites the path attribute of Set-Cookie headers from the pod (NGINX proxy_cookie_path).', { valueHint: 'from to', source: '#proxy-cookie-path' }),
];
