/**
 * The VS Code extension: starts the language server over IPC and adds a few commands. All analysis is in the
 * server; this file stays thin.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
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
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('netlens', 'Kube Netlens', serverOptions, clientOptions);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('netlens.restartServer', async () => {
      output.appendLine('Restarting the Netlens language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('netlens.showOutput', () => output.show(true)),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
