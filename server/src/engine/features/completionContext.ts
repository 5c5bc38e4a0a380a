/**
 * Where a completion request is, read from the text around the cursor rather than from the parsed tree: while a
 * person types, the line is often not valid YAML yet (`    nam`, `name: `), and indentation is what they mean.
 *
 * Block style only: flow collections (`{a: b}`) on the cursor's line are not completed.
 */
import type { Span } from '../syntax/tree';

export interface CompletionPosition {
  /** Keys from the document root to the map the cursor's line belongs to; `-` marks a sequence item. */
  parents: string[];
  /** `key` when completing a key; `value` when completing the value of `key`. */
  mode: 'key' | 'value' | 'item';
  /** The key whose value is completed (mode value), or the partial key (mode key). */
  key?: string;
  /** What is typed so far of the word being completed (quotes excluded). */
  prefix: string;
  /** The text the completion replaces. */
  replace: Span;
  /** Column of the key (or item) on the cursor's line. */
  indent: number;
  /** Start offset of the document (after `---`) and its end. */
  document: Span;
}

interface LineInfo {
  text: string;
  start: number;
}

export function completionPositionAt(text: string, offset: number): CompletionPosition | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.includes('#') && !/["']/.test(before)) return undefined;
  if (/[{}[\]]/.test(before)) return undefined;
  const document = documentAround(text, offset);

  // `  - key: value`, `  key: value`, `  - value`, `  key`
  const match = /^(\s*)((?:-\s+)*)(.*)$/.exec(before)!;
  const dashes = match[2]!;
  const rest = match[3]!;
  const indent = match[1]!.length + dashes.length;
  const parents = parentsOf(text, document.start, lineStart, indent, dashes.length > 0);
  const keyValue = /^("[^"]*"|'[^']*'|[^:'"]+?):(\s+)(["']?)(.*)$/.exec(rest);
  if (keyValue) {
    const key = keyValue[1]!.replace(/^["']|["']$/g, '');
    const value = keyValue[4]!;
    const valueStart = offset - value.length;
    const after = wordEnd(text, offset);
    return { parents, mode: 'value', key, prefix: value, replace: { start: valueStart, end: after }, indent, document };
  }
  if (rest.includes(':')) return undefined;
  const keyText = rest.replace(/^["']/, '');
  const start = offset - keyText.length;
  const end = wordEnd(text, offset);
  if (dashes.length > 0 && !rest) return { parents, mode: 'item', prefix: '', replace: { start, end }, indent, document };
  return { parents, mode: dashes.length > 0 ? 'item' : 'key', key: keyText, prefix: keyText, replace: { start, end }, indent, document };
}

/** The rest of the word after the cursor (so accepting a completion replaces the whole word). */
function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !/[\s:"']/.test(text[end]!)) end++;
  return end;
}

function documentAround(text: string, offset: number): Span {
  const separator = /^---.*$/gm;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(separator)) {
    const at = m.index!;
    if (at + m[0].length < offset) start = at + m[0].length + 1;
    else if (at >= offset) {
      end = at;
      break;
    }
  }
  return { start: Math.min(start, text.length), end };
}

/** Walk up from the cursor's line collecting the keys of less-indented lines. */
function parentsOf(text: string, documentStart: number, lineStart: number, indent: number, onItem: boolean): string[] {
  const lines: LineInfo[] = [];
  let position = documentStart;
  while (position < lineStart) {
    const newline = text.indexOf('\n', position);
    const end = newline < 0 || newline >= lineStart ? lineStart : newline;
    lines.push({ text: text.slice(position, end).replace(/\r$/, ''), start: position });
    position = end + 1;
  }
  const parents: string[] = [];
  let column = indent;
  let afterItem = false;
  // On `- key`, the item itself is a sequence entry of the parent key.
  if (onItem) parents.unshift('-');
  for (let i = lines.length - 1; i >= 0 && column > 0; i--) {
    const line = lines[i]!.text;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = /^(\s*)((?:-\s+)*)([^:#]*?)\s*:(?:\s|$)/.exec(line) ?? /^(\s*)((?:-\s+)+)()/.exec(line);
    if (!m) {
      const lead = /^(\s*)/.exec(line)![1]!.length;
      if (lead < column) column = lead;
      continue;
    }
    const dashColumn = m[1]!.length;
    const keyColumn = dashColumn + m[2]!.length;
    const key = m[3]!.replace(/^["']|["']$/g, '');
    // A sequence may sit at its key's own column (`egress:` then `- to...` under it, both at column 2): after an
    // item, a key at the item's column is the sequence's parent.
    if (key && (keyColumn < column || (afterItem && !m[2]!.length && keyColumn === column))) {
      parents.unshift(key);
      column = keyColumn;
      afterItem = false;
      if (m[2]!.length) {
        parents.unshift('-');
        column = dashColumn;
        afterItem = true;
      }
    } else if (m[2]!.length && dashColumn < column) {
      parents.unshift('-');
      column = dashColumn;
      afterItem = true;
    }
  }
  return parents;
}

/** The parents without sequence markers: `spec.rules.http.paths.backend.service`. */
export function keysOf(parents: readonly string[]): string[] {
  return parents.filter((p) => p !== '-');
}

/** True when the keys end with the given suffix. */
export function endsWith(keys: readonly string[], ...suffix: string[]): boolean {
  if (suffix.length > keys.length) return false;
  return suffix.every((s, i) => keys[keys.length - suffix.length + i] === s);
}

/** `kind:` and `metadata.namespace:` of the document, read from its text. */
export function documentFacts(text: string, document: Span): { kind?: string; apiVersion?: string; namespace?: string; name?: string } {
  const body = text.slice(document.start, document.end);
  const facts: { kind?: string; apiVersion?: string; namespace?: string; name?: string } = {};
  const kind = /^kind:\s*["']?([A-Za-z]+)/m.exec(body);
  if (kind) facts.kind = kind[1]!;
  const apiVersion = /^apiVersion:\s*["']?([A-Za-z0-9.\-/]+)/m.exec(body);
  if (apiVersion) facts.apiVersion = apiVersion[1]!;
  const metadata = /^metadata:\s*\n((?:[ \t]+.*\n?)*)/m.exec(body);
  if (metadata) {
    const namespace = /^\s+namespace:\s*["']?([-a-z0-9.]+)/m.exec(metadata[1]!);
    if (namespace) facts.namespace = namespace[1]!;
    const name = /^\s+name:\s*["']?([-a-z0-9.]+)/m.exec(metadata[1]!);
    if (name) facts.name = name[1]!;
  }
  return facts;
}

/** The value of a sibling key of the cursor's map (same indentation, within the same block), e.g. `name` beside `port`. */
export function siblingValue(text: string, offset: number, indent: number, key: string, above = 1): string | undefined {
  // Look up and down from the cursor's line for `key:` at `indent` columns of the enclosing map (`above` levels up).
  const lines = text.split('\n');
  let lineNo = text.slice(0, offset).split('\n').length - 1;
  let targetIndent = indent;
  for (let level = 0; level < above; level++) {
    // Find the enclosing key line (less indented) for each level up.
    let i = lineNo - 1;
    while (i >= 0) {
      const l = lines[i]!;
      if (l.trim() && !l.trimStart().startsWith('#')) {
        const lead = l.length - l.trimStart().replace(/^-\s+/, '').length;
        if (lead < targetIndent) break;
      }
      i--;
    }
    if (i < 0) return undefined;
    lineNo = i;
    const l = lines[i]!;
    targetIndent = l.length - l.trimStart().replace(/^-\s+/, '').length;
  }
  const pattern = new RegExp(`^\\s*(?:-\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\s*["']?([^"'#\\s]+)`);
  for (const direction of [-1, 1]) {
    for (let i = lineNo + (direction === 1 ? 1 : 0); i >= 0 && i < lines.length; i += direction) {
      const l = lines[i]!;
      if (!l.trim() || l.trimStart().startsWith('#')) continue;
      const lead = l.length - l.trimStart().replace(/^-\s+/, '').length;
      if (lead < targetIndent) break;
      if (lead > targetIndent) continue;
      const m = pattern.exec(l);
      if (m) return m[1];
      if (direction === -1 && /^\s*-\s/.test(l) && l.indexOf('-') < targetIndent) break;
    }
  }
  return undefined;
}
