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
import { DEFAULT_STYLE, pairLines, renderFlow, renderScalar, seqItemLines, type YamlStyle } from './yamlRender';

export interface Edit {
  span: Span;
  newText: string;
}

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
      const last = node.pairs[node.pairs.length - 1];
      return last ? contentEnd(text, last) : trimEnd(text, node.start, node.end);
    }
    const last = node.items[node.items.length - 1];
    return last ? contentEnd(text, last) : trimEnd(text, node.start, node.end);
  }
  if (node.value) return contentEnd(text, node.value);
  return node.key ? Math.max(node.key.end, trimEnd(text, node.key.end, node.end)) : node.end;
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

/** Replaces a scalar's value, keeping its quoting style (double, single or plain when plain is safe). */
export function replaceScalar(text: string, span: Span, value: string | number): Edit {
  const first = text[span.start];
  if (typeof value === 'string' && first === '"') return { span, newText: JSON.stringify(value) };
  if (typeof value === 'string' && first === "'") return { span, newText: `'${value.replace(/'/g, "''")}'` };
  return { span, newText: renderScalar(value) };
}

/** Adds `key: value` to a map: after its last pair (or before the first with `first`), at the pairs' indentation. */
export function addPair(text: string, map: YMap, key: string, value: unknown, style: YamlStyle, options: { first?: boolean } = {}): Edit {
  const eol = eolOf(text);
  if (isFlow(text, map)) {
    const close = closingBracket(text, map, '}');
    const separator = map.pairs.length ? ', ' : '';
    return { span: { start: close, end: close }, newText: `${separator}${key}: ${renderFlow(value)}` };
  }
  const firstPair = map.pairs[0]!;
  const indent = columnOf(text, firstPair.start);
  const lines = pairLines(key, value, style, indent);
  if (options.first) {
    const at = firstPair.start;
    // The first key may share its line with a `- ` sequence dash: insert right at the key, then indent the old one.
    const before = text.slice(lineStart(text, at), at);
    if (/^\s*$/.test(before)) return { span: { start: lineStart(text, at), end: lineStart(text, at) }, newText: lines.join(eol) + eol };
    return { span: { start: at, end: at }, newText: `${lines.join(eol).slice(indent)}${eol}${' '.repeat(indent)}` };
  }
  const at = lineEnd(text, contentEnd(text, map));
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}

/** Appends an item to a sequence (flow: before `]`; block: a new `- ` line at the dashes' column). */
export function appendItem(text: string, seq: YSeq, item: unknown, style: YamlStyle): Edit {
  const eol = eolOf(text);
  if (isFlow(text, seq)) {
    const close = closingBracket(text, seq, ']');
    return { span: { start: close, end: close }, newText: `${seq.items.length ? ', ' : ''}${renderFlow(item)}` };
  }
  const dash = columnOf(text, seq.start);
  const at = lineEnd(text, contentEnd(text, seq));
  return { span: { start: at, end: at }, newText: eol + seqItemLines(item, style, dash).join(eol) };
}

/** Removes a pair from a map: its whole lines in block style, the pair and one comma in flow style. */
export function removePair(text: string, map: YMap, pair: YPair): Edit {
  if (isFlow(text, map)) {
    const index = map.pairs.indexOf(pair);
    const next = map.pairs[index + 1];
    const previous = map.pairs[index - 1];
    if (next) return { span: { start: pair.start, end: next.start }, newText: '' };
    if (previous) return { span: { start: contentEnd(text, previous), end: contentEnd(text, pair) }, newText: '' };
    return { span: { start: pair.start, end: contentEnd(text, pair) }, newText: '' };
  }
  const start = lineStart(text, pair.start);
  let end = lineEnd(text, contentEnd(text, pair));
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { span: { start, end }, newText: '' };
}

/** Appends documents (text ending with a newline, no leading `---`) at the end of a file. */
export function appendDocuments(text: string, documents: string): Edit {
  const eol = eolOf(text);
  const body = eol === '\n' ? documents : documents.replace(/\n/g, eol);
  const trimmed = text.replace(/\s+$/, '');
  const endsWithSeparator = /(^|\n)---\s*$/.test(trimmed);
  const prefix = (text.length > 0 && !/[\r\n]$/.test(text) ? eol : '') + (trimmed.length > 0 && !endsWithSeparator ? `---${eol}` : '');
  return { span: { start: text.length, end: text.length }, newText: prefix + body };
}

function closingBracket(text: string, node: YNode, bracket: string): number {
  let i = node.end - 1;
  while (i > node.start && text[i] !== bracket) i--;
  return i;
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

export function scalarText(text: string, scalar: YScalar): string {
  return text.slice(scalar.start, scalar.end);
}
