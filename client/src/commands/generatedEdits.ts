/**
 * How VS Code applies what the generators and the migration write (palette commands, source actions and quick fixes
 * alike): nothing reaches the disk until the user saves. A file the edit creates becomes an unsaved document with
 * that path (an `untitled:` URI: "Don't Save" leaves nothing behind, Save writes it where the server meant), edits of
 * existing files change their documents, unsaved; an edit that touches more than one document opens the Refactor
 * Preview first (a change annotation that needs confirmation), so the user sees every file before anything changes.
 */
import * as vscode from 'vscode';
import { exists } from '../fileExists';
import type { AnnotatedTextEdit, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageclient/node';

export interface AppliedEdit {
  applied: boolean;
  /** The documents the edit created or changed, created ones first (to show them). */
  documents: vscode.Uri[];
  /** Why nothing was applied. */
  failureReason?: string;
}

/** Applies a server's WorkspaceEdit as described in the header. `label` names it in the Refactor Preview. */
export async function applyGeneratedEdit(edit: WorkspaceEdit, label: string): Promise<AppliedEdit> {
  const created: vscode.Uri[] = [];
  const edits = new Map<string, { uri: vscode.Uri; edits: TextEdit[] }>();
  const target = new Map<string, vscode.Uri>();
  const add = (uri: string, textEdits: readonly (TextEdit | AnnotatedTextEdit)[]) => {
    const resolved = target.get(uri) ?? vscode.Uri.parse(uri);
    const entry = edits.get(resolved.toString()) ?? { uri: resolved, edits: [] };
    entry.edits.push(...textEdits);
    edits.set(resolved.toString(), entry);
  };
  for (const [uri, textEdits] of Object.entries(edit.changes ?? {})) add(uri, textEdits);
  for (const change of edit.documentChanges ?? []) {
    if (isCreate(change)) {
      const file = vscode.Uri.parse(change.uri);
      // An existing file is edited where it is; a new one is an unsaved document with its path.
      if (!(await exists(file))) {
        const untitled = file.with({ scheme: 'untitled' });
        target.set(change.uri, untitled);
        created.push(untitled);
      }
    } else if (isTextDocumentEdit(change)) {
      const textEdits = change.edits.filter((e): e is TextEdit | AnnotatedTextEdit => 'newText' in e);
      if (textEdits.length !== change.edits.length) return { applied: false, documents: [], failureReason: 'the edit holds snippets, which Netlens never writes' };
      add(change.textDocument.uri, textEdits);
    } else {
      return { applied: false, documents: [], failureReason: `the edit ${change.kind}s a file, which Netlens never asks for` };
    }
  }
  // Untitled documents exist once opened (empty); the edit then fills them like any other document.
  for (const uri of created) await vscode.workspace.openTextDocument(uri);
  const confirm = edits.size > 1;
  const workspaceEdit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: confirm, description: confirm ? `${edits.size} files` : undefined };
  for (const { uri, edits: textEdits } of edits.values()) {
    for (const e of textEdits) {
      const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
      workspaceEdit.replace(uri, range, e.newText, metadata);
    }
  }
  const applied = await vscode.workspace.applyEdit(workspaceEdit);
  const changed = [...edits.values()].map((e) => e.uri).filter((uri) => !created.some((c) => c.toString() === uri.toString()));
  return applied ? { applied, documents: [...created, ...changed] } : { applied, documents: [], failureReason: confirm ? 'not confirmed in the Refactor Preview' : 'VS Code did not apply it' };
}

function isCreate(change: NonNullable<WorkspaceEdit['documentChanges']>[number]): change is CreateFile {
  return 'kind' in change && change.kind === 'create';
}

function isTextDocumentEdit(change: NonNullable<WorkspaceEdit['documentChanges']>[number]): change is TextDocumentEdit {
  return 'textDocument' in change;
}
