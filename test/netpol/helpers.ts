/** Test helpers for the NetworkPolicy engine: load folders or inline YAML into an Analysis. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../server/src/engine/analysis';

import { manifestFilesUnder, REPO_ROOT } from '../support/repo';
import { analysisOf } from '../support/workspace';

export { REPO_ROOT };
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export function loadFiles(files: readonly string[]): Analysis {
  return analysisOf(files.map((file) => [file, fs.readFileSync(file, 'utf8')] as const));
}

export function loadFolder(dir: string): Analysis {
  return loadFiles(manifestFilesUnder(dir));
}

/** Inline manifests: one string per file. */
export function loadYaml(...texts: string[]): Analysis {
  return analysisOf(texts.map((text, i) => [`/inline/file${i}.yaml`, text] as const));
}
