/** Runs the built `netlens` CLI as a user would, capturing stdout, stderr and the exit code. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './lspClient';

export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'netlens.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runNetlens(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, input: options.input ?? '', encoding: 'utf8', timeout: 60000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
