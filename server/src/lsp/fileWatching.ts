/**
 * File watching: the server asks the client to watch the manifests, and the creation and deletion of anything (when
 * it can register watchers dynamically), and applies the events to files that are not open: created and changed
 * files are read, deleted ones dropped. A folder created with files in it (git checkout or pull, `mkdir` and a copy,
 * `helm create`, an unzip) often arrives as one event for the folder, which no manifest glob matches: it is walked.
 * A deleted folder arrives as one event too: every file under it is dropped. A change to a cluster profile file
 * reloads the settings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type DidChangeWatchedFilesParams, type FileSystemWatcher } from 'vscode-languageserver/node';
import { scanFiles } from '../io/scanFiles';
import type { ServerContext } from './serverContext';
import { reloadSettings } from './settingsSync';

/** Manifests: every kind of event. Anything else: created and deleted, for the folders among them. */
const FILE_WATCHERS: readonly FileSystemWatcher[] = [
  { globPattern: '**/*.{yaml,yml,json}' },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

export function registerFileWatchers(ctx: ServerContext): void {
  if (!ctx.client.watchRegistration) return;
  void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...FILE_WATCHERS] });
}

export function onWatchedFilesChanged(ctx: ServerContext, params: DidChangeWatchedFilesParams): void {
  let profileChanged = false;
  let changed = false;
  // A manifest matches both watchers: its event may come twice in one batch.
  const seen = new Set<string>();
  // The analysed files, sorted, for deleted folders (built once per batch: a build's clean-up deletes thousands).
  let known: string[] | undefined;
  // Each change on its own: one that cannot be handled (a URI of another host or scheme, a file that vanished while
  // read) must not drop the others of the batch.
  for (const change of params.changes) {
    try {
      if (seen.has(`${change.type} ${change.uri}`)) continue;
      seen.add(`${change.type} ${change.uri}`);
      const file = ctx.uris.localPathOf(change.uri);
      if (file === undefined) continue; // not a local file: nothing of the workspace
      if (ctx.folders.isProfileFile(file)) profileChanged = true;
      if (ctx.documents.get(change.uri)) continue; // the editor's text wins while the file is open
      if (change.type === FileChangeType.Deleted) {
        if (ctx.analysis.hasFile(file)) {
          ctx.analysis.removeFile(file);
          changed = true;
          continue;
        }
        // A deleted folder arrives as one event: drop every file under it.
        known ??= ctx.analysis.fileNames().sort();
        const under = filesUnder(known, file);
        for (const gone of under) ctx.analysis.removeFile(gone);
        if (under.length > 0) {
          known = undefined;
          changed = true;
        }
      } else if (ctx.folders.wanted(file)) {
        ctx.contents.readFromDisk(file);
        changed = true;
      } else if (change.type === FileChangeType.Created && isDirectory(file)) {
        changed = readNewFolder(ctx, file) || changed;
      }
    } catch (error) {
      ctx.connection.console.warn(`file change ${change.uri} skipped: ${(error as Error).message}`);
    }
  }
  if (profileChanged) void reloadSettings(ctx);
  // Events about other files (a build's output, a README) change nothing to publish.
  else if (changed) ctx.publisher.refreshAndPublish();
}

/** Reads the manifests of a new folder that the settings do not exclude; true when there was one. */
function readNewFolder(ctx: ServerContext, folder: string): boolean {
  if (ctx.folders.isExcluded(folder)) return false;
  const settings = ctx.folders.folderOf(folder)?.settings;
  const scan = scanFiles([folder], settings ? { exclude: settings.exclude, maxFileSize: settings.maxFileSize } : {});
  // scanFiles matches the patterns relative to the new folder; the workspace folder's patterns decide (`app/gen/**`).
  const found = [...scan.files, ...scan.tooLarge.map((t) => t.file)].filter((file) => ctx.folders.wanted(file) && !ctx.contents.openDocument(file));
  for (const file of found) ctx.contents.readFromDisk(file);
  return found.length > 0;
}

/** The names of `sorted` inside the folder `folder` (binary search: they are contiguous). */
function filesUnder(sorted: readonly string[], folder: string): string[] {
  const prefix = folder + path.sep;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
