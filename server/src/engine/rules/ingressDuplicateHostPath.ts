import type { Ingress, IngressPath, IngressRule } from '../model/resources';
import { qualifiedName } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { defineRule } from './rule';
import { ingressClassOf, nginxFamilyOf } from './shared/ingressClass';
import { byLocation } from './shared/order';

/**
 * ingress-duplicate-host-path: two different Ingresses of the same class route the same host + path + pathType.
 * ingress-nginx's admission webhook (also in the AKS application routing add-on) rejects the second one ("host ...
 * and path ... is already defined in ingress ..."); without the webhook the oldest one silently wins. Definitions
 * of the same namespace/name in several files are variants of one object, not duplicates.
 */
export const ingressDuplicateHostPath = defineRule({
  id: 'ingress-duplicate-host-path',
  defaultSeverity: 'error',
  title: 'Two Ingresses of the same class route the same host and path',
  appliesTo: ['Ingress'],
  check(ingress, ctx): void {
    const resolved = ingressClassOf(ctx.index, ingress);
    if (!resolved.name) return;
    const self = qualifiedName(ingress);
    const keys = new Set(ingress.rules.flatMap((r) => r.paths.map((p) => routeKey(r, p))));
    if (keys.size === 0) return;
    const byRoute = routeIndex(ctx.index);
    const sharing = new Set([...keys].flatMap((key) => byRoute.get(key) ?? []));
    const others = byLocation([...sharing].filter((o) => o !== ingress && qualifiedName(o) !== self && ingressClassOf(ctx.index, o).name === resolved.name));
    if (others.length === 0) return;
    const nginx = nginxFamilyOf(resolved) !== undefined;
    const reported = new Set<string>();
    for (const rule of ingress.rules) {
      for (const path of rule.paths) {
        const key = routeKey(rule, path);
        if (reported.has(key)) continue;
        const clash = others.find((o) => o.rules.some((r) => r.paths.some((p) => routeKey(r, p) === key)));
        if (!clash) continue;
        reported.add(key);
        const clashPath = clash.rules.flatMap((r) => r.paths.filter((p) => routeKey(r, p) === key))[0]!;
        ctx.report({
          span: path.span,
          ...(nginx ? {} : { severity: 'warning' as const }),
          message:
            `Ingress \`${self}\` and Ingress \`${qualifiedName(clash)}\` (class \`${resolved.name}\`) both route host \`${rule.host ?? '*'}\` path \`${path.path ?? ''}\` (${path.pathType ?? 'no pathType'}): ` +
            (nginx
              ? "the NGINX admission webhook rejects whichever is applied second, and without it only the oldest one is used."
              : 'the controller can only use one of them.'),
          related: [{ file: clash.file, span: clashPath.span, message: `the same host and path in Ingress ${qualifiedName(clash)}` }],
          data: { host: rule.host ?? null, path: path.path ?? null, other: qualifiedName(clash) },
        });
      }
    }
  },
});

/**
 * Ingresses by route key, so that each check is not a scan of every Ingress (quadratic on large workspaces). Kept
 * by the index until an Ingress changes.
 */
function routeIndex(workspace: WorkspaceIndex): ReadonlyMap<string, readonly Ingress[]> {
  return workspace.derived('ingress-duplicate-host-path:routes', ['Ingress'], () => {
    const built = new Map<string, Ingress[]>();
    for (const ingress of workspace.ofKind('Ingress')) {
      for (const rule of ingress.rules) {
        for (const path of rule.paths) {
          const key = routeKey(rule, path);
          const list = built.get(key);
          if (!list) built.set(key, [ingress]);
          else if (list[list.length - 1] !== ingress) list.push(ingress);
        }
      }
    }
    return built;
  });
}

function hostOf(rule: IngressRule): string {
  return (rule.host ?? '').toLowerCase();
}

function routeKey(rule: IngressRule, path: IngressPath): string {
  return `${hostOf(rule)}\u0000${path.path ?? ''}\u0000${path.pathType ?? ''}`;
}
