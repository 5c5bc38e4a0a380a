/** docs/rules/README.md and each page's first line say what the rule metadata says (npm run docs:rules writes them). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/repo';
import { expectedRuleDocs, ruleDocLine } from '../support/ruleDocs';

test('docs/rules is up to date with the rule metadata (else: npm run docs:rules)', () => {
  const stale = [...expectedRuleDocs()].filter(([file, text]) => fs.readFileSync(file, 'utf8') !== text).map(([file]) => path.relative(REPO_ROOT, file));
  assert.deepEqual(stale, [], 'run `npm run docs:rules` and commit the result');
});

test('the generated line groups workload kinds and adds what the metadata says beyond the kinds', () => {
  assert.equal(ruleDocLine({ id: 'yaml-syntax', defaultSeverity: 'error', title: '' }), '**Default severity:** error · **Applies to:** files');
  assert.equal(
    ruleDocLine({ id: 'x', defaultSeverity: 'warning', title: '', doc: { severityNote: 'info when unsure', needs: '`cluster.podCidr`' } }),
    '**Default severity:** warning (info when unsure) · **Applies to:** files · **Needs:** `cluster.podCidr`',
  );
  assert.equal(ruleDocLine({ id: 'workload-not-isolated', defaultSeverity: 'off', title: '' }), '**Default severity:** off · **Applies to:** workloads');
});
