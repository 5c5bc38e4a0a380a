/**
 * np-guard netpol-analyzer's connlist cases (test/fixtures/npguard, Apache-2.0): our connectivity list in txt format
 * must be byte-identical to upstream's expected.txt. One test per case.
 *
 * Two cases (`example_pods_w_same_owner_and_labels_gap_*`) carry Pods whose controller ownerReference has no `kind`,
 * which the Kubernetes API requires. Grouping pods under their owner only needs the owner's name, so the extractor
 * keeps such owners (kind '') and the output matches upstream, which groups them the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatConnlistText } from '../../server/src/cli/format/connlistText';
import { connectivityList, reachModelOf } from '../../server/src/engine/reach/index';
import { subfolders } from '../support/repo';
import { FIXTURES, loadFolder } from './helpers';

const ROOT = path.join(FIXTURES, 'npguard');

interface CaseJson {
  options?: { focus_workload?: string; focusWorkload?: string };
}

const cases = subfolders(ROOT);

test('all 24 np-guard cases are present', () => {
  assert.equal(cases.length, 24);
});

for (const name of cases) {
  test(`np-guard connlist: ${name}`, () => {
    const dir = path.join(ROOT, name);
    const caseJson = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseJson;
    const focus = caseJson.options?.focus_workload ?? caseJson.options?.focusWorkload;
    const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8');
    const analysis = loadFolder(path.join(dir, 'manifests'));
    const ours = formatConnlistText(connectivityList(reachModelOf(analysis.index), focus === undefined ? {} : { focusWorkload: focus }));
    assert.equal(ours, expected);
  });
}
