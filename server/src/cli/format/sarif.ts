/** SARIF 2.1.0 for code scanning in CI: one run, the rule catalogue as the driver's rules, help URIs to the docs. */
import { ALL_RULE_META } from '../../engine/rules/catalogue';
import { ruleDocUrl, type Severity } from '../../engine/rules/rule';
import type { LocatedFinding } from './located';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(findings: readonly LocatedFinding[], version: string): string {
  const rules = ALL_RULE_META.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : LEVEL[rule.defaultSeverity], enabled: rule.defaultSeverity !== 'off' },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.file) },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    relatedLocations: f.related.map((r, id) => ({
      id,
      message: { text: r.message },
      physicalLocation: { artifactLocation: { uri: toUri(r.file) }, region: { startLine: r.line, startColumn: r.column } },
    })),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'netlens', informationUri: 'https://github.com/kube-netlens/kube-netlens', version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toUri(file: string): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return file.startsWith('/') ? `file://${encoded}` : encoded;
}
