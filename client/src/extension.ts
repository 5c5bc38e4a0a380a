/**
 * The VS Code extension: starts the language server over IPC and adds the commands (commands/), the connectivity
 * graph panel (graph/) and a status bar item. All analysis is in the server; this file stays thin.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { executeCommandMiddleware, resolveCodeActionMiddleware } from './commands/middleware';
import type { ExplanationView } from './commands/explanationView';
import { registerCommands } from './commands/index';
import { SHOW_CONNECTIVITY_CHANGES_COMMAND, SHOW_LOCATIONS_COMMAND, type ShowConnectivityChangesArgs, type ShowLocationsArgs } from '../../server/src/protocol/commands';
import type { NetlensInitializationOptions } from '../../server/src/protocol/requests';
import { GraphPanels } from './graph/graphPanel';
import { registerExcludeFolder } from './duplicates/excludeAction';
import { registerRuleDocs } from './ruleDocs';
import { createStatusBar } from './status/statusBar';

let client: LanguageClient | undefined;

/** What `activate` returns: used by the end-to-end tests (test/e2e/), not a public API. */
export interface NetlensApi {
  client: LanguageClient | undefined;
  statusBar: vscode.StatusBarItem;
  graph: GraphPanels;
  explanation: ExplanationView;
}

export async function activate(context: vscode.ExtensionContext): Promise<NetlensApi> {
  const output = vscode.window.createOutputChannel('Kube Netlens', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const documentSelector = [
    { scheme: 'file', language: 'yaml' },
    { scheme: 'file', pattern: '**/*.{yaml,yml}' },
    { scheme: 'file', language: 'json' },
    { scheme: 'untitled', language: 'yaml' },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: 'netlens' },
    // The status item shows the scan's progress: no second indicator from work-done progress.
    initializationOptions: { showsStatus: true } satisfies NetlensInitializationOptions,
    // Asks for what a server command needs and no manifest holds (an ingress controller's subnet), and applies what
    // the generators write as unsaved documents.
    middleware: { executeCommand: executeCommandMiddleware, resolveCodeAction: resolveCodeActionMiddleware },
    outputChannel: output,
    traceOutputChannel: output,
  };
  // A crashed server is restarted by vscode-languageclient's default error handler (up to 4 times in 3 minutes);
  // test/e2e checks that.
  client = new LanguageClient('netlens', 'Kube Netlens', serverOptions, clientOptions);

  // What the server is doing and holds (`netlens/status`, ignored by other editors) and the finding count.
  const status = createStatusBar(client);
  const graph = new GraphPanels(context.extensionUri, () => client, output);
  const explanation = registerCommands(context, () => client, graph, output);
  registerRuleDocs(context, documentSelector);
  registerExcludeFolder(context, documentSelector);
  context.subscriptions.push(
    status,
    graph,
    output,
    vscode.commands.registerCommand('netlens.restartServer', async () => {
      output.appendLine('Restarting the Netlens language server');
      status.restarting();
      // A server that stopped for good (crashed too often) is started again; a running one restarted.
      if (client?.state === State.Stopped) await client.start();
      else await client?.restart();
    }),
    vscode.commands.registerCommand('netlens.showOutput', () => output.show(true)),
    // Code lenses carry plain JSON (so that any LSP client can use them); VS Code shows them in the peek view.
    vscode.commands.registerCommand(SHOW_LOCATIONS_COMMAND, (args: ShowLocationsArgs) => showLocations(args)),
    // The unsaved-edit lens of a policy: the pairs whose connections the edit changes, in a list.
    vscode.commands.registerCommand(SHOW_CONNECTIVITY_CHANGES_COMMAND, (args: ShowConnectivityChangesArgs) => showConnectivityChanges(args)),
  );
  await client.start();
  void vscode.commands.executeCommand('setContext', 'netlens.active', true);
  return { client, statusBar: status.item, graph, explanation };
}

async function showLocations(args: ShowLocationsArgs): Promise<void> {
  const toPosition = (p: ShowLocationsArgs['position']) => new vscode.Position(p.line, p.character);
  const locations = args.locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end))));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(args.uri), toPosition(args.position), locations);
}

async function showConnectivityChanges(args: ShowConnectivityChangesArgs): Promise<void> {
  const items = args.changes.length ? args.changes.map((label) => ({ label })) : [{ label: 'No pair changes its connections' }];
  await vscode.window.showQuickPick(items, { title: args.title, placeHolder: 'Connections the unsaved edit changes (saved → edited)' });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
