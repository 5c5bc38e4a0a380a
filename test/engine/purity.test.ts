/**
 * The engine is pure. What it imports (no IO, no vscode, nothing from the layers above it) is checked by
 * dependency-cruiser (test/engine/dependencies.test.ts); what it calls without importing is checked here: no
 * `process`, no timers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

test('server/src/engine uses no process and no timers', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(path.join(REPO_ROOT, 'server', 'src', 'engine'))) {
    if (/\bprocess\.|\bsetTimeout\(|\bsetInterval\(|\bsetImmediate\(/.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(REPO_ROOT, file));
  }
  assert.deepEqual(offenders, []);
});
