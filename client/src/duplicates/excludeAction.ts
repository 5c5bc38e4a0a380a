/**
 * The quick fix of duplicate-definition in VS Code: "Exclude 'release/' from Netlens" adds the copies' folder to the
 * workspace folder's `netlens.exclude` (the language server follows the setting and forgets the copies). The server
 * names the copies as the diagnostic's related locations; this reads them there.
 */
import * as vscode from 'vscode';
import { excludePatternFor, withPattern } from './excludePattern';

export const EXCLUDE_FOLDER_COMMAND = 'netlens.excludeFolder';
const RULE = 'duplicate-definition';

export function registerExcludeFolder(context: vscode.ExtensionContext, selector: vscode.DocumentSelector): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXCLUDE_FOLDER_COMMAND, (folder?: unknown, pattern?: unknown) => excludeFolder(folder, pattern)),
    vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (_document, _range, context) => excludeActions(context.diagnostics) }, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}

function excludeActions(diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const actions = new Map<string, vscode.CodeAction>();
  for (const diagnostic of diagnostics) {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    if (diagnostic.source !== 'netlens' || String(code) !== RULE) continue;
    for (const related of diagnostic.relatedInformation ?? []) {
      const folder = vscode.workspace.getWorkspaceFolder(related.location.uri);
      const pattern = folder ? excludePatternFor(folder.uri.path, related.location.uri.path) : undefined;
      if (!folder || !pattern || actions.has(`${folder.uri}|${pattern}`)) continue;
      const title = `Exclude '${pattern.slice(0, -'**'.length)}' from Netlens (netlens.exclude)`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.command = { title, command: EXCLUDE_FOLDER_COMMAND, arguments: [folder.uri.toString(), pattern] };
      actions.set(`${folder.uri}|${pattern}`, action);
    }
  }
  return [...actions.values()];
}

async function excludeFolder(folder: unknown, pattern: unknown): Promise<void> {
  if (typeof folder !== 'string' || typeof pattern !== 'string') return;
  const uri = vscode.Uri.parse(folder);
  const configuration = vscode.workspace.getConfiguration('netlens', uri);
  const current = configuration.inspect<string[]>('exclude');
  // The folder's own value if it has one, else what applies now (the workspace's, the user's or the default), so
  // the patterns in force are kept.
  const base = current?.workspaceFolderValue ?? configuration.get<string[]>('exclude') ?? [];
  const target = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await configuration.update('exclude', withPattern(base, pattern), target);
  void vscode.window.showInformationMessage(`Netlens: '${pattern}' added to netlens.exclude; the copies there are no longer analysed.`);
}
