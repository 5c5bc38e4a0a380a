import { defineRule } from './rule';
import { ingressClassOf, nginxFamilyOf } from './shared/ingressClass';

const SNIPPET_ANNOTATIONS = ['configuration-snippet', 'server-snippet', 'auth-snippet', 'stream-snippet'].map((s) => `nginx.ingress.kubernetes.io/${s}`);
/** annotation-value-word-blocklist of the AKS application routing add-on's NGINX ConfigMap (aks-app-routing-operator). */
const APP_ROUTING_BLOCKLIST = ['load_module', 'lua_package', '_by_lua', 'location', 'root', 'proxy_pass', 'serviceaccount', '{', '}', "'"];

/**
 * nginx-snippet-annotation: `*-snippet` annotations paste raw NGINX configuration into the controller
 * (CVE-2021-25742: whoever can edit an Ingress can read the controller's credentials, and with them every Secret).
 * ingress-nginx ignores them unless snippets are enabled (off by default since v1.9.0, and rated Critical so the
 * risk level must allow them); the AKS application routing NGINX allows them but refuses values containing its
 * blocklisted words.
 */
export const nginxSnippetAnnotation = defineRule({
  id: 'nginx-snippet-annotation',
  defaultSeverity: 'warning',
  title: 'An Ingress uses an NGINX snippet annotation (raw configuration injection)',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    const present = SNIPPET_ANNOTATIONS.filter((key) => ingress.annotations[key] !== undefined);
    if (present.length === 0) return;
    const family = nginxFamilyOf(ingressClassOf(ctx.index, ingress));
    for (const key of present) {
      const value = ingress.annotations[key]!;
      const short = key.slice(key.indexOf('/') + 1);
      const blocked = APP_ROUTING_BLOCKLIST.filter((word) => value.toLowerCase().includes(word));
      let behaviour: string;
      if (family === 'aks-app-routing-nginx') {
        behaviour = blocked.length
          ? `The AKS application routing NGINX refuses it: the value contains ${blocked.map((w) => `\`${w}\``).join(', ')}, which its annotation-value-word-blocklist forbids.`
          : 'The AKS application routing NGINX accepts snippets, but refuses values containing load_module, lua_package, _by_lua, location, root, proxy_pass, serviceaccount, braces or quotes.';
      } else if (family === 'ingress-nginx') {
        behaviour = 'ingress-nginx ignores it (and its admission webhook rejects the Ingress) unless the controller ConfigMap sets `allow-snippet-annotations: "true"` (off by default since v1.9.0) and `annotations-risk-level: Critical`.';
      } else {
        behaviour = 'NGINX-based controllers disable snippets by default (ingress-nginx since v1.9.0).';
      }
      ctx.report({
        span: ingress.annotationSpans[key] ?? ingress.nameSpan,
        message: `\`${short}\` on Ingress \`${ingress.name}\` injects raw NGINX configuration (CVE-2021-25742 class: whoever can edit Ingresses can take over the controller). ${behaviour} Prefer dedicated annotations or Gateway API filters.`,
        data: { key, blocked },
      });
    }
  },
});
