/** `netlens explain SRC DST [paths...] [--port N] [--protocol TCP|UDP|SCTP]` */
import { parseArgs } from 'node:util';
import type { Protocol } from '../../engine/model/resources';
import { explainReach } from '../../engine/netpol/explainText';
import { buildNetpolModel } from '../../engine/netpol/model';
import { reach, resolveEndpoint, type ResolvedEndpoint } from '../../engine/netpol/reach';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems } from '../loadWorkspace';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';

const PROTOCOL_NAMES: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export const explainCommand: Command = {
  name: 'explain',
  summary: 'say whether one workload may connect to another, and which policies and rules decide it',
  usage: `netlens explain SRC DST [paths...] [options]

SRC and DST are workloads as ns/name (or name, in --default-namespace; ns/name[Kind] when names clash), or an
IP address or CIDR outside the cluster; SRC may also be {ingress-controller}. Prints ALLOWED or DENIED, the
allowed connections, and per direction (egress of SRC, ingress of DST) whether it is isolated, by which
policies, and what each of their rules admits.

Exit status: 0 allowed, 1 denied, 2 usage or IO error (such as an unknown workload or a file that cannot be read).

Options:
  --port N                   ask about one destination port (protocol TCP unless --protocol says otherwise)
  --protocol TCP|UDP|SCTP    ask about one protocol (with --port: that port of it)
${WORKSPACE_USAGE}`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        protocol: { type: 'string' },
        ...WORKSPACE_OPTIONS,
      },
    });
    const [srcText, dstText, ...paths] = positionals;
    if (srcText === undefined || dstText === undefined) throw new UsageError('needs a source and a destination: netlens explain SRC DST [paths...]');
    const query: { protocol?: Protocol; port?: number } = {};
    if (values.protocol !== undefined) {
      const protocol = values.protocol.toUpperCase();
      if (!(PROTOCOL_NAMES as readonly string[]).includes(protocol)) throw new UsageError(`unknown --protocol \`${values.protocol}\`: use TCP, UDP or SCTP`);
      query.protocol = protocol as Protocol;
    }
    if (values.port !== undefined) {
      const port = /^\d+$/.test(values.port) ? Number(values.port) : NaN;
      if (!(port >= 1 && port <= 65535)) throw new UsageError(`--port takes a number from 1 to 65535, got \`${values.port}\``);
      query.port = port;
    }
    const defaultNamespace = values['default-namespace'] ?? 'default';
    const workspace = await loadWorkspace(paths.length ? paths : ['.'], settingsFromOptions(undefined, defaultNamespace), io, workspaceReadOptions(values));
    reportReadProblems(workspace, io, true);
    if (nothingRead(workspace)) return EXIT_USAGE;

    const model = buildNetpolModel(workspace.analysis.index);
    const src = endpoint(model, srcText, defaultNamespace, 'source');
    const dst = endpoint(model, dstText, defaultNamespace, 'destination');
    const explanation = explainReach(model, reach(model, src, dst), query);
    // Each line names workloads and policies from the manifests: escaped, one line stays one line.
    io.out(explanation.lines.map(escapeLine).join('\n') + '\n');
    return exitCode(workspace, explanation.allowed ? EXIT_OK : EXIT_FINDINGS);
  },
};

function endpoint(model: ReturnType<typeof buildNetpolModel>, text: string, defaultNamespace: string, role: string): ResolvedEndpoint {
  const resolution = resolveEndpoint(model, text, defaultNamespace);
  if ('endpoint' in resolution) return resolution.endpoint;
  throw new UsageError(`${role}: ${escapeLine(resolution.error)}${resolution.suggestion ? ` (did you mean \`${escapeLine(resolution.suggestion)}\`?)` : ''}`);
}
