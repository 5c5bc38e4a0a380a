/**
 * The engine is pure. What it imports (no IO, no vscode, nothing from the layers above it) is checked by
 * dependency-cruiser (test/engine/dependencies.test.ts); what it calls without importing is checked here: no
 * `process`, no timers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { filesUnder, REPO_ROOT } from '../support/repo';

test('server/src/engine uses no process and no timers', () => {
  const offenders: string[] = [];
  for (const file of filesUnder(path.join(REPO_ROOT, 'server', 'src', 'engine'), (name) => name.endsWith('.ts'))) {
    if (/\bprocess\.|\bsetTimeout\(|\bsetInterval\(|\bsetImmediate\(/.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(REPO_ROOT, file));
  }
  assert.deepEqual(offenders, []);
});
