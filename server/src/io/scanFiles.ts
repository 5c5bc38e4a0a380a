/**
 * Finds the manifest files under some roots, the same way for the CLI and the language server: `*.yaml`, `*.yml`,
 * `*.json`; exclusion globs relative to the root (io/glob.ts: linear-time matching); symbolic links inside a folder
 * are never followed (no loops, nothing outside the workspace); files over the size limit are listed as skipped
 * rather than read. A root the user names is taken as given (a link to a file is followed, as `cat` would), but only
 * a regular file or a folder: a FIFO, a device or a socket is an error, never read (reading could block forever).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, type GlobMatcher } from './glob';
import { decodeText, describeIoError, fileType, readRegularFile, type TextEncoding } from './readFile';

export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];
export const DEFAULT_EXCLUDES: readonly string[] = ['**/node_modules/**', '**/.git/**'];
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ScanOptions {
  exclude?: readonly string[];
  maxFileSize?: number;
}

export interface ScanResult {
  files: string[];
  /** Files over the size limit: their path and size. */
  tooLarge: { file: string; size: number }[];
  /** Roots or entries that could not be read, with the reason. */
  errors: { file: string; message: string }[];
}

export function isManifestPath(file: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Patterns that cannot be used, each with the reason (`--exclude` refuses them; the server logs them and skips them). */
export function excludeProblems(patterns: readonly string[]): string[] {
  const problems: string[] = [];
  for (const pattern of patterns) {
    const compiled = compileGlob(pattern);
    if ('error' in compiled) problems.push(`exclude pattern \`${pattern.length > 80 ? `${pattern.slice(0, 80)}...` : pattern}\` is not used: ${compiled.error}`);
  }
  return problems;
}

/** Whether a file (or folder) under `root` is excluded; unusable patterns (see excludeProblems) match nothing. */
export function makeExcluder(root: string, patterns: readonly string[]): (file: string) => boolean {
  const matchers: GlobMatcher[] = [];
  for (const pattern of patterns) {
    const compiled = compileGlob(pattern);
    if ('matcher' in compiled) matchers.push(compiled.matcher);
  }
  return (file: string) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return matchers.some((m) => m.matches(relative) || m.matches(`${relative}/`));
  };
}

export function scanFiles(roots: readonly string[], options: ScanOptions = {}): ScanResult {
  const result: ScanResult = { files: [], tooLarge: [], errors: [] };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const seen = new Set<string>();
  for (const root of roots) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch (error) {
      result.errors.push({ file: root, message: describeIoError(error) });
      continue;
    }
    const excluded = makeExcluder(stat.isDirectory() ? root : path.dirname(root), options.exclude ?? DEFAULT_EXCLUDES);
    const visit = (file: string, stats: fs.Stats, explicit: boolean) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (stats.isDirectory()) {
        let entries: fs.Dirent[];
        try {
          entries = fs.readdirSync(file, { withFileTypes: true });
        } catch (error) {
          result.errors.push({ file, message: describeIoError(error) });
          return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          const child = path.join(file, entry.name);
          if (entry.isSymbolicLink() || excluded(child)) continue;
          if (!entry.isDirectory() && !(entry.isFile() && isManifestPath(child))) continue;
          let childStats: fs.Stats;
          try {
            childStats = fs.lstatSync(child);
          } catch (error) {
            // Gone between the listing and now, or unreadable: said once, the walk goes on.
            result.errors.push({ file: child, message: describeIoError(error) });
            continue;
          }
          visit(child, childStats, false);
        }
        return;
      }
      if (!stats.isFile()) {
        // Only a root the user named gets here (the walk takes regular files only): say why it is not read.
        if (explicit) result.errors.push({ file, message: `not a regular file (${fileType(stats)}), not read${stats.isFIFO() ? '; to read a stream, give - and pipe it to standard input' : ''}` });
        return;
      }
      if (!explicit && !isManifestPath(file)) return;
      if (stats.size > maxFileSize) result.tooLarge.push({ file, size: stats.size });
      else result.files.push(file);
    };
    visit(root, stat, true);
  }
  return result;
}

export function tooLargeReason(size: number, limit: number): string {
  return `${humanSize(size)} is over the ${humanSize(limit)} limit (netlens.maxFileSize / --max-file-size)`;
}

function humanSize(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** The size of a regular file, or undefined when it cannot be read (gone, not a file). */
export function fileSize(file: string): number | undefined {
  try {
    const stats = fs.lstatSync(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

export type ManifestRead =
  | { text: string; encoding: TextEncoding }
  /** `io`: the file could not be read (an IO error: the CLI exits 2); otherwise Netlens chose not to (binary, too large). */
  | { error: string; io: boolean };

/**
 * Reads a manifest as text (io/readFile.ts: regular files only, never past `maxFileSize`, UTF-8 or UTF-16 with a
 * byte order mark). `explicit`: the user named this path, so a symbolic link to it is followed.
 */
export function readManifest(file: string, options: { maxFileSize?: number; explicit?: boolean } = {}): ManifestRead {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = readRegularFile(file, { maxBytes: maxFileSize, followSymlink: options.explicit === true });
  if ('error' in read) return { error: read.error, io: true };
  if ('tooLarge' in read) return { error: tooLargeReason(read.tooLarge, maxFileSize), io: false };
  const decoded = decodeText(read.bytes);
  if ('binary' in decoded) return { error: decoded.binary, io: false };
  return decoded;
}
