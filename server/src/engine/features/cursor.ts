/**
 * Where a cursor is: which object of the file, and which key path inside it. Features (hover, definition,
 * completion) start from here. The file's text is parsed again on demand (the host keeps facts, not trees);
 * `DocumentTrees` keeps the last few trees so that a burst of requests on one document parses it once.
 */
import type { Analysis } from '../analysis';
import type { AnyResource } from '../model/resources';
import { parseYamlText, type ParsedFile } from '../syntax/parse';
import type { Span, YMap, YNode, YPair, YScalar } from '../syntax/tree';
import { contentHash } from '../util/contentHash';

export type PathSegment = string | number;

export interface CursorContext {
  file: string;
  offset: number;
  /** The object whose document contains the cursor, if it is a Kubernetes object the index holds. */
  resource?: AnyResource;
  /** The document's top node. */
  root?: YNode;
  /** Keys (and sequence indexes) from the document root to the innermost node at the cursor. */
  path: PathSegment[];
  /** The innermost node at the cursor (a scalar value, or a key scalar when `onKey`). */
  node?: YNode;
  /** The map pair the cursor is in (its key or its value). */
  pair?: YPair;
  /** True when the cursor is on a key rather than on a value. */
  onKey: boolean;
  /** The enclosing maps and pairs from the root, for features that need the parent object (a port, a peer). */
  ancestors: YNode[];
}

const CACHE_SIZE = 8;

export class DocumentTrees {
  private readonly cache = new Map<string, { hash: string; parsed: ParsedFile }>();

  parsed(file: string, text: string): ParsedFile {
    const hash = contentHash(text);
    const cached = this.cache.get(file);
    if (cached && cached.hash === hash) {
      // Refresh its place in the LRU order.
      this.cache.delete(file);
      this.cache.set(file, cached);
      return cached.parsed;
    }
    const parsed = parseYamlText(text);
    this.cache.set(file, { hash, parsed });
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return parsed;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }
}

export function cursorAt(analysis: Analysis, trees: DocumentTrees, file: string, text: string, offset: number): CursorContext {
  const context: CursorContext = { file, offset, path: [], onKey: false, ancestors: [] };
  const parsed = trees.parsed(file, text);
  const document =
    parsed.documents.find((d) => d.root && contains(d.root, offset)) ??
    parsed.documents.find((d) => contains(d.span, offset)) ??
    parsed.documents.find((d) => d.root && containsInclusive(d.root, offset));
  if (!document?.root) return context;
  context.root = document.root;
  const resource = objectAt(analysis, file, offset);
  if (resource) context.resource = resource;
  descend(document.root, offset, context);
  return context;
}

/** The indexed object of `file` whose span contains the offset (the innermost, for List items). */
export function objectAt(analysis: Analysis, file: string, offset: number): AnyResource | undefined {
  let best: AnyResource | undefined;
  for (const resource of analysis.index.resourcesOf(file)) {
    if (contains(resource.span, offset) && (!best || resource.span.end - resource.span.start < best.span.end - best.span.start)) best = resource;
  }
  if (best) return best;
  // A cursor right after the last character of an object (end of file, no newline) still belongs to it.
  for (const resource of analysis.index.resourcesOf(file)) {
    if (containsInclusive(resource.span, offset) && (!best || resource.span.end - resource.span.start < best.span.end - best.span.start)) best = resource;
  }
  return best;
}

function descend(node: YNode, offset: number, context: CursorContext): void {
  context.node = node;
  context.ancestors.push(node);
  if (node.kind === 'map') {
    const pair = pairAt(node, offset);
    if (!pair) return;
    context.pair = pair;
    const key = pair.key ? String(pair.key.value) : '';
    context.path.push(key);
    if (pair.key && containsInclusive(pair.key, offset)) {
      context.onKey = true;
      context.node = pair.key;
      return;
    }
    if (pair.value && containsInclusive(pair.value, offset)) {
      context.pair = pair;
      descend(pair.value, offset, context);
    }
    return;
  }
  if (node.kind === 'seq') {
    const index = node.items.findIndex((item) => containsInclusive(item, offset));
    if (index < 0) return;
    context.path.push(index);
    descend(node.items[index]!, offset, context);
  }
}

function pairAt(map: YMap, offset: number): YPair | undefined {
  return map.pairs.find((p) => containsInclusive(p, offset) || (p.key && containsInclusive(p.key, offset)));
}

function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset < span.end;
}

/** Inclusive of the end, so that a cursor right after the last character of a word still counts as on it. */
function containsInclusive(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function scalarText(node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const scalar = node as YScalar;
  return scalar.value === null ? undefined : String(scalar.value);
}
