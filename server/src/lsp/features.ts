/**
 * LSP handlers for the editor features (hover, definition, references, completion, symbols, code lens, code actions
 * and the generator commands, the last two in codeActions.ts). Each handler
 * converts positions with the engine's LineIndex (UTF-16 columns), calls an engine feature (engine/features/) and
 * converts the answer back. Every handler goes through `cancellable` (cancellable.ts): a request cancelled while it
 * was queued is not computed, and a handler that fails logs the error and answers empty, so one bad request never
 * takes the server down. The whole-workspace ones (references, workspace symbols) run in slices (runSliced.ts): a
 * cancellation stops them, and edits typed meanwhile get their diagnostics first.
 *
 * Code lenses carry the command `netlens.showLocations` with one plain JSON argument `{uri, position, locations}`
 * (LSP Position and Location shapes). The server does not execute it: the client does (VS Code maps it to
 * `editor.action.showReferences`), so that other editors can implement it too.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  type ClientCapabilities,
  MarkupKind,
  SymbolKind,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type DocumentSymbol,
  type ExecuteCommandParams,
  type Hover,
  type Location,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analysis';
import { codeLenses } from '../engine/features/codeLens';
import { unsavedEditLenses } from '../engine/features/unsavedEdits';
import { completion, type CompletionKind } from '../engine/features/completion';
import { DocumentTrees } from '../engine/features/cursor';
import { definition } from '../engine/features/definition';
import type { FeatureHost as EngineFeatureHost, TargetLocation } from '../engine/features/host';
import { hover } from '../engine/features/hover';
import { referenceSteps } from '../engine/features/references';
import { documentSymbols, workspaceSymbolSteps, type DocumentSymbolEntry } from '../engine/features/symbols';
import { LineIndex } from '../engine/syntax/lineIndex';
import { cancellable } from './cancellable';
import { SERVER_COMMANDS, SHOW_CONNECTIVITY_CHANGES_COMMAND, SHOW_LOCATIONS_COMMAND, type ShowConnectivityChangesArgs, type ShowLocationsArgs } from '../protocol/commands';
import { readManifest } from '../io/scanFiles';
import { clientResolvesCodeActions, CODE_ACTION_KINDS, CodeActionProvider } from './codeActions';
import { toOffset, toRange } from './convert';
import { registerGraphRequests } from './graphRequests';
import { runSliced } from './runSliced';

export interface FeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  /** The engine's key for a document URI (a file path for file: URIs). */
  fileOf(uri: string): string;
  /** The URI to show for an engine file key. */
  uriOf(file: string): string;
  /** The current text of a file: the open document's, else read from disk (undefined when unreadable). */
  textOf(file: string): string | undefined;
  /** The root folder of the workspace folder holding a file (undefined outside every folder). */
  workspaceRootOf(file: string): string | undefined;
  /** The client resolves code actions (`codeAction/resolve`): expensive edits are computed when one is chosen. */
  resolvesCodeActions(): boolean;
  /** The client supports change annotations in WorkspaceEdits (those that need confirmation are previewed). */
  annotatesChanges(): boolean;
}

/** Most workspace symbols answered per query (clients filter further as the user types). */
const WORKSPACE_SYMBOL_LIMIT = 200;

/** Capabilities the feature handlers provide for a client, merged into the server's initialize result. */
export function featureCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    completionProvider: { resolveProvider: false },
    documentSymbolProvider: { label: 'Kubernetes objects' },
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: clientResolvesCodeActions(client) },
    executeCommandProvider: { commands: [...SERVER_COMMANDS] },
  };
}

