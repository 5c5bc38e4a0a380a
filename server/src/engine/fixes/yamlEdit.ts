/**
 * Edits at exact offsets of YAML text: insert a key into a map, an item into a sequence, replace a scalar, remove a
 * pair, append a document. Each returns one `{span, newText}`; nothing else of the file changes. Block collections
 * get new lines at the indentation of their siblings; flow collections (`[a, b]`, `{a: 1}`) get flow text.
 *
 * Spans of block collections in the tree run to the start of whatever follows (trailing newlines and comment lines
 * included), so insertion points are computed from the end of the last real content instead.
 */
import { asMap, asSeq, pairOf } from '../syntax/access';
import { parseYamlText, type ParsedFile } from '../syntax/parse';
import type { Span, YMap, YNode, YPair, YScalar, YSeq } from '../syntax/tree';
import type { EditIntent, IntendedEdit } from './yamlGuard';
import { DEFAULT_STYLE, doubleQuoted, hasUnsafeChar, pairLines, renderDocuments, renderFlow, renderScalar, seqItemLines, type YamlStyle } from './yamlRender';

/** An edit with what it means (the guard, yamlGuard.ts, checks that the edited text reads back as meant). */
export type Edit = IntendedEdit;

/** The map node of an object whose facts span `span` (a document root, or an item of a `List`). */
export function objectNode(parsed: ParsedFile, span: Span): YMap | undefined {
  let best: YMap | undefined;
  const visit = (node: YNode | null | undefined, depth: number): void => {
    if (!node || depth > 3) return;
    if (node.kind === 'map') {
      if (node.start === span.start && (!best || Math.abs(node.end - span.end) < Math.abs(best.end - span.end))) best = node;
      visit(pairOf(node, 'items')?.value, depth + 1);
    } else if (node.kind === 'seq') {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  for (const document of parsed.documents) visit(document.root, 0);
  return best;
}

/** Parses a file's text and finds an object's map in it. */
export function objectNodeIn(text: string, span: Span): { parsed: ParsedFile; node: YMap } | undefined {
  const parsed = parseYamlText(text);
  const node = objectNode(parsed, span);
  return node ? { parsed, node } : undefined;
}

/** The innermost node whose span is exactly `span` (or contains it, smallest first). */
export function nodeAtSpan(root: YNode, span: Span): { node: YNode; parents: YNode[] } | undefined {
  let found: { node: YNode; parents: YNode[] } | undefined;
  const visit = (node: YNode | null, parents: YNode[]): void => {
    if (!node || node.start > span.start || node.end < span.end) return;
    found = { node, parents };
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key && pair.key.start <= span.start && pair.key.end >= span.end) {
          found = { node: pair.key, parents: [...parents, node] };
          return;
        }
        visit(pair.value, [...parents, node]);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) visit(item, [...parents, node]);
    }
  };
  visit(root, []);
  return found;
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The line break the file uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function isFlow(text: string, node: YNode): boolean {
  return text[node.start] === '{' || text[node.start] === '[';
}

/** Offset just past the last character of real content of a node (no trailing newlines or comment lines). */
export function contentEnd(text: string, node: YNode | YPair): number {
  if ('kind' in node) {
    if (node.kind === 'scalar' || isFlow(text, node)) return trimEnd(text, node.start, node.end);
    if (node.kind === 'map') {
      const own = ownPairs(node);
      const last = own[own.length - 1];
      return last ? contentEnd(text, last) : trimEnd(text, node.start, node.end);
    }
    const last = node.items[node.items.length - 1];
    return last ? contentEnd(text, last) : trimEnd(text, node.start, node.end);
  }
  if (node.value) return contentEnd(text, node.value);
  return node.key ? Math.max(node.key.end, trimEnd(text, node.key.end, node.end)) : node.end;
}

/**
 * The pairs written in the map itself: a merge key (`<<: *base`) adds the pairs of another map, which sit
 * elsewhere in the text (an insertion after them would land there).
 */
export function ownPairs(map: YMap): YPair[] {
  return map.pairs.filter((pair) => map.start <= pair.start && pair.end <= map.end);
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * How a file is indented: the smallest indentation step between a key line and the line below it, and whether a
 * block sequence sits deeper than its key. Defaults: 2 spaces, indented sequences.
 */
export function detectStyle(text: string): YamlStyle {
  const lines = text.split(/\r\n|\r|\n/);
  let step = 0;
  let indented = 0;
  let flush = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const key = /^(\s*)(?:- )?[^\s#-][^:#]*:\s*(#.*)?$/.exec(line);
    if (!key) continue;
    const keyIndent = key[1]!.length + (line.trimStart().startsWith('- ') ? 2 : 0);
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j]!)) j++;
    const next = lines[j];
    if (next === undefined) continue;
    const nextIndent = next.length - next.trimStart().length;
    if (next.trimStart().startsWith('- ') || next.trim() === '-') {
      if (nextIndent > keyIndent) indented++;
      else if (nextIndent === keyIndent) flush++;
    } else if (nextIndent > keyIndent && (step === 0 || nextIndent - keyIndent < step)) {
      step = nextIndent - keyIndent;
    }
  }
  return { indent: step > 0 && step <= 8 ? step : DEFAULT_STYLE.indent, indentSeq: flush > indented ? false : true };
}

