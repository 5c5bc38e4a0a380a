/**
 * A second, faster reader for the common shape of manifests: js-yaml does the reading (it is several times faster
 * than the `yaml` package here), and its parse events are turned into the same plain tree, with the same spans and
 * the same scalar values, that `parseYamlText` builds from the `yaml` package.
 *
 * It answers only for text it reads exactly like `parseYamlText` does, and declines (returns null) for everything
 * else: syntax errors and warnings (the `yaml` package words those), anchors, aliases, tags, merge keys, complex and
 * explicit keys, directives, templates, and each shape below where the two libraries disagree. The caller then
 * uses `parseYamlText`. test/engine/fastRead.test.ts checks on every corpus file, on mutated manifests and on one case
 * per rule that an answer equals `parseYamlText`'s; the benchmark checks every file of its generated workspaces.
 *
 * Scalars are read as strings (js-yaml's failsafe schema) and plain ones are resolved with the `yaml` package's own
 * YAML 1.2 core schema tags, so that values (numbers, booleans, nulls) cannot differ between the two readers.
 */
import { FAILSAFE_SCHEMA, loadAll, type EventType, type State } from 'js-yaml';
import { Schema } from 'yaml';
import { MAX_NESTING, type ParsedDocument, type ParsedFile } from './parse';
import type { ScalarValue, YMap, YNode, YPair, YScalar, YSeq } from './tree';
import { detached } from '../util/detached';

/** Input that comes near parseYamlText's nesting limit goes to the `yaml` reader, which reports what is too deep. */
const MAX_DEPTH = MAX_NESTING;

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

/** The `yaml` package's core schema, with merge keys as parseYamlText's Composer has them. */
const CORE_TAGS: readonly ScalarTag[] = (new Schema({ schema: 'core', merge: true }).tags as unknown as ScalarTag[]).filter((tag) => tag.default === true && tag.test);

/** Thrown inside the listener to stop js-yaml as soon as the text leaves what this reader handles. */
class Declined extends Error {}

/** A node being read: where js-yaml opened it and the nodes closed inside it, in order. */
interface Frame {
  open: number;
  children: Built[];
}

/** A finished node with the end `yaml` gives it when it is the last item of a block collection. */
interface Built {
  node: YNode | null;
  /** js-yaml's result, to recognise the inner node js-yaml reads twice (a scalar tried as a key first). */
  result: unknown;
  /** For empty values: `yaml` gives them no extent. */
  empty: boolean;
}

