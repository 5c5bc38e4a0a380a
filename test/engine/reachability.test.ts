/**
 * No surface computes reachability except through the model (ARCHITECTURE.md, "The reachability model"): outside
 * engine/netpol/ (the NetworkPolicy semantics the model is built on) and engine/reach/ (the model), no module imports
 * the evaluation internals at run time. Types may be imported; what policies *select* (not who reaches whom) comes
 * through reach/selection.ts. A new surface that wants an answer asks reach/.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

/** Modules that decide (or combine) who can reach whom. */
const INTERNALS = /(^|\/)netpol\/(evaluate|connectivity|cachedModel|model|semantics|partlyKnownPods|policyTrail|syntheticPods|namespaceGroups)$/;
const MODEL = [path.join('server', 'src', 'engine', 'netpol'), path.join('server', 'src', 'engine', 'reach')];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** Run-time imports (and re-exports) of a file: `import type` and `export type` are left out. */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
    if (match[2]) continue;
    // `import { type A, type B } from` imports types only.
    const names = /^\{([^}]*)\}$/.exec(match[3]!.trim());
    if (names && names[1]!.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    out.push(match[4]!);
  }
  return out;
}

test('only engine/netpol/ and engine/reach/ import the reachability internals', () => {
  const offenders: string[] = [];
  for (const root of [path.join(REPO_ROOT, 'server', 'src'), path.join(REPO_ROOT, 'client', 'src')]) {
    for (const file of sourceFiles(root)) {
      const relative = path.relative(REPO_ROOT, file);
      if (MODEL.some((dir) => relative.startsWith(dir + path.sep))) continue;
      for (const specifier of runtimeImports(fs.readFileSync(file, 'utf8'))) {
        if (INTERNALS.test(specifier)) offenders.push(`${relative} imports ${specifier}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('the guard sees run-time imports and leaves type imports alone', () => {
  const text = [
    "import { peerMatches } from '../netpol/evaluate';",
    "import type { NetpolModel } from '../netpol/model';",
    "import { type PodClass } from '../netpol/podClasses';",
    "export { connectivity } from '../netpol/connectivity';",
  ].join('\n');
  assert.deepEqual(runtimeImports(text).filter((s) => INTERNALS.test(s)), ['../netpol/evaluate', '../netpol/connectivity']);
});