/** A scalar's value written the way its old text was: double-quoted, single-quoted, or plain when that is safe. */
function scalarTextLike(oldText: string, value: string | number): string {
  const first = oldText[0];
  if (typeof value === 'string' && first === '"') return doubleQuoted(value);
  if (typeof value === 'string' && first === "'" && !/[\n\r\t]/.test(value) && !hasUnsafeChar(value)) return `'${value.replace(/'/g, "''")}'`;
  return renderScalar(value);
}

/** Replaces a scalar's value, keeping its quoting style (double, single or plain when plain is safe). */
export function replaceScalar(text: string, span: Span, value: string | number): Edit {
  return { span, newText: scalarTextLike(text.slice(span.start, span.end), value), intent: { kind: 'set', at: { start: span.start, end: span.end }, value } };
}

/**
 * Replaces part of a string scalar's value (`inner`, a span inside the scalar `scalar`) with `replacement`. Only
 * when the scalar's text maps one to one onto its value (plain, or quoted without escapes): the offsets of the
 * value are then the offsets of the text.
 */
export function replaceWithinScalar(text: string, scalar: YScalar, inner: Span, replacement: string): Edit | undefined {
  if (typeof scalar.value !== 'string') return undefined;
  const raw = text.slice(scalar.start, scalar.end);
  const quoted = raw[0] === '"' || raw[0] === "'";
  const contentStart = scalar.start + (quoted ? 1 : 0);
  const content = quoted ? raw.slice(1, -1) : raw;
  if (content !== scalar.value || inner.start < contentStart || inner.end > contentStart + content.length) return undefined;
  const value = content.slice(0, inner.start - contentStart) + replacement + content.slice(inner.end - contentStart);
  const span = { start: scalar.start, end: scalar.end };
  return { span, newText: scalarTextLike(raw, value), intent: { kind: 'set', at: span, value } };
}

/** The scalar whose span contains `inner`, in the document of `parsed` that holds it. */
export function scalarContaining(parsed: ParsedFile, inner: Span): YScalar | undefined {
  const document = parsed.documents.find((d) => d.root && d.root.start <= inner.start && inner.end <= d.root.end);
  const located = document?.root ? nodeAtSpan(document.root, inner) : undefined;
  return located?.node.kind === 'scalar' ? located.node : undefined;
}

/**
 * Where new text goes at the end of a flow collection: right after its last item (before any trailing comma,
 * comment or line break), or right after the opening bracket when it is empty. So `[a, ]`, `[a # c\n]` and
 * multi-line flow collections get `[a, b, ]`, `[a, b # c\n]`, ... and never `[a, , b]`.
 */
function flowInsertion(text: string, node: YMap | YSeq): { at: number; separator: string } {
  const own = node.kind === 'map' ? ownPairs(node) : node.items;
  const last = own[own.length - 1];
  if (last) return { at: contentEnd(text, last), separator: ', ' };
  return { at: node.start + 1, separator: '' };
}

/** `key: value` in flow style (the braces of a one-pair flow map removed). */
function flowPair(key: string, value: unknown): string {
  return renderFlow({ [key]: value }).slice(1, -1);
}

/** Adds `key: value` to a map: after its last pair (or before the first with `first`), at the pairs' indentation. */
export function addPair(text: string, map: YMap, key: string, value: unknown, style: YamlStyle, options: { first?: boolean } = {}): Edit {
  const eol = eolOf(text);
  const intent: EditIntent = { kind: 'setKey', map: { start: map.start, end: map.end }, key, value };
  if (isFlow(text, map)) {
    const { at, separator } = flowInsertion(text, map);
    return { span: { start: at, end: at }, newText: `${separator}${flowPair(key, value)}`, intent };
  }
  const firstPair = ownPairs(map)[0];
  if (!firstPair) return { span: { start: map.start, end: map.start }, newText: '', intent };
  const indent = columnOf(text, firstPair.start);
  const lines = pairLines(key, value, style, indent);
  if (options.first) {
    const at = firstPair.start;
    // The first key may share its line with a `- ` sequence dash: insert right at the key, then indent the old one.
    const before = text.slice(lineStart(text, at), at);
    if (/^\s*$/.test(before)) return { span: { start: lineStart(text, at), end: lineStart(text, at) }, newText: lines.join(eol) + eol, intent };
    return { span: { start: at, end: at }, newText: `${lines.join(eol).slice(indent)}${eol}${' '.repeat(indent)}`, intent };
  }
  const at = lineEnd(text, contentEnd(text, map));
  return { span: { start: at, end: at }, newText: eol + lines.join(eol), intent };
}