export function fastReadYamlText(text: string): ParsedFile | null {
  // Cheap refusals first: features this reader leaves to `yaml` and template braces (`{{` is a flow mapping).
  // A carriage return not followed by a line feed is a line break for js-yaml and text for `yaml`; a byte order mark
  // (at a document's start, `yaml` drops it; js-yaml keeps it as text).
  // Explicit keys (`? key`) are refused wherever a `?` indicator could stand, even inside an empty flow entry.
  if (text.includes('{{') || /^%/m.test(text) || text.includes('\t') || text.includes('\ufeff') || /\r(?!\n)/.test(text) || /(^|[\s[{,])\?(\s|$)/m.test(text)) return null;
  const documents: ParsedDocument[] = [];
  const stack: Frame[] = [];
  const roots: Built[] = [];
  const listener = (event: EventType, state: State): void => {
    const position = state.position;
    if (event === 'open') {
      if (stack.length >= MAX_DEPTH) throw new Declined();
      stack.push({ open: position, children: [] });
      return;
    }
    const frame = stack.pop()!;
    const built = build(text, frame, position, state as ClosedNode);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(built);
    else roots.push(built);
  };
  try {
    loadAll(text, undefined, { schema: FAILSAFE_SCHEMA, listener, json: false });
  } catch {
    // A syntax error (js-yaml's words differ from `yaml`'s, which the user sees) or a Declined: `yaml` reads it.
    return null;
  }
  if (stack.length !== 0) return null;
  const spans = documentSpans(text, roots.length);
  if (!spans) return null;
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    const span = spans[i]!;
    // A document that is a single scalar: `yaml` ends it by rules not reproduced here (and it is no manifest).
    if (root.node?.kind === 'scalar' && !root.empty) return null;
    if (!root.empty) {
      // A document whose last value is empty ends there for `yaml`, not at the next marker.
      documents.push({ root: root.node, span: endsEmpty(root.node) ? { start: span.start, end: root.node!.end } : span });
      continue;
    }
    // An empty document (a trailing `---`, say): `yaml` spans the bare marker and puts an empty value after it. With
    // comments or anything else before the next document, its spans differ: left to `yaml`.
    const markerEnd = span.start + 3;
    // Spaces after the marker move `yaml`'s empty value past them (at the end of the text, at least): left to it too.
    if (!text.startsWith('---', span.start) || !/^[\r\n]*$/.test(text.slice(markerEnd, span.end))) return null;
    const empty: YScalar = { kind: 'scalar', value: null, plain: true, start: markerEnd, end: markerEnd, source: '' };
    documents.push({ root: empty, span: { start: span.start, end: markerEnd } });
  }
  return { documents, issues: [], template: false };
}

/** js-yaml's state at a node's close, as it is at run time: `kind` is null for an empty node, `anchor` is set. */
type ClosedNode = Omit<State, 'kind'> & { kind: string | null; anchor: string | null };

function build(text: string, frame: Frame, close: number, state: ClosedNode): Built {
  if (state.anchor !== null) throw new Declined();
  const start = skipSeparation(text, frame.open);
  const first = text.charCodeAt(start);
  // & anchor, * alias, ! tag, ? explicit key: left to `yaml`.
  if (first === 0x26 || first === 0x2a || first === 0x21 || first === 0x3f) throw new Declined();
  // js-yaml reads some nodes inside a second, enclosing call (a node first tried as an implicit key): the inner
  // node is the real one.
  const only = frame.children.length === 1 ? frame.children[0]! : null;
  if (only && state.kind !== null && only.result === state.result && !only.empty) return only;
  if (state.kind === 'scalar') {
    // A block scalar as a sequence item comes after an empty attempt at an implicit key.
    if (frame.children.some((child) => !child.empty)) throw new Declined();
    return { node: scalar(text, start, close, state.result as string), result: state.result, empty: false };
  }
  if (state.kind === 'mapping') {
    const children = frame.children;
    // js-yaml tries to read one more key where the mapping ends (at a `---`, say): an empty node, not a pair.
    if (children.length % 2 !== 0 && children[children.length - 1]!.empty) children.pop();
    if (children.length % 2 !== 0) throw new Declined();
    const pairs: YPair[] = [];
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!.node;
      const value = children[i + 1]!.node;
      if (!key || key.kind !== 'scalar') throw new Declined();
      // Implicit keys are one line for `yaml`.
      if (hasLineBreak(text, key.start, key.end)) throw new Declined();
      if (key.plain && key.source === '<<') throw new Declined();
      // `yaml` limits implicit keys to 1024 characters; js-yaml does not.
      if (key.end - key.start > 1000) throw new Declined();
      pairs.push({ key, value, start: key.start, end: value ? value.end : key.end });
    }
    if (pairs.length !== Object.keys(state.result as object).length) throw new Declined();
    // js-yaml compares keys as written, `yaml` by value: `1` and `01`, `true` and `True` are the same key to it (an
    // error). Keys equal by value are left to `yaml`.
    if (new Set(pairs.map((pair) => (pair.key as YScalar).value)).size !== pairs.length) throw new Declined();
    if (!isFlow(text, start)) for (const pair of pairs) checkLinesInBlock(text, pair.value, start);
    const map: YMap = { kind: 'map', pairs, start, end: collectionEnd(text, start, close, children) };
    return { node: map, result: state.result, empty: false };
  }
  if (state.kind === 'sequence') {
    const items: YNode[] = [];
    for (const child of frame.children) if (child.node) items.push(child.node);
    // js-yaml adds an empty item (`-` alone on its line) without reading a node for it.
    if (items.length !== frame.children.length || items.length !== (state.result as unknown[]).length) throw new Declined();
    if (!isFlow(text, start)) for (const item of items) checkLinesInBlock(text, item, start);
    const seq: YSeq = { kind: 'seq', items, start, end: collectionEnd(text, start, close, frame.children) };
    return { node: seq, result: state.result, empty: false };
  }
  // No content: `key:` with nothing after it. `yaml` reads an empty plain scalar (null) where the value would start.
  if (frame.children.some((child) => !child.empty)) throw new Declined();
  let at = frame.open;
  while (text.charCodeAt(at) === 0x20) at++;
  const empty: YScalar = { kind: 'scalar', value: null, plain: true, start: at, end: at, source: '' };
  return { node: empty, result: null, empty: true };
}

