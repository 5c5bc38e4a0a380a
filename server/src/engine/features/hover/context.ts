/** What every hover module receives: the cursor, the object, the key path inside the object, a lazy reachability model. */
import type { AnyResource } from '../../model/resources';
import type { NetpolModel } from '../../netpol/model';
import type { ReachModel } from '../../reach/model';
import { reachModelFor } from '../reachModel';
import type { YNode } from '../../syntax/tree';
import { scalarText, type CursorContext, type PathSegment } from '../cursor';
import type { FeatureHost } from '../host';

export interface HoverContext {
  host: FeatureHost;
  cursor: CursorContext;
  resource: AnyResource;
  /** Key path from the object's root (List items: from the item, not the List). */
  path: PathSegment[];
  node: YNode;
  /** The scalar under the cursor as text (the key when on a key). */
  value?: string;
  /** The NetworkPolicy model of the index as it is now (built on first use): for what policies select. */
  model(): NetpolModel;
  /** The reachability model under the file's cluster profile: for who can reach whom. */
  reach(): ReachModel;
}

export function hoverContextOf(host: FeatureHost, cursor: CursorContext): HoverContext | undefined {
  const resource = cursor.resource;
  if (!resource || !cursor.node) return undefined;
  const path = pathInObject(cursor, resource);
  let reach: ReachModel | undefined;
  const context: HoverContext = {
    host,
    cursor,
    resource,
    path,
    node: cursor.node,
    reach: () => (reach ??= reachModelFor(host.analysis, resource.file)),
    model: () => (reach ??= reachModelFor(host.analysis, resource.file)).netpol,
  };
  const value = scalarText(cursor.node);
  if (value !== undefined) context.value = value;
  return context;
}

/** The cursor's key path from the object's own root (a List item's path loses its `items[i]` prefix). */
export function pathInObject(cursor: CursorContext, resource: AnyResource): PathSegment[] {
  const start = cursor.ancestors.findIndex((node) => node.start === resource.span.start && node.end === resource.span.end);
  return start <= 0 ? [...cursor.path] : cursor.path.slice(start);
}

/** On the object's identity: `kind`, `metadata`, `metadata.name`. */
export function onIdentity(path: readonly PathSegment[]): boolean {
  return (path.length === 1 && (path[0] === 'kind' || path[0] === 'metadata')) || (path.length === 2 && path[0] === 'metadata' && path[1] === 'name');
}

/** The parts that have text, as paragraphs; a paragraph that repeats one before it is said once. */
export function sections(...parts: (string | undefined | false)[]): string | undefined {
  const present: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part || part.trim().length === 0) continue;
    const paragraphs = part.split(/\n{2,}/).filter((p) => {
      const key = p.trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (paragraphs.length) present.push(paragraphs.join('\n\n'));
  }
  return present.length ? present.join('\n\n') : undefined;
}
