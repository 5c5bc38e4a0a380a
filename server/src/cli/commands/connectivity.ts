/** `netlens connectivity [paths...] [--format txt|json|md|csv|dot] [--focus-workload ns/name]` */
import { parseArgs } from 'node:util';
import { INGRESS_CONTROLLER_NAME } from '../../engine/reach/selection';
import { connectivityList, focusExists, isFocus, reachModelOf } from '../../engine/reach/index';
import type { ConnectivityOptions } from '../../engine/netpol/connectivity';
import { exposureAnalysis } from '../../engine/reach/exposure';
import { exposureHeader, exposureRows } from '../format/exposureRows';
import { formatExposureText } from '../format/exposureText';
import { parseFocusConn, restrictToConnection } from '../focusConn';
import { closestName } from '../../engine/util/closestName';
import { formatConnlistDot } from '../format/connlistDot';
import { formatConnlistJson } from '../format/connlistJson';
import { formatConnlistCsv, formatConnlistMarkdown, formatExposureCsv, formatExposureMarkdown } from '../format/connlistTable';
import { formatConnlistText, formatFocusConnText } from '../format/connlistText';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems } from '../loadWorkspace';
import { loadProfileOption } from '../profileOption';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';

const FORMATS = ['txt', 'json', 'md', 'csv', 'dot'] as const;

export const connectivityCommand: Command = {
  name: 'connectivity',
  summary: 'list which workloads may connect to which, on which ports, under the NetworkPolicies',
  usage: `netlens connectivity [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .; - reads standard input) and prints, for every
pair of peers that the NetworkPolicies let connect for certain, the exact allowed connections. Peers are
workloads (ns/name[Kind]; pods are grouped under their controller), address ranges outside the cluster
(first-last[External]) and {ingress-controller}: every ingress controller and gateway, placed where it runs (see
netlens explain), toward the workloads it routes to. Pairs that may or may not connect, depending on what the
cluster profile does not state, have no line: netlens explain says why.

Options:
  --format txt|json|md|csv|dot
                             output format (default txt: np-guard netpol-analyzer's \`list\` format)
  --focus-workload name      only pairs with this workload on one side (name or ns/name); repeatable
  --focus-workload-peer name with --focus-workload: only pairs whose other side is this workload; repeatable
  --focus-direction ingress|egress
                             with --focus-workload: only its ingress (it is the destination) or egress (source)
  --exposure                 then np-guard's exposure analysis: whom each workload is open to beyond the
                             workloads in the input (entire-cluster, selectors no manifest holds), and which
                             workloads no policy protects, in every format
  --focus-conn proto-port    only pairs that admit this connection, e.g. tcp-8080 (txt then lists the pairs
                             under "Permitted connections on TCP 8080:"; other formats show that connection)
${WORKSPACE_USAGE}  --profile file             the cluster profile (default: .netlens.yaml in the current directory
                             or the first path's folder); see docs/profile.md
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'txt' },
        'focus-workload': { type: 'string', multiple: true },
        'focus-workload-peer': { type: 'string', multiple: true },
        'focus-direction': { type: 'string' },
        'focus-conn': { type: 'string' },
        exposure: { type: 'boolean', default: false },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
      },
    });
    const format = values.format!;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format \`${format}\`: use ${FORMATS.join(', ')}`);
    const roots = positionals.length ? positionals : ['.'];
    const profile = loadProfileOption(values.profile, io, roots);
    const settings = settingsFromOptions(undefined, values['default-namespace'] ?? profile?.defaultNamespace);
    if (profile) settings.profile = profile;
    const workspace = await loadWorkspace(roots, settings, io, workspaceReadOptions(values));
    reportReadProblems(workspace, io, true);
    if (nothingRead(workspace)) return EXIT_USAGE;

    const reach = reachModelOf(workspace.analysis.index, profile ?? {});
    const model = reach.netpol;
    const focuses = values['focus-workload'] ?? [];
    const focusPeers = values['focus-workload-peer'] ?? [];
    for (const [option, names] of [['--focus-workload', focuses], ['--focus-workload-peer', focusPeers]] as const) {
      for (const focus of names) {
        if (focusExists(reach, focus)) continue;
        const candidates = [...model.peers.flatMap((p) => [p.name, `${p.namespace}/${p.name}`]), ...(focusExists(reach, INGRESS_CONTROLLER_NAME) ? [INGRESS_CONTROLLER_NAME] : [])];
        const suggestion = closestName(focus, candidates);
        throw new UsageError(`${option}: no workload \`${escapeLine(focus)}\` in the input${suggestion ? ` (did you mean \`${escapeLine(suggestion)}\`?)` : ''}`);
      }
    }
    const direction = values['focus-direction'];
    if (direction !== undefined && direction !== 'ingress' && direction !== 'egress') throw new UsageError(`unknown --focus-direction \`${escapeLine(direction)}\`: use ingress or egress`);
    if ((focusPeers.length > 0 || direction !== undefined) && focuses.length === 0) throw new UsageError('--focus-workload-peer and --focus-direction need --focus-workload');
    const focusConn = values['focus-conn'] === undefined ? undefined : parseFocusConn(values['focus-conn']);
    const options: ConnectivityOptions = { focusWorkloads: focuses, focusWorkloadPeers: focusPeers, ...(direction ? { focusDirection: direction } : {}) };
    const connections = restrictToConnection(connectivityList(reach, options), focusConn);
    const exposures = values.exposure ? exposureAnalysis(reach, (w) => focuses.length === 0 || focuses.some((f) => isFocus(w, f))) : undefined;
    const directions = { ingress: direction !== 'egress', egress: direction !== 'ingress' };
    const rows = exposures ? exposureRows(exposures, connections, directions, focusConn) : undefined;
    switch (format) {
      case 'json':
        io.out(formatConnlistJson(connections, rows));
        break;
      case 'md':
        io.out(formatConnlistMarkdown(connections) + (rows ? formatExposureMarkdown(rows, exposureHeader(focusConn)) : ''));
        break;
      case 'csv':
        io.out(formatConnlistCsv(connections) + (rows ? formatExposureCsv(rows, exposureHeader(focusConn)) : ''));
        break;
      case 'dot': {
        const workloads = focuses.length === 0 && !focusConn ? model.peers : model.peers.filter((p) => connections.some((c) => c.src.id === p.id || c.dst.id === p.id) || focuses.some((f) => p.name === f || `${p.namespace}/${p.name}` === f));
        io.out(formatConnlistDot(connections, workloads, rows));
        break;
      }
      default: {
        const list = focusConn ? formatFocusConnText(connections, focusConn) : formatConnlistText(connections);
        io.out(exposures ? `${list}${list ? '\n' : ''}${formatExposureText(exposures, connections, directions, focusConn)}` : list);
      }
    }
    return exitCode(workspace, EXIT_OK);
  },
};
