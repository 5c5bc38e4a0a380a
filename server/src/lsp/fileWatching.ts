/**
 * File watching: the server asks the client to watch the manifests (when it can register watchers dynamically) and
 * applies the events to files that are not open: created and changed files are read, deleted ones dropped (a deleted
 * folder arrives as one event: every file under it is dropped), a folder created with files in it is walked. A change
 * to a cluster profile file reloads the settings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { scanFiles } from '../io/scanFiles';
import type { ServerContext } from './serverContext';
import { reloadSettings } from './settingsSync';

export function registerFileWatchers(ctx: ServerContext): void {
  if (!ctx.client.watchRegistration) return;
  void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
}

export function onWatchedFilesChanged(ctx: ServerContext, params: DidChangeWatchedFilesParams): void {
  let profileChanged = false;
  // Each change on its own: one that cannot be handled (a URI of another host or scheme, a file that vanished while
  // read) must not drop the others of the batch.
  for (const change of params.changes) {
    try {
      const file = ctx.uris.localPathOf(change.uri);
      if (file === undefined) continue; // not a local file: nothing of the workspace
      if (ctx.folders.isProfileFile(file)) profileChanged = true;
      if (ctx.documents.get(change.uri)) continue; // the editor's text wins while the file is open
      if (change.type === FileChangeType.Deleted) {
        ctx.analysis.removeFile(file);
        // A deleted folder arrives as one event: drop every file under it.
        for (const known of ctx.analysis.fileNames()) if (known.startsWith(file + path.sep)) ctx.analysis.removeFile(known);
      } else if (ctx.folders.wanted(file)) {
        ctx.contents.readFromDisk(file);
      } else if (change.type === FileChangeType.Created && isDirectory(file)) {
        readNewFolder(ctx, file);
      }
    } catch (error) {
      ctx.connection.console.warn(`file change ${change.uri} skipped: ${(error as Error).message}`);
    }
  }
  if (profileChanged) void reloadSettings(ctx);
  else ctx.publisher.refreshAndPublish();
}

/** A folder created with files in it (git checkout, unzip) may arrive as one event for the folder: walk it. */
function readNewFolder(ctx: ServerContext, folder: string): void {
  if (ctx.folders.isExcluded(folder)) return;
  const settings = ctx.folders.folderOf(folder)?.settings;
  const scan = scanFiles([folder], settings ? { exclude: settings.exclude, maxFileSize: settings.maxFileSize } : {});
  for (const found of [...scan.files, ...scan.tooLarge.map((t) => t.file)]) if (!ctx.contents.openDocument(found)) ctx.contents.readFromDisk(found);
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
