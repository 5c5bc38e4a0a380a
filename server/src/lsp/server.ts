/**
 * The language server: wires LSP to the engine. It owns all IO (reading files, watching, settings) and converts
 * engine offsets to LSP positions; everything it knows about Kubernetes comes from the engine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../engine/analysis';
import type { Finding } from '../engine/rules/rule';
import { profileFromSettings } from '../engine/profile/fromSettings';
import { PROFILE_FILE_NAME } from '../engine/profile/parseProfile';
import { loadProfileFiles, readTextFile, type ProfileFileIssue } from '../io/profileFiles';
import { excludeProblems, fileSize, isManifestPath, makeExcluder, readManifest, scanFiles, tooLargeReason } from '../io/scanFiles';
import { toDiagnostic } from './convert';
import { featureCapabilities, registerFeatureHandlers } from './features';
import { DEFAULT_FOLDER_SETTINGS, folderSettingsFrom, type FolderSettings } from './settings';

interface Folder {
  uri: string;
  root: string;
  /** The cluster profile's files (`.netlens.yaml`, its importFrom): a change to one reloads the folder's settings. */
  profileFiles: string[];
  settings: FolderSettings;
  excluded: (file: string) => boolean;
}

/** Files per batch during the initial scan; between batches the server answers other requests. */
const SCAN_BATCH = 100;

/**
 * An open document this large (UTF-16 code units) is analysed once typing pauses for LARGE_DOCUMENT_PAUSE_MS, not on
 * every keystroke: reading and checking a 2 MB manifest takes seconds (see docs/performance.md), and a queue of
 * keystrokes would hold the server for that long each. Small documents are analysed on every change as before.
 */
const LARGE_DOCUMENT = 256 * 1024;
const LARGE_DOCUMENT_PAUSE_MS = 400;

