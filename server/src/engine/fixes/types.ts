/**
 * What fixes and generators return: plain text edits at spans of existing files, and whole new files. The engine
 * never writes anything; the language server turns these into a WorkspaceEdit, the CLI into a diff or into files.
 *
 * Edits never re-serialize a document: each replaces exactly the text at its span, so comments and formatting of
 * everything a fix does not change are kept byte for byte.
 */
import type { AnalysisSettings } from '../analysis';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { ReceivedData } from '../rules/findingData';
import type { ClusterProfile } from '../profile/types';
import type { Span } from '../syntax/tree';
import type { EditIntent } from './yamlGuard';

export interface TextEdit {
  /** The engine's file key (a path for the CLI and the server). */
  file: string;
  /** Offsets into the file's current text; an empty span inserts. */
  span: Span;
  newText: string;
  /**
   * What the edit means as data (a key set, an item appended, ...). Every edit a fix makes carries one until the
   * guard (yamlGuard.ts) has checked the edited text against it; checked edits are handed out without it, and an
   * edit without one is refused.
   */
  intent?: EditIntent;
}

export interface NewFile {
  file: string;
  text: string;
}

export interface WorkspaceChange {
  edits: TextEdit[];
  newFiles: NewFile[];
}

/** LSP code action kinds the fixes use (the server passes them through as is). */
export type FixKind = 'quickfix' | 'refactor.rewrite' | 'source';

/** A command a client runs when a fix needs input the diagnostic does not carry (a CIDR, a choice). */
export interface FixCommand {
  /** A command id the server executes through `workspace/executeCommand`. */
  command: string;
  title: string;
  arguments: unknown[];
}

export interface CodeFix {
  title: string;
  kind: FixKind;
  /** The one obvious fix among several (editors apply it with one keystroke). */
  isPreferred?: boolean;
  /**
   * True when `netlens fix` may apply it unattended: it is the only candidate, and it only corrects a reference to
   * name what exists; it never adds, removes or changes an access rule (see docs/fixes.md).
   */
  safe?: boolean;
  /** The rule whose finding this fixes. */
  ruleId: string;
  change: WorkspaceChange;
  /** Instead of (or besides) the change: a command that asks for what is missing, then edits. */
  command?: FixCommand;
  /**
   * Why this fix is not offered (its change is then empty): the edit would touch an anchor reused elsewhere, or
   * the edited file would not read back as intended. Editors show it greyed out with this reason.
   */
  disabled?: string;
}

/** What a fix reads: the index (facts), the current text of files (to edit at exact offsets), the cluster profile. */
export interface FixContext {
  index: WorkspaceIndex;
  /** The current text of a file the index holds; undefined when it cannot be read. */
  textOf(file: string): string | undefined;
  profile?: ClusterProfile;
  /** The analysis settings per file (default namespace, profile), for generators that analyse their output again. */
  settingsFor?: (file: string) => AnalysisSettings;
}

/**
 * The finding being fixed, as the diagnostic carries it: rule id, data, and where it is. A fix of one rule reads its
 * data as that rule declares it (rules/findingData.ts): only its keys, each value checked.
 */
export interface FixTarget<Data = Record<string, unknown>> {
  ruleId: string;
  file: string;
  span: Span;
  data: ReceivedData<Data>;
}

/**
 * Applies edits to one text. Edits must not overlap; they are applied from the end so that earlier offsets stay
 * valid. Edits at the same offset keep their order.
 */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'span' | 'newText'>[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.e.span.end - a.e.span.end || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** Applies a change to a set of texts (file -> text); new files are added. Returns the resulting texts. */
export function applyChange(texts: ReadonlyMap<string, string>, change: WorkspaceChange): Map<string, string> {
  const out = new Map(texts);
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of change.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) out.set(file, applyEdits(out.get(file) ?? '', edits));
  for (const created of change.newFiles) out.set(created.file, created.text);
  return out;
}
