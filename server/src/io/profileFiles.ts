/**
 * Reads a cluster profile from disk for the CLI and the language server alike: `.netlens.yaml`, the file its
 * `cluster.importFrom` names (relative to the profile's folder), and the editor settings, merged by the engine
 * (`effectiveProfile`). Never throws: unreadable files become error issues located on the file that names them.
 *
 * Confinement (the profile is workspace content, so it may be hostile): files are read only inside the folders the
 * caller allows (`confineTo`: the workspace folder in the server; the current directory and the paths given in the
 * CLI), through io/readFile.ts (regular files only, at most MAX_PROFILE_FILE_SIZE, nothing that blocks), and never
 * through a symbolic link: neither the file itself (unless the user named it, `--profile link`) nor a linked folder
 * that leads outside. A refused path gets a message that says why and nothing about what the file holds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { effectiveProfile } from '../engine/profile/effectiveProfile';
import type { SettingsProfile } from '../engine/profile/fromSettings';
import { importAksJson, type ImportedProfile } from '../engine/profile/importAks';
import { parseProfile, type ProfileIssue } from '../engine/profile/parseProfile';
import type { ClusterProfile } from '../engine/profile/types';
import { LineIndex, type LineColumn } from '../engine/syntax/lineIndex';
import { decodeText, readRegularFile } from './readFile';

/** `.netlens.yaml` and its import: a profile is a few hundred bytes, `az aks show` output a few KB, templates more. */
export const MAX_PROFILE_FILE_SIZE = 4 * 1024 * 1024;

export interface ProfileFileIssue {
  /** Absolute path of the file the issue is about; '' for issues of the merged profile or of settings. */
  file: string;
  severity: ProfileIssue['severity'];
  message: string;
  /** 0-based start and end, when the issue has a position in `file`. */
  start?: LineColumn;
  end?: LineColumn;
}

export interface LoadedProfileFiles {
  profile: ClusterProfile;
  issues: ProfileFileIssue[];
  /** The files read: the profile file, then the imported file if any (to watch them). */
  files: string[];
}

export type TextReader = (file: string) => { text: string } | { error: string };

/** A profile file's text (see the header); `followSymlink` only for a file the user named. */
export function readTextFile(file: string, followSymlink = false): { text: string } | { error: string } {
  const read = readRegularFile(file, { maxBytes: MAX_PROFILE_FILE_SIZE, followSymlink });
  if ('error' in read) return read;
  if ('tooLarge' in read) return { error: `larger than the ${MAX_PROFILE_FILE_SIZE / 1024 / 1024} MB a profile file may have` };
  const decoded = decodeText(read.bytes);
  return 'binary' in decoded ? { error: decoded.binary } : { text: decoded.text };
}

/** Where profile files may be read from, and how to name that place in a refusal. */
export interface ProfileConfinement {
  roots: readonly string[];
  /** `the workspace folder /ws`, `the current directory or the paths given`. */
  describe: string;
}

/**
 * Why `file` may not be read under `confinement`, or undefined when it may: inside a root both as written and once
 * symbolic links in its folders are resolved (a linked folder must not lead out).
 */
