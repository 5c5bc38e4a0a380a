/**
 * Finds the manifest files under some roots, the same way for the CLI and the language server: `*.yaml`, `*.yml`,
 * `*.json`; exclusion globs relative to the root; symbolic links are never followed (no loops, nothing outside
 * the workspace); files over the size limit are listed as skipped rather than read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';

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

export function makeExcluder(root: string, patterns: readonly string[]): (file: string) => boolean {
  const matchers = patterns.map((p) => new Minimatch(p, { dot: true, matchBase: !p.includes('/') }));
  return (file: string) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return matchers.some((m) => m.match(relative) || m.match(`${relative}/`));
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
          if (entry.isDirectory()) {
            visit(child, fs.lstatSync(child), false);
          } else if (entry.isFile() && isManifestPath(child)) {
            visit(child, fs.lstatSync(child), false);
          }
        }
        return;
      }
      if (!stats.isFile() || (!explicit && !isManifestPath(file))) return;
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

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (error as Error).message ?? String(error);
  }
}

/** The size of a regular file, or undefined when it cannot be read (gone, not a file). */
export function fileSize(file: string): number | undefined {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a manifest as text: UTF-8 with a BOM stripped. A file with NUL bytes is binary and is not read. */
export function readManifest(file: string): { text: string } | { error: string } {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    return { error: describeIoError(error) };
  }
  if (buffer.includes(0)) return { error: 'binary file (contains NUL bytes), not read' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
