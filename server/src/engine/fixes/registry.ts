/**
 * Which rules have fixes, and what fixes each: one entry per rule id, the only list of them. `quickFixes`, the
 * language server's code actions and `netlens fix` ask it (FIXABLE_RULES is its keys). Each fix reads its finding's
 * data as its rule declares it (rules/findingData.ts): the compiler checks the keys it reads exist in the shape the
 * rule reports. test/fixes/fixContract.test.ts checks, through the language server, that each of these rules gets a
 * quick fix and no other rule does.
 */
import type { FindingDataOf, TypedRuleId } from '../rules/findingData';
import {
  gatewayClassFixes,
  ingressBackendFixes,
  ingressClassMissingFixes,
  ingressClassUnknownFixes,
  referencePortFixes,
  referenceServiceFixes,
  routeBackendFixes,
  routeParentFixes,
  targetPortFixes,
} from './nameFixes';
import { declaredDependencyFixes, dnsFixes, ingressControllerFixes, policyTypesFixes } from './netpolFixes';
import { selectorFixes } from './selectorFixes';
import type { CodeFix, FixContext, FixTarget } from './types';

/** The fixes of one rule's finding. */
type RuleFixes<Id extends TypedRuleId> = (ctx: FixContext, target: FixTarget<FindingDataOf[Id]>) => CodeFix[];

/** A fix that edits the finding's own file, given its current text (none when it cannot be read). */
function inItsFile<D>(fixes: (ctx: FixContext, target: FixTarget<D>, text: string) => CodeFix[]): (ctx: FixContext, target: FixTarget<D>) => CodeFix[] {
  return (ctx, target) => {
    const text = ctx.textOf(target.file);
    return text === undefined ? [] : fixes(ctx, target, text);
  };
}

const RULE_FIXES: { readonly [Id in TypedRuleId]?: RuleFixes<Id> } = {
  'ingress-backend-missing': inItsFile(ingressBackendFixes),
  'httproute-backend-missing': inItsFile(routeBackendFixes),
  'httproute-parent-missing': inItsFile(routeParentFixes),
  'reference-service-missing': inItsFile(referenceServiceFixes),
  'reference-port-missing': inItsFile(referencePortFixes),
  'ingress-class-unknown': inItsFile(ingressClassUnknownFixes),
  'ingress-class-missing': inItsFile(ingressClassMissingFixes),
  'gateway-class-unknown': inItsFile(gatewayClassFixes),
  'service-target-port-missing': inItsFile(targetPortFixes),
  'service-selects-nothing': selectorFixes,
  'netpol-policytypes-ignores-rules': policyTypesFixes,
  'netpol-egress-blocks-dns': dnsFixes,
  'netpol-blocks-ingress-controller': ingressControllerFixes,
  'netpol-blocks-declared-dependency': declaredDependencyFixes,
};

/** Rules with quick fixes. */
export const FIXABLE_RULES: readonly string[] = Object.keys(RULE_FIXES);

/**
 * Rules whose fix is the Ingress -> Gateway API migration (fixes/migrateIngress.ts): the language server offers it
 * as their quick fix on the Ingress (in codeAction/resolve where the client resolves code actions).
 */
export const MIGRATION_FIXED_RULES: readonly string[] = ['ingress-nginx-retirement'];

/**
 * The fixes of a rule by its id, for a finding as a client hands it back (its data not yet checked: every fix checks
 * each value it reads).
 */
export function fixesOfRule(ruleId: string): ((ctx: FixContext, target: FixTarget) => CodeFix[]) | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_FIXES, ruleId) ? RULE_FIXES[ruleId as TypedRuleId] : undefined;
}
