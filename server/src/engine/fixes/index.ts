/**
 * Quick-fixes and generators: pure functions from facts and file texts to text edits and new files.
 *
 *   quickFixes(ctx, {ruleId, file, span, data})        -> CodeFix[]  (code actions; `netlens fix` applies the safe ones)
 *   generateDefaultDeny(ctx, namespace, placement?)     -> GeneratorResult
 *   generatePolicies(ctx, {namespace?, ...placement})   -> PoliciesResult (edges with evidence, notes, documents)
 *   migrateIngresses(ctx, ingresses, {gatewayClass?})   -> MigrationResult (Gateway + HTTPRoutes, annotation outcomes)
 *
 * `ctx` is `{ index, textOf(file), profile? }`. See docs/fixes.md.
 */
export { applyChange, type CodeFix, type FixContext, type TextEdit, type WorkspaceChange } from './types';
export { quickFixes } from './quickFixes';
export { FIXABLE_RULES, MIGRATION_FIXED_RULES } from './registry';
export { ignoreFixes } from './ignoreFixes';
export { ADMIT_INGRESS_CONTROLLER_COMMAND, admitIngressControllerChange, deniedDirections, type AdmitControllerArguments } from './netpolFixes';
export { generateDefaultDeny, generatePolicies, formatEdges, type GeneratorResult, type PoliciesResult } from './generatePolicies';
export { parseAllowFrom, describeEndpoint, evidenceWhere, type EdgeEndpoint, type EdgeNote, type TrafficEdge } from './trafficEdges';
export { migrateIngress, migrateIngresses, ingressesOfClass, defaultGatewayClass, MIGRATED_FROM_ANNOTATION, type MigrationOptions, type MigrationResult } from './migrateIngress';
