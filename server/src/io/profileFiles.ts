/**
 * Reads a cluster profile from disk for the CLI and the language server alike: `.netlens.yaml`, the file its
 * `cluster.importFrom` names (relative to the profile's folder), and the editor settings, merged by the engine
 * (`effectiveProfile`). Never throws: unreadable files become error issues located on the file that names them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { effectiveProfile } from '../engine/profile/effectiveProfile';
import type { SettingsProfile } from '../engine/profile/fromSettings';
import { importAksJson, type ImportedProfile } from '../engine/profile/importAks';
import { parseProfile, type ProfileIssue } from '../engine/profile/parseProfile';
import type { ClusterProfile } from '../engine/profile/types';
import { LineIndex, type LineColumn } from '../engine/syntax/lineIndex';

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

export function readTextFile(file: string): { text: string } | { error: string } {
  try {
    return { text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message };
  }
}

/**
 * The effective profile of a profile file (absent: settings only). `readText` lets the language server read an
 * open, unsaved `.netlens.yaml` from the editor instead of the disk.
 */
export function loadProfileFiles(
  file: string | undefined,
  options: { settings?: SettingsProfile; readText?: TextReader; /** Folder that a setting's importFrom is relative to. */ baseDir?: string } = {},
): LoadedProfileFiles {
  const read = options.readText ?? readTextFile;
  const issues: ProfileFileIssue[] = (options.settings?.issues ?? []).map((i) => ({ file: '', severity: i.severity, message: i.message }));
  const files: string[] = [];
  let parsed: ReturnType<typeof parseProfile> | undefined;
  let lines: LineIndex | undefined;
  if (file) {
    files.push(file);
    const text = read(file);
    if ('error' in text) {
      issues.push({ file, severity: 'error', message: `cannot read the profile: ${text.error}` });
    } else {
      parsed = parseProfile(text.text, path.basename(file));
      lines = new LineIndex(text.text);
      issues.push(...parsed.issues.map((i) => locate(file, lines!, i)));
    }
  }
  let imported: ImportedProfile | undefined;
  // The file's importFrom is relative to the file; a setting's to the workspace folder.
  const importFrom = parsed?.importFrom ?? (options.settings?.importFrom ? { path: options.settings.importFrom } : undefined);
  if (importFrom) {
    const base = parsed?.importFrom && file ? path.dirname(file) : (options.baseDir ?? process.cwd());
    const importPath = path.resolve(base, importFrom.path);
    files.push(importPath);
    const importText = read(importPath);
    if ('error' in importText) {
      const span = 'span' in importFrom ? importFrom.span : undefined;
      const issue: ProfileIssue = { severity: 'error', key: 'cluster.importFrom', message: `cluster.importFrom \`${importFrom.path}\`: cannot read it: ${importText.error}`, ...(span ? { span } : {}) };
      issues.push(file && lines ? locate(file, lines, issue) : { file: '', severity: issue.severity, message: issue.message });
    } else {
      imported = importAksJson(importText.text, path.basename(importPath));
      const importLines = new LineIndex(importText.text);
      issues.push(...imported.issues.map((i) => locate(importPath, importLines, i)));
    }
  }
  const effective = effectiveProfile({ ...(parsed ? { file: parsed } : {}), ...(imported ? { imported } : {}), ...(options.settings ? { settings: options.settings } : {}) });
  for (const issue of effective.issues) issues.push({ file: '', severity: issue.severity, message: issue.message });
  return { profile: effective.profile, issues, files };
}

function locate(file: string, lines: LineIndex, issue: ProfileIssue): ProfileFileIssue {
  const out: ProfileFileIssue = { file, severity: issue.severity, message: issue.message };
  if (issue.span) {
    out.start = lines.position(issue.span.start);
    out.end = lines.position(issue.span.end);
  }
  return out;
}
