/**
 * The rule pages shipped in the extension (docs/rules/<id>.md in the .vsix), shown rendered inside VS Code (the
 * built-in Markdown preview): "Show documentation for <rule>" on every Netlens diagnostic, and the command
 * Netlens: Show Rule Documentation (a rule id as argument, else a pick of every rule; the settings link to it).
 * A diagnostic's own code link opens the same page as text (its codeDescription, server/src/lsp/ruleDocs.ts).
 */
import * as vscode from 'vscode';
import { exists } from './fileExists';

export const SHOW_RULE_DOCUMENTATION_COMMAND = 'netlens.showRuleDocumentation';

/** Rule ids are what file names are made of here: nothing else reaches the path. */
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function registerRuleDocs(context: vscode.ExtensionContext, selector: vscode.DocumentSelector): void {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION_COMMAND, (ruleId?: unknown) => showRuleDocumentation(folder, typeof ruleId === 'string' ? ruleId : undefined)),
    vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (_document, _range, context) => documentationActions(context.diagnostics) }, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}

/** One "Show documentation" per rule among the diagnostics (after the server's fixes: VS Code lists ours last). */
function documentationActions(diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const rules = new Map<string, vscode.Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const rule = diagnostic.source === 'netlens' ? ruleOf(diagnostic) : undefined;
    if (rule && RULE_ID.test(rule) && rule !== 'cluster-profile') rules.set(rule, [...(rules.get(rule) ?? []), diagnostic]);
  }
  return [...rules].map(([rule, ruleDiagnostics]) => {
    const action = new vscode.CodeAction(`Show documentation for ${rule}`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = ruleDiagnostics;
    action.command = { title: action.title, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [rule] };
    return action;
  });
}

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

async function showRuleDocumentation(folder: vscode.Uri, ruleId: string | undefined): Promise<void> {
  const rule = ruleId ?? (await pickRule(folder));
  if (!rule) return;
  const page = vscode.Uri.joinPath(folder, `${rule}.md`);
  // README: the list of every rule.
  if ((rule !== 'README' && !RULE_ID.test(rule)) || !(await exists(page))) {
    void vscode.window.showWarningMessage(`Netlens: no documentation for '${rule}' in this version of the extension.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
}

async function pickRule(folder: vscode.Uri): Promise<string | undefined> {
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][]);
  const rules = entries.map(([name]) => name.replace(/\.md$/, '')).filter((name) => RULE_ID.test(name) && name !== 'README').sort();
  const picked = await vscode.window.showQuickPick(['README', ...rules].map((label) => ({ label: label === 'README' ? 'All rules' : label, rule: label })), {
    title: 'Netlens: Show Rule Documentation',
    placeHolder: 'Which rule?',
  });
  return picked?.rule;
}