export function registerFeatureHandlers(host: FeatureHost): void {
  const { connection, analysis } = host;
  const engine: EngineFeatureHost = { analysis, trees: new DocumentTrees(), uriOf: (file) => host.uriOf(file) };

  /** The document's text and a LineIndex built from that same text (the analysis may hold another version). */
  function open(uri: string): { file: string; text: string; lines: LineIndex } | undefined {
    const file = host.fileOf(uri);
    const text = host.documents.get(uri)?.getText() ?? host.textOf(file);
    if (text === undefined) return undefined;
    return { file, text, lines: new LineIndex(text) };
  }

  /** The file's text on disk while the editor holds other, unsaved text for it (what an unsaved-edit lens compares with). */
  function savedTextOf(file: string): string | undefined {
    const editor = host.documents.get(host.uriOf(file))?.getText();
    if (editor === undefined) return undefined;
    const read = readManifest(file);
    return 'text' in read && read.text !== editor ? read.text : undefined;
  }

  const location = (target: TargetLocation): Location => ({ uri: host.uriOf(target.file), range: toRange(analysis.lineIndex(target.file), target.span) });

  const guarded = <P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) => cancellable(connection, name, empty, handler);

  connection.onHover(
    guarded('hover', null, (params): Hover | null => {
      const doc = open(params.textDocument.uri);
      if (!doc) return null;
      const result = hover(engine, doc.file, doc.text, toOffset(doc.lines, params.position));
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(doc.lines, result.span) };
    }),
  );

  connection.onDefinition(
    guarded('definition', [] as Location[], (params) => {
      const doc = open(params.textDocument.uri);
      if (!doc) return [];
      return definition(engine, doc.file, doc.text, toOffset(doc.lines, params.position)).map(location);
    }),
  );

  connection.onReferences(
    guarded('references', [] as Location[], async (params, token) => {
      const doc = open(params.textDocument.uri);
      if (!doc) return [];
      const offset = toOffset(doc.lines, params.position);
      const targets = await runSliced('references', analysis, () => referenceSteps(engine, doc.file, doc.text, offset, params.context.includeDeclaration), token);
      return targets.map(location);
    }),
  );

  connection.onCompletion(
    guarded('completion', null, (params): CompletionList | null => {
      const doc = open(params.textDocument.uri);
      if (!doc) return null;
      const result = completion(engine, doc.file, doc.text, toOffset(doc.lines, params.position));
      if (!result) return null;
      const range = toRange(doc.lines, result.replace);
      const items = result.items.map((entry): CompletionItem => {
        const item: CompletionItem = { label: entry.label, kind: COMPLETION_KINDS[entry.kind], textEdit: { range, newText: entry.insertText ?? entry.label } };
        if (entry.detail) item.detail = entry.detail;
        if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
        if (entry.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
        if (entry.sortText) item.sortText = entry.sortText;
        // Let the client filter on the label even when the inserted text differs (`key: `).
        item.filterText = entry.label;
        return item;
      });
      return { isIncomplete: false, items };
    }),
  );

  connection.onDocumentSymbol(
    guarded('documentSymbol', [] as DocumentSymbol[], (params) => {
      const doc = open(params.textDocument.uri);
      if (!doc) return [];
      const convert = (entry: DocumentSymbolEntry): DocumentSymbol => ({
        name: entry.name,
        detail: entry.detail,
        kind: symbolKindOf(entry.kind),
        range: toRange(doc.lines, entry.span),
        selectionRange: toRange(doc.lines, entry.selectionSpan),
        children: entry.children.map(convert),
      });
      return documentSymbols(engine, doc.file, doc.text).map(convert);
    }),
  );

  connection.onWorkspaceSymbol(
    guarded('workspaceSymbol', [] as SymbolInformation[], async (params, token) => {
      const entries = await runSliced('workspaceSymbol', analysis, () => workspaceSymbolSteps(engine, params.query, WORKSPACE_SYMBOL_LIMIT), token);
      return entries.map((entry) => ({
        name: entry.name,
        kind: symbolKindOf(entry.kind),
        containerName: entry.containerName,
        location: location({ file: entry.file, span: entry.span }),
      }));
    }),
  );

  connection.onCodeLens(
    guarded('codeLens', [] as CodeLens[], (params) => {
      const doc = open(params.textDocument.uri);
      if (!doc) return [];
      const lenses = codeLenses(engine, doc.file).map((lens): CodeLens => {
        const range = toRange(doc.lines, lens.span);
        const args: ShowLocationsArgs = { uri: params.textDocument.uri, position: range.start, locations: lens.locations.map(location) };
        return { range, command: { title: lens.title, command: SHOW_LOCATIONS_COMMAND, arguments: [args] } };
      });
      // While the editor holds unsaved changes of a policy file: what they do to connectivity against the saved file.
      const saved = savedTextOf(doc.file);
      if (saved === undefined) return lenses;
      const edits = unsavedEditLenses(engine, doc.file, saved).map((lens): CodeLens => {
        const args: ShowConnectivityChangesArgs = { title: lens.title, changes: lens.changes };
        return { range: toRange(doc.lines, lens.span), command: { title: lens.title, command: SHOW_CONNECTIVITY_CHANGES_COMMAND, arguments: [args] } };
      });
      return [...edits, ...lenses];
    }),
  );

  const actions = new CodeActionProvider(host);
  connection.onCodeAction(guarded('codeAction', [] as CodeAction[], (params) => actions.codeActions(params)));
  connection.onCodeActionResolve(cancellable(connection, 'codeAction/resolve', (_error: Error, action: CodeAction) => action, (action) => actions.resolve(action)));
  connection.onExecuteCommand(
    cancellable<ExecuteCommandParams, unknown>(
      connection,
      (params) => `executeCommand ${params.command}`,
      // The commands answer `{error}` rather than nothing: clients show it (docs/fixes.md).
      (error: Error, params: ExecuteCommandParams) => ({ error: `${params.command} failed: ${error.message}` }),
      (params) => actions.execute(params),
    ),
  );

  host.documents.onDidClose((event) => engine.trees.forget(host.fileOf(event.document.uri)));
  registerGraphRequests(host);
}

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  service: CompletionItemKind.Reference,
  port: CompletionItemKind.Value,
  'label-key': CompletionItemKind.Property,
  'label-value': CompletionItemKind.Value,
  class: CompletionItemKind.Class,
  annotation: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
  namespace: CompletionItemKind.Module,
  gateway: CompletionItemKind.Reference,
};

/** An icon per Kubernetes kind family. */
function symbolKindOf(kind: string): SymbolKind {
  switch (kind) {
    case 'Service':
      return SymbolKind.Interface;
    case 'Ingress':
    case 'Gateway':
    case 'HTTPRoute':
    case 'GRPCRoute':
    case 'TLSRoute':
    case 'TCPRoute':
    case 'UDPRoute':
      return SymbolKind.Event;
    case 'NetworkPolicy':
      return SymbolKind.Struct;
    case 'Namespace':
      return SymbolKind.Namespace;
    case 'ConfigMap':
    case 'Secret':
      return SymbolKind.Object;
    case 'IngressClass':
    case 'GatewayClass':
      return SymbolKind.Enum;
    case 'Pod':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
    case 'CronJob':
      return SymbolKind.Class;
    default:
      return kind.endsWith('List') ? SymbolKind.Array : SymbolKind.Module;
  }
}
