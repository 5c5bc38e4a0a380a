/**
 * Netlens: Explain Connection. Asks for a source workload, a destination workload and a port (quick picks built
 * from the server's `netlens/inventory`), then shows the server's `netlens/explain` trail in a read-only editor.
 * Called with an argument `{ source, destination, port?, protocol?, show? }` it asks nothing (tests, links, other
 * extensions) and returns the reply.
 */
import * as vscode from 'vscode';
import type { ExplainQuery, ExplainReply } from '../graph/protocol';
import type { CommandDeps, Inventory } from './deps';

export const EXPLAIN_SCHEME = 'netlens-explain';

export interface ExplainArgs extends Partial<ExplainQuery> {
  /** Open the explanation in an editor (default true). */
  show?: boolean;
}

/** Keeps the text of each explanation shown, by URI path, for the read-only document provider. */
export class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
  }
}

export async function explainConnection(deps: CommandDeps, documents: ExplanationDocuments, args?: ExplainArgs): Promise<ExplainReply | undefined> {
  const query = args?.source && args.destination ? toQuery(args) : await askQuery(deps);
  if (!query) return undefined;
  const reply = await deps.graph.explain(query);
  if (args?.show === false) return reply;
  const title = `${query.source} → ${query.destination}${query.port ? ` ${query.protocol ?? 'TCP'} ${query.port}` : ''}`;
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${title.replace(/[\\/]/g, '∕')}.txt` });
  const verdict = reply.error ? 'Could not explain' : reply.allowed ? 'ALLOWED' : 'DENIED';
  documents.set(uri, [`Netlens: ${title}: ${verdict}`, '', ...reply.lines, ''].join('\n'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return reply;
}

function toQuery(args: ExplainArgs): ExplainQuery {
  const query: ExplainQuery = { source: args.source!, destination: args.destination! };
  if (args.port !== undefined) query.port = Number(args.port);
  if (args.protocol) query.protocol = args.protocol;
  return query;
}

interface WorkloadPick extends vscode.QuickPickItem {
  id?: string;
  manual?: boolean;
}

async function askQuery(deps: CommandDeps): Promise<ExplainQuery | undefined> {
  const inventory = await deps.inventory();
  if (!inventory) return undefined;
  if (inventory.workloads.length === 0) {
    void vscode.window.showInformationMessage('Netlens: no workloads in the workspace to explain a connection between.');
    return undefined;
  }
  const source = await pickEndpoint(inventory, 'Explain a connection: from which workload?', true);
  if (!source) return undefined;
  const destination = await pickEndpoint(inventory, `From ${source}: to which workload?`, false);
  if (!destination) return undefined;
  const port = await pickPort(inventory, destination);
  if (port === undefined) return undefined;
  const query: ExplainQuery = { source, destination };
  if (port) {
    query.port = port.port;
    query.protocol = port.protocol;
  }
  return query;
}

async function pickEndpoint(inventory: Inventory, placeHolder: string, source: boolean): Promise<string | undefined> {
  const items: WorkloadPick[] = [];
  let namespace: string | undefined;
  for (const w of inventory.workloads) {
    if (w.namespace !== namespace) {
      namespace = w.namespace;
      items.push({ label: namespace, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: w.name, description: `${w.kind} · ${w.namespace}`, detail: w.ports.length ? w.ports.map((p) => `${p.protocol} ${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ') : undefined, id: w.id });
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  if (source) items.push({ label: '$(globe) The ingress controller', description: '{ingress-controller}', id: '{ingress-controller}' });
  items.push({ label: '$(edit) An IP address or CIDR outside the cluster…', manual: true });
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  if (!picked.manual) return picked.id;
  return vscode.window.showInputBox({
    prompt: 'An IP address or CIDR outside the cluster',
    placeHolder: '203.0.113.10 or 10.0.0.0/8',
    validateInput: (value) => (/^[0-9a-fA-F:.]+(\/\d+)?$/.test(value.trim()) ? undefined : 'an IPv4 or IPv6 address, or a CIDR'),
  });
}

/** The port to ask about: a container port of the destination, any port (null), or one typed in. */
async function pickPort(inventory: Inventory, destination: string): Promise<{ port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } | null | undefined> {
  const ports = inventory.workloads.find((w) => w.id === destination)?.ports ?? [];
  interface PortPick extends vscode.QuickPickItem {
    value: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } | null | 'manual';
  }
  const items: PortPick[] = [
    ...ports.map((p): PortPick => ({ label: `${p.protocol} ${p.port}`, description: p.name ?? '', value: { port: p.port, protocol: p.protocol } })),
    { label: 'Any port', description: 'what is allowed at all', value: null },
    { label: '$(edit) Another port…', value: 'manual' },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Which port of ${destination}?` });
  if (!picked) return undefined;
  if (picked.value !== 'manual') return picked.value;
  const typed = await vscode.window.showInputBox({
    prompt: 'Port (1-65535), optionally with a protocol: 8080, UDP 53',
    validateInput: (value) => (parsePort(value) ? undefined : 'a port from 1 to 65535, optionally after TCP, UDP or SCTP'),
  });
  return typed === undefined ? undefined : parsePort(typed);
}

function parsePort(text: string): { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } | undefined {
  const match = /^\s*(?:(tcp|udp|sctp)\s*[ /]?\s*)?(\d{1,5})\s*(?:\/\s*(tcp|udp|sctp))?\s*$/i.exec(text);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { port, protocol: (match[1] ?? match[3] ?? 'TCP').toUpperCase() as 'TCP' | 'UDP' | 'SCTP' };
}