export function confinementProblem(file: string, confinement: ProfileConfinement): string | undefined {
  const resolved = path.resolve(file);
  const inside = (root: string, target: string) => {
    const relative = path.relative(root, target);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  };
  const outside = `outside ${confinement.describe}; profile files are read only there`;
  const roots = confinement.roots.map((r) => path.resolve(r));
  if (!roots.some((root) => inside(root, resolved))) return outside;
  // The folder the file is in, with links resolved, must still be inside a root (with links resolved too).
  const realFolder = realpathOrUndefined(path.dirname(resolved));
  if (realFolder !== undefined && !roots.some((root) => inside(realpathOrUndefined(root) ?? root, realFolder))) return `${outside} (a folder on the way is a symbolic link that leads out)`;
  return undefined;
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The effective profile of a profile file (absent: settings only). `readText` lets the language server read an
 * open, unsaved `.netlens.yaml` from the editor instead of the disk.
 */
export function loadProfileFiles(
  file: string | undefined,
  options: {
    settings?: SettingsProfile;
    readText?: TextReader;
    /** Folder that a setting's importFrom is relative to. */
    baseDir?: string;
    /** Where profile files may be read (see the header); the profile file itself is exempt when `explicit`. */
    confineTo?: ProfileConfinement;
    /** The user named the profile file (`--profile`, `netlens profile PATH`): read where it is, a link followed. */
    explicit?: boolean;
  } = {},
): LoadedProfileFiles {
  const readFile = options.readText ?? ((f: string) => readTextFile(f, options.explicit === true && f === file));
  const read = (f: string, exempt: boolean): { text: string } | { error: string } => {
    const problem = !exempt && options.confineTo ? confinementProblem(f, options.confineTo) : undefined;
    return problem ? { error: problem } : readFile(f);
  };
  const issues: ProfileFileIssue[] = (options.settings?.issues ?? []).map((i) => ({ file: '', severity: i.severity, message: i.message }));
  const files: string[] = [];
  let parsed: ReturnType<typeof parseProfile> | undefined;
  let lines: LineIndex | undefined;
  if (file) {
    files.push(file);
    const text = read(file, options.explicit === true);
    if ('error' in text) {
      issues.push({ file, severity: 'error', message: `cannot read the profile: ${text.error}` });
    } else {
      parsed = contained(file, issues, () => parseProfile(text.text, path.basename(file)));
      lines = new LineIndex(text.text);
      if (parsed) issues.push(...parsed.issues.map((i) => locate(file, lines!, i)));
    }
  }
  let imported: ImportedProfile | undefined;
  // The file's importFrom is relative to the file; a setting's to the workspace folder.
  const importFrom = parsed?.importFrom ?? (options.settings?.importFrom ? { path: options.settings.importFrom } : undefined);
  if (importFrom) {
    const base = parsed?.importFrom && file ? path.dirname(file) : (options.baseDir ?? process.cwd());
    const importPath = path.resolve(base, importFrom.path);
    files.push(importPath);
    const importText = read(importPath, false);
    if ('error' in importText) {
      const span = 'span' in importFrom ? importFrom.span : undefined;
      const issue: ProfileIssue = { severity: 'error', key: 'cluster.importFrom', message: `cluster.importFrom \`${importFrom.path}\`: cannot read it: ${importText.error}`, ...(span ? { span } : {}) };
      issues.push(file && lines ? locate(file, lines, issue) : { file: '', severity: issue.severity, message: issue.message });
    } else {
      imported = contained(importPath, issues, () => importAksJson(importText.text, path.basename(importPath)));
      const importLines = new LineIndex(importText.text);
      if (imported) issues.push(...imported.issues.map((i) => locate(importPath, importLines, i)));
    }
  }
  const effective = effectiveProfile({ ...(parsed ? { file: parsed } : {}), ...(imported ? { imported } : {}), ...(options.settings ? { settings: options.settings } : {}) });
  for (const issue of effective.issues) issues.push({ file: '', severity: issue.severity, message: issue.message });
  return { profile: effective.profile, issues, files };
}

/**
 * The engine reads profiles without throwing; should it ever throw on some input, that file is one error and the
 * caller (the language server above all: a profile edit must never stop it) goes on with what else it has.
 */
function contained<T>(file: string, issues: ProfileFileIssue[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    issues.push({ file, severity: 'error', message: `this file could not be read: ${(error as Error).message ?? String(error)}` });
    return undefined;
  }
}

function locate(file: string, lines: LineIndex, issue: ProfileIssue): ProfileFileIssue {
  const out: ProfileFileIssue = { file, severity: issue.severity, message: issue.message };
  if (issue.span) {
    out.start = lines.position(issue.span.start);
    out.end = lines.position(issue.span.end);
  }
  return out;
}
