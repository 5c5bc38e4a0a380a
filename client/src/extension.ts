/**
 * The VS Code extension: starts the language server over IPC and adds the commands (commands/), the connectivity
 * graph panel (graph/) and a status bar item. All analysis is in the server; this file stays thin.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { executeCommandMiddleware } from './commands/admitController';
import { registerCommands } from './commands/index';
import { SHOW_LOCATIONS_COMMAND, type ShowLocationsArgs } from '../../server/src/protocol/commands';
import { StatusNotification, type WorkspaceStatus } from '../../server/src/protocol/requests';
import { GraphPanels } from './graph/graphPanel';

let client: LanguageClient | undefined;

/** What `activate` returns: used by the end-to-end tests (test/e2e/), not a public API. */
export interface NetlensApi {
  client: LanguageClient | undefined;
  statusBar: vscode.StatusBarItem;
  graph: GraphPanels;
}

export async function activate(context: vscode.ExtensionContext): Promise<NetlensApi> {
  const output = vscode.window.createOutputChannel('Kube Netlens', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', pattern: '**/*.{yaml,yml}' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'netlens' },
    // Asks for what a server command needs and no manifest holds (an ingress controller's subnet).
    middleware: { executeCommand: executeCommandMiddleware },
    outputChannel: output,
    traceOutputChannel: output,
  };
  // A crashed server is restarted by vscode-languageclient's default error handler (up to 4 times in 3 minutes);
  // test/e2e checks that.
  client = new LanguageClient('netlens', 'Kube Netlens', serverOptions, clientOptions);

  const { item: statusBar, showWorkspace } = createStatusBar(context);
  // The server says how many resources it holds after each analysis pass (a custom notification, ignored by other
  // editors); the finding counts come from the diagnostics themselves.
  context.subscriptions.push(client.onNotification(StatusNotification, (status) => showWorkspace(status)));
  const graph = new GraphPanels(context.extensionUri, () => client, output);
  registerCommands(context, () => client, graph, output);
  context.subscriptions.push(
    graph,
    output,
    vscode.commands.registerCommand('netlens.restartServer', async () => {
      output.appendLine('Restarting the Netlens language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('netlens.showOutput', () => output.show(true)),
    // Code lenses carry plain JSON (so that any LSP client can use them); VS Code shows them in the peek view.
    vscode.commands.registerCommand(SHOW_LOCATIONS_COMMAND, (args: ShowLocationsArgs) => showLocations(args)),
  );
  await client.start();
  void vscode.commands.executeCommand('setContext', 'netlens.active', true);
  return { client, statusBar, graph };
}

async function showLocations(args: ShowLocationsArgs): Promise<void> {
  const toPosition = (p: ShowLocationsArgs['position']) => new vscode.Position(p.line, p.character);
  const locations = args.locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end))));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(args.uri), toPosition(args.position), locations);
}

/** Finding count of the whole workspace, computed from the diagnostics the server published; a click opens Problems. */
function createStatusBar(context: vscode.ExtensionContext): { item: vscode.StatusBarItem; showWorkspace(status: WorkspaceStatus): void } {
  const item = vscode.window.createStatusBarItem('netlens.findings', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Kube Netlens';
  item.command = 'workbench.actions.view.problems';
  let pending: NodeJS.Timeout | undefined;
  let workspace: WorkspaceStatus | undefined;
  const update = (): void => {
    pending = undefined;
    const counts = { errors: 0, warnings: 0, infos: 0, files: 0 };
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      let inFile = 0;
      for (const d of diagnostics) {
        if (d.source !== 'netlens') continue;
        inFile++;
        if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
        else counts.infos++;
      }
      if (inFile) counts.files++;
    }
    const total = counts.errors + counts.warnings + counts.infos;
    const icon = counts.errors ? '$(error)' : counts.warnings ? '$(warning)' : total ? '$(info)' : '$(check)';
    item.text = `${icon} Netlens: ${total}`;
    const summary = total
      ? `${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos in ${counts.files} ${counts.files === 1 ? 'file' : 'files'}`
      : 'no findings';
    const analysed = workspace ? ` Analysed ${workspace.resources} resources in ${workspace.files} files.` : '';
    item.tooltip = `Kube Netlens: ${summary}.${analysed} Click to open the Problems panel.`;
    item.accessibilityInformation = { label: `Kube Netlens: ${summary}`, role: 'button' };
  };
  update();
  item.show();
  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics(() => {
      pending ??= setTimeout(update, 100);
    }),
    { dispose: () => pending && clearTimeout(pending) },
  );
  return {
    item,
    showWorkspace(status: WorkspaceStatus): void {
      workspace = status;
      update();
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
