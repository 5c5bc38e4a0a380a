/**
 * The one way fixes and generators turn data into YAML text: the `yaml` package builds every document, inserted
 * block and flow snippet from plain data (maps, sequences, scalars), comments included. Nothing a manifest says is
 * ever pasted into YAML text: a hostile string (a newline, `---`, `#`, `{}`, `&`/`*`, `!!`, quotes, U+2028) stays
 * one scalar or one comment line.
 *
 * Strings are quoted whenever a YAML 1.1 reader (Kubernetes) or a YAML 1.2 reader could read them as something
 * else (`"5672"`, `"yes"`, `"0.0.0.0/0"`, `"*.example.com"`, dates): the `yaml` package's `compat` option.
 * Strings with line breaks or characters that some reader or editor treats as a line break or hides (CR, LF, NEL,
 * U+2028, U+2029, other control, bidirectional and non-characters) are written double-quoted on one line with
 * those characters escaped, so the text holds no such character at all; comment text gets the same escapes.
 *
 * What a renderer returns is re-read by `yamlGuard.ts` before anything is offered or written.
 */
import { Document, Scalar, isCollection, isMap, isNode, isScalar, visit, type ToStringOptions } from 'yaml';
import { oneLine } from '../util/displayText';

/** How a file indents: spaces per level, and whether a block sequence is indented under its key. */
export interface YamlStyle {
  indent: number;
  indentSeq: boolean;
}

export const DEFAULT_STYLE: YamlStyle = { indent: 2, indentSeq: true };

/**
 * A value with how it is written: comment lines before it (without `#`), a comment at the end of its line, and for
 * a map or list, flow style (`{a: 1}`, `[x, y]`) inside a block document.
 */
export class Commented {
  constructor(
    readonly comment: readonly string[],
    readonly value: unknown,
    readonly lineComment?: string,
    readonly flow?: boolean,
  ) {}
}

export function commented(comment: string | readonly string[], value: unknown): Commented {
  return new Commented(typeof comment === 'string' ? [comment] : comment, value);
}

/** A value followed by a comment on its line (a map's or list's comment goes after its key). */
export function lineCommented(comment: string | undefined, value: unknown): Commented {
  return new Commented([], value, comment);
}

/** A map or list written in flow style inside a block document. */
export function inFlow(value: unknown): Commented {
  return new Commented([], value, undefined, true);
}

/**
 * Characters no generated text may hold raw: C0 controls but tab (LF and CR are escaped inside strings and
 * comments; the renderer adds its own line breaks), DEL and C1 controls (NEL, U+0085, is a line break to YAML 1.1
 * readers such as Kubernetes' go-yaml), U+2028 and U+2029 (line breaks to YAML 1.1 readers, JavaScript and some
 * editors), bidirectional controls (they reorder what a reviewer sees), the byte order mark, non-characters and
 * lone surrogates.
 */
const UNSAFE_CHAR = /[\0-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, 'g');

/** True when the text holds a character that must not appear raw in generated YAML. */
export function hasUnsafeChar(text: string): boolean {
  return UNSAFE_CHAR.test(text);
}

function escapeChar(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Longest comment line we write (manifest text in it is what makes it long); the rest is counted, not written. */
export const MAX_COMMENT_LINE = 1000;

/**
 * One comment line's text (without `#`): shown as util/displayText.ts shows manifest text anywhere (line breaks,
 * controls, NEL, U+2028/2029 and bidirectional controls as visible escapes, bounded), and what else YAML cannot
 * hold raw escaped too, so that no manifest string can end the comment and start YAML.
 */
export function commentLine(text: string): string {
  return oneLine(text, MAX_COMMENT_LINE).replace(UNSAFE_CHARS, escapeChar);
}

/** Comment lines as YAML text (`# line` each, ending with a newline); blank lines stay a bare `#`. */
export function renderComments(lines: readonly string[]): string {
  return lines.map((line) => `#${line ? ` ${commentLine(line)}` : ''}\n`).join('');
}

/** The `yaml` package's comment text for lines (each gets `# ` when stringified). */
function commentText(lines: readonly string[]): string {
  return lines.map((line) => (line ? ` ${commentLine(line)}` : '')).join('\n');
}

/** A value without its comments and without `undefined` members: what a reader reads back from our text. */
export function plainData(value: unknown): unknown {
  if (value instanceof Commented) return plainData(value.value);
  if (Array.isArray(value)) return value.map(plainData);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = plainData(member);
    return out;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Commented);
}

