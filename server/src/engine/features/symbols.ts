/**
 * Document symbols (the outline: one entry per object, a List holding its items) and workspace symbols (find an
 * object by name anywhere, substring or in-order letters, best matches first, bounded). Workspace symbols score every
 * object of the workspace: steppable (`steps.ts`), yielding every few hundred objects.
 */
import type { AnyResource } from '../model/resources';
import { asMap, child, stringOf } from '../syntax/access';
import type { Span } from '../syntax/tree';
import type { FeatureHost } from './host';
import { CHEAP_ITEMS_PER_STEP, runSteps, type Steps } from './steps';

export interface DocumentSymbolEntry {
  /** metadata.name (or the kind for a List). */
  name: string;
  /** `Deployment · shop` */
  detail: string;
  /** The Kubernetes kind, for the icon. */
  kind: string;
  /** The whole object. */
  span: Span;
  /** metadata.name's value. */
  selectionSpan: Span;
  children: DocumentSymbolEntry[];
}

export function documentSymbols(host: FeatureHost, file: string, text: string): DocumentSymbolEntry[] {
  try {
    const resources = host.analysis.index.resourcesOf(file);
    const parsed = host.trees.parsed(file, text);
    const out: DocumentSymbolEntry[] = [];
    for (const document of parsed.documents) {
      const root = document.root;
      if (!root || !asMap(root)) continue;
      const inside = resources.filter((r) => r.span.start >= root.start && r.span.end <= root.end);
      const kind = stringOf(child(root, 'kind'));
      const own = inside.find((r) => r.span.start === root.start && r.span.end === root.end);
      if (own) {
        out.push(entryOf(own));
      } else if (kind && inside.length > 0) {
        const kindNode = child(root, 'kind')!;
        out.push({ name: kind, detail: `${inside.length} item${inside.length === 1 ? '' : 's'}`, kind, span: { start: root.start, end: root.end }, selectionSpan: { start: kindNode.start, end: kindNode.end }, children: inside.map(entryOf) });
      }
    }
    return out;
  } catch {
    return [];
  }
}

function entryOf(resource: AnyResource): DocumentSymbolEntry {
  return {
    name: resource.name || `(unnamed ${resource.kind})`,
    detail: resource.namespace ? `${resource.kind} · ${resource.namespace}` : resource.kind,
    kind: resource.kind,
    span: resource.span,
    selectionSpan: resource.nameSpan,
    children: [],
  };
}

export interface WorkspaceSymbolEntry {
  name: string;
  kind: string;
  /** The namespace, shown as the container. */
  containerName: string;
  file: string;
  span: Span;
}

export const DEFAULT_WORKSPACE_SYMBOL_LIMIT = 200;

export function workspaceSymbols(host: FeatureHost, query: string, limit = DEFAULT_WORKSPACE_SYMBOL_LIMIT): WorkspaceSymbolEntry[] {
  return runSteps(workspaceSymbolSteps(host, query, limit));
}

/** `workspaceSymbols` as steppable work; the analysis must not change between two steps. */
export function* workspaceSymbolSteps(host: FeatureHost, query: string, limit = DEFAULT_WORKSPACE_SYMBOL_LIMIT): Steps<WorkspaceSymbolEntry[]> {
  try {
    const q = query.trim().toLowerCase();
    const scored: { score: number; resource: AnyResource }[] = [];
    let seen = 0;
    for (const resource of host.analysis.index.all()) {
      const score = matchScore(q, resource);
      if (score > 0) scored.push({ score, resource });
      if (++seen % CHEAP_ITEMS_PER_STEP === 0) yield;
    }
    scored.sort((a, b) => b.score - a.score || a.resource.name.localeCompare(b.resource.name) || a.resource.kind.localeCompare(b.resource.kind) || a.resource.file.localeCompare(b.resource.file));
    return scored.slice(0, limit).map(({ resource }) => ({
      name: resource.name || `(unnamed ${resource.kind})`,
      kind: resource.kind,
      containerName: resource.namespace ? `${resource.kind} · ${resource.namespace}` : resource.kind,
      file: resource.file,
      span: resource.nameSpan,
    }));
  } catch {
    return [];
  }
}

/** 0 = no match. Exact name > name prefix > substring of name > substring of ns/name or kind > letters in order. */
function matchScore(query: string, resource: AnyResource): number {
  if (!query) return 1;
  const name = resource.name.toLowerCase();
  const qualified = `${resource.namespace}/${resource.name}`.toLowerCase();
  if (name === query || qualified === query) return 100;
  if (name.startsWith(query)) return 80;
  if (name.includes(query)) return 60;
  if (qualified.includes(query) || resource.kind.toLowerCase() === query) return 40;
  return inOrder(query, qualified) ? 20 : 0;
}

function inOrder(query: string, text: string): boolean {
  let i = 0;
  for (const ch of text) if (ch === query[i]) i++;
  return i === query.length;
}
