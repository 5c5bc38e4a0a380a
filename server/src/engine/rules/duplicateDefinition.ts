import { WORKLOAD_KINDS, type AnyResource } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { compareStrings } from '../util/compare';
import { defineRule } from './rule';

/**
 * duplicate-definition: the same object (kind, namespace, name) with the same data in another file, e.g. a
 * `release/` folder generated from `kubernetes-manifests/`. The index counts it once (model/workspaceIndex.ts: the
 * first file's definition; the copies report nothing). One information per pair of places, not per object: the
 * definitions of one folder whose copies are in another folder (or, when the copies are in the same folder, in one
 * other file) are one group, reported on its first object ("13 objects here are also defined in release/..."), with
 * the copies as related locations and a quick fix in VS Code that adds the copies' folder to `netlens.exclude`.
 * Copies whose data differ are variants, not reported here: each is analysed on its own.
 */
export const duplicateDefinition = defineRule({
  id: 'duplicate-definition',
  defaultSeverity: 'info',
  title: 'The same objects with the same data are defined in another place too (counted once)',
  appliesTo: [
    ...WORKLOAD_KINDS,
    'Service', 'Ingress', 'IngressClass', 'NetworkPolicy', 'Namespace', 'ConfigMap', 'Secret',
    'GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant',
  ],
  check(resource, ctx): void {
    if (ctx.index.copiesOf(resource).length === 0) return;
    // Only an object with copies reads the groups (every object of the workspace, so it runs again on any change).
    for (const group of copyGroups(ctx.index).values()) {
      if (group.first !== resource) continue;
      const files = [...new Set(group.copies.map((c) => c.file))];
      const count = group.objects.length;
      const here = folderOf(besideName(files[0]!, resource.file));
      const shown = placeText(resource.file, group.place, files);
      const about = count === 1
        ? `${resource.kind} \`${resource.name}\` is also defined in ${shown}, with the same data: it is counted once, here`
        : `${count} objects ${here ? `of \`${here}/\`` : 'here'} (${resource.kind} \`${resource.name}\` and ${count - 1} more) are also defined in ${shown}, with the same data: each is counted once, ${here ? `from \`${here}/\`` : 'here'}`;
      ctx.report({
        span: resource.nameSpan,
        message: about,
        related: group.copies.slice(0, MAX_RELATED).map((c) => ({ file: c.file, span: c.nameSpan, message: `identical copy of ${c.kind} \`${c.name}\`` })),
        data: { kind: resource.kind, namespace: resource.namespace, name: resource.name, objects: count, copies: files },
      });
    }
  },
});

/** The kinds the rule applies to, as a set (built once the rule above is defined). */
const KIND_SET: ReadonlySet<string> = new Set<string>(duplicateDefinition.appliesTo);

/** Related locations of one finding (the copies), at most. */
const MAX_RELATED = 50;

interface CopyGroup {
  /** The folder (`dir/`) or file of the copies. */
  place: string;
  /** The first definitions of the group, by file and position; `first` is the one reported on. */
  objects: AnyResource[];
  first: AnyResource;
  copies: AnyResource[];
}

/**
 * The groups of first definitions with identical copies, by pair of places: the definition's folder and the copy's
 * folder, or the copy's file when it is in the same folder. Built once per version of the workspace.
 */
function copyGroups(index: WorkspaceIndex): ReadonlyMap<string, CopyGroup> {
  return index.memo('duplicate-definition:groups', () => {
    const groups = new Map<string, CopyGroup>();
    for (const resource of index.all()) {
      if (!KIND_SET.has(resource.kind)) continue;
      for (const copy of index.copiesOf(resource)) {
        const from = folderOf(resource.file);
        const place = folderOf(copy.file) === from ? copy.file : `${folderOf(copy.file)}/`;
        const key = `${from}\u0000${place}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { place, objects: [], first: resource, copies: [] }));
        if (!group.objects.includes(resource)) group.objects.push(resource);
        group.copies.push(copy);
      }
    }
    // In workspace order, whatever order the index lists objects in (it changes with edits).
    for (const group of groups.values()) {
      group.objects.sort(byPlace);
      group.copies.sort(byPlace);
      group.first = group.objects[0]!;
    }
    return groups;
  });
}

function byPlace(a: AnyResource, b: AnyResource): number {
  return compareStrings(a.file, b.file) || a.span.start - b.span.start;
}

/** The copies' place as the message names it: the one file, else the folder (with the first files). */
function placeText(from: string, place: string, files: readonly string[]): string {
  if (files.length === 1 || !place.endsWith('/')) {
    const shown = files.slice(0, 3).map((f) => `\`${besideName(from, f)}\``).join(', ');
    return `${shown}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
  }
  const folder = folderOf(besideName(from, files[0]!));
  return `\`${folder ? `${folder}/` : './'}\` (${files.length} files)`;
}

/** The folder part of a path (`a/b` of `a/b/c.yaml`), empty when there is none. */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(0, cut) : '';
}

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
