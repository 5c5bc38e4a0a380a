import { WORKLOAD_KINDS } from '../model/resources';
import { defineRule } from './rule';

/**
 * duplicate-definition: the same object (kind, namespace, name) with the same data in another file, e.g. a
 * `release/` folder generated from `kubernetes-manifests/`. The index counts it once (model/workspaceIndex.ts: the
 * first file's definition; the copies report nothing), and this information says where the copies are, with a quick
 * fix in VS Code that adds the copies' folder to `netlens.exclude`. Copies whose data differ are variants, not
 * reported here: each is analysed on its own.
 */
export const duplicateDefinition = defineRule({
  id: 'duplicate-definition',
  defaultSeverity: 'info',
  title: 'The same object with the same data is defined in another file too (counted once)',
  appliesTo: [
    ...WORKLOAD_KINDS,
    'Service', 'Ingress', 'IngressClass', 'NetworkPolicy', 'Namespace', 'ConfigMap', 'Secret',
    'GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant',
  ],
  check(resource, ctx): void {
    const copies = ctx.index.copiesOf(resource);
    if (copies.length === 0) return;
    const files = [...new Set(copies.map((c) => c.file))];
    const shown = files.slice(0, 3).map((f) => `\`${besideName(resource.file, f)}\``).join(', ');
    const more = files.length > 3 ? ` and ${files.length - 3} more` : '';
    ctx.report({
      span: resource.nameSpan,
      message: `${resource.kind} \`${resource.name}\` is also defined in ${shown}${more}, with the same data: it is counted once, here`,
      related: copies.map((c) => ({ file: c.file, span: c.nameSpan, message: `identical copy of ${resource.kind} \`${resource.name}\`` })),
      data: { kind: resource.kind, namespace: resource.namespace, name: resource.name, copies: files },
    });
  },
});

/**
 * A copy's file as seen from the definition's: the path below the folder both are in (`release/app.yaml` for
 * `/w/kubernetes-manifests/app.yaml` and `/w/release/app.yaml`), so the message names the folder that differs.
 */
export function besideName(from: string, to: string): string {
  const a = from.split(/[\\/]/);
  const b = to.split(/[\\/]/);
  let common = 0;
  while (common < a.length - 1 && common < b.length - 1 && a[common] === b[common]) common++;
  return b.slice(common).join('/');
}
