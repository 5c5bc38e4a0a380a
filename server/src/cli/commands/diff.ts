/** `netlens diff OLD NEW [--format txt|md|csv|json] [--arg-names old,new]`: np-guard's connectivity diff. */
import { parseArgs } from 'node:util';
import { connectivityDiff, isEmptyDiff } from '../../engine/reach/connectivityDiff';
import { reachModelOf } from '../../engine/reach/index';
import { DEFAULT_DIFF_NAMES, formatDiffCsv, formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffNames } from '../format/connectivityDiff';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems, type LoadedWorkspace } from '../loadWorkspace';
import { loadProfileOption } from '../profileOption';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';

const FORMATS = ['txt', 'md', 'csv', 'json'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'the connectivity diff between two versions of the manifests (np-guard diff): changed, added, removed',
  usage: `netlens diff OLD NEW [options]
netlens diff --dir1 OLD --dir2 NEW [options]

Reads both folders (or files) as netlens connectivity does and prints every pair of peers whose allowed
connections differ: diff-type changed (both versions connect the pair, differently), added (only NEW connects it),
removed (only OLD does), with what each version allows, and workloads-diff-info when a workload exists in only one
version. The output is np-guard netpol-analyzer's \`diff\`, byte for byte in txt.

Exit codes: 0 no difference, 1 differences (for CI), 2 usage or read errors.

Options:
  --format txt|md|csv|json   output format (default txt; md is a table for a pull-request comment; json is ours)
  --arg-names old,new        the names of the two sides in the output (default ref1,ref2)
  --dir1 path, --dir2 path   the two sides, as np-guard names them (instead of OLD NEW)
${WORKSPACE_USAGE}  --profile file             the cluster profile for both sides (default: .netlens.yaml in the current
                             directory or OLD's folder); see docs/profile.md
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'txt' },
        'arg-names': { type: 'string' },
        dir1: { type: 'string' },
        dir2: { type: 'string' },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
      },
    });
    const format = values.format!;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format \`${format}\`: use ${FORMATS.join(', ')}`);
    const sides = [...(values.dir1 !== undefined ? [values.dir1] : []), ...(values.dir2 !== undefined ? [values.dir2] : []), ...positionals];
    if (sides.length !== 2) throw new UsageError('diff needs two paths: OLD and NEW (or --dir1 OLD --dir2 NEW)');
    if (sides.includes('-')) throw new UsageError('diff reads folders or files, not standard input');
    const names = diffNames(values['arg-names']);
    const profile = loadProfileOption(values.profile, io, sides);
    const settings = settingsFromOptions(undefined, values['default-namespace'] ?? profile?.defaultNamespace);
    if (profile) settings.profile = profile;
    const workspaces: LoadedWorkspace[] = [];
    for (const side of sides) {
      const workspace = await loadWorkspace([side], settings, io, workspaceReadOptions(values));
      reportReadProblems(workspace, io, true);
      if (nothingRead(workspace)) return EXIT_USAGE;
      workspaces.push(workspace);
    }
    const [oldSide, newSide] = workspaces as [LoadedWorkspace, LoadedWorkspace];
    const diff = connectivityDiff(reachModelOf(oldSide.analysis.index, profile ?? {}), reachModelOf(newSide.analysis.index, profile ?? {}));
    switch (format) {
      case 'md':
        io.out(formatDiffMarkdown(diff, names));
        break;
      case 'csv':
        io.out(formatDiffCsv(diff, names));
        break;
      case 'json':
        io.out(formatDiffJson(diff, names));
        break;
      default:
        io.out(formatDiffText(diff, names));
    }
    const code = isEmptyDiff(diff) ? EXIT_OK : EXIT_FINDINGS;
    return Math.max(exitCode(oldSide, code), exitCode(newSide, code));
  },
};

/** `--arg-names old,new`: two non-empty names without line breaks (they become column headers). */
function diffNames(option: string | undefined): DiffNames {
  if (option === undefined) return DEFAULT_DIFF_NAMES;
  const parts = option.split(',');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) throw new UsageError('--arg-names takes two names separated by a comma, e.g. --arg-names old,new');
  return { ref1: parts[0]!.trim(), ref2: parts[1]!.trim() };
}
