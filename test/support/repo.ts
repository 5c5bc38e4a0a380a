/** Where the repository is, and the one folder walker of the tests (files under a folder, and its subfolders). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareStrings } from '../../server/src/engine/util/compare';

/** The repository root: tests run compiled (out/test/support/ is three levels below it); sources stay in place. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Every file under `dir` whose name `accept` takes, recursively, sorted by path in code-unit order (so that seeded
 * tests pick the same inputs everywhere). Links and other non-folders are listed, never followed. A missing folder
 * has no files.
 */
export function filesUnder(dir: string, accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept(entry.name)) out.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** The folders directly in `dir` (names, sorted as `filesUnder` sorts): the case folders of a collection. */
export function subfolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(compareStrings);
}

/** Every manifest (`.yaml`, `.yml`, `.json`) under `dir`, as `filesUnder` lists them. */
export function manifestFilesUnder(dir: string): string[] {
  return filesUnder(dir, (name) => /\.(ya?ml|json)$/i.test(name));
}
