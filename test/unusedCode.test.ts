/**
 * knip (knip.json) finds unused files, dependencies and exports. What it finds today in files other work is still
 * changing is listed in knip-baseline.json (a ratchet): a finding not in the baseline fails, and so does a baseline
 * entry knip no longer finds (remove it from the file), so the list can only shrink.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './support/repo';

const KNIP = path.join(REPO_ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
const BASELINE = path.join(REPO_ROOT, 'knip-baseline.json');

type Issues = { issues: (Record<string, unknown> & { file: string })[] };

/** Every finding as `category file name`, sorted. */
function findings(): string[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [KNIP, '--no-progress', '--reporter', 'json'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // knip exits 1 when it finds something; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    output = stdout;
  }
  const out: string[] = [];
  for (const entry of (JSON.parse(output) as Issues).issues) {
    for (const [category, items] of Object.entries(entry)) {
      if (category === 'file' || !Array.isArray(items)) continue;
      for (const item of items as ({ name?: string } | { name?: string }[])[]) {
        // `duplicates` groups several names; everything else is one named item.
        const names = Array.isArray(item) ? item.map((i) => i.name ?? '?').join('+') : (item.name ?? '?');
        out.push(`${category} ${entry.file} ${names}`);
      }
    }
  }
  return out.sort();
}

test('knip finds nothing beyond knip-baseline.json, and everything in it is still there', () => {
  const baseline = new Set((JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as { findings: string[] }).findings);
  const found = findings();
  const added = found.filter((f) => !baseline.has(f));
  const gone = [...baseline].filter((f) => !found.includes(f));
  assert.deepEqual({ added, gone }, { added: [], gone: [] }, 'added: remove the unused code (or use it); gone: delete the line from knip-baseline.json');
});
