/**
 * Each rule page's examples run as fixtures: every ```yaml block of docs/rules/<rule>.md is a workspace of its own
 * (`# file: name` lines start another file, as in test fixtures; a `# .netlens.yaml: <yaml>` line is the cluster
 * profile), and the page's rule must report on exactly the lines marked `# reported` in it (nothing in a block with
 * no mark, such as a "Fixed:" example). Other rules may report too: a page shows one rule.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { hasErrors, parseProfile } from '../../server/src/engine/profile/parseProfile';
import { ALL_RULE_META } from '../../server/src/engine/rules/catalogue';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { loadFixture, splitFixture } from '../support/fixture';
import { RULE_DOCS_DIR } from '../support/ruleDocs';

/** Pages whose example is no manifest the engine reads, and why. */
const NOT_RUN: ReadonlyMap<string, string> = new Map([
  ['file-skipped', 'its subject is a file the host does not read (too large or binary), no manifest text: test/cli/check.test.ts and test/protocol/hostileDocuments.test.ts cover it'],
]);

const PROFILE_LINE = /^#\s*\.netlens\.yaml:\s*(.*)$/;
const REPORTED = /#\s+reported\b/;

function yamlBlocks(page: string): string[] {
  return [...page.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** The block's profile, or what is wrong with its `.netlens.yaml` line. */
function profileOf(block: string): { profile?: ClusterProfile; problem?: string } {
  const line = block.split('\n').map((l) => PROFILE_LINE.exec(l.trim())).find((m) => m);
  if (!line) return {};
  const parsed = parseProfile(line[1]!);
  if (hasErrors(parsed.issues) || parsed.issues.length) return { problem: `the .netlens.yaml line does not read cleanly: ${parsed.issues.map((i) => i.message).join('; ')}` };
  return { profile: parsed.profile };
}

/** `file:line` (1-based) of every marked line, and of every line the rule reports on. */
function compare(ruleId: string, block: string): { expected: string[]; found: string[]; problem?: string } {
  const { profile, problem } = profileOf(block);
  if (problem) return { expected: [], found: [], problem };
  const severity = ALL_RULE_META.find((r) => r.id === ruleId)!.defaultSeverity;
  const { analysis, files } = loadFixture(block, { ...(profile ? { profile } : {}), rules: { [ruleId]: severity === 'off' ? 'warning' : severity } });
  const expected: string[] = [];
  const found: string[] = [];
  for (const file of splitFixture(block)) {
    file.text.split('\n').forEach((line, i) => {
      if (REPORTED.test(line)) expected.push(`${file.name}:${i + 1}`);
    });
    const lines = analysis.lineIndex(file.name);
    for (const finding of analysis.findings(file.name)) {
      if (finding.ruleId === ruleId) found.push(`${file.name}:${lines!.position(finding.span.start).line + 1}`);
    }
  }
  assert.ok(files.length > 0);
  return { expected: [...new Set(expected)].sort(), found: [...new Set(found)].sort() };
}

test('every rule page has an example, and each example reports where the page says', () => {
  const problems: string[] = [];
  for (const rule of ALL_RULE_META) {
    const file = path.join(RULE_DOCS_DIR, `${rule.id}.md`);
    if (NOT_RUN.has(rule.id)) continue;
    const blocks = yamlBlocks(fs.readFileSync(file, 'utf8'));
    if (blocks.length === 0) {
      problems.push(`${rule.id}: no yaml example`);
      continue;
    }
    if (!blocks.some((b) => REPORTED.test(b))) problems.push(`${rule.id}: no example line is marked # reported`);
    blocks.forEach((block, i) => {
      const where = `docs/rules/${rule.id}.md example ${i + 1}`;
      const { expected, found, problem } = compare(rule.id, block);
      if (problem) problems.push(`${where}: ${problem}`);
      else if (expected.join() !== found.join()) problems.push(`${where}: marked ${expected.join(', ') || 'nothing'}, reported ${found.join(', ') || 'nothing'}`);
    });
  }
  assert.deepEqual(problems, []);
});

test('the pages not run are rule pages, and each says why', () => {
  for (const [id, why] of NOT_RUN) {
    assert.ok(ALL_RULE_META.some((r) => r.id === id), id);
    assert.ok(why.length > 20, id);
  }
});

test('an example whose mark is on the wrong line fails', () => {
  const block = `apiVersion: v1
kind: Service
metadata: {name: orders, namespace: shop}   # reported
spec:
  selector: {app: order}
  ports: [{port: 80}]
`;
  const { expected, found } = compare('service-selects-nothing', block);
  assert.deepEqual(expected, ['fixture.yaml:3']);
  assert.deepEqual(found, ['fixture.yaml:5']);
});
