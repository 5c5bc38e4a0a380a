/**
 * The palette commands (category "Netlens" in package.json). Each lives in its own module; this one registers them.
 * Commands the server executes (netlens.generateDefaultDeny, ...) are registered by vscode-languageclient itself;
 * the palette commands here ask for their arguments and call them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { GraphPanels } from '../graph/graphPanel';
import type { ViewFilter } from '../graph/protocol';
import { commandDeps } from './deps';
import { EXPLAIN_SCHEME, ExplanationDocuments, explainConnection, type ExplainArgs } from './explain';
import { addDefaultDeny, generateNamespacePolicies, migrateIngressToGateway } from './generators';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, graph: GraphPanels, output: vscode.LogOutputChannel): void {
  const deps = commandDeps(client, graph, output);
  const explanations = new ExplanationDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.commands.registerCommand('netlens.showGraph', (args?: { namespace?: string; filter?: ViewFilter }) => graph.show(args ?? {})),
    vscode.commands.registerCommand('netlens.explainConnection', (args?: ExplainArgs) => explainConnection(deps, explanations, args)),
    vscode.commands.registerCommand('netlens.addDefaultDeny', (args?: { namespace?: string }) => addDefaultDeny(deps, args)),
    vscode.commands.registerCommand('netlens.generateNamespacePolicies', (args?: { namespace?: string }) => generateNamespacePolicies(deps, args)),
    vscode.commands.registerCommand('netlens.migrateIngressToGateway', (args?: { ingress?: string; ingressClass?: string }) => migrateIngressToGateway(deps, args)),
  );
}
