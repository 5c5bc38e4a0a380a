/**
 * Helpers for fix and generator tests: a workspace from a fixture, the fixes of a finding, the texts after a fix,
 * and the check that our own rules find nothing new in what a fix wrote.
 */
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type Analysis, type AnalysisSettings } from '../../server/src/engine/analysis';
import { applyChange, quickFixes, type CodeFix, type FixContext, type WorkspaceChange } from '../../server/src/engine/fixes/index';
import { RULES } from '../../server/src/engine/rules/catalogue';
import { netpolBlocksDeclaredDependency } from '../../server/src/engine/rules/netpolBlocksDeclaredDependency';
import { netpolBlocksIngressController } from '../../server/src/engine/rules/netpolBlocksIngressController';
import { netpolEgressBlocksDns } from '../../server/src/engine/rules/netpolEgressBlocksDns';
import { netpolPolicytypesIgnoresRules } from '../../server/src/engine/rules/netpolPolicytypesIgnoresRules';
import type { Finding, Rule } from '../../server/src/engine/rules/rule';
import { splitFixture } from '../support/fixture';
import { analysisOf } from '../support/workspace';

/** The catalogue plus the NetworkPolicy rules whose findings these fixes answer (whether or not registered yet). */
export const ALL_RULES: readonly Rule[] = [...RULES, netpolEgressBlocksDns, netpolBlocksIngressController, netpolBlocksDeclaredDependency, netpolPolicytypesIgnoresRules].filter(
  (rule, i, all) => all.findIndex((r) => r.id === rule.id) === i,
);

export interface Workspace {
  analysis: Analysis;
  texts: Map<string, string>;
  ctx: FixContext;
  settings: AnalysisSettings;
}

export function workspaceOf(texts: ReadonlyMap<string, string>, settings: Partial<AnalysisSettings> = {}): Workspace {
  const resolved: AnalysisSettings = { ...DEFAULT_SETTINGS, ...settings };
  const copy = new Map(texts);
  const analysis = analysisOf(copy, { settings: resolved, rules: ALL_RULES });
  const ctx: FixContext = { index: analysis.index, textOf: (file) => copy.get(file) };
  if (resolved.profile) ctx.profile = resolved.profile;
  return { analysis, texts: copy, ctx, settings: resolved };
}

export function fixtureWorkspace(fixture: string, settings: Partial<AnalysisSettings> = {}): Workspace {
  return workspaceOf(new Map(splitFixture(fixture).map((f) => [f.name, f.text])), settings);
}

export function findingOf(ws: Workspace, ruleId: string, messagePart = ''): Finding {
  const finding = ws.analysis.allFindings().find((f) => f.ruleId === ruleId && f.message.includes(messagePart));
  assert.ok(finding, `no ${ruleId} finding${messagePart ? ` mentioning "${messagePart}"` : ''}; findings: ${ws.analysis.allFindings().map((f) => `${f.ruleId}: ${f.message}`).join('\n')}`);
  return finding;
}

export function fixesOf(ws: Workspace, finding: Finding): CodeFix[] {
  return quickFixes(ws.ctx, { ruleId: finding.ruleId, file: finding.file, span: finding.span, data: finding.data ?? {} });
}

export function pickFix(fixes: readonly CodeFix[], titlePart: string): CodeFix {
  const fix = fixes.find((f) => f.title.includes(titlePart));
  assert.ok(fix, `no fix titled like "${titlePart}"; fixes: ${fixes.map((f) => f.title).join(' | ')}`);
  return fix;
}

export function apply(ws: Workspace, change: WorkspaceChange): Map<string, string> {
  return applyChange(ws.texts, change);
}

/**
 * After a fix: the finding it fixes is gone (one fewer of its rule in its file), and no file has more findings of
 * any rule than before. Findings are counted per rule and file, since a fix moves positions and may change the
 * policy names other messages list. `expectedNew` lists rules that may newly fire, each justified by the caller.
 */
export function assertFixed(before: Workspace, after: ReadonlyMap<string, string>, fixed: Finding, expectedNew: readonly string[] = []): Workspace {
  const next = workspaceOf(after, before.settings);
  const count = (ws: Workspace) => {
    const counts = new Map<string, number>();
    for (const f of ws.analysis.allFindings()) counts.set(`${f.ruleId}|${f.file}`, (counts.get(`${f.ruleId}|${f.file}`) ?? 0) + 1);
    return counts;
  };
  const was = count(before);
  const now = count(next);
  for (const [key, n] of now) {
    if (expectedNew.includes(key.split('|')[0]!)) continue;
    const limit = (was.get(key) ?? 0) - (key === `${fixed.ruleId}|${fixed.file}` ? 1 : 0);
    assert.ok(
      n <= limit,
      `after the fix, ${key} has ${n} finding(s), at most ${limit} expected:\n${next.analysis
        .allFindings()
        .filter((f) => `${f.ruleId}|${f.file}` === key)
        .map((f) => `  ${f.message}`)
        .join('\n')}`,
    );
  }
  if (!now.has(`${fixed.ruleId}|${fixed.file}`)) assert.ok((was.get(`${fixed.ruleId}|${fixed.file}`) ?? 0) >= 1);
  return next;
}

/** The fixture's text of one file (fixtures hold several). */
export function fileText(fixture: string, name: string): string {
  const file = splitFixture(fixture).find((f) => f.name === name);
  assert.ok(file, `no file ${name} in the fixture`);
  return file.text;
}
