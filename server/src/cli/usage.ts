/** CLI plumbing shared by the commands: usage errors (exit 2, no stack trace) and output streams. */
export class UsageError extends Error {}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Reads standard input (for `-` as a path), at most `maxBytes` + 1 bytes (more means: over the limit). */
  readStdin(maxBytes: number): Promise<Buffer | string>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** `netlens explain`: the answer depends on facts the manifests and the cluster profile do not state. */
export const EXIT_UNKNOWN = 3;
