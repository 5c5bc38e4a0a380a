/** `--rule id=severity` and `--default-namespace`: the CLI's equivalent of the editor settings. */
import type { AnalysisSettings } from '../../engine/analysis';
import { ALL_RULE_META } from '../../engine/rules/catalogue';
import type { SeveritySetting } from '../../engine/rules/rule';
import { closestName } from '../../engine/util/closestName';
import { UsageError } from '../usage';

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

export function settingsFromOptions(ruleOptions: readonly string[] | undefined, defaultNamespace: string | undefined): AnalysisSettings {
  const rules: Record<string, SeveritySetting> = {};
  for (const option of ruleOptions ?? []) {
    const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(option);
    if (!match) throw new UsageError(`--rule takes id=severity (off|info|warning|error), got \`${option}\``);
    const [, id, severity] = match as unknown as [string, string, string];
    if (!ALL_RULE_META.some((r) => r.id === id)) {
      const suggestion = closestName(id, ALL_RULE_META.map((r) => r.id));
      throw new UsageError(`unknown rule \`${id}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; \`netlens rules\` lists them`);
    }
    if (!SEVERITIES.includes(severity)) throw new UsageError(`unknown severity \`${severity}\` for rule ${id}: use off, info, warning or error`);
    rules[id] = severity as SeveritySetting;
  }
  return { defaultNamespace: defaultNamespace ?? 'default', rules };
}
