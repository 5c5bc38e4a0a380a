/**
 * YAML (and JSON, a subset of YAML 1.2 for our purposes) text -> plain trees, one per document.
 * Never throws: syntax errors come back as data with their spans.
 */
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node as YamlNode } from 'yaml';
import { detached } from '../util/detached';
import type { Span, YMap, YNode, YPair, YScalar, YSeq } from './tree';

export interface SyntaxIssue {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

export interface ParsedDocument {
  /** The document's top node, or null for an empty document. */
  root: YNode | null;
  span: Span;
}

export interface ParsedFile {
  documents: ParsedDocument[];
  issues: SyntaxIssue[];
  /** The text looks like a Helm/Go template (`{{ ... }}`) that is not valid YAML until rendered. */
  template: boolean;
}

/**
 * Maps and sequences nested deeper than this are not read: a document that nests deeper is reported once, at the
 * first node past the limit, and left out. Why: the `yaml` package composes recursively, and past about a thousand
 * levels it runs out of stack at a depth that depends on the caller (its message would name a random column). No
 * Kubernetes object comes near it (the deepest schemas nest a few dozen levels).
 */
export const MAX_NESTING = 200;

export function parseYamlText(input: string): ParsedFile {
  // A carriage return alone is a line break in YAML (1.1, which Kubernetes reads, and 1.2), and editors show it as
  // one, but the `yaml` package reads it as text. It becomes a line feed: same length, so offsets do not move, and
  // LineIndex already counts it as a line break.
  const text = input.includes('\r') ? input.replace(/\r(?!\n)/g, '\n') : input;
  const documents: ParsedDocument[] = [];
  const issues: SyntaxIssue[] = [];
  try {
    const composer = new Composer({ version: '1.2', merge: true, uniqueKeys: true, prettyErrors: false });
    const parser = new Parser();
    const onDocument = (doc: Document.Parsed) => {
      for (const error of doc.errors) issues.push(issueFrom(error.message, error.pos, 'error', text.length));
      for (const warning of doc.warnings) issues.push(issueFrom(warning.message, warning.pos, 'warning', text.length));
      const converter = new TreeConverter(doc, issues);
      const contents = doc.contents as YamlNode | null;
      const root = contents ? converter.convert(contents, 0) : null;
      const [start, , end] = doc.range;
      documents.push({ root, span: { start, end } });
    };
    /** Documents left out for their depth: their start, to give them a span once the others are known. */
    const tooDeep: number[] = [];
    for (const token of parser.parse(text)) {
      if (token.type === 'document') {
        const deep = firstTooDeep(token);
        if (deep !== undefined) {
          issues.push({ message: `Nesting deeper than ${MAX_NESTING} levels (maps and lists inside one another): this document is not read`, span: { start: deep, end: deep + 1 }, severity: 'error' });
          tooDeep.push(token.offset);
          continue;
        }
      }
      for (const doc of composer.next(token)) onDocument(doc as Document.Parsed);
    }
    // An empty text is one empty document; a text whose documents were all too deep has only those.
    for (const doc of composer.end(tooDeep.length === 0, text.length)) onDocument(doc as Document.Parsed);
    if (tooDeep.length) {
      for (const start of tooDeep) documents.push({ root: null, span: { start, end: start } });
      documents.sort((a, b) => a.span.start - b.span.start);
      documents.forEach((d, i) => {
        if (d.root === null && d.span.end === d.span.start && tooDeep.includes(d.span.start)) d.span.end = documents[i + 1]?.span.start ?? text.length;
      });
    }
  } catch (error) {
    // The yaml package is not supposed to throw on any input; if it ever does, the file reads as one error.
    issues.push({ message: `YAML reader failed: ${(error as Error).message}`, span: { start: 0, end: 0 }, severity: 'error' });
  }
  const template = looksLikeTemplate(text, issues);
  return { documents, issues, template };
}

/** The offset of the first collection nested deeper than MAX_NESTING in a document's syntax tree (walked without recursion). */
function firstTooDeep(document: CST.Document): number | undefined {
  const stack: [CST.Token, number][] = document.value ? [[document.value, 0]] : [];
  let found: number | undefined;
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > MAX_NESTING) {
      found = found === undefined ? token.offset : Math.min(found, token.offset);
      continue;
    }
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return found;
}

function issueFrom(message: string, pos: [number, number], severity: 'error' | 'warning', length: number): SyntaxIssue {
  const start = Math.max(0, Math.min(pos[0], length));
  const end = Math.max(start, Math.min(pos[1], length));
  // The yaml package's messages end with a source excerpt when prettyErrors is on; we keep only the first line.
  return { message: message.split('\n')[0]!, span: { start, end }, severity };
}

