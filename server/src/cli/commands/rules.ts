/** `netlens rules`: the rule catalogue with default severities and doc links. */
import { ALL_RULE_META } from '../../engine/rules/catalogue';
import { ruleDocUrl } from '../../engine/rules/rule';
import type { CliIO, Command } from '../usage';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rules with their default severity',
  usage: 'netlens rules\n',
  async run(_args: string[], io: CliIO): Promise<number> {
    const width = Math.max(...ALL_RULE_META.map((r) => r.id.length));
    for (const rule of ALL_RULE_META) io.out(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.title}\n    ${ruleDocUrl(rule.id)}\n`);
    return 0;
  },
};
