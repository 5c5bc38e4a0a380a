/** `netlens connectivity [paths...] [--format txt|json|md|csv|dot] [--focus-workload ns/name]` */
import { parseArgs } from 'node:util';
import { connectivity, focusExists, INGRESS_CONTROLLER_NAME } from '../../engine/netpol/connectivity';
import { buildNetpolModel } from '../../engine/netpol/model';
import { closestName } from '../../engine/util/closestName';
import { formatConnlistDot } from '../format/connlistDot';
import { formatConnlistJson } from '../format/connlistJson';
import { formatConnlistCsv, formatConnlistMarkdown } from '../format/connlistTable';
import { formatConnlistText } from '../format/connlistText';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems } from '../loadWorkspace';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';

const FORMATS = ['txt', 'json', 'md', 'csv', 'dot'] as const;

export const connectivityCommand: Command = {
  name: 'connectivity',
  summary: 'list which workloads may connect to which, on which ports, under the NetworkPolicies',
  usage: `netlens connectivity [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .; - reads standard input) and prints, for every
pair of peers that the NetworkPolicies let connect, the exact allowed connections. Peers are workloads
(ns/name[Kind]; pods are grouped under their controller), address ranges outside the cluster
(first-last[External]) and {ingress-controller} for workloads an Ingress routes to.

Options:
  --format txt|json|md|csv|dot
                             output format (default txt: np-guard netpol-analyzer's \`list\` format)
  --focus-workload name      only pairs with this workload on one side (name or ns/name)
${WORKSPACE_USAGE}`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'txt' },
        'focus-workload': { type: 'string' },
        ...WORKSPACE_OPTIONS,
      },
    });
    const format = values.format!;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format \`${format}\`: use ${FORMATS.join(', ')}`);
    const workspace = await loadWorkspace(positionals.length ? positionals : ['.'], settingsFromOptions(undefined, values['default-namespace']), io, workspaceReadOptions(values));
    reportReadProblems(workspace, io, true);
    if (nothingRead(workspace)) return EXIT_USAGE;

    const model = buildNetpolModel(workspace.analysis.index);
    const focus = values['focus-workload'];
    if (focus !== undefined && !focusExists(model, focus)) {
      const names = [...model.peers.flatMap((p) => [p.name, `${p.namespace}/${p.name}`]), ...(model.ingressRoutes.size ? [INGRESS_CONTROLLER_NAME] : [])];
      const suggestion = closestName(focus, names);
      throw new UsageError(`--focus-workload: no workload \`${escapeLine(focus)}\` in the input${suggestion ? ` (did you mean \`${escapeLine(suggestion)}\`?)` : ''}`);
    }
    const connections = connectivity(model, focus === undefined ? {} : { focusWorkload: focus });
    switch (format) {
      case 'json':
        io.out(formatConnlistJson(connections));
        break;
      case 'md':
        io.out(formatConnlistMarkdown(connections));
        break;
      case 'csv':
        io.out(formatConnlistCsv(connections));
        break;
      case 'dot': {
        const workloads = focus === undefined ? model.peers : model.peers.filter((p) => connections.some((c) => c.src.id === p.id || c.dst.id === p.id) || p.name === focus || `${p.namespace}/${p.name}` === focus);
        io.out(formatConnlistDot(connections, workloads));
        break;
      }
      default:
        io.out(formatConnlistText(connections));
    }
    return exitCode(workspace, EXIT_OK);
  },
};
