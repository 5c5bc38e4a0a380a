/**
 * A long session at the size: 10,000 edits (text-only and label changes, alternating) on a workspace of
 * 10,000 resources. Heap after a full GC may grow less than 10% from the first to the last thousand edits. The engine
 * holds no timers or listeners (the purity test forbids timers in engine/), so a heap that stays flat is what
 * "nothing piles up" means there. About 2 minutes on a 2-core machine (about 10 ms an edit: a label change re-runs
 * the rule checks that asked about that namespace's pods; a text edit regroups that namespace's pods once).
 * NETLENS_SOAK_RESOURCES and NETLENS_SOAK_EDITS make it smaller for a quick local run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

test('10,000 edits on 10,000 resources: heap after GC grows less than 10% from the first to the last thousand edits', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'soakWorker.js')], { encoding: 'utf8', env: { ...process.env, NETLENS_SOAK_WORKER: '1' }, timeout: 1_800_000 });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { resources: number; edits: number; ms: number; firstThousand: number; lastThousand: number };
  const growth = result.lastThousand / result.firstThousand - 1;
  assert.ok(growth < 0.1, `heap grew ${(growth * 100).toFixed(1)}% (${(result.firstThousand / 1048576).toFixed(1)} MB -> ${(result.lastThousand / 1048576).toFixed(1)} MB) over ${result.edits} edits on ${result.resources} resources`);
  assert.ok(result.resources >= Number(process.env['NETLENS_SOAK_RESOURCES'] ?? 10000) - 1);
});
