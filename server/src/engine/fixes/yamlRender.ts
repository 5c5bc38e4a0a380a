/**
 * A small YAML emitter for what fixes and generators write: maps, sequences and scalars, in block style (for new
 * documents and inserted blocks) or flow style (for insertions into `[...]` / `{...}`), with comment lines.
 *
 * Strings are quoted whenever a YAML 1.1 reader (Kubernetes) or a YAML 1.2 reader could read them as something
 * else (`"5672"`, `"yes"`, `"0.0.0.0/0"`, `"*.example.com"`), so what we write always means what we meant.
 */

/** How a file indents: spaces per level, and whether a block sequence is indented under its key. */
export interface YamlStyle {
  indent: number;
  indentSeq: boolean;
}

export const DEFAULT_STYLE: YamlStyle = { indent: 2, indentSeq: true };

/** A value preceded by comment lines (without `#`), in a sequence or as a map value. */
export class Commented {
  constructor(
    readonly comment: readonly string[],
    readonly value: unknown,
  ) {}
}

export function commented(comment: string | readonly string[], value: unknown): Commented {
  return new Commented(typeof comment === 'string' ? [comment] : comment, value);
}

const YAML11_SPECIAL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan|\d+(:\d+)+)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9_/.][A-Za-z0-9_./:@=+-]*$/;
/** YAML 1.1 timestamps (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`) read as dates, not strings. */
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/;

/** A scalar as YAML text. */
export function renderScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  const plain = PLAIN_SAFE.test(text) && !YAML11_SPECIAL.test(text) && !NUMBER_LIKE.test(text) && !DATE_LIKE.test(text) && !text.endsWith(':');
  return plain ? text : JSON.stringify(text);
}

function renderKey(key: string): string {
  return PLAIN_SAFE.test(key) && !YAML11_SPECIAL.test(key) && !NUMBER_LIKE.test(key) && !DATE_LIKE.test(key) ? key : JSON.stringify(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Commented);
}

function isScalar(value: unknown): boolean {
  return !Array.isArray(value) && !isPlainObject(value) && !(value instanceof Commented);
}

function isEmptyCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
}

/** Flow-style text of a value: `{a: 1, b: [x, y]}`. Comments are dropped (flow style has no room for them). */
export function renderFlow(value: unknown): string {
  if (value instanceof Commented) return renderFlow(value.value);
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${renderKey(k)}: ${renderFlow(v)}`)
      .join(', ')}}`;
  }
  return renderScalar(value);
}

/**
 * Block-style lines of a map or sequence at `indent` spaces (no trailing newline). A scalar renders as itself.
 */
export function renderBlock(value: unknown, style: YamlStyle = DEFAULT_STYLE, indent = 0): string {
  return blockLines(value, style, indent).join('\n');
}

function blockLines(value: unknown, style: YamlStyle, indent: number): string[] {
  if (value instanceof Commented) return [...value.comment.map((c) => `${' '.repeat(indent)}#${c ? ` ${c}` : ''}`), ...blockLines(value.value, style, indent)];
  if (Array.isArray(value)) return value.length === 0 ? [`${' '.repeat(indent)}[]`] : value.flatMap((item) => seqItemLines(item, style, indent));
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [`${' '.repeat(indent)}{}`];
    return entries.flatMap(([k, v]) => pairLines(k, v, style, indent));
  }
  return [`${' '.repeat(indent)}${renderScalar(value)}`];
}

/** `key: value` at `indent`, with nested blocks below it. */
export function pairLines(key: string, value: unknown, style: YamlStyle, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (value instanceof Commented) return [...value.comment.map((c) => `${pad}#${c ? ` ${c}` : ''}`), ...pairLines(key, value.value, style, indent)];
  if (isScalar(value) || isEmptyCollection(value)) return [`${pad}${renderKey(key)}: ${isScalar(value) ? renderScalar(value) : renderFlow(value)}`];
  if (Array.isArray(value)) return [`${pad}${renderKey(key)}:`, ...blockLines(value, style, indent + (style.indentSeq ? style.indent : 0))];
  return [`${pad}${renderKey(key)}:`, ...blockLines(value, style, indent + style.indent)];
}

/** `- item` at `indent` (the dash's column); a map item continues at indent + 2. */
export function seqItemLines(item: unknown, style: YamlStyle, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (item instanceof Commented) return [...item.comment.map((c) => `${pad}#${c ? ` ${c}` : ''}`), ...seqItemLines(item.value, style, indent)];
  if (isScalar(item) || isEmptyCollection(item)) return [`${pad}- ${isScalar(item) ? renderScalar(item) : renderFlow(item)}`];
  const inner = blockLines(item, style, indent + 2);
  // The first line of the item goes right after the dash.
  const first = inner.findIndex((line) => !/^\s*#/.test(line));
  return inner.map((line, i) => (i === first ? `${pad}- ${line.slice(indent + 2)}` : line));
}

/** A whole document (no `---`), ending with a newline. */
export function renderDocument(value: unknown, style: YamlStyle = DEFAULT_STYLE): string {
  return `${renderBlock(value, style, 0)}\n`;
}

/** Documents separated by `---`, each ending with a newline; `header` lines (comments) come first. */
export function renderDocuments(documents: readonly unknown[], style: YamlStyle = DEFAULT_STYLE, header: readonly string[] = []): string {
  const head = header.map((c) => `#${c ? ` ${c}` : ''}\n`).join('');
  return head + documents.map((d) => renderDocument(d, style)).join('---\n');
}
