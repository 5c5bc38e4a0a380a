/**
 * The workspace folders and their settings: which folder a file belongs to, whether the analysis wants it (manifest
 * extension, not excluded), its size limit, and each folder's settings and cluster profile, read through
 * `workspace/configuration` and from `<folder>/.netlens.yaml` (the open editor's text when it is open) and its
 * `cluster.importFrom`, merged by the engine (profile/effectiveProfile.ts; file > import > settings).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, InitializeParams, WorkspaceFolder as LspWorkspaceFolder } from 'vscode-languageserver/node';
import type { AnalysisSettings } from '../engine/analysis';
import { profileFromSettings } from '../engine/profile/fromSettings';
import { PROFILE_FILE_NAME } from '../engine/profile/parseProfile';
import { loadProfileFiles, readTextFile, type ProfileFileIssue } from '../io/profileFiles';
import { excludeProblems, isManifestPath, makeExcluder } from '../io/scanFiles';
import { DEFAULT_FOLDER_SETTINGS, folderSettingsFrom, type FolderSettings } from './settings';

export interface Folder {
  uri: string;
  root: string;
  /** The cluster profile's files (`.netlens.yaml`, its importFrom): a change to one reloads the folder's settings. */
  profileFiles: string[];
  settings: FolderSettings;
  excluded: (file: string) => boolean;
}

export class WorkspaceFolders {
  private folders: Folder[] = [];

  /** The folders the client opened (`initialize`), with default settings until `load`. */
  initialize(params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri' | 'rootPath'>): void {
    const workspaceFolders: LspWorkspaceFolder[] =
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : params.rootPath ? [{ uri: pathToFileURL(params.rootPath).href, name: 'root' }] : []);
    this.folders = workspaceFolders
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => {
        const root = fileURLToPath(f.uri);
        return { uri: f.uri, root, settings: DEFAULT_FOLDER_SETTINGS, excluded: makeExcluder(root, DEFAULT_FOLDER_SETTINGS.exclude), profileFiles: [] };
      });
  }

  get all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder holding `file`. */
  folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      const relative = path.relative(folder.root, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  /** A manifest the analysis reads: a YAML or JSON file its folder does not exclude. */
  wanted(file: string): boolean {
    return isManifestPath(file) && !this.isExcluded(file);
  }

  /** Excluded by the settings of its folder (outside every folder: not excluded). */
  isExcluded(file: string): boolean {
    const folder = this.folderOf(file);
    return !!folder && folder.excluded(file);
  }

  settingsOf(file: string): FolderSettings {
    return this.folderOf(file)?.settings ?? DEFAULT_FOLDER_SETTINGS;
  }

  analysisSettingsOf(file: string): AnalysisSettings {
    return this.settingsOf(file).analysis;
  }

  /** The settings for documents outside every folder (untitled ones): the first folder's. */
  get looseSettings(): FolderSettings {
    return this.folders[0]?.settings ?? DEFAULT_FOLDER_SETTINGS;
  }

  isProfileFile(file: string): boolean {
    return path.basename(file) === PROFILE_FILE_NAME || this.folders.some((f) => f.profileFiles.includes(file));
  }

  /**
   * Reads the settings and cluster profile of every folder. `raw` is what `workspace/configuration` answered per
   * folder (undefined entries when the client cannot answer). Returns the profile problems that belong to a file;
   * the others are logged.
   */
  load(connection: Connection, raw: readonly unknown[], openText: (file: string) => string | undefined): ProfileFileIssue[] {
    const issues: ProfileFileIssue[] = [];
    this.folders = this.folders.map((folder, i) => {
      const settings = folderSettingsFrom(raw[i]);
      // A pattern the matcher refuses (too long, extended globs) excludes nothing: said, not ignored silently.
      for (const problem of excludeProblems(settings.exclude)) connection.console.warn(`netlens.exclude of ${folder.root}: ${problem}`);
      const profileFile = path.join(folder.root, PROFILE_FILE_NAME);
      const loaded = loadProfileFiles(fs.existsSync(profileFile) || openText(profileFile) !== undefined ? profileFile : undefined, {
        settings: profileFromSettings(raw[i]),
        baseDir: folder.root,
        // The profile and its import are workspace content: read only inside the folder (io/profileFiles.ts).
        confineTo: { roots: [folder.root], describe: `the workspace folder ${folder.root}` },
        readText: (file) => {
          const open = openText(file);
          return open !== undefined ? { text: open } : readTextFile(file);
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
    return issues;
  }
}
