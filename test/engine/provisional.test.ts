/**
 * Provisional findings (what the language server publishes for an open file while the workspace is still being
 * read) never claim what the complete workspace contradicts: whatever order files arrive in, a file's provisional
 * findings are a subset of its findings once every file is read.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import type { Finding } from '../../server/src/engine/rules/rule';
import { corpusTexts } from '../support/corpus';
import { Random } from '../support/random';

const keyOf = (f: Finding) => JSON.stringify([f.ruleId, f.span, f.message, f.severity]);

/** Corpus files grouped by application (the folder under corpora/, recipes/ or examples/). */
function applications(): { file: string; text: string }[][] {
  const groups = new Map<string, { file: string; text: string }[]>();
  for (const entry of corpusTexts()) {
    const parts = entry.file.split(path.sep);
    const at = Math.max(parts.indexOf('corpora'), parts.indexOf('recipes'), parts.indexOf('examples'));
    const group = parts.slice(0, at + 2).join(path.sep);
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  return [...groups.values()];
}

test('on every corpus application, in random orders, provisional findings are a subset of the complete ones', () => {
  const random = new Random(20261126);
  let partialFalseClaims = 0;
  for (const files of applications()) {
    const complete = new Analysis();
    for (const f of files) complete.setFile(f.file, f.text);
    const final = new Map(files.map((f) => [f.file, new Set(complete.findings(f.file).map(keyOf))]));
    for (let round = 0; round < 3; round++) {
      const order = [...files];
      for (let i = order.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const partial = new Analysis();
      for (const [i, added] of order.entries()) {
        partial.setFile(added.file, added.text);
        // The newest file and one earlier file, as an editor opening files during the scan would ask.
        const asked = [added, order[random.int(i + 1)]!];
        for (const { file } of asked) {
          for (const finding of partial.provisionalFindings(file)) {
            assert.ok(final.get(file)!.has(keyOf(finding)), `${file}: provisional ${finding.ruleId} (${finding.message}) is not among the complete findings`);
          }
          // What publishing the partial analysis' full findings would have claimed wrongly.
          for (const finding of partial.findings(file)) if (!final.get(file)!.has(keyOf(finding))) partialFalseClaims++;
        }
      }
    }
  }
  // The reason provisional findings exist: on partial workspaces the complete rules do claim false things.
  assert.ok(partialFalseClaims > 0, 'no partial workspace produced a false finding: the test no longer shows anything');
});

test('syntax errors and checks that need no other file are provisional; cross-file claims wait', () => {
  const analysis = new Analysis();
  analysis.setFile('svc.yaml', `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {enabled: yes}
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "yes"
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80}]
`);
  analysis.setFile('broken.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n');
  const provisional = analysis.provisionalFindings('svc.yaml').map((f) => f.ruleId);
  assert.deepEqual(provisional.sort(), ['azure-annotation-invalid', 'yaml11-boolean-string']);
  // With only this file read, the complete rules would say the Service selects nothing.
  assert.ok(analysis.findings('svc.yaml').some((f) => f.ruleId === 'service-selects-nothing'));
  assert.deepEqual(analysis.provisionalFindings('broken.yaml').map((f) => f.ruleId), ['yaml-syntax']);
  assert.deepEqual(analysis.provisionalFindings('not-read.yaml'), []);
});

test('findings computed aside equal the refreshed ones and leave the analysis as it was', () => {
  for (const files of applications()) {
    const analysis = new Analysis();
    for (const f of files) analysis.setFile(f.file, f.text);
    const aside = files.map((f) => JSON.stringify(analysis.findingsAside(f.file)));
    // Nothing was refreshed by computing aside: the refresh still finds every file to compute.
    const changed = new Set(analysis.refresh());
    files.forEach((f, i) => {
      assert.equal(aside[i], JSON.stringify(analysis.findings(f.file)), f.file);
      if (analysis.findings(f.file).length > 0) assert.ok(changed.has(f.file), `${f.file} was not refreshed`);
    });
  }
});
