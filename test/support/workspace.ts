/**
 * The one way tests build a workspace: files (name and text) read into an `Analysis` with the given settings (the
 * defaults filled in) and rules (the catalogue unless given), where a rule that throws fails the test instead of
 * being reported and skipped. Rule fixtures (fixture.ts), the fix tests (fixes/support.ts), the NetworkPolicy tests
 * (netpol/helpers.ts) and the feature tests build theirs here. Tests of the Analysis itself (incremental refresh,
 * provisional findings, rule errors, fuzzing) construct it with the options they test.
 */
import { Analysis, DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/engine/analysis';
import type { Rule } from '../../server/src/engine/rules/rule';

export interface WorkspaceOptions {
  settings?: Partial<AnalysisSettings>;
  /** Replaces the catalogue (rules not registered, or a subset). */
  rules?: readonly Rule[];
}

export function analysisOf(files: Iterable<readonly [name: string, text: string]>, options: WorkspaceOptions = {}): Analysis {
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const analysis = new Analysis({
    ...(options.rules ? { rules: options.rules } : {}),
    settingsFor: () => settings,
    onRuleError: (ruleId, error) => {
      throw new Error(`rule ${ruleId} threw: ${(error as Error).stack}`);
    },
  });
  for (const [name, text] of files) analysis.setFile(name, text);
  return analysis;
}
