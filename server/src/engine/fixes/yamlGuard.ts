/**
 * The guard every writer passes before anything is offered or written: the text we produce is read back, and it
 * must mean exactly the data we meant to write.
 *
 *  - New text (a generated file, appended documents): read with a YAML 1.2 reader (what the analysis uses) and a
 *    YAML 1.1 reader (what Kubernetes' go-yaml is closest to), it must have exactly the intended documents, each
 *    deep-equal to its intended data, no anchors or aliases, and no raw character some reader treats as a line
 *    break (`yamlRender.hasUnsafeChar`).
 *  - Edits of an existing file (quick fixes): the edited file must read back with as many documents as before
 *    (plus the appended ones), every document the edit does not touch unchanged, and the edited object equal to
 *    the object before with exactly the intended change applied (a key set or removed, an item appended, a
 *    scalar replaced). An edit of a node that is anchored and reused through an alias is refused up front: it
 *    would change the other uses too.
 *
 * A failure is a bug in a writer or a shape of input it does not handle; the caller refuses with the message.
 */
import { isScalar, parseAllDocuments, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { parseYamlText, type ParsedDocument } from '../syntax/parse';
import type { Span, YNode } from '../syntax/tree';
import { applyEdits } from './types';
import { hasUnsafeChar, plainData } from './yamlRender';

/** What an edit means, in terms of the text before it (spans of nodes of that text). */
export type EditIntent =
  /** The node at `at` (a scalar, or a key's null value) becomes `value`. */
  | { kind: 'set'; at: Span; value: unknown }
  /** The map at `map` gets (or replaces) `key: value`. */
  | { kind: 'setKey'; map: Span; key: string; value: unknown }
  /** The map at `map` loses `key`. */
  | { kind: 'deleteKey'; map: Span; key: string }
  /** The sequence at `seq` gets `value` as its last item. */
  | { kind: 'append'; seq: Span; value: unknown }
  /** Documents are added after the last one. */
  | { kind: 'appendDocuments'; values: readonly unknown[] }
  /** A comment line is added (`# netlens-ignore`): no document's data changes. */
  | { kind: 'comment' };

export interface IntendedEdit {
  span: Span;
  newText: string;
  intent: EditIntent;
}

type Path = (string | number)[];

interface Reader {
  name: string;
  options: ParseOptions & DocumentOptions & SchemaOptions;
}

/** The two readings a generated text must survive unchanged. */
const READERS: readonly Reader[] = [
  { name: 'YAML 1.2', options: { version: '1.2', merge: true, uniqueKeys: true, prettyErrors: false } },
  { name: 'YAML 1.1', options: { version: '1.1', uniqueKeys: true, prettyErrors: false } },
];

/** Reading a hostile file's aliases back is bounded the way the `yaml` package bounds it (an error, not a hang). */
const MAX_ALIAS_COUNT = 100;

/**
 * Readings of texts, kept for one round of checks (the candidates of one finding edit the same file text): a
 * file is read once per reader however many fixes are checked against it.
 */
export class Readings {
  private readonly documents = new Map<string, Document.Parsed[]>();
  private readonly trees = new Map<string, ParsedDocument[]>();

  read(text: string, reader: Reader): Document.Parsed[] {
    const key = `${reader.name}\0${text}`;
    let docs = this.documents.get(key);
    if (!docs) this.documents.set(key, (docs = readAll(text, reader)));
    return docs;
  }

  tree(text: string): ParsedDocument[] {
    let documents = this.trees.get(text);
    if (!documents) this.trees.set(text, (documents = parseYamlText(text).documents));
    return documents;
  }
}

/** Checks a generated text against the documents it was made from; an error message when it does not match. */
export function verifyGenerated(text: string, intended: readonly unknown[]): string | undefined {
  const unsafe = unsafeCharIn(text);
  if (unsafe) return unsafe;
  const expected = intended.map(plainData);
  for (const reader of READERS) {
    const docs = readAll(text, reader);
    const error = docs.flatMap((d) => d.errors)[0];
    if (error) return `it does not parse as ${reader.name}: ${firstLine(error.message)}`;
    if (docs.length !== expected.length) return `it reads as ${docs.length} document(s) in ${reader.name}, ${expected.length} intended`;
    for (let i = 0; i < docs.length; i++) {
      let actual: unknown;
      try {
        // No aliases at all: the renderer never writes one.
        actual = docs[i]!.toJS({ maxAliasCount: 0 });
      } catch (error) {
        return `document ${i + 1} cannot be read back as ${reader.name}: ${firstLine((error as Error).message)}`;
      }
      const difference = firstDifference(actual, expected[i], []);
      if (difference) return `document ${i + 1} reads back differently as ${reader.name}${where(difference)}`;
    }
  }
  return undefined;
}

/**
 * Checks edits of one file against what they are meant to do; an error message (why it is refused) when the
 * edited file would not read back as the object before with exactly those changes.
 */
export function verifyEdits(before: string, edits: readonly IntendedEdit[], readings: Readings = new Readings()): string | undefined {
  for (const edit of edits) {
    const unsafe = unsafeCharIn(edit.newText);
    if (unsafe) return unsafe;
  }
  const anchored = anchoredEdit(before, edits, readings);
  if (anchored) return anchored;
  const after = applyEdits(before, edits);
  const tree = readings.tree(before);
  const appended = edits.flatMap((e) => (e.intent.kind === 'appendDocuments' ? e.intent.values.map(plainData) : []));
  const located: { document: number; path: Path; intent: EditIntent }[] = [];
  for (const { intent } of edits) {
    if (intent.kind === 'appendDocuments' || intent.kind === 'comment') continue;
    const span = intent.kind === 'set' ? intent.at : intent.kind === 'append' ? intent.seq : intent.map;
    const place = locate(tree, span);
    if (!place) return 'the edit does not point at a node of the file (it changed since the finding?)';
    located.push({ ...place, intent });
  }
  for (const reader of READERS) {
    const was = readings.read(before, reader);
    const now = readAll(after, reader);
    if (now.length !== was.length + appended.length) return `the edited file reads as ${now.length} document(s) in ${reader.name}, ${was.length + appended.length} intended`;
    for (let i = 0; i < was.length; i++) {
      const changes = located.filter((l) => l.document === i);
      if (now[i]!.errors.length > was[i]!.errors.length) return `the edited file does not parse as ${reader.name}: ${firstLine(now[i]!.errors[was[i]!.errors.length]!.message)}`;
      if (changes.length === 0) {
        if (!sameDocument(before, was[i]!, after, now[i]!)) return `the edit changes another document of the file (document ${i + 1}, ${reader.name})`;
        continue;
      }
      let expected: unknown;
      let actual: unknown;
      try {
        expected = copyData(was[i]!.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
        actual = now[i]!.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        return `the edited object cannot be read back to check the edit: ${firstLine((error as Error).message)}`;
      }
      for (const change of changes) {
        const applied = applyIntent(expected, change.path, change.intent);
        if (applied !== undefined) return applied;
      }
      const difference = firstDifference(actual, expected, []);
      if (difference) return `the edited object would not read back as intended (${reader.name})${where(difference)}: the edit would change more than it means to`;
    }
    for (let k = 0; k < appended.length; k++) {
      const doc = now[was.length + k]!;
      if (doc.errors.length) return `an appended document does not parse as ${reader.name}: ${firstLine(doc.errors[0]!.message)}`;
      let actual: unknown;
      try {
        actual = doc.toJS({ maxAliasCount: 0 });
      } catch (error) {
        return `an appended document cannot be read back as ${reader.name}: ${firstLine((error as Error).message)}`;
      }
      const difference = firstDifference(actual, appended[k], []);
      if (difference) return `an appended document reads back differently as ${reader.name}${where(difference)}`;
    }
  }
  return undefined;
}

function readAll(text: string, reader: Reader): Document.Parsed[] {
  const docs = parseAllDocuments(text, reader.options);
  return Array.isArray(docs) ? docs : [];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}

function unsafeCharIn(text: string): string | undefined {
  // Line ends are the file's own (LF, or CRLF for a CRLF file); anything else that breaks a line is refused.
  const withoutLineEnds = text.replace(/\r\n|\n/g, '');
  if (!hasUnsafeChar(withoutLineEnds)) return undefined;
  const char = [...withoutLineEnds].find((c) => hasUnsafeChar(c))!;
  return `it would hold a raw U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} character, which some YAML readers or editors read as a line break or hide`;
}

/**
 * An edit inside a node that carries an anchor used by an alias would change every use of it; an edit of an alias
 * itself is not what a finding on a value means either. Checked on the `yaml` package's own nodes, which keep
 * anchors (the analysis's tree resolves aliases to the anchored node and forgets the anchor).
 */
function anchoredEdit(text: string, edits: readonly IntendedEdit[], readings: Readings): string | undefined {
  if (!text.includes('&') && !text.includes('*')) return undefined;
  for (const doc of readings.read(text, READERS[0]!)) {
    const aliased = new Set<string>();
    const anchored: { name: string; start: number; end: number; scalar: boolean }[] = [];
    const aliases: { name: string; start: number; end: number }[] = [];
    visit(doc, {
      Alias(_, node) {
        aliased.add(node.source);
        if (node.range) aliases.push({ name: node.source, start: node.range[0], end: node.range[1] });
      },
      Node(_, node) {
        if (node.anchor && node.range) anchored.push({ name: node.anchor, start: node.range[0], end: node.range[1], scalar: isScalar(node) });
      },
    });
    for (const edit of edits) {
      if (edit.intent.kind === 'appendDocuments' || edit.intent.kind === 'comment') continue;
      const { start, end } = edit.span;
      for (const node of anchored) {
        if (!aliased.has(node.name)) continue;
        const inside = start === end ? node.start < start && start < node.end : start < node.end && node.start < end;
        if (inside) {
          const what = node.scalar ? `\`${shortText(text.slice(node.start, node.end))}\`` : 'the value it changes';
          return `${what} is anchored as &${shortText(node.name)} and reused through *${shortText(node.name)} elsewhere in the file: changing it here would change every use (edit the alias or the anchor by hand)`;
        }
      }
      for (const alias of aliases) {
        if (start < alias.end && alias.start < end) return `the value is the alias *${shortText(alias.name)}: fixing it means replacing the alias, which is left to you`;
      }
    }
  }
  return undefined;
}

function shortText(text: string): string {
  const flat = text.replace(/[\s\p{C}]+/gu, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Two documents read alike: same text (their context is the same), or the same data. */
function sameDocument(beforeText: string, before: Document.Parsed, afterText: string, after: Document.Parsed): boolean {
  if (before.errors.length !== after.errors.length) return false;
  if (beforeText.slice(before.range[0], before.range[2]) === afterText.slice(after.range[0], after.range[2])) return true;
  try {
    return firstDifference(after.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), before.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), []) === undefined;
  } catch {
    return false;
  }
}

/** The document (index) holding the node at `span`, and the first path from its root to that node. */
function locate(documents: readonly ParsedDocument[], span: Span): { document: number; path: Path } | undefined {
  for (let i = 0; i < documents.length; i++) {
    const document = documents[i]!;
    if (!document.root) continue;
    if (span.start < document.span.start || span.end > document.span.end) continue;
    const path = pathTo(document.root, span);
    if (path) return { document: i, path };
  }
  return undefined;
}

/** Depth first over the tree (aliases are shared nodes, even cycles: each node is entered once). */
function pathTo(root: YNode, span: Span): Path | undefined {
  const seen = new Set<YNode>();
  const visitNode = (node: YNode, path: Path): Path | undefined => {
    if (node.start === span.start && node.end === span.end) return path;
    if (seen.has(node)) return undefined;
    seen.add(node);
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (!pair.key) continue;
        const key = String(pair.key.value);
        if (pair.value) {
          const found = visitNode(pair.value, [...path, key]);
          if (found) return found;
        } else if (pair.key.end <= span.start && span.end <= pair.end) {
          // A key without a value (`egress:`): its null value sits after the key.
          return [...path, key];
        }
      }
    } else if (node.kind === 'seq') {
      for (let i = 0; i < node.items.length; i++) {
        const found = visitNode(node.items[i]!, [...path, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visitNode(root, []);
}

function applyIntent(data: unknown, path: Path, intent: EditIntent): string | undefined {
  const fail = `the intended change does not apply at ${formatPath(path)}`;
  if (intent.kind === 'appendDocuments' || intent.kind === 'comment') return undefined;
  if (intent.kind === 'set') {
    if (path.length === 0) return fail;
    const parent = get(data, path.slice(0, -1));
    if (!isContainer(parent)) return fail;
    (parent as Record<string | number, unknown>)[path[path.length - 1]!] = copyData(plainData(intent.value));
    return undefined;
  }
  const target = get(data, path);
  if (intent.kind === 'append') {
    if (!Array.isArray(target)) return fail;
    target.push(copyData(plainData(intent.value)));
    return undefined;
  }
  if (!isPlainObject(target)) return fail;
  if (intent.kind === 'setKey') target[intent.key] = copyData(plainData(intent.value));
  else delete target[intent.key];
  return undefined;
}

function get(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** A deep copy that unshares aliased values (an intended change applies at one place only). */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) out[key] = copyData(member);
    return out;
  }
  return value;
}

/** The first path where two read-back values differ, or undefined when they are equal. */
function firstDifference(actual: unknown, expected: unknown, path: Path): Path | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected)) return path;
    if (actual.length !== expected.length) return path;
    for (let i = 0; i < actual.length; i++) {
      const found = firstDifference(actual[i], expected[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(actual) && isPlainObject(expected)) {
    const keys = Object.keys(actual);
    if (keys.length !== Object.keys(expected).length) return path;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(expected, key)) return [...path, key];
      const found = firstDifference(actual[key], expected[key], [...path, key]);
      if (found) return found;
    }
    return undefined;
  }
  // Dates (YAML 1.1 timestamps), binary and the like: equal when they print alike and are of one kind.
  if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) {
    return Object.getPrototypeOf(actual) === Object.getPrototypeOf(expected) && String(actual) === String(expected) ? undefined : path;
  }
  return path;
}

function where(path: Path): string {
  return path.length ? ` at ${formatPath(path)}` : '';
}

function formatPath(path: Path): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : '(the document)';
}

