/**
 * Quick-fixes for findings, matched by rule id and the finding's `data` (never by message text). The language
 * server offers them as code actions; `netlens fix` applies the safe ones.
 */
import { checkedFix } from './fixSupport';
import { fixesOfRule } from './registry';
import type { CodeFix, FixContext, FixTarget } from './types';
import { Readings } from './yamlGuard';

/**
 * Every fix for one finding (none when the finding is stale: the text at its span no longer says what it did).
 * Each passes the guard (yamlGuard.ts): a fix whose edited file would not read back as intended, or that would
 * edit an anchor reused elsewhere, comes back disabled with the reason and no change.
 */
export function quickFixes(ctx: FixContext, target: FixTarget): CodeFix[] {
  const fixes = fixesOfRule(target.ruleId);
  if (!fixes) return [];
  const readings = new Readings();
  return fixes(ctx, target).map((fix) => checkedFix(ctx.textOf, fix, readings));
}