function scalar(text: string, start: number, close: number, sliced: string): YScalar {
  const value = detached(sliced);
  const first = text.charCodeAt(start);
  if (first === 0x27 || first === 0x22) return { kind: 'scalar', value, plain: false, start, end: notGluedToComment(text, trimEnd(text, start, close)) };
  if (isBlockScalar(text, start)) return { kind: 'scalar', value, plain: false, start, end: blockScalarEnd(text, start, close) };
  return { kind: 'scalar', value: resolvePlain(value), plain: true, start, end: trimEnd(text, start, close), source: value };
}

function resolvePlain(source: string): ScalarValue {
  for (const tag of CORE_TAGS) {
    if (!tag.test!.test(source)) continue;
    const value = tag.resolve(source, () => {
      throw new Declined();
    }, {});
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
    if (typeof value === 'bigint') return Number(value);
    // Some tags resolve to a Scalar node (null, floats that keep their written precision): its value is the value.
    if (value && typeof value === 'object' && 'value' in value) {
      const inner = (value as { value: unknown }).value;
      if (typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean' || inner === null) return inner;
    }
    throw new Declined();
  }
  return source;
}

/**
 * The lines after the first of a flow collection or of a quoted or plain scalar inside a block collection must be
 * indented more than the block collection; js-yaml does not insist, `yaml` reports an error.
 */
function checkLinesInBlock(text: string, node: YNode | null, blockStart: number): void {
  if (!node || (node.kind === 'scalar' ? isBlockScalar(text, node.start) : !isFlow(text, node.start))) return;
  // Spaces before a line break inside a quoted or plain scalar: `yaml` drops them when folding, js-yaml keeps them.
  if (node.kind === 'scalar' && /[ ]\r?\n/.test(text.slice(node.start, node.end))) throw new Declined();
  const column = blockStart - lineStart(text, blockStart);
  for (let i = text.indexOf('\n', node.start); i !== -1 && i < node.end; i = text.indexOf('\n', i + 1)) {
    let indent = 0;
    while (text.charCodeAt(i + 1 + indent) === 0x20) indent++;
    const next = text.charCodeAt(i + 1 + indent);
    if (next !== 0x0a && next !== 0x0d && indent <= column) throw new Declined();
  }
}

/** `yaml` ends a block collection where its last item's trailing comment and line break end. */
function collectionEnd(text: string, start: number, close: number, children: Built[]): number {
  if (isFlow(text, start)) return notGluedToComment(text, trimEnd(text, start, close));
  const end = blockCollectionEnd(text, start, close, children);
  // `yaml` counts some comment lines after the last item into the collection (indented ones, and any after an empty
  // last value), by rules not reproduced here.
  if (commentBeforeContent(text, end, children[children.length - 1]?.empty === true)) throw new Declined();
  return end;
}

function blockCollectionEnd(text: string, start: number, close: number, children: Built[]): number {
  const last = children[children.length - 1];
  if (!last || !last.node) return trimEnd(text, start, close);
  if (last.empty) return last.node.end;
  // Block collections and block scalars already end after their last line break.
  if (last.node.kind !== 'scalar' ? !isFlow(text, last.node.start) : isBlockScalar(text, last.node.start)) return last.node.end;
  return tailOf(text, last.node.end);
}

/** Whether a comment comes after `from` before the next content (unless `anyColumn`, comments at column 0 aside). */
function commentBeforeContent(text: string, from: number, anyColumn: boolean): boolean {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d) i++;
    else if (c !== 0x23) return false;
    else if (anyColumn || i > lineStart(text, i)) return true;
    else i = lineEnd(text, i);
  }
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

