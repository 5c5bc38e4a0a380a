/**
 * Helpers for the extension-host suite (runs inside a real VS Code extension host; see docs/e2e.md). Everything
 * waits by polling with a timeout; nothing sleeps a fixed time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-netlens.kube-netlens';

/** What the extension's `activate` returns (client/src/extension.ts), as far as the tests use it. */
export interface NetlensApi {
  client: { isRunning(): boolean; sendRequest<R>(method: string, params: unknown): Promise<R> } | undefined;
  statusBar: vscode.StatusBarItem;
  explanation: { readonly lastShown: { title: string; reply: { allowed: boolean; lines: string[] } } | undefined };
  graph: {
    readonly isOpen: boolean;
    readonly lastRendered: { seq: number; nodes: number; edges: number; visibleNodes: number; visibleEdges: number; namespace: string | undefined; filter: string } | undefined;
  };
}

/** Polls `probe` until it returns a truthy value (which is returned), or fails with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has a workspace folder');
  return folder.uri;
}

/** URI of a file in the fixture workspace (test/e2e/fixtures/workspace, copied to a temporary folder per run). */
export function fixture(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function activeApi(): Promise<NetlensApi> {
  const extension = vscode.extensions.getExtension<NetlensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await waitFor('the extension to activate', () => extension.isActive);
  return extension.exports;
}

export function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.extensionPath;
}

/** The rule id of a diagnostic (the server sends `code` with a `codeDescription`, which VS Code turns into `{ value, target }`). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Netlens diagnostics of one file, as VS Code holds them right now. */
export function netlensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'netlens');
}

/** All netlens diagnostics of the window, by file. */
export function allNetlensDiagnostics(): [vscode.Uri, vscode.Diagnostic[]][] {
  return vscode.languages
    .getDiagnostics()
    .map(([uri, diagnostics]): [vscode.Uri, vscode.Diagnostic[]] => [uri, diagnostics.filter((d) => d.source === 'netlens')])
    .filter(([, diagnostics]) => diagnostics.length > 0);
}

/** Waits until the file has a netlens diagnostic of `rule` (optionally on `line`, 0-based) and returns it. */
export function waitForDiagnostic(uri: vscode.Uri, rule: string, line?: number, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(
    `${rule}${line === undefined ? '' : ` on line ${line + 1}`} in ${path.basename(uri.fsPath)} (have: ${summary(uri)})`,
    () => netlensDiagnostics(uri).find((d) => ruleOf(d) === rule && (line === undefined || d.range.start.line === line)),
    timeoutMs,
  );
}

/** Waits until the file has no netlens diagnostic of `rule`. */
export async function waitForNoDiagnostic(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<void> {
  await waitFor(`no ${rule} in ${path.basename(uri.fsPath)}`, () => !netlensDiagnostics(uri).some((d) => ruleOf(d) === rule), timeoutMs);
}

export function summary(uri: vscode.Uri): string {
  return JSON.stringify(netlensDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)}`));
}

/** Opens a fixture file in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixture(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Drops unsaved changes of a document and closes its editors, so the file on disk is the truth again. */
export async function revertAndClose(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await waitFor(`${path.basename(document.uri.fsPath)} to be clean`, () => !document.isDirty);
}

/** The position of the first occurrence of `text` in the document (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  assert.ok(index >= 0, `${text} occurs in ${document.uri.fsPath}`);
  return document.positionAt(index + offset);
}

/** Replaces every occurrence of `from` with `to` through a WorkspaceEdit (the way extensions and refactorings edit). */
export async function replaceAll(document: vscode.TextDocument, from: string, to: string): Promise<number> {
  const edit = new vscode.WorkspaceEdit();
  const text = document.getText();
  let count = 0;
  for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + from.length)) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(i), document.positionAt(i + from.length)), to);
    count++;
  }
  assert.ok(count > 0, `${from} occurs in ${document.uri.fsPath}`);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the WorkspaceEdit applies');
  return count;
}

/** The hover text at a position, as VS Code's hover widget would show it (all providers, markdown joined). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/**
 * The code actions VS Code offers for a range (all providers), resolved as when one is chosen (the server offers some
 * without their edit; codeAction/resolve and the client's middleware complete them).
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind?.value, 100)) ?? [];
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The open webview tab whose view type ends with `viewType` (VS Code prefixes the extension's own), if any. */
export function webviewTab(viewType: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

/** Closes every editor tab (text and webview), so a test starts from an empty editor area. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Process ids of the Netlens language server(s) the extension host started: its children (LanguageClient forks
 * the server over IPC) whose command line runs the extension's dist/server.js. Linux /proc only.
 */
export function serverPids(): number[] {
  const serverModule = path.join(extensionPath(), 'dist', 'server.js');
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may contain spaces and parentheses, so split after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid || state === 'Z') continue;
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes(serverModule)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Waits for exactly one running server process and returns its pid. */
export function waitForOneServer(what: string, exclude?: number): Promise<number> {
  return waitFor(what, () => {
    const pids = serverPids().filter((pid) => pid !== exclude);
    return pids.length === 1 ? pids[0] : undefined;
  });
}

export function isAlive(pid: number): boolean {
  try {
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** Counts the times VS Code's netlens diagnostics of `uri` become empty, from now until `dispose()`. */
export function watchClears(uri: vscode.Uri): { readonly clears: number; dispose(): void } {
  const state = { clears: 0, wasEmpty: netlensDiagnostics(uri).length === 0 };
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    if (!event.uris.some((u) => u.toString() === uri.toString())) return;
    const empty = netlensDiagnostics(uri).length === 0;
    if (empty && !state.wasEmpty) state.clears++;
    state.wasEmpty = empty;
  });
  return {
    get clears() {
      return state.clears;
    },
    dispose: () => subscription.dispose(),
  };
}
