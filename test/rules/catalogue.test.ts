/** Every rule has a doc page with the four sections, and a test file with a firing and a silent case. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ALL_RULE_META, FILE_RULES, RULES } from '../../server/src/engine/rules/catalogue';
import { REPO_ROOT } from '../support/lspClient';

test('rule ids are unique and kebab-case', () => {
  const ids = ALL_RULE_META.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

for (const rule of ALL_RULE_META) {
  test(`${rule.id} has a doc page: what, why, how to fix, example`, () => {
    const doc = path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(fs.existsSync(doc), `missing ${doc}`);
    const text = fs.readFileSync(doc, 'utf8');
    assert.ok(text.startsWith(`# ${rule.id}\n`), 'the page starts with the rule id as its title');
    for (const section of ['## What it finds', '## Why it matters', '## How to fix']) assert.ok(text.includes(section), `${rule.id}.md lacks "${section}"`);
    if (!FILE_RULES.includes(rule)) assert.ok(text.includes('## Example'), `${rule.id}.md lacks "## Example"`);
    assert.ok(text.includes(`**Default severity:** ${rule.defaultSeverity}`), `${rule.id}.md states the default severity ${rule.defaultSeverity}`);
  });
}

for (const rule of RULES) {
  test(`${rule.id} has tests that fire and tests that stay silent`, () => {
    const file = path.join(REPO_ROOT, 'test', 'rules', `${rule.id}.test.ts`);
    assert.ok(fs.existsSync(file), `missing ${file}`);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes(`[${rule.id}]`), `${rule.id}: no fixture expects the rule to fire`);
    assert.match(text, /test\((['`])[^'`]*(silent|no finding)/, `${rule.id}: no test named "... stays silent ..."`);
  });
}

for (const rule of ALL_RULE_META.filter((r) => r.sources?.length)) {
  test(`${rule.id}'s doc page cites the sources its facts rest on`, () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    for (const source of rule.sources!) assert.ok(text.includes(source), `${rule.id}.md does not cite ${source}`);
  });
}

test('docs/rules/README.md lists every rule with its default severity', () => {
  const index = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  for (const rule of ALL_RULE_META) assert.ok(index.includes(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} |`), `docs/rules/README.md lacks ${rule.id} (${rule.defaultSeverity})`);
});
