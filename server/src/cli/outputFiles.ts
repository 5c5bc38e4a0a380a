/**
 * Writing generated files under `--out DIR` (generate-policies, migrate-ingress): nothing is ever written outside
 * DIR, whatever the manifests' names say. The generators already name files safely (engine/util/fileName.ts, in
 * fileBeside); this is the CLI's own guarantee on top: every requested file is placed directly in DIR under a safe
 * name (a path that would leave DIR or enter a subfolder becomes one name), and a file is created without following
 * a symbolic link that the workspace may have planted in DIR.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeFileName } from '../engine/util/fileName';
import { describeIoError } from '../io/readFile';

export interface OutputPlan {
  /** The file a generator asked for -> the file that is written (always directly in DIR). */
  target(file: string): string;
  /** Files in write order, with the texts of every request that maps to them (joined as YAML documents). */
  files: { file: string; text: string }[];
}

/**
 * Plans the writes: every requested file gets a safe name directly in `outDir`; requests that come to the same file
 * are one file, their texts joined as YAML documents (as the generators join documents for one file): nothing is
 * overwritten.
 */
export function planOutputs(outDir: string, requests: readonly { file: string; text: string }[]): OutputPlan {
  const targetOf = (file: string) => path.join(outDir, safeFileName(path.relative(outDir, file).split(path.sep).join('_')));
  const texts = new Map<string, string>();
  for (const request of requests) {
    const target = targetOf(request.file);
    texts.set(target, texts.has(target) ? `${texts.get(target)}---\n${request.text}` : request.text);
  }
  return { target: targetOf, files: [...texts].map(([file, text]) => ({ file, text })) };
}

/** Creates DIR and writes the planned files; an error is a message (the command exits 2), never a throw. */
export function writeOutputs(outDir: string, plan: OutputPlan): { written: string[]; errors: string[] } {
  const written: string[] = [];
  const errors: string[] = [];
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    return { written, errors: [`cannot create ${outDir}: ${describeIoError(error)}`] };
  }
  for (const { file, text } of plan.files) {
    try {
      // O_NOFOLLOW: a symbolic link in DIR (committed to the workspace, say) is not written through.
      const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | (fs.constants.O_NOFOLLOW ?? 0), 0o666);
      try {
        fs.writeSync(fd, text);
      } finally {
        fs.closeSync(fd);
      }
      written.push(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(`cannot write ${file}: ${code === 'ELOOP' ? 'it is a symbolic link, not written through' : describeIoError(error)}`);
    }
  }
  return { written, errors };
}
