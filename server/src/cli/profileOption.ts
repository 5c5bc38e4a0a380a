/**
 * Loading a cluster profile file for the CLI (and, through the same function, the language server): reads
 * `.netlens.yaml`, follows `cluster.importFrom` (relative to the profile file's folder), validates both, and merges
 * them: the file's own keys over the imported ones, over the editor settings when given.
 *
 * Wiring `--profile` in `check`:
 *     options: { profile: { type: 'string' } }
 *     const profile = loadProfileOption(values.profile, io, positionals);   // UsageError when invalid
 *     if (profile) settings.profile = profile;
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROFILE_FILE_NAME, type ProfileIssue } from '../engine/profile/parseProfile';
import type { ClusterProfile } from '../engine/profile/types';
import { loadProfileFiles, type ProfileConfinement } from '../io/profileFiles';
import { UsageError, type CliIO } from './usage';

export interface LocatedProfileIssue {
  /** The file as given (profile or imported file); '' for issues of the merged profile. */
  file: string;
  /** 1-based, when the issue has a position. */
  line?: number;
  column?: number;
  severity: ProfileIssue['severity'];
  message: string;
}

export interface LoadedProfile {
  /** The effective profile: file keys > importFrom > settings. */
  profile: ClusterProfile;
  issues: LocatedProfileIssue[];
  /** The files read: the profile file, then the imported file if any. */
  files: string[];
  /** False when some issue is an error. */
  valid: boolean;
}

/**
 * Reads and validates a profile file. Never throws: unreadable files are error issues. `display` turns absolute
 * paths into what messages show (default: as given). `confineTo`: where the profile and its import may be read
 * (cliConfinement); `explicit`: the user named the profile file, so it is read wherever it is.
 */
export function loadProfileFile(
  file: string,
  options: { settings?: ClusterProfile; display?: (file: string) => string; confineTo?: ProfileConfinement; explicit?: boolean } = {},
): LoadedProfile {
  const display = options.display ?? ((f: string) => f);
  const loaded = loadProfileFiles(file, {
    ...(options.settings ? { settings: { profile: options.settings, issues: [] } } : {}),
    ...(options.confineTo ? { confineTo: options.confineTo } : {}),
    ...(options.explicit ? { explicit: true } : {}),
  });
  const issues = loaded.issues.map((issue): LocatedProfileIssue => {
    const located: LocatedProfileIssue = { file: issue.file ? display(issue.file) : '', severity: issue.severity, message: issue.message };
    if (issue.start) {
      located.line = issue.start.line + 1;
      located.column = issue.start.column + 1;
    }
    return located;
  });
  return { profile: loaded.profile, issues, files: loaded.files, valid: !issues.some((i) => i.severity === 'error') };
}

/** `file:line:col: severity: message` lines, as the CLI prints them. */
export function formatProfileIssues(issues: readonly LocatedProfileIssue[]): string {
  return issues
    .map((i) => `${i.file ? `${i.file}${i.line !== undefined ? `:${i.line}:${i.column}` : ''}: ` : ''}${i.severity}: ${i.message}\n`)
    .join('');
}

/**
 * The `.netlens.yaml` that applies to a run: in the current directory, else in the first path argument's folder
 * (or that folder itself when it is a directory). Undefined when there is none.
 */
export function discoverProfileFile(cwd: string, paths: readonly string[] = []): string | undefined {
  const candidates = [cwd];
  const first = paths.find((p) => p !== '-');
  if (first) {
    const resolved = path.resolve(cwd, first);
    candidates.push(isDirectory(resolved) ? resolved : path.dirname(resolved));
  }
  for (const dir of candidates) {
    const file = path.join(dir, PROFILE_FILE_NAME);
    // lstat: a link named .netlens.yaml is found (and then refused with a message), not silently ignored.
    if (exists(file)) return file;
  }
  return undefined;
}

/**
 * Where the CLI reads profile files: the current directory, the paths given (a file's folder) and the folder of a
 * profile the user named. `cluster.importFrom: /etc/passwd` or `../../secret.json` is refused.
 */
export function cliConfinement(cwd: string, paths: readonly string[], profile?: string): ProfileConfinement {
  const roots = [cwd];
  for (const given of [...paths.filter((p) => p !== '-'), ...(profile ? [profile] : [])]) {
    const resolved = path.resolve(cwd, given);
    roots.push(isDirectory(resolved) ? resolved : path.dirname(resolved));
  }
  return { roots, describe: 'the current directory and the paths given' };
}

/**
 * For `--profile file` (or the discovered `.netlens.yaml` when the option is absent and `discover` is on): prints
 * warnings to stderr, throws a UsageError listing the errors when the profile is invalid, returns the profile.
 */
export function loadProfileOption(option: string | undefined, io: CliIO, paths: readonly string[] = [], discover = true): ClusterProfile | undefined {
  const file = option !== undefined ? path.resolve(io.cwd, option) : discover ? discoverProfileFile(io.cwd, paths) : undefined;
  if (!file) return undefined;
  if (option !== undefined && !fs.existsSync(file)) throw new UsageError(`--profile: no file ${option}`);
  const loaded = loadProfileFile(file, { display: (f) => displayPath(io.cwd, f), confineTo: cliConfinement(io.cwd, paths, option), explicit: option !== undefined });
  if (!loaded.valid) throw new UsageError(`invalid cluster profile:\n${formatProfileIssues(loaded.issues.filter((i) => i.severity === 'error')).trimEnd()}`);
  const warnings = loaded.issues.filter((i) => i.severity === 'warning');
  if (warnings.length) io.err(formatProfileIssues(warnings));
  return loaded.profile;
}

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
