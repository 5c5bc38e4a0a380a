/**
 * The parts of docs/rules/ that the rule metadata decides: README.md (the index: every rule, its default severity and
 * title) and the first line of each rule page (default severity, the kinds it applies to, what it needs). Checked by
 * test/rules/ruleDocs.test.ts; rewritten by `npm run docs:rules` (this file run with `--write`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORKLOAD_KINDS } from '../../server/src/engine/model/resources';
import { ALL_RULE_META, RULES } from '../../server/src/engine/rules/catalogue';
import type { RuleMeta } from '../../server/src/engine/rules/rule';
import { REPO_ROOT } from './repo';

export const RULE_DOCS_DIR = path.join(REPO_ROOT, 'docs', 'rules');

const INDEX_HEAD = `# Rules

Every rule Netlens runs, with its default severity. Each page says what the rule finds, why it matters, how to fix it, and gives an example. Change a severity with the \`netlens.rules\` setting or \`--rule id=severity\` on the CLI; silence one object with the \`netlens.io/ignore\` annotation or a \`# netlens-ignore rule-id\` comment on the line above (see [annotations](../annotations.md)).

<!-- Generated from the rule metadata (server/src/engine/rules/catalogue.ts) by \`npm run docs:rules\`. -->

| rule | default | finds |
|---|---|---|
`;

export function ruleIndex(): string {
  return INDEX_HEAD + ALL_RULE_META.map((rule) => `| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} | ${rule.title} |\n`).join('');
}

/** The kinds a rule applies to, every workload kind written once as "workloads"; "files" for the host's own rules. */
function appliesTo(rule: RuleMeta): string {
  if (rule.doc?.appliesTo) return rule.doc.appliesTo;
  const kinds = RULES.find((r) => r.id === rule.id)?.appliesTo;
  if (!kinds) return 'files';
  const allWorkloads = WORKLOAD_KINDS.every((k) => kinds.includes(k));
  const out: string[] = [];
  for (const kind of kinds) {
    if (!allWorkloads || !(WORKLOAD_KINDS as readonly string[]).includes(kind)) out.push(kind);
    else if (!out.includes('workloads')) out.push('workloads');
  }
  return out.join(', ');
}

/** The first line under a rule page's title. */
export function ruleDocLine(rule: RuleMeta): string {
  const severity = `**Default severity:** ${rule.defaultSeverity}${rule.doc?.severityNote ? ` (${rule.doc.severityNote})` : ''}`;
  return `${severity} · **Applies to:** ${appliesTo(rule)}${rule.doc?.needs ? ` · **Needs:** ${rule.doc.needs}` : ''}`;
}

/** A page with its generated line put in place of the one it has (the line after the title and a blank line). */
export function withDocLine(page: string, rule: RuleMeta): string {
  const lines = page.split('\n');
  const at = lines.findIndex((line) => line.startsWith('**Default severity:**'));
  if (at >= 0) lines[at] = ruleDocLine(rule);
  else lines.splice(2, 0, ruleDocLine(rule), '');
  return lines.join('\n');
}

/** Every generated file as it should be: path -> text. Pages that do not exist are left to the catalogue test. */
export function expectedRuleDocs(): Map<string, string> {
  const out = new Map<string, string>([[path.join(RULE_DOCS_DIR, 'README.md'), ruleIndex()]]);
  for (const rule of ALL_RULE_META) {
    const page = path.join(RULE_DOCS_DIR, `${rule.id}.md`);
    if (fs.existsSync(page)) out.set(page, withDocLine(fs.readFileSync(page, 'utf8'), rule));
  }
  return out;
}

// `node out/test/support/ruleDocs.js --write` (npm run docs:rules). node --test also runs this file, without --write.
if (process.argv.includes('--write')) {
  for (const [file, text] of expectedRuleDocs()) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
    }
  }
}