/** Templates are only treated as such when they break the YAML: `{{ }}` inside a valid string is ordinary text. */
function looksLikeTemplate(text: string, issues: SyntaxIssue[]): boolean {
  return issues.some((i) => i.severity === 'error') && /\{\{-?\s*[.$a-zA-Z/]/.test(text);
}

/** Deeper trees than this are cut (kept as null): a second bound, for recursion through aliases. */
const MAX_DEPTH = MAX_NESTING;

class TreeConverter {
  private readonly converted = new Map<YamlNode, YNode | null>();
  /** Collections being converted: an alias to one of them would make the tree a cycle. */
  private readonly open = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly issues: SyntaxIssue[],
  ) {}

  convert(node: unknown, depth: number): YNode | null {
    if (depth > MAX_DEPTH) return null;
    if (isAlias(node)) {
      // Resolve to the anchor's converted node: shared, not expanded.
      const target = node.resolve(this.doc) as YamlNode | undefined;
      if (!target) {
        // The yaml package leaves this for toJS(); Kubernetes' reader rejects the whole document.
        this.issues.push({ message: `Unresolved alias *${node.source}: anchors are defined per document and before use`, span: rangeOf(node), severity: 'error' });
        return null;
      }
      if (this.open.has(target)) {
        // `&net {items: [*net]}`: a node inside itself. Kubernetes' reader (go-yaml) rejects the document ("anchor
        // 'net' value contains itself"); read as null here, so that the tree stays acyclic for every walk over it.
        this.issues.push({ message: `Alias *${node.source} refers to a node that contains it: a value cannot contain itself`, span: rangeOf(node), severity: 'error' });
        return null;
      }
      if (this.converted.has(target)) return this.converted.get(target) ?? null;
      return this.convert(target, depth + 1);
    }
    const cached = this.converted.get(node as YamlNode);
    if (cached !== undefined) return cached;
    this.open.add(node as YamlNode);
    const result = this.convertFresh(node, depth);
    this.open.delete(node as YamlNode);
    this.converted.set(node as YamlNode, result);
    return result;
  }

  private convertFresh(node: unknown, depth: number): YNode | null {
    if (isScalar(node)) return this.scalar(node);
    if (isMap(node)) {
      const map: YMap = { kind: 'map', pairs: [], ...rangeOf(node) };
      const merged: YPair[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? this.scalar(item.key) : null;
        const value = this.convert(item.value, depth + 1);
        // With merge keys enabled the yaml package reads `<<` as a symbol, which scalar() renders as its source.
        if (key && key.plain && key.source === '<<') {
          merged.push(...mergeSources(value));
          continue;
        }
        const keyRange = key ?? (rangeOf(item.key) as Span | undefined);
        const start = keyRange ? keyRange.start : (value?.start ?? map.start);
        const end = value ? value.end : keyRange ? keyRange.end : start;
        map.pairs.push({ key, value, start, end });
      }
      // Merge keys (`<<: *base`) contribute the keys the map does not set itself.
      for (const pair of merged) {
        if (pair.key && !map.pairs.some((p) => p.key && p.key.value === pair.key!.value)) map.pairs.push(pair);
      }
      return map;
    }
    if (isSeq(node)) {
      const seq: YSeq = { kind: 'seq', items: [], ...rangeOf(node) };
      for (const item of node.items) {
        const converted = this.convert(item, depth + 1);
        if (converted) seq.items.push(converted);
      }
      return seq;
    }
    return null;
  }

  private scalar(node: { value: unknown; type?: string; source?: string; range?: [number, number, number] | null }): YScalar {
    const value = node.value;
    const plain = node.type === 'PLAIN';
    const scalarValue =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
        ? value
        : typeof value === 'bigint'
          ? Number(value)
          : typeof value === 'symbol'
            ? (node.source ?? '')
            : String(value);
    // The yaml package slices scalars from the file's text: kept as they are, facts would keep every such text alive.
    const result: YScalar = { kind: 'scalar', value: typeof scalarValue === 'string' ? detached(scalarValue) : scalarValue, plain, ...rangeOf(node) };
    if (plain && typeof node.source === 'string') result.source = detached(node.source);
    return result;
  }
}

function mergeSources(value: YNode | null): YPair[] {
  if (!value) return [];
  if (value.kind === 'map') return value.pairs;
  if (value.kind === 'seq') return value.items.flatMap((item) => (item.kind === 'map' ? item.pairs : []));
  return [];
}

function rangeOf(node: unknown): Span {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}
