/**
 * The upstream data beside the repository (../shared: conformance cases and real corpora). A bare `git clone` has
 * none: the tests that need it are skipped then (each says why), `test/sharedData.test.ts` gives the one notice, and it
 * fails instead of skipping when the environment variable CI is set, so that CI can never pass without having read it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, subfolders } from './repo';

/** NETLENS_SHARED points elsewhere (a missing folder shows what a bare clone sees without moving ../shared). */
export const SHARED_ROOT = process.env['NETLENS_SHARED'] ? path.resolve(process.env['NETLENS_SHARED']) : path.resolve(REPO_ROOT, '..', 'shared');

export interface SharedData {
  /** The folder asked for, whether or not it exists. */
  readonly dir: string;
  /** For node:test's `skip` option: false when the folder is there, else the reason. */
  readonly skip: string | false;
}

/** A folder under ../shared, e.g. `sharedData('corpora', 'aks-store-demo')`. */
export function sharedData(...segments: string[]): SharedData {
  const dir = path.join(SHARED_ROOT, ...segments);
  if (fs.existsSync(dir)) return { dir, skip: false };
  return { dir, skip: `${path.relative(REPO_ROOT, dir)} is not beside the repository` };
}

/** The case folders of a conformance collection (every sub-folder, sorted); none when the collection is absent. */
export function caseFolders(data: SharedData, filter: (name: string) => boolean = () => true): string[] {
  if (data.skip) return [];
  return subfolders(data.dir).filter(filter);
}
