/**
 * Reads the paths given on the command line into an Analysis, as the language server would scan a folder: the one
 * file-reading path of every command (same walk, same limits, same reader).
 */
import * as path from 'node:path';
import { Analysis, type AnalysisSettings } from '../engine/analysis';
import { decodeText } from '../io/readFile';
import { readManifest, scanFiles, tooLargeReason } from '../io/scanFiles';
import { escapeLine } from './format/terminal';
import { displayPath } from './profileOption';
import { EXIT_USAGE, type CliIO } from './usage';
import type { WorkspaceReadOptions } from './workspaceOptions';

export interface LoadedWorkspace {
  analysis: Analysis;
  /** How a file is shown: relative to the current directory when inside it, else as given. */
  display(file: string): string;
  /** Problems reading input (IO errors), each a message: the command exits 2 after its output. */
  ioErrors: string[];
  /** Files not analysed by choice (too large, binary), with the reason: `file-skipped` findings in `check`. */
  skipped: { file: string; reason: string }[];
  fileCount: number;
}

export const STDIN_PATH = '<stdin>';

export async function loadWorkspace(paths: string[], settings: AnalysisSettings, io: CliIO, options: WorkspaceReadOptions): Promise<LoadedWorkspace> {
  const analysis = new Analysis({
    settingsFor: () => settings,
    // Read once, checked once: no record of each check's reads (see AnalysisOptions.incremental).
    incremental: false,
    onRuleError: (ruleId, error) => io.err(`netlens: rule ${ruleId} failed and was skipped: ${escapeLine((error as Error).message)}\n`),
  });
  const ioErrors: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const skip = (file: string, reason: string) => {
    skipped.push({ file, reason });
    analysis.setSkippedFile(file, reason);
  };
  const fsPaths = paths.filter((p) => p !== '-').map((p) => path.resolve(io.cwd, p));
  const explicit = new Set(fsPaths);
  const scan = scanFiles(fsPaths, { exclude: options.exclude, maxFileSize: options.maxFileSize });
  for (const error of scan.errors) ioErrors.push(`${displayPath(io.cwd, error.file)}: ${error.message}`);
  for (const large of scan.tooLarge) skip(large.file, tooLargeReason(large.size, options.maxFileSize));
  let fileCount = 0;
  for (const file of scan.files) {
    const read = readManifest(file, { maxFileSize: options.maxFileSize, explicit: explicit.has(file) });
    if ('error' in read) {
      if (read.io) ioErrors.push(`${displayPath(io.cwd, file)}: ${read.error}`);
      else skip(file, read.error);
      continue;
    }
    analysis.setFile(file, read.text);
    fileCount++;
  }
  if (paths.includes('-')) {
    const input = await io.readStdin(options.maxFileSize);
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    const decoded = decodeText(bytes);
    if (bytes.length > options.maxFileSize) skip(STDIN_PATH, tooLargeReason(bytes.length, options.maxFileSize).replace(' is over', ' or more is over'));
    else if ('binary' in decoded) skip(STDIN_PATH, decoded.binary);
    else {
      analysis.setFile(STDIN_PATH, decoded.text);
      fileCount++;
    }
  }
  return { analysis, display: (file) => (file === STDIN_PATH ? file : displayPath(io.cwd, file)), ioErrors, skipped, fileCount };
}

/**
 * Says on stderr what could not be read (and, for commands whose stdout is data, `withSkipped`, what was skipped:
 * `check` reports those as findings instead).
 */
export function reportReadProblems(workspace: LoadedWorkspace, io: CliIO, withSkipped: boolean): void {
  for (const message of workspace.ioErrors) io.err(`netlens: ${escapeLine(message)}\n`);
  if (withSkipped) for (const s of workspace.skipped) io.err(`netlens: skipped ${escapeLine(workspace.display(s.file))}: ${escapeLine(s.reason)}\n`);
}

/** Nothing could be read and something failed (a missing path, say): the command stops there, exit 2. */
export function nothingRead(workspace: LoadedWorkspace): boolean {
  return workspace.ioErrors.length > 0 && workspace.fileCount === 0;
}

/** The exit code once the output is written: IO errors win (2), as README promises. */
export function exitCode(workspace: LoadedWorkspace, code: number): number {
  return workspace.ioErrors.length ? EXIT_USAGE : code;
}
