/** Real manifests to mutate: the shared corpora and conformance data beside the repository, plus our examples. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestFilesUnder, REPO_ROOT } from './repo';
import { SHARED_ROOT } from './shared';

export { manifestFilesUnder, SHARED_ROOT };

/** Corpus texts (path, text), sorted by path, so that seeds select the same inputs everywhere. */
export function corpusTexts(): { file: string; text: string }[] {
  const files = [
    ...manifestFilesUnder(path.join(SHARED_ROOT, 'corpora')),
    ...manifestFilesUnder(path.join(SHARED_ROOT, 'conformance', 'recipes')),
    ...manifestFilesUnder(path.join(REPO_ROOT, 'examples')),
  ];
  if (files.length === 0) throw new Error(`no corpus found under ${SHARED_ROOT}; the shared folder must sit beside the repository`);
  return files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}
