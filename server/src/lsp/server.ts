/**
 * The language server: wires LSP to the engine. It owns all IO (reading files, watching, settings) and converts
 * engine offsets to LSP positions; everything it knows about Kubernetes comes from the engine.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../engine/analysis';
import { fileSize, isManifestPath, makeExcluder, readManifest, scanFiles, tooLargeReason } from '../io/scanFiles';
import { toDiagnostic } from './convert';
import { featureCapabilities, registerFeatureHandlers } from './features';
import { DEFAULT_FOLDER_SETTINGS, folderSettingsFrom, type FolderSettings } from './settings';

interface Folder {
  uri: string;
  root: string;
  settings: FolderSettings;
  excluded: (file: string) => boolean;
}

/** Files per batch during the initial scan; between batches the server answers other requests. */
const SCAN_BATCH = 100;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let folders: Folder[] = [];
  let supportsConfiguration = false;
  let supportsWatchRegistration = false;
  let supportsProgress = false;
  /** URIs as the client spells them, for files it opened (VS Code and Node encode some characters differently). */
  const clientUris = new Map<string, string>();
  const loggedRuleFailures = new Set<string>();

  const analysis = new Analysis({
    settingsFor: (file) => folderOf(file)?.settings.analysis ?? DEFAULT_FOLDER_SETTINGS.analysis,
    onRuleError: (ruleId, error) => {
      if (loggedRuleFailures.has(ruleId)) return;
      loggedRuleFailures.add(ruleId);
      connection.console.error(`rule ${ruleId} failed; its findings are skipped: ${(error as Error).stack ?? String(error)}`);
    },
  });

  const fileOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  const uriOf = (file: string): string => clientUris.get(file) ?? (path.isAbsolute(file) ? pathToFileURL(file).href : file);

  function folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of folders) {
      const relative = path.relative(folder.root, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  function wanted(file: string): boolean {
    if (!isManifestPath(file)) return false;
    const folder = folderOf(file);
    return !folder || !folder.excluded(file);
  }

  function publish(files: readonly string[]): void {
    for (const file of files) {
      const diagnostics = analysis.findings(file).map((f) => toDiagnostic(analysis, f, uriOf));
      void connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
    }
  }

  function refreshAndPublish(): void {
    publish(analysis.refresh());
  }

  function readFromDisk(file: string): void {
    const folder = folderOf(file);
    const limit = folder?.settings.maxFileSize ?? DEFAULT_FOLDER_SETTINGS.maxFileSize;
    const size = fileSize(file);
    if (size === undefined) {
      analysis.removeFile(file);
      return;
    }
    if (size > limit) {
      analysis.setSkippedFile(file, tooLargeReason(size, limit));
      return;
    }
    const read = readManifest(file);
    if ('error' in read) analysis.setSkippedFile(file, read.error);
    else analysis.setFile(file, read.text);
  }

  async function loadSettings(): Promise<void> {
    if (!supportsConfiguration) return;
    const raw = await connection.workspace.getConfiguration(folders.map((f) => ({ scopeUri: f.uri, section: 'netlens' })));
    folders = folders.map((folder, i) => {
      const settings = folderSettingsFrom(raw[i]);
      return { ...folder, settings, excluded: makeExcluder(folder.root, settings.exclude) };
    });
  }

  async function scanWorkspace(): Promise<void> {
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress() : undefined;
    const files: string[] = [];
    for (const folder of folders) {
      // Large files are listed too: readFromDisk reports each one once instead of reading it.
      const scan = scanFiles([folder.root], { exclude: folder.settings.exclude, maxFileSize: folder.settings.maxFileSize });
      files.push(...scan.files, ...scan.tooLarge.map((t) => t.file));
    }
    progress?.begin('Netlens: reading manifests', 0, `0/${files.length}`, false);
    for (let i = 0; i < files.length; i += SCAN_BATCH) {
      for (const file of files.slice(i, i + SCAN_BATCH)) {
        if (!documents.get(uriOf(file))) readFromDisk(file);
      }
      progress?.report(Math.round(((i + SCAN_BATCH) / Math.max(files.length, 1)) * 100), `${Math.min(i + SCAN_BATCH, files.length)}/${files.length}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress?.done();
    refreshAndPublish();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    supportsConfiguration = capabilities.workspace?.configuration === true;
    supportsWatchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    supportsProgress = capabilities.window?.workDoneProgress === true;
    const workspaceFolders: WorkspaceFolder[] =
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : params.rootPath ? [{ uri: pathToFileURL(params.rootPath).href, name: 'root' }] : []);
    folders = workspaceFolders
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => {
        const root = fileURLToPath(f.uri);
        return { uri: f.uri, root, settings: DEFAULT_FOLDER_SETTINGS, excluded: makeExcluder(root, DEFAULT_FOLDER_SETTINGS.exclude) };
      });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: false } },
        ...featureCapabilities(),
      },
      serverInfo: { name: 'netlens-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'netlens' });
    if (supportsWatchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
    }
    try {
      await loadSettings();
    } catch (error) {
      connection.console.warn(`could not read settings, using defaults: ${(error as Error).message}`);
    }
    await scanWorkspace();
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    analysis.settingsChanged((file) => {
      const open = documents.get(uriOf(file));
      if (open) return open.getText();
      const read = readManifest(file);
      return 'text' in read && wanted(file) ? read.text : undefined;
    });
    refreshAndPublish();
  });

  documents.onDidOpen((event) => {
    clientUris.set(fileOf(event.document.uri), event.document.uri);
  });

  documents.onDidChangeContent((event) => {
    const file = fileOf(event.document.uri);
    if (!wanted(file) && !analysis.hasFile(file)) return;
    analysis.setFile(file, event.document.getText());
    refreshAndPublish();
  });

  documents.onDidClose((event) => {
    const file = fileOf(event.document.uri);
    // The saved text on disk is the truth again once the editor lets go of the file.
    if (event.document.uri.startsWith('file:') && wanted(file)) readFromDisk(file);
    else {
      analysis.removeFile(file);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }
    refreshAndPublish();
    clientUris.delete(file);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileOf(change.uri);
      if (documents.get(change.uri)) continue; // the editor's text wins while the file is open
      if (change.type === FileChangeType.Deleted) {
        analysis.removeFile(file);
        // A deleted folder arrives as one event: drop every file under it.
        for (const known of analysis.fileNames()) if (known.startsWith(file + path.sep)) analysis.removeFile(known);
      } else if (wanted(file)) {
        readFromDisk(file);
      }
    }
    refreshAndPublish();
  });

  registerFeatureHandlers({
    connection,
    documents,
    analysis,
    fileOf,
    uriOf,
    textOf: (file) => {
      const open = documents.get(uriOf(file));
      if (open) return open.getText();
      const read = readManifest(file);
      return 'text' in read ? read.text : undefined;
    },
  });

  documents.listen(connection);
  connection.listen();
}
