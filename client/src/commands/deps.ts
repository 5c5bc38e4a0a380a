/** What the palette commands need from the extension: the running client, the graph panels, the output channel. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InventoryRequest, type Inventory } from '../../../server/src/protocol/requests';
import type { GraphPanels } from '../graph/graphPanel';
import { plural } from '../text';

export type { Inventory };

export interface CommandDeps {
  client(): LanguageClient | undefined;
  graph: GraphPanels;
  output: vscode.LogOutputChannel;
  /** The server's `netlens/inventory`, or undefined (after telling the user) when the server is not running. */
  inventory(): Promise<Inventory | undefined>;
}

export function commandDeps(client: () => LanguageClient | undefined, graph: GraphPanels, output: vscode.LogOutputChannel): CommandDeps {
  return {
    client,
    graph,
    output,
    async inventory() {
      const running = client();
      if (!running?.isRunning()) {
        void vscode.window.showWarningMessage('Netlens: the language server is not running (Netlens: Restart Server starts it again).');
        return undefined;
      }
      return running.sendRequest(InventoryRequest, {});
    },
  };
}

/** Asks for a namespace of the workspace that has workloads; with only one, that one without asking. */
export async function pickNamespace(deps: CommandDeps, title: string, placeHolder: string): Promise<string | undefined> {
  const inventory = await deps.inventory();
  if (!inventory) return undefined;
  const namespaces = inventory.namespaces.filter((ns) => inventory.workloads.some((w) => w.namespace === ns));
  if (namespaces.length === 0) {
    void vscode.window.showInformationMessage('Netlens: no namespace with workloads in the workspace.');
    return undefined;
  }
  if (namespaces.length === 1) return namespaces[0];
  const counts = new Map<string, number>();
  for (const w of inventory.workloads) counts.set(w.namespace, (counts.get(w.namespace) ?? 0) + 1);
  const picked = await vscode.window.showQuickPick(
    namespaces.map((ns) => ({ label: ns, description: plural(counts.get(ns) ?? 0, 'workload') })),
    { title, placeHolder },
  );
  return picked?.label;
}