/** A refresh runs this long before it lets queued messages in (as `runSliced` does for slow queries). */
const REFRESH_SLICE_MS = 10;

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

  /**
   * The local path of a `file:` URI; undefined for any other scheme and for a `file:` URI that names no local path
   * (`file://otherhost/x.yaml`, which fileURLToPath refuses): such a document is not a workspace file.
   */
  const localPathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };
  /** The analysis's key for a document: its local path, else its URI (untitled documents, other schemes). */
  const fileOf = (uri: string): string => localPathOf(uri) ?? uri;
  const uriOf = (file: string): string => clientUris.get(file) ?? (path.isAbsolute(file) ? pathToFileURL(file).href : file);

  function folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of folders) {
      const relative = path.relative(folder.root, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  function isDirectory(file: string): boolean {
    try {
      return fs.statSync(file).isDirectory();
    } catch {
      return false;
    }
  }

  /** A file's text as the analysis should see it: the editor's unsaved text when it is open, else the disk's. */
  function currentText(file: string): string | undefined {
    const open = documents.get(uriOf(file));
    if (open) return open.getText();
    const read = readManifest(file);
    return 'text' in read ? read.text : undefined;
  }

  function wanted(file: string): boolean {
    if (!isManifestPath(file)) return false;
    const folder = folderOf(file);
    return !folder || !folder.excluded(file);
  }

  function sendFindings(file: string, findings: readonly Finding[]): void {
    void connection.sendDiagnostics({ uri: uriOf(file), diagnostics: findings.map((f) => toDiagnostic(analysis, f, uriOf)) });
  }

  function publish(files: readonly string[]): void {
    for (const file of files) sendFindings(file, analysis.findings(file));
  }

  /**
   * `alsoPublish`: files whose diagnostics the editor expects even when unchanged (an opened or edited file).
   *
   * The refresh runs in time slices (`Analysis.refreshSteps`): a small edit's refresh finishes in the first slice,
   * right here, as before; a long one (a 2 MB manifest, the end of the scan of a large workspace) lets requests and
   * edits in between slices. An edit made meanwhile makes the running refresh give up at its next step and a new one
   * starts (`refreshing` loops until one completes), so diagnostics are always those of the latest text.
   */
  const alsoPublishPending = new Set<string>();
  let refreshing = false;
  function refreshAndPublish(alsoPublish: readonly string[] = []): void {
    if (scanning) {
      // Only the findings that stand without the rest of the workspace (see `scanning`).
      for (const file of alsoPublish) sendFindings(file, analysis.provisionalFindings(file));
      return;
    }
    for (const file of alsoPublish) alsoPublishPending.add(file);
    if (!refreshing) void runRefresh();
  }

  async function runRefresh(): Promise<void> {
    refreshing = true;
    try {
      for (;;) {
        const steps = analysis.refreshSteps();
        let result: IteratorResult<void, string[] | undefined>;
        for (;;) {
          const deadline = performance.now() + REFRESH_SLICE_MS;
          do result = steps.next();
          while (!result.done && performance.now() < deadline);
          if (result.done) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (!result.value) continue; // the analysis changed while paused: start again with the latest state
        const also = [...alsoPublishPending];
        alsoPublishPending.clear();
        publish([...new Set([...result.value, ...also])]);
        void connection.sendNotification('netlens/status', { resources: analysis.index.resourceCount, files: analysis.fileNames().length });
        return;
      }
    } catch (error) {
      connection.console.error(`refresh failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      refreshing = false;
    }
  }

  function sizeLimitOf(file: string): number {
    return folderOf(file)?.settings.maxFileSize ?? DEFAULT_FOLDER_SETTINGS.maxFileSize;
  }

  /**
   * What the analysis holds for a file: its text, or why it is skipped. The size limit applies to the editor's text as
   * to the disk's: one 6 MB manifest took 26 s to open and 20 s per keystroke, with the server answering nothing
   * meanwhile. Undefined: the file is gone.
   */
  type Content = { text: string } | { skipped: string };
  function contentOf(file: string, fromEditor: boolean): Content | undefined {
    const limit = sizeLimitOf(file);
    const open = fromEditor ? documents.get(uriOf(file)) : undefined;
    if (open) {
      const text = open.getText();
      const size = Buffer.byteLength(text, 'utf8');
      return size > limit ? { skipped: tooLargeReason(size, limit) } : { text };
    }
    const size = fileSize(file);
    if (size === undefined) return undefined;
    if (size > limit) return { skipped: tooLargeReason(size, limit) };
    const read = readManifest(file, { maxFileSize: limit });
    return 'error' in read ? { skipped: read.error } : { text: read.text };
  }

  function load(file: string, content: Content | undefined): void {
    if (!content) analysis.removeFile(file);
    else if ('skipped' in content) analysis.setSkippedFile(file, content.skipped);
    else analysis.setFile(file, content.text);
  }

  function readFromDisk(file: string): void {
    load(file, contentOf(file, false));
  }

  /** Settings and cluster profile of every folder; profile problems are published on the profile's files. */
  async function loadSettings(): Promise<void> {
    const raw: unknown[] = supportsConfiguration ? await connection.workspace.getConfiguration(folders.map((f) => ({ scopeUri: f.uri, section: 'netlens' }))) : folders.map(() => undefined);
    const issues: ProfileFileIssue[] = [];
    folders = folders.map((folder, i) => {
      const settings = folderSettingsFrom(raw[i]);
      // A pattern the matcher refuses (too long, extended globs) excludes nothing: said, not ignored silently.
      for (const problem of excludeProblems(settings.exclude)) connection.console.warn(`netlens.exclude of ${folder.root}: ${problem}`);
      const profileFile = path.join(folder.root, PROFILE_FILE_NAME);
      const loaded = loadProfileFiles(fs.existsSync(profileFile) || documents.get(uriOf(profileFile)) ? profileFile : undefined, {
        settings: profileFromSettings(raw[i]),
        baseDir: folder.root,
        // The profile and its import are workspace content: read only inside the folder (io/profileFiles.ts).
        confineTo: { roots: [folder.root], describe: `the workspace folder ${folder.root}` },
        readText: (file) => {
          const open = documents.get(uriOf(file));
          return open ? { text: open.getText() } : readTextFile(file);
        },
      });
      for (const issue of loaded.issues) {
        // Issues of the merged profile or of settings have no file: shown on the profile file when there is one.
        if (issue.file) issues.push(issue);
        else if (loaded.files[0]) issues.push({ ...issue, file: loaded.files[0] });
        else connection.console.warn(`cluster profile (settings of ${folder.root}): ${issue.severity}: ${issue.message}`);
      }
      // defaultNamespace is a profile key too: `.netlens.yaml` wins over the setting, like every profile key.
      settings.analysis = { ...settings.analysis, defaultNamespace: loaded.profile.defaultNamespace ?? settings.analysis.defaultNamespace, profile: loaded.profile };
      return { ...folder, settings, excluded: makeExcluder(folder.root, settings.exclude), profileFiles: loaded.files };
    });
    publishProfileIssues(issues.filter((i) => i.file));
  }

  let profileDiagnosticUris = new Set<string>();
  function publishProfileIssues(issues: readonly ProfileFileIssue[]): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const issue of issues) {
      const uri = uriOf(issue.file);
      const start = issue.start ?? { line: 0, column: 0 };
      const end = issue.end ?? start;
      const diagnostic: Diagnostic = {
        range: { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } },
        severity: issue.severity === 'error' ? DiagnosticSeverity.Error : issue.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
        source: 'netlens',
        code: 'cluster-profile',
        message: issue.message,
      };
      byUri.set(uri, [...(byUri.get(uri) ?? []), diagnostic]);
    }
    for (const uri of profileDiagnosticUris) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    profileDiagnosticUris = new Set(byUri.keys());
  }

  function isProfileFile(file: string): boolean {
    return path.basename(file) === PROFILE_FILE_NAME || folders.some((f) => f.profileFiles.includes(file));
  }

  /** Settings or the cluster profile changed: read them again and re-analyse every file with them. */
  async function reloadSettings(): Promise<void> {
    await loadSettings();
    const skipped = new Map<string, string>();
    analysis.settingsChanged((file) => {
      if (!documents.get(uriOf(file)) && !wanted(file)) return undefined;
      const content = contentOf(file, true);
      if (content && 'skipped' in content) skipped.set(file, content.skipped);
      return content && 'text' in content ? content.text : undefined;
    });
    // Over the (maybe new) size limit, unreadable: reported once each, as after the scan.
    for (const [file, reason] of skipped) analysis.setSkippedFile(file, reason);
    refreshAndPublish();
    for (const document of documents.all()) analyseLooseDocument(document);
  }

  /**
   * True until the initial scan has read every file: meanwhile an edited file gets only its provisional findings
   * (those that do not depend on other files), because the index is still partial.
   */
  let scanning = true;

  async function scanWorkspace(): Promise<void> {
    try {
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
    } finally {
      // Even after a failed scan the index is as complete as it will get: complete findings from here on.
      scanning = false;
      // Open files got provisional findings so far: each gets its complete ones now, first (the refresh of every
      // other file takes seconds in a large workspace), then again from the refresh, changed or not.
      const open = documents.all().map((d) => fileOf(d.uri)).filter((file) => analysis.hasFile(file));
      for (const file of open) sendFindings(file, analysis.findingsAside(file));
      // Let the connection write them before the refresh holds the event loop for seconds.
      await new Promise((resolve) => setImmediate(resolve));
      refreshAndPublish(open);
    }
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
        return { uri: f.uri, root, settings: DEFAULT_FOLDER_SETTINGS, excluded: makeExcluder(root, DEFAULT_FOLDER_SETTINGS.exclude), profileFiles: [] };
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

  connection.onDidChangeConfiguration(() => reloadSettings());

  documents.onDidOpen((event) => {
    clientUris.set(fileOf(event.document.uri), event.document.uri);
  });

  /**
   * Documents that are not workspace files (untitled YAML, a `file:` URI of another host) are analysed on their own,
   * in an analysis of their own: syntax errors and the checks that read nothing but the document itself (the same
   * set the server publishes while the initial scan runs, `provisionalFindings`). They never enter the workspace
   * index: a Service in an unsaved buffer does not make a workspace Ingress's backend exist, and the document gets no
   * finding that would need the workspace (a selector that matches nothing, a backend that is missing) because
   * nothing it names can be judged from outside the workspace.
   */
  const looseDocuments = new Analysis({ settingsFor: () => folders[0]?.settings.analysis ?? DEFAULT_FOLDER_SETTINGS.analysis });

  function analyseLooseDocument(document: TextDocument): void {
    if (localPathOf(document.uri) !== undefined) return;
    const limit = folders[0]?.settings.maxFileSize ?? DEFAULT_FOLDER_SETTINGS.maxFileSize;
    const text = document.getText();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > limit) looseDocuments.setSkippedFile(document.uri, tooLargeReason(size, limit));
    else looseDocuments.setFile(document.uri, text);
    const findings = looseDocuments.provisionalFindings(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: findings.map((f) => toDiagnostic(looseDocuments, f, (file) => file)) });
  }

  /** Large documents waiting for typing to pause, by file. */
  const pausedEdits = new Map<string, NodeJS.Timeout>();

  /** Reads the open document's text into the analysis and publishes; the reading and the checks run in two turns. */
  async function analyseOpenDocument(file: string): Promise<void> {
    pausedEdits.delete(file);
    if (!documents.get(uriOf(file))) return; // closed meanwhile: onDidClose has read the disk
    load(file, contentOf(file, true));
    // Reading a large file took its time: let the requests and edits that queued meanwhile in before the checks.
    await new Promise((resolve) => setImmediate(resolve));
    if (pausedEdits.has(file)) return; // edited again meanwhile: analysed once that pause ends
    // The edited document always gets an answer, empty or not: editors wait for it after opening a file.
    refreshAndPublish([file]);
  }

  documents.onDidChangeContent((event) => {
    if (localPathOf(event.document.uri) === undefined) {
      analyseLooseDocument(event.document);
      return;
    }
    const file = fileOf(event.document.uri);
    if (isProfileFile(file)) void reloadSettings();
    if (!wanted(file) && !analysis.hasFile(file)) return;
    const waiting = pausedEdits.get(file);
    if (waiting) clearTimeout(waiting);
    if (event.document.getText().length > LARGE_DOCUMENT) {
      pausedEdits.set(file, setTimeout(() => void analyseOpenDocument(file), LARGE_DOCUMENT_PAUSE_MS));
      return;
    }
    pausedEdits.delete(file);
    load(file, contentOf(file, true));
    // The edited document always gets an answer, empty or not: editors wait for it after opening a file.
    refreshAndPublish([file]);
  });

  documents.onDidClose((event) => {
    const waiting = pausedEdits.get(fileOf(event.document.uri));
    if (waiting) clearTimeout(waiting);
    pausedEdits.delete(fileOf(event.document.uri));
    if (localPathOf(event.document.uri) === undefined) {
      looseDocuments.removeFile(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
      return;
    }
    const file = fileOf(event.document.uri);
    // The saved text on disk is the truth again once the editor lets go of the file.
    if (wanted(file)) readFromDisk(file);
    else {
      analysis.removeFile(file);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }
    refreshAndPublish();
    clientUris.delete(file);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let profileChanged = false;
    // Each change on its own: one that cannot be handled (a URI of another host or scheme, a file that vanished
    // while read) must not drop the others of the batch.
    for (const change of params.changes) {
      try {
        const file = localPathOf(change.uri);
        if (file === undefined) continue; // not a local file: nothing of the workspace
        if (isProfileFile(file)) profileChanged = true;
        if (documents.get(change.uri)) continue; // the editor's text wins while the file is open
        if (change.type === FileChangeType.Deleted) {
          analysis.removeFile(file);
          // A deleted folder arrives as one event: drop every file under it.
          for (const known of analysis.fileNames()) if (known.startsWith(file + path.sep)) analysis.removeFile(known);
        } else if (wanted(file)) {
          readFromDisk(file);
        } else if (change.type === FileChangeType.Created && isDirectory(file)) {
          // A folder created with files in it (git checkout, unzip) may arrive as one event for the folder.
          const folder = folderOf(file);
          if (!folder || !folder.excluded(file)) {
            const scan = scanFiles([file], folder ? { exclude: folder.settings.exclude, maxFileSize: folder.settings.maxFileSize } : {});
            for (const found of [...scan.files, ...scan.tooLarge.map((t) => t.file)]) if (!documents.get(uriOf(found))) readFromDisk(found);
          }
        }
      } catch (error) {
        connection.console.warn(`file change ${change.uri} skipped: ${(error as Error).message}`);
      }
    }
    if (profileChanged) void reloadSettings();
    else refreshAndPublish();
  });

  registerFeatureHandlers({
    connection,
    documents,
    analysis,
    fileOf,
    uriOf,
    textOf: currentText,
    workspaceRootOf: (file) => folderOf(file)?.root,
  });

  documents.listen(connection);
  connection.listen();
}
