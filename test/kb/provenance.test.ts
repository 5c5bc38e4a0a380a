/**
 * Every knowledge entry names where it comes from and when that source was read: each exported table of kb/ (any
 * exported array of records, in any module under server/src/engine/kb) and each exported record with a `source`,
 * nested records included (a class's `placement`, ...). A new table is covered without being listed here.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { filesUnder } from '../support/repo';

/** The latest day an entry may say it was checked (the Cilium review of issue 22, a day after the December review). */
const LATEST_CHECK = '2026-12-06';

const KB_DIR = path.join(__dirname, '..', '..', 'server', 'src', 'engine', 'kb');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set) && !(value instanceof RegExp);
}

/** Problems of one entry: its own source/checked, and those of nested records that name a source. */
export function provenanceProblems(entry: Record<string, unknown>, where: string): string[] {
  const problems: string[] = [];
  const source = entry.source;
  const checked = entry.checked;
  if (typeof source !== 'string' || !/^https:\/\/\S+$/.test(source)) problems.push(`${where}: source ${JSON.stringify(source)} is not an https URL`);
  if (typeof checked !== 'string' || !ISO_DATE.test(checked) || Number.isNaN(Date.parse(checked))) problems.push(`${where}: checked ${JSON.stringify(checked)} is not a date`);
  else if (checked < '2025-01-01' || checked > LATEST_CHECK) problems.push(`${where}: checked ${checked} is outside the plausible range`);
  for (const [key, value] of Object.entries(entry)) {
    if (isRecord(value) && 'source' in value) problems.push(...provenanceProblems(value, `${where}.${key}`));
  }
  return problems;
}

function kbEntries(): { where: string; entry: Record<string, unknown> }[] {
  const out: { where: string; entry: Record<string, unknown> }[] = [];
  for (const file of filesUnder(KB_DIR, (name) => name.endsWith('.js'))) {
    const exports = require(file) as Record<string, unknown>;
    const name = path.relative(KB_DIR, file);
    for (const [exported, value] of Object.entries(exports)) {
      if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) value.forEach((entry, i) => out.push({ where: `${name} ${exported}[${i}]`, entry }));
      else if (isRecord(value) && ('source' in value || 'checked' in value)) out.push({ where: `${name} ${exported}`, entry: value });
    }
  }
  return out;
}

test('every knowledge entry in kb/ carries an https source and the date it was checked', () => {
  const entries = kbEntries();
  assert.ok(entries.length > 500, `only ${entries.length} entries found: is the kb directory right? (${KB_DIR})`);
  assert.deepEqual(entries.flatMap((e) => provenanceProblems(e.entry, e.where)), []);
});

test('the provenance check fails for an entry without a source or a date', () => {
  assert.equal(provenanceProblems({ doc: 'x', checked: '2026-12-05' }, 'e').length, 1);
  assert.equal(provenanceProblems({ doc: 'x', source: 'https://example.org/' }, 'e').length, 1);
  assert.equal(provenanceProblems({ doc: 'x', source: 'https://example.org/', checked: '5 Dec 2026' }, 'e').length, 1);
  assert.equal(provenanceProblems({ doc: 'x', source: 'https://example.org/', checked: '2026-12-05', placement: { source: 'https://example.org/' } }, 'e').length, 1);
  assert.deepEqual(provenanceProblems({ doc: 'x', source: 'https://example.org/', checked: '2026-12-05' }, 'e'), []);
});
