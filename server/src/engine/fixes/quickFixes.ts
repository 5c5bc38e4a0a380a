/**
 * Quick-fixes for findings, matched by rule id and the finding's `data` (never by message text). The language
 * server offers them as code actions; `netlens fix` applies the safe ones.
 */
import { nameFixes } from './nameFixes';
import { netpolFixes } from './netpolFixes';
import { checkedFix } from './fixSupport';
import { selectorFixes } from './selectorFixes';
import type { CodeFix, FixContext, FixTarget } from './types';
import { Readings } from './yamlGuard';

/** Rules with quick-fixes. */
export const FIXABLE_RULES: readonly string[] = [
  'ingress-backend-missing',
  'httproute-backend-missing',
  'httproute-parent-missing',
  'reference-service-missing',
  'reference-port-missing',
  'ingress-class-unknown',
  'ingress-class-missing',
  'gateway-class-unknown',
  'service-target-port-missing',
  'service-selects-nothing',
  'netpol-policytypes-ignores-rules',
  'netpol-egress-blocks-dns',
  'netpol-blocks-ingress-controller',
  'netpol-blocks-declared-dependency',
];

/**
 * Every fix for one finding (none when the finding is stale: the text at its span no longer says what it did).
 * Each passes the guard (yamlGuard.ts): a fix whose edited file would not read back as intended, or that would
 * edit an anchor reused elsewhere, comes back disabled with the reason and no change.
 */
export function quickFixes(ctx: FixContext, target: FixTarget): CodeFix[] {
  if (!FIXABLE_RULES.includes(target.ruleId)) return [];
  const readings = new Readings();
  return [...nameFixes(ctx, target), ...netpolFixes(ctx, target), ...selectorFixes(ctx, target)].map((fix) => checkedFix(ctx.textOf, fix, readings));
}
