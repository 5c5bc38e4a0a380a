/** Test helpers for the NetworkPolicy engine: load folders or inline YAML into an Analysis. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../server/src/engine/analysis';

/** The repository root: tests run compiled (out/test/netpol/), their fixtures stay in test/. */
export const REPO_ROOT = findRepoRoot();
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** Every *.yaml, *.yml and *.json file under `dir`, sorted, recursively. */
export function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

export function loadFiles(files: readonly string[]): Analysis {
  const analysis = new Analysis();
  for (const file of files) analysis.setFile(file, fs.readFileSync(file, 'utf8'));
  return analysis;
}

export function loadFolder(dir: string): Analysis {
  return loadFiles(manifestFiles(dir));
}

/** Inline manifests: one string per file. */
export function loadYaml(...texts: string[]): Analysis {
  const analysis = new Analysis();
  texts.forEach((text, i) => analysis.setFile(`/inline/file${i}.yaml`, text));
  return analysis;
}

/** The nearest folder above this file with package.json and test/fixtures; the working directory otherwise. */
function findRepoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'fixtures'))) return dir;
  }
  return process.cwd();
}