/** Gives an existing key a new value (`egress:` with no value gets a list), rewriting the whole pair. */
export function replacePairValue(text: string, map: YMap, pair: YPair, value: unknown, style: YamlStyle): Edit | undefined {
  if (!pair.key) return undefined;
  const key = String(pair.key.value);
  const intent: EditIntent = { kind: 'setKey', map: { start: map.start, end: map.end }, key, value };
  const colon = text.indexOf(':', pair.key.end) + 1;
  if (colon <= 0) return undefined;
  const end = pair.value && pair.value.end > colon ? contentEnd(text, pair.value) : colon;
  if (isFlow(text, map)) return { span: { start: pair.start, end }, newText: flowPair(key, value), intent };
  const indent = columnOf(text, pair.start);
  return { span: { start: pair.start, end }, newText: pairLines(key, value, style, indent).join(eolOf(text)).slice(indent), intent };
}

/** Appends an item to a sequence (flow: after its last item; block: a new `- ` line at the dashes' column). */
export function appendItem(text: string, seq: YSeq, item: unknown, style: YamlStyle): Edit {
  const eol = eolOf(text);
  const intent: EditIntent = { kind: 'append', seq: { start: seq.start, end: seq.end }, value: item };
  if (isFlow(text, seq)) {
    const { at, separator } = flowInsertion(text, seq);
    return { span: { start: at, end: at }, newText: `${separator}${renderFlow(item)}`, intent };
  }
  const dash = columnOf(text, seq.start);
  const at = lineEnd(text, contentEnd(text, seq));
  return { span: { start: at, end: at }, newText: eol + seqItemLines(item, style, dash).join(eol), intent };
}

/** Removes a pair from a map: its whole lines in block style, the pair and one comma in flow style. */
export function removePair(text: string, map: YMap, pair: YPair): Edit {
  const intent: EditIntent = { kind: 'deleteKey', map: { start: map.start, end: map.end }, key: pair.key ? String(pair.key.value) : '' };
  if (isFlow(text, map)) {
    const index = map.pairs.indexOf(pair);
    const next = map.pairs[index + 1];
    const previous = map.pairs[index - 1];
    if (next) return { span: { start: pair.start, end: next.start }, newText: '', intent };
    if (previous) return { span: { start: contentEnd(text, previous), end: contentEnd(text, pair) }, newText: '', intent };
    return { span: { start: pair.start, end: contentEnd(text, pair) }, newText: '', intent };
  }
  const start = lineStart(text, pair.start);
  let end = lineEnd(text, contentEnd(text, pair));
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { span: { start, end }, newText: '', intent };
}

/** Appends documents built from `values` (after `header` comment lines) at the end of a file, in its style. */
export function appendDocuments(text: string, values: readonly unknown[], style: YamlStyle = detectStyle(text), header: readonly string[] = []): Edit {
  return appendRendered(text, renderDocuments(values, style, header), values);
}

/**
 * Appends rendered documents (`rendered`: LF line ends, ending with a newline, no leading `---`) that are meant to
 * read back as `values`, at the end of a file: a `---` when needed, the file's line ends.
 */
export function appendRendered(text: string, rendered: string, values: readonly unknown[]): Edit {
  const eol = eolOf(text);
  const body = eol === '\n' ? rendered : rendered.replace(/\n/g, eol);
  const trimmed = text.replace(/\s+$/, '');
  const endsWithSeparator = /(^|\n)---\s*$/.test(trimmed);
  const prefix = (text.length > 0 && !/[\r\n]$/.test(text) ? eol : '') + (trimmed.length > 0 && !endsWithSeparator ? `---${eol}` : '');
  return { span: { start: text.length, end: text.length }, newText: prefix + body, intent: { kind: 'appendDocuments', values } };
}

/** Map and pair for a key path inside an object map, e.g. ['spec', 'policyTypes']. */
export function pathPair(root: YMap, path: readonly string[]): { map: YMap; pair: YPair } | undefined {
  let map: YMap | undefined = root;
  for (let i = 0; i < path.length; i++) {
    if (!map) return undefined;
    const pair = pairOf(map, path[i]!);
    if (!pair) return undefined;
    if (i === path.length - 1) return { map, pair };
    map = asMap(pair.value);
  }
  return undefined;
}

export function mapAt(root: YMap, path: readonly string[]): YMap | undefined {
  if (path.length === 0) return root;
  return asMap(pathPair(root, path)?.pair.value);
}

export function seqAt(root: YMap, path: readonly string[]): YSeq | undefined {
  return asSeq(pathPair(root, path)?.pair.value);
}
