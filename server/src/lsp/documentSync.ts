/**
 * Open documents (incremental sync): the editor's text is what the analysis reads while a file is open; closing it
 * returns to the text on disk. Documents that are no workspace files go to their own analysis (looseDocuments.ts).
 * An edited cluster profile file reloads the settings.
 *
 * An open document over LARGE_DOCUMENT (UTF-16 code units) is analysed once typing pauses for
 * LARGE_DOCUMENT_PAUSE_MS, not on every keystroke: reading and checking a 2 MB manifest takes seconds (see
 * docs/performance.md), and a queue of keystrokes would hold the server for that long each. Small documents are
 * analysed on every change.
 */
import type { ServerContext } from './serverContext';
import { reloadSettings } from './settingsSync';

const LARGE_DOCUMENT = 256 * 1024;
const LARGE_DOCUMENT_PAUSE_MS = 400;

export function registerDocumentSync(ctx: ServerContext): void {
  const { documents, uris, analysis, contents, folders, publisher, loose } = ctx;
  /** Large documents waiting for typing to pause, by file. */
  const pausedEdits = new Map<string, NodeJS.Timeout>();

  /** Reads the open document's text into the analysis and publishes; the reading and the checks run in two turns. */
  async function analyseOpenDocument(file: string): Promise<void> {
    pausedEdits.delete(file);
    if (!contents.openDocument(file)) return; // closed meanwhile: onDidClose has read the disk
    contents.loadCurrent(file);
    // Reading a large file took its time: let the requests and edits that queued meanwhile in before the checks.
    await new Promise((resolve) => setImmediate(resolve));
    if (pausedEdits.has(file)) return; // edited again meanwhile: analysed once that pause ends
    // The edited document always gets an answer, empty or not: editors wait for it after opening a file.
    publisher.refreshAndPublish([file]);
  }

  function stopWaiting(file: string): void {
    const waiting = pausedEdits.get(file);
    if (waiting) clearTimeout(waiting);
    pausedEdits.delete(file);
  }

  documents.onDidOpen((event) => uris.opened(event.document.uri));

  documents.onDidChangeContent((event) => {
    if (!loose.isWorkspaceFile(event.document.uri)) {
      loose.analyse(event.document);
      return;
    }
    const file = uris.fileOf(event.document.uri);
    if (folders.isProfileFile(file)) void reloadSettings(ctx);
    if (!folders.wanted(file) && !analysis.hasFile(file)) return;
    stopWaiting(file);
    if (event.document.getText().length > LARGE_DOCUMENT) {
      pausedEdits.set(file, setTimeout(() => void analyseOpenDocument(file), LARGE_DOCUMENT_PAUSE_MS));
      return;
    }
    contents.loadCurrent(file);
    // The edited document always gets an answer, empty or not: editors wait for it after opening a file.
    publisher.refreshAndPublish([file]);
  });

  documents.onDidClose((event) => {
    stopWaiting(uris.fileOf(event.document.uri));
    if (!loose.isWorkspaceFile(event.document.uri)) {
      loose.close(event.document.uri);
      return;
    }
    const file = uris.fileOf(event.document.uri);
    // The saved text on disk is the truth again once the editor lets go of the file.
    if (folders.wanted(file)) contents.readFromDisk(file);
    else {
      analysis.removeFile(file);
      publisher.clear(event.document.uri);
    }
    publisher.refreshAndPublish();
    uris.closed(event.document.uri);
  });
}
