/** Test helpers for the NetworkPolicy engine: load folders or inline YAML into an Analysis. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../server/src/engine/analysis';

import { manifestFilesUnder, REPO_ROOT } from '../support/repo';

export { REPO_ROOT };
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export function loadFiles(files: readonly string[]): Analysis {
  const analysis = new Analysis();
  for (const file of files) analysis.setFile(file, fs.readFileSync(file, 'utf8'));
  return analysis;
}

export function loadFolder(dir: string): Analysis {
  return loadFiles(manifestFilesUnder(dir));
}

/** Inline manifests: one string per file. */
export function loadYaml(...texts: string[]): Analysis {
  const analysis = new Analysis();
  texts.forEach((text, i) => analysis.setFile(`/inline/file${i}.yaml`, text));
  return analysis;
}
