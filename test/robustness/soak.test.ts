/**
 * A long session: 10,000 edits (text-only and cross-file, alternating) on a workspace of 300 resources (about two
 * minutes here; the 10k-resource size takes about 250 ms an edit, too long for CI).
 * Heap after a full GC may grow less than 10% from the first to the last thousand edits. The engine holds no timers
 * or listeners (the purity test forbids timers in engine/), so a heap that stays flat is what "nothing piles up"
 * means there. NETLENS_SOAK_RESOURCES=10000 runs it at the full size (slower; not in CI).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

test('10,000 edits: heap after GC grows less than 10% from the first to the last thousand edits', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'soakWorker.js')], { encoding: 'utf8', env: { ...process.env, NETLENS_SOAK_WORKER: '1' }, timeout: 600_000 });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { resources: number; edits: number; ms: number; firstThousand: number; lastThousand: number };
  const growth = result.lastThousand / result.firstThousand - 1;
  assert.ok(growth < 0.1, `heap grew ${(growth * 100).toFixed(1)}% (${(result.firstThousand / 1048576).toFixed(1)} MB -> ${(result.lastThousand / 1048576).toFixed(1)} MB) over ${result.edits} edits on ${result.resources} resources`);
  assert.ok(result.resources >= Number(process.env['NETLENS_SOAK_RESOURCES'] ?? 300) - 1);
});