/** A `yaml` Document of the value: comments attached to their nodes, strings quoted as the file comment says. */
function documentOf(value: unknown, options: { flow?: boolean; header?: readonly string[] } = {}): Document {
  const comments: { path: (string | number)[]; lines: readonly string[]; line?: string; flow?: boolean }[] = [];
  const collect = (node: unknown, path: (string | number)[]): unknown => {
    if (node instanceof Commented) {
      comments.push({ path, lines: node.comment, ...(node.lineComment !== undefined ? { line: node.lineComment } : {}), ...(node.flow ? { flow: true } : {}) });
      return collect(node.value, path);
    }
    if (Array.isArray(node)) return node.map((item, i) => collect(item, [...path, i]));
    if (isRecord(node)) {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(node)) if (member !== undefined) out[key] = collect(member, [...path, key]);
      return out;
    }
    return node;
  };
  const data = collect(value, []);
  // No anchors for objects that occur twice: a reviewer reads every value where it applies.
  const doc = new Document(data, { compat: 'yaml-1.1', aliasDuplicateObjects: false, version: '1.2' });
  if (!options.flow) {
    const nodeAt = (path: (string | number)[]) => (path.length === 0 ? doc.contents : doc.getIn(path, true));
    // Styles first: where a line comment goes depends on whether its collection is in flow style.
    for (const { path, flow } of comments) {
      const node = nodeAt(path);
      if (flow && isCollection(node)) node.flow = true;
    }
    for (const { path, lines, line } of comments) {
      const node = nodeAt(path);
      if (!isNode(node)) continue;
      if (lines.length) node.commentBefore = commentText(lines);
      if (line) {
        // A block map or list starts on the line after its key: the comment goes after the key.
        const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
        if (isCollection(node) && !node.flow && pair && isScalar(pair.key)) pair.key.comment = ` ${commentLine(line)}`;
        else node.comment = ` ${commentLine(line)}`;
      }
    }
  }
  if (options.header?.length) {
    const root = doc.contents;
    if (isNode(root)) root.commentBefore = [commentText(options.header), root.commentBefore].filter((c) => c).join('\n');
    else doc.commentBefore = commentText(options.header);
  }
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && (/[\n\r\t]/.test(node.value) || hasUnsafeChar(node.value))) node.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_, node) {
      if (options.flow) node.flow = true;
    },
    Seq(_, node) {
      if (options.flow) node.flow = true;
    },
  });
  return doc;
}

function stringify(doc: Document, style: YamlStyle): string {
  const options: ToStringOptions = {
    indent: style.indent,
    indentSeq: style.indentSeq,
    // One line per scalar: no folding, no block scalars, JSON escapes in double quotes.
    lineWidth: 0,
    blockQuote: false,
    doubleQuotedAsJSON: true,
    flowCollectionPadding: false,
  };
  // JSON leaves DEL, C1, U+2028/2029 and the like raw; every string holding one is double-quoted (documentOf), where
  // `\uXXXX` means the same character. Keys and values alike.
  return doc.toString(options).replace(UNSAFE_CHARS, (char) => (char === '\n' ? char : escapeChar(char)));
}

/** A string double-quoted on one line: JSON escapes, and `\\uXXXX` for every unsafe character JSON leaves raw. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(UNSAFE_CHARS, escapeChar);
}

/** A scalar as YAML text (plain when that reads back as the same value in YAML 1.1 and 1.2, else quoted). */
export function renderScalar(value: unknown): string {
  return renderFlow(value);
}

/** Flow-style text of a value on one line: `{a: 1, b: [x, y]}`. Comments are dropped (flow style has no room). */
export function renderFlow(value: unknown): string {
  return stringify(documentOf(value, { flow: true }), DEFAULT_STYLE).replace(/\n$/, '');
}

/** Block-style lines of a value at column 0 (no trailing newline); a scalar renders as itself. */
export function renderBlock(value: unknown, style: YamlStyle = DEFAULT_STYLE): string {
  return stringify(documentOf(value), style).replace(/\n$/, '');
}

/** Block lines shifted right by `indent` spaces (comment and content lines alike). */
function shifted(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return text.split('\n').map((line) => (line ? pad + line : line));
}

/** `key: value` as block lines at `indent`, with nested blocks below it and its comments above. */
export function pairLines(key: string, value: unknown, style: YamlStyle, indent: number): string[] {
  return shifted(renderBlock({ [key]: value }, style), indent);
}

/** `- item` as block lines with the dash at `indent`; a map item continues at indent + 2. */
export function seqItemLines(item: unknown, style: YamlStyle, indent: number): string[] {
  return shifted(renderBlock([item], style), indent);
}

/** A whole document (no `---`), ending with a newline, `header` comment lines first. */
export function renderDocument(value: unknown, style: YamlStyle = DEFAULT_STYLE, header: readonly string[] = []): string {
  return stringify(documentOf(value, { header }), style);
}

/** Documents separated by `---`, each ending with a newline; `header` comment lines come first. */
export function renderDocuments(documents: readonly unknown[], style: YamlStyle = DEFAULT_STYLE, header: readonly string[] = []): string {
  if (documents.length === 0) return renderComments(header);
  return documents.map((d, i) => renderDocument(d, style, i === 0 ? header : [])).join('---\n');
}
