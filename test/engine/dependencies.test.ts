/**
 * The layer order (.dependency-cruiser.cjs, ARCHITECTURE.md "Layers"), checked by dependency-cruiser: the engine is
 * pure and imports only lower layers; no surface computes reachability except through the model (outside
 * engine/netpol/ and engine/reach/, nothing imports the evaluation internals at run time; types may be imported);
 * the client runs only the protocol and address modules. A second run on a small tree that breaks each rule shows
 * that the rules bite.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repo';

const CONFIG = path.join(REPO_ROOT, '.dependency-cruiser.cjs');
const CRUISER = path.join(REPO_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** dependency-cruiser's violations for `roots` under `cwd` (its exit code is the number of errors). */
function cruise(cwd: string, roots: string[], extra: string[] = []): Violation[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [CRUISER, ...roots, '--config', CONFIG, ...extra, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    output = stdout;
  }
  const result = JSON.parse(output) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

test('server/src and client/src keep the layer order (dependency-cruiser)', () => {
  const violations = cruise(REPO_ROOT, ['server/src', 'client/src'], ['--ts-config', 'tsconfig.json']);
  assert.deepEqual(violations.map((v) => `${v.rule}: ${v.from} -> ${v.to}`), []);
});

test('the rules bite: each kind of violation in a small tree is reported', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-layers-'));
  try {
    const files: Record<string, string> = {
      'server/src/engine/util/low.ts': "import { deep } from '../netpol/evaluate';\nexport const low = deep;\n",
      'server/src/engine/netpol/evaluate.ts': 'export const deep = 1;\n',
      'server/src/engine/netpol/model.ts': 'export interface NetpolModel { a: number }\n',
      'server/src/engine/rules/someRule.ts': [
        "import { readFileSync } from 'fs';",
        "import { deep } from '../netpol/evaluate';",
        "import type { NetpolModel } from '../netpol/model';",
        "import { serve } from '../../lsp/server';",
        'export const rule = (m: NetpolModel) => [readFileSync, deep, serve, m];',
        '',
      ].join('\n'),
      'server/src/engine/fixes/timers.ts': "import { setTimeout } from 'node:timers/promises';\nexport const wait = setTimeout;\n",
      'server/src/lsp/server.ts': 'export const serve = 1;\n',
      'client/src/extension.ts': "import { deep } from '../../server/src/engine/netpol/evaluate';\nimport { low } from '../../server/src/engine/util/low';\nexport const x = [deep, low];\n",
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const found = cruise(root, ['server/src', 'client/src'])
      .map((v) => `${v.rule}: ${v.from} -> ${v.to}`)
      .sort();
    assert.deepEqual(found, [
      'client-through-protocol: client/src/extension.ts -> server/src/engine/netpol/evaluate.ts',
      'client-through-protocol: client/src/extension.ts -> server/src/engine/util/low.ts',
      'engine-layer-util: server/src/engine/util/low.ts -> server/src/engine/netpol/evaluate.ts',
      'engine-nothing-above: server/src/engine/rules/someRule.ts -> server/src/lsp/server.ts',
      // `node:timers/promises` is reported by its module name.
      'engine-pure-no-io: server/src/engine/fixes/timers.ts -> timers/promises',
      'engine-pure-no-io: server/src/engine/rules/someRule.ts -> fs',
      'reachability-only-through-the-model: client/src/extension.ts -> server/src/engine/netpol/evaluate.ts',
      'reachability-only-through-the-model: server/src/engine/rules/someRule.ts -> server/src/engine/netpol/evaluate.ts',
      'reachability-only-through-the-model: server/src/engine/util/low.ts -> server/src/engine/netpol/evaluate.ts',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
