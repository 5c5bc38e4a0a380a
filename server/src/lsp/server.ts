/**
 * The language server: wires LSP to the engine. It owns all IO (reading files, watching, settings) and converts
 * engine offsets to LSP positions (convert.ts); everything it knows about Kubernetes comes from the engine.
 *
 * The pieces, each in its module: the workspace folders and their settings (workspaceFolders.ts, settingsSync.ts),
 * what the analysis holds per file (fileContents.ts), the initial scan (workspaceScan.ts), file watching
 * (fileWatching.ts), open documents (documentSync.ts, looseDocuments.ts), publishing diagnostics and status
 * (publisher.ts), and the features (features.ts, codeActions.ts, graphRequests.ts).
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../engine/analysis';
import type { NetlensInitializationOptions } from '../protocol/requests';
import { clientResolvesCodeActions } from './codeActions';
import { DocumentUris } from './documentUris';
import { registerDocumentSync } from './documentSync';
import { featureCapabilities, registerFeatureHandlers } from './features';
import { FileContents } from './fileContents';
import { onWatchedFilesChanged, registerFileWatchers } from './fileWatching';
import { LooseDocuments } from './looseDocuments';
import { Publisher } from './publisher';
import type { ServerContext } from './serverContext';
import { loadSettings, reloadSettings } from './settingsSync';
import { WorkspaceFolders } from './workspaceFolders';
import { scanWorkspace } from './workspaceScan';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const uris = new DocumentUris();
  const folders = new WorkspaceFolders();
  const loggedRuleFailures = new Set<string>();
  const analysis = new Analysis({
    settingsFor: (file) => folders.analysisSettingsOf(file),
    onRuleError: (ruleId, error) => {
      if (loggedRuleFailures.has(ruleId)) return;
      loggedRuleFailures.add(ruleId);
      connection.console.error(`rule ${ruleId} failed; its findings are skipped: ${(error as Error).stack ?? String(error)}`);
    },
  });
  const publisher = new Publisher(connection, analysis, uris);
  const ctx: ServerContext = {
    connection,
    documents,
    analysis,
    uris,
    folders,
    contents: new FileContents(analysis, documents, uris, folders),
    loose: new LooseDocuments(folders, uris, publisher),
    publisher,
    client: { configuration: false, watchRegistration: false, progress: false, codeActionResolve: false, changeAnnotations: false },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    ctx.client = {
      configuration: capabilities.workspace?.configuration === true,
      watchRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      // A client that shows netlens/status (VS Code's status item) gets the scan's progress there only.
      progress: capabilities.window?.workDoneProgress === true && (params.initializationOptions as NetlensInitializationOptions | undefined)?.showsStatus !== true,
      codeActionResolve: clientResolvesCodeActions(capabilities),
      changeAnnotations: capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined,
    };
    publisher.relatedInformation = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    folders.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: false } },
        ...featureCapabilities(params.capabilities),
      },
      serverInfo: { name: 'netlens-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (ctx.client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'netlens' });
    registerFileWatchers(ctx);
    try {
      await loadSettings(ctx);
    } catch (error) {
      connection.console.warn(`could not read settings, using defaults: ${(error as Error).message}`);
    }
    await scanWorkspace(ctx);
  });

  connection.onDidChangeConfiguration(() => reloadSettings(ctx));
  connection.onDidChangeWatchedFiles((params) => onWatchedFilesChanged(ctx, params));
  registerDocumentSync(ctx);

  registerFeatureHandlers({
    connection,
    documents,
    analysis,
    fileOf: (uri) => uris.fileOf(uri),
    uriOf: (file) => uris.uriOf(file),
    textOf: (file) => ctx.contents.currentText(file),
    workspaceRootOf: (file) => folders.folderOf(file)?.root,
    resolvesCodeActions: () => ctx.client.codeActionResolve,
    annotatesChanges: () => ctx.client.changeAnnotations,
  });

  documents.listen(connection);
  connection.listen();
}
