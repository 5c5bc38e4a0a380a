/** `netlens check [paths...] [--format text|json|sarif] [--fail-on error|warning|never] [--rule id=sev]` */
import { parseArgs } from 'node:util';
import { severityAtLeast, type Severity } from '../../engine/rules/rule';
import { formatJson } from '../format/json';
import { locate } from '../format/located';
import { formatSarif } from '../format/sarif';
import { formatText, summaryLine } from '../format/text';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems } from '../loadWorkspace';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';
import { loadProfileOption } from '../profileOption';
import { VERSION } from '../version';

export const checkCommand: Command = {
  name: 'check',
  summary: 'report networking problems in manifests',
  usage: `netlens check [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .; - reads standard input) and reports findings.

Options:
  --format text|json|sarif   output format (default text)
  --fail-on error|warning|info|never
                             exit 1 when a finding is at or above this severity (default error)
  --rule id=off|info|warning|error
                             change one rule's severity (repeatable)
${WORKSPACE_USAGE}  --profile file             the cluster profile (default: .netlens.yaml in the current directory
                             or the first path's folder); see docs/profile.md
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        rule: { type: 'string', multiple: true },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
      },
    });
    const format = values.format!;
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format \`${format}\`: use text, json or sarif`);
    const failOn = values['fail-on']!;
    if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new UsageError(`unknown --fail-on \`${failOn}\`: use error, warning, info or never`);
    const settings = settingsFromOptions(values.rule, values['default-namespace']);
    const readOptions = workspaceReadOptions(values);
    const paths = positionals.length ? positionals : ['.'];
    // --profile, else a .netlens.yaml in the current directory or the first path's folder.
    const profile = loadProfileOption(values.profile, io, paths);
    if (profile) {
      settings.profile = profile;
      if (profile.defaultNamespace && values['default-namespace'] === undefined) settings.defaultNamespace = profile.defaultNamespace;
    }
    const workspace = await loadWorkspace(paths, settings, io, readOptions);
    // Skipped files are findings here (file-skipped), in every format.
    reportReadProblems(workspace, io, false);
    if (nothingRead(workspace)) return EXIT_USAGE;

    const findings = locate(workspace.analysis, workspace.analysis.allFindings(), workspace.display);
    if (format === 'json') io.out(formatJson(findings));
    else if (format === 'sarif') io.out(formatSarif(findings, VERSION));
    else {
      io.out(formatText(findings));
      io.err(summaryLine(findings, workspace.fileCount));
    }
    if (failOn === 'never') return exitCode(workspace, EXIT_OK);
    return exitCode(workspace, findings.some((f) => severityAtLeast(f.severity, failOn as Severity)) ? EXIT_FINDINGS : EXIT_OK);
  },
};

