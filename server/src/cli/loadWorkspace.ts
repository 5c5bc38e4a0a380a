/** Reads the paths given on the command line into an Analysis, as the language server would scan a folder. */
import * as path from 'node:path';
import { Analysis, type AnalysisSettings } from '../engine/analysis';
import type { Severity } from '../engine/rules/rule';
import { readManifest, scanFiles, DEFAULT_EXCLUDES } from '../io/scanFiles';
import type { CliIO } from './usage';

export interface LoadedWorkspace {
  analysis: Analysis;
  /** How a file is shown: relative to the current directory when inside it, else as given. */
  display(file: string): string;
  /** Problems reading input, each a message; the command exits 2 when nothing could be read. */
  ioErrors: string[];
  /** Files that were skipped, with why (too large, binary): reported as info lines, not errors. */
  skipped: { file: string; reason: string; severity: Severity }[];
  fileCount: number;
}

export const STDIN_PATH = '<stdin>';

export async function loadWorkspace(paths: string[], settings: AnalysisSettings, io: CliIO, exclude: readonly string[] = DEFAULT_EXCLUDES): Promise<LoadedWorkspace> {
  const analysis = new Analysis({
    settingsFor: () => settings,
    onRuleError: (ruleId, error) => io.err(`netlens: rule ${ruleId} failed and was skipped: ${(error as Error).message}\n`),
  });
  const ioErrors: string[] = [];
  const skipped: LoadedWorkspace['skipped'] = [];
  const fsPaths = paths.filter((p) => p !== '-').map((p) => path.resolve(io.cwd, p));
  const scan = scanFiles(fsPaths, { exclude });
  for (const error of scan.errors) ioErrors.push(`${relative(io.cwd, error.file)}: ${error.message}`);
  for (const large of scan.tooLarge) skipped.push({ file: large.file, reason: `skipped: ${large.size} bytes is over the 2 MB limit`, severity: 'info' });
  let fileCount = 0;
  for (const file of scan.files) {
    const read = readManifest(file);
    if ('error' in read) {
      skipped.push({ file, reason: `skipped: ${read.error}`, severity: 'info' });
      continue;
    }
    analysis.setFile(file, read.text);
    fileCount++;
  }
  if (paths.includes('-')) {
    analysis.setFile(STDIN_PATH, await io.readStdin());
    fileCount++;
  }
  return { analysis, display: (file) => (file === STDIN_PATH ? file : relative(io.cwd, file)), ioErrors, skipped, fileCount };
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
