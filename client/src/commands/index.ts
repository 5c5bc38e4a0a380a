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
import { explainConnection, type ExplainArgs } from './explain';
import { ExplanationView } from './explanationView';
import { addDefaultDeny, generateNamespacePolicies, migrateIngressToGateway } from './generators';

/** Registers the palette commands; returns the explanation view (the end-to-end tests read what it shows). */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, graph: GraphPanels, output: vscode.LogOutputChannel): ExplanationView {
  const deps = commandDeps(client, graph, output);
  const explanations = new ExplanationView();
  context.subscriptions.push(
    explanations,
    vscode.commands.registerCommand('netlens.showGraph', (args?: { namespace?: string; filter?: ViewFilter }) => graph.show(args ?? {})),
    vscode.commands.registerCommand('netlens.explainConnection', (args?: ExplainArgs) => explainConnection(deps, explanations, args)),
    vscode.commands.registerCommand('netlens.addDefaultDeny', (args?: { namespace?: string }) => addDefaultDeny(deps, args)),
    vscode.commands.registerCommand('netlens.generateNamespacePolicies', (args?: { namespace?: string }) => generateNamespacePolicies(deps, args)),
    vscode.commands.registerCommand('netlens.migrateIngressToGateway', (args?: { ingress?: string; ingressClass?: string }) => migrateIngressToGateway(deps, args)),
  );
  return explanations;
}
