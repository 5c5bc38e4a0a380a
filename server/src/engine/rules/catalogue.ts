/** Every rule, in one list: the host runs them, the docs test checks each has a page and tests. */
import { ingressBackendMissing } from './ingressBackendMissing';
import type { Rule, RuleMeta } from './rule';
import { serviceSelectsNothing } from './serviceSelectsNothing';
import { serviceTargetPortMissing } from './serviceTargetPortMissing';

export const RULES: readonly Rule[] = [serviceSelectsNothing, serviceTargetPortMissing, ingressBackendMissing];

/** Findings the host itself produces about files (not objects); configurable like any rule. */
export const FILE_RULES: readonly RuleMeta[] = [
  { id: 'yaml-syntax', defaultSeverity: 'error', title: 'The file is not valid YAML, so some of its objects are not analysed' },
  { id: 'helm-template', defaultSeverity: 'info', title: 'A Helm/Go template file is skipped until it is rendered' },
  { id: 'file-skipped', defaultSeverity: 'info', title: 'A file was not read (too large, or binary)' },
];

export const ALL_RULE_META: readonly RuleMeta[] = [...RULES, ...FILE_RULES];
