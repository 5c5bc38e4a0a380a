/**
 * Host matching. Ingress and Gateway API differ on wildcards: in an Ingress `*.example.com` matches exactly one
 * label (`a.example.com`, not `a.b.example.com`); Gateway API changed its wildcards to suffix matching, so there
 * `*.example.com` also matches `a.b.example.com` (but never `example.com` itself).
 */

/** Ingress semantics: does `pattern` (a rule or TLS host, maybe `*.x`) cover `host`? */
export function ingressHostCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const suffix = p.slice(1);
  if (!h.endsWith(suffix)) return false;
  const head = h.slice(0, h.length - suffix.length);
  return head.length > 0 && !head.includes('.') && head !== '*';
}

/** Ingress: do two hosts (either may be a wildcard) serve at least one common name? */
export function ingressHostsOverlap(a: string, b: string): boolean {
  return ingressHostCovers(a, b) || ingressHostCovers(b, a);
}

/** Gateway API: does the wildcard or precise `pattern` match `host` (suffix semantics for wildcards)? */
function gatewayPatternMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** Gateway API hostname intersection between a listener hostname and a route hostname. */
export function gatewayHostnamesIntersect(listener: string, route: string): boolean {
  const l = listener.toLowerCase();
  const r = route.toLowerCase();
  return gatewayPatternMatches(l, r) || gatewayPatternMatches(r, l);
}