function isBlockScalar(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  return first === 0x7c || first === 0x3e;
}

function isFlow(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  return first === 0x7b || first === 0x5b;
}

/** `"x"#` and `{}#`: `yaml` wants white space before a comment, js-yaml does not. */
function notGluedToComment(text: string, end: number): number {
  if (text.charCodeAt(end) === 0x23) throw new Declined();
  return end;
}

/** After a node: spaces, an optional comment and one line break. */
function tailOf(text: string, end: number): number {
  let i = end;
  while (text.charCodeAt(i) === 0x20) i++;
  if (text.charCodeAt(i) === 0x23) while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  if (text.charCodeAt(i) === 0x0d) i++;
  if (text.charCodeAt(i) === 0x0a) i++;
  return i;
}

function skipSeparation(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23) while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    else return i;
  }
}

/**
 * js-yaml stops a block scalar after the next line's indentation; `yaml` ends it after its last line that is not
 * blank, or, when the header keeps trailing lines (`|+`), at the start of the next line.
 */
function blockScalarEnd(text: string, start: number, close: number): number {
  // At the end of a text without a final line break `yaml` keeps trailing spaces: left to it.
  if (close >= text.length && !text.endsWith('\n')) throw new Declined();
  let i = Math.min(close, text.length);
  while (i > start && text.charCodeAt(i - 1) === 0x20) i--;
  const headerEnd = lineEnd(text, start);
  if (text.slice(start, headerEnd).includes('+')) return i;
  while (i > headerEnd + 1) {
    const from = text.lastIndexOf('\n', i - 2) + 1;
    const line = text.slice(from, i);
    if (/^\r?\n?$/.test(line)) i = from;
    // A trailing line of spaces may be content (spaces beyond the indentation): left to `yaml`.
    else if (/^ +\r?\n?$/.test(line)) throw new Declined();
    else break;
  }
  return i;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = Math.min(end, text.length);
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x0a || c === 0x0d) i--;
    else break;
  }
  return i;
}

/**
 * Document spans as `yaml` gives them: a document starts at its `---` marker (at 0 for a first document without
 * one) and ends where the next marker starts (at the end of the text for the last). null, so that `yaml` reads the
 * text, when the markers do not match the documents js-yaml read one to one.
 */
function documentSpans(text: string, count: number): { start: number; end: number }[] | null {
  // Lines starting with `...` (end markers); content on a `---` line (`yaml` refuses a block collection there,
  // js-yaml does not); `---` glued to text (`---#c`, `----`: a marker to js-yaml, a plain scalar to `yaml`).
  if (/^(\.\.\.|---[ ]+[^ #\r\n]|---[^ \r\n])/m.test(text)) return null;
  const markers: number[] = [];
  const pattern = /^---(?=[ \r\n]|$)/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) markers.push(match.index);
  const starts = markers.length > 0 && !hasContent(text, 0, markers[0]!) ? markers : [lineStart(text, skipSeparation(text, 0)), ...markers];
  if (starts.length !== count) return null;
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Whether the last value in the tree (the last pair's, the last item's, recursively) is empty. */
function endsEmpty(node: YNode | null): boolean {
  for (let current = node; current; ) {
    if (current.kind === 'scalar') return current.value === null && current.start === current.end;
    if (current.kind === 'map') current = current.pairs[current.pairs.length - 1]?.value ?? null;
    else current = current.items[current.items.length - 1] ?? null;
  }
  return false;
}

/** Whether text[from, to) holds anything but blank lines and comments. */
function hasContent(text: string, from: number, to: number): boolean {
  return skipSeparation(text, from) < to;
}
