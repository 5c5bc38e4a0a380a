/**
 * Netlens: Explain Connection. Asks for a source workload (the workload under the cursor comes first and is
 * selected), a destination and a port, in three numbered steps built from the server's `netlens/inventory`, then
 * shows the server's `netlens/explain` trail in the explanation view (explanationView.ts). Called with an argument
 * `{ source, destination, port?, protocol?, show? }` it asks nothing (tests, links, other extensions) and returns the
 * reply.
 */
import * as vscode from 'vscode';
import type { ExplainQuery, ExplainReply, Inventory, InventoryWorkload } from '../../../server/src/protocol/requests';
import type { CommandDeps } from './deps';
import type { ExplanationView } from './explanationView';

export interface ExplainArgs extends Partial<ExplainQuery> {
  /** Open the explanation view (default true). */
  show?: boolean;
}

type Protocol = NonNullable<ExplainQuery['protocol']>;

const STEPS = 3;

export async function explainConnection(deps: CommandDeps, view: ExplanationView, args?: ExplainArgs): Promise<ExplainReply | undefined> {
  const query = args?.source && args.destination ? toQuery(args) : await askQuery(deps);
  if (!query) return undefined;
  const reply = await deps.graph.explain(query);
  if (args?.show !== false) view.show(query, reply);
  return reply;
}

function toQuery(args: ExplainArgs): ExplainQuery {
  const query: ExplainQuery = { source: args.source!, destination: args.destination! };
  if (args.port !== undefined) query.port = Number(args.port);
  if (args.protocol) query.protocol = args.protocol;
  return query;
}

interface EndpointPick extends vscode.QuickPickItem {
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
  const atCursor = await workloadAtCursor(inventory);
  const source = await pickEndpoint(inventory, { step: 1, title: 'from', placeholder: 'Which workload opens the connection?', source: true, active: atCursor });
  if (!source) return undefined;
  const destination = await pickEndpoint(inventory, { step: 2, title: `from ${source} to`, placeholder: 'Which workload does it connect to?', source: false, active: undefined });
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

/** The workload whose manifest the cursor is in (the server's document symbols name it: `Kind · namespace`). */
async function workloadAtCursor(inventory: Inventory): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !/\.(ya?ml|json)$/i.test(editor.document.uri.path)) return undefined;
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri).then(undefined, () => undefined);
  const cursor = editor.selection.active;
  const candidates = (symbols ?? []).flatMap((s) => [s, ...(s.children ?? [])]).filter((s) => 'range' in s && s.range.contains(cursor));
  for (const symbol of candidates.reverse()) {
    const [kind, namespace] = symbol.detail.split(' · ');
    const workload = inventory.workloads.find((w) => w.name === symbol.name && w.kind === kind && (namespace === undefined || w.namespace === namespace));
    if (workload) return workload.id;
  }
  return undefined;
}

interface EndpointStep {
  step: number;
  title: string;
  placeholder: string;
  source: boolean;
  /** The id selected when the picker opens (listed first). */
  active: string | undefined;
}

async function pickEndpoint(inventory: Inventory, step: EndpointStep): Promise<string | undefined> {
  const items: EndpointPick[] = [];
  const namespaces = new Set(inventory.workloads.map((w) => w.namespace));
  const first = inventory.workloads.find((w) => w.id === step.active);
  if (first) items.push({ ...workloadItem(first, namespaces.size), description: `${workloadItem(first, namespaces.size).description} · at the cursor` });
  let namespace: string | undefined;
  for (const w of inventory.workloads) {
    if (w === first) continue;
    // One namespace: no separators to read past.
    if (namespaces.size > 1 && w.namespace !== namespace) {
      namespace = w.namespace;
      items.push({ label: namespace, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push(workloadItem(w, namespaces.size));
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  if (step.source) items.push({ label: '$(globe) The ingress controller', description: '{ingress-controller}', id: '{ingress-controller}' });
  items.push({ label: '$(edit) An IP address or CIDR outside the cluster…', manual: true });
  const picked = await quickPick(items, `Explain Connection (${step.step}/${STEPS}): ${step.title}`, step.placeholder, first ? items[0] : undefined);
  if (!picked) return undefined;
  if (!picked.manual) return picked.id;
  return vscode.window.showInputBox({
    title: `Explain Connection (${step.step}/${STEPS}): ${step.title}`,
    prompt: 'An IP address or CIDR outside the cluster',
    placeHolder: '203.0.113.10 or 10.0.0.0/8',
    validateInput: (value) => (/^[0-9a-fA-F:.]+(\/\d+)?$/.test(value.trim()) ? undefined : 'an IPv4 or IPv6 address, or a CIDR'),
  });
}

function workloadItem(w: InventoryWorkload, namespaces: number): EndpointPick {
  const ports = w.ports.map((p) => `${p.protocol} ${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ');
  const item: EndpointPick = { label: w.name, description: namespaces > 1 ? `${w.kind} · ${w.namespace}` : w.kind, id: w.id };
  if (ports) item.detail = ports;
  return item;
}

/** A quick pick that opens with `active` selected (showQuickPick cannot). Undefined when dismissed. */
function quickPick<T extends vscode.QuickPickItem>(items: readonly T[], title: string, placeholder: string, active?: T): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  if (active) pick.activeItems = [active];
  return new Promise<T | undefined>((resolve) => {
    let chosen: T | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

/** The port to ask about: a container port of the destination, any port (null), or one typed in. */
async function pickPort(inventory: Inventory, destination: string): Promise<{ port: number; protocol: Protocol } | null | undefined> {
  const ports = inventory.workloads.find((w) => w.id === destination)?.ports ?? [];
  interface PortPick extends vscode.QuickPickItem {
    value: { port: number; protocol: Protocol } | null | 'manual';
  }
  const items: PortPick[] = [
    ...ports.map((p): PortPick => ({ label: `${p.protocol} ${p.port}`, description: p.name ?? '', value: { port: p.port, protocol: p.protocol } })),
    { label: 'Any port', description: 'what is allowed at all', value: null },
    { label: '$(edit) Another port…', value: 'manual' },
  ];
  const title = `Explain Connection (3/${STEPS}): port of ${destination}`;
  const picked = await quickPick(items, title, 'Which port?');
  if (!picked) return undefined;
  if (picked.value !== 'manual') return picked.value;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Port (1-65535), optionally with a protocol: 8080, UDP 53',
    validateInput: (value) => (parsePort(value) ? undefined : 'a port from 1 to 65535, optionally after TCP, UDP or SCTP'),
  });
  return typed === undefined ? undefined : parsePort(typed);
}

function parsePort(text: string): { port: number; protocol: Protocol } | undefined {
  const match = /^\s*(?:(tcp|udp|sctp)\s*[ /]?\s*)?(\d{1,5})\s*(?:\/\s*(tcp|udp|sctp))?\s*$/i.exec(text);
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { port, protocol: (match[1] ?? match[3] ?? 'TCP').toUpperCase() as Protocol };
}
