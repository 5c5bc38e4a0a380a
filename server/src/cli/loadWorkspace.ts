/** Reads the paths given on the command line into an Analysis, as the language server would scan a folder. */
import * as path from 'node:path';
import { Analysis, type AnalysisSettings } from '../engine/analysis';
import { DEFAULT_EXCLUDES, DEFAULT_MAX_FILE_SIZE, readManifest, scanFiles, tooLargeReason } from '../io/scanFiles';
import type { CliIO } from './usage';

export interface LoadedWorkspace {
  analysis: Analysis;
  /** How a file is shown: relative to the current directory when inside it, else as given. */
  display(file: string): string;
  /** Problems reading input, each a message; the command exits 2 when nothing could be read. */
  ioErrors: string[];
  fileCount: number;
}

export const STDIN_PATH = '<stdin>';

export async function loadWorkspace(
  paths: string[],
  settings: AnalysisSettings,
  io: CliIO,
  exclude: readonly string[] = DEFAULT_EXCLUDES,
  maxFileSize: number = DEFAULT_MAX_FILE_SIZE,
): Promise<LoadedWorkspace> {
  const analysis = new Analysis({
    settingsFor: () => settings,
    onRuleError: (ruleId, error) => io.err(`netlens: rule ${ruleId} failed and was skipped: ${(error as Error).message}\n`),
  });
  const ioErrors: string[] = [];
  const fsPaths = paths.filter((p) => p !== '-').map((p) => path.resolve(io.cwd, p));
  const scan = scanFiles(fsPaths, { exclude, maxFileSize });
  for (const error of scan.errors) ioErrors.push(`${relative(io.cwd, error.file)}: ${error.message}`);
  for (const large of scan.tooLarge) analysis.setSkippedFile(large.file, tooLargeReason(large.size, maxFileSize));
  let fileCount = 0;
  for (const file of scan.files) {
    const read = readManifest(file);
    if ('error' in read) {
      analysis.setSkippedFile(file, read.error);
      continue;
    }
    analysis.setFile(file, read.text);
    fileCount++;
  }
  if (paths.includes('-')) {
    analysis.setFile(STDIN_PATH, await io.readStdin());
    fileCount++;
  }
  return { analysis, display: (file) => (file === STDIN_PATH ? file : relative(io.cwd, file)), ioErrors, fileCount };
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
