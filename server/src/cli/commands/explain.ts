/** `netlens explain SRC DST [paths...] [--port N] [--protocol TCP|UDP|SCTP]` */
import { parseArgs } from 'node:util';
import type { Protocol } from '../../engine/model/resources';
import { explainReach, reachModelOf, resolvePeer, type ReachModel, type ReachPeer } from '../../engine/reach/index';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems } from '../loadWorkspace';
import { loadProfileOption } from '../profileOption';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNKNOWN, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';

const PROTOCOL_NAMES: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export const explainCommand: Command = {
  name: 'explain',
  summary: 'say whether one peer may connect to another, and which policies, rules and cluster facts decide it',
  usage: `netlens explain SRC DST [paths...] [options]

SRC and DST are workloads as ns/name (or name, in --default-namespace; ns/name[Kind] when names clash), an IP
address or CIDR, or one of: internet, vnet, nodes, dns, host:<name>; as a source also a way in: lb:ns/name (a
Service's Azure load balancer), nodeport:ns/name, ingress:ns/name (the controller serving that Ingress),
ingress-controller:<class>, gateway:ns/name, or {ingress-controller} (every ingress path, as np-guard merges them).
Prints ALLOWED, DENIED or UNKNOWN (what the answer depends on that the manifests and the cluster profile do not
say), the allowed connections, and per leg of the connection and per direction (egress of SRC, ingress of DST)
whether it is isolated, by which policies, and what each of their rules admits.

Exit status: 0 allowed, 1 denied, 3 unknown, 2 usage or IO error (such as an unknown workload or a file that cannot
be read).

Options:
  --port N                   ask about one destination port (protocol TCP unless --protocol says otherwise)
  --protocol TCP|UDP|SCTP    ask about one protocol (with --port: that port of it)
${WORKSPACE_USAGE}  --profile file             the cluster profile (default: .netlens.yaml in the current directory
                             or the first path's folder); see docs/profile.md
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        protocol: { type: 'string' },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
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
    const roots = paths.length ? paths : ['.'];
    // --profile, else a .netlens.yaml in the current directory or the first path's folder (as check reads it).
    const profile = loadProfileOption(values.profile, io, roots);
    const defaultNamespace = values['default-namespace'] ?? profile?.defaultNamespace ?? 'default';
    const settings = settingsFromOptions(undefined, defaultNamespace);
    if (profile) settings.profile = profile;
    const workspace = await loadWorkspace(roots, settings, io, workspaceReadOptions(values));
    reportReadProblems(workspace, io, true);
    if (nothingRead(workspace)) return EXIT_USAGE;

    const model = reachModelOf(workspace.analysis.index, profile ?? {});
    const src = peer(model, srcText, defaultNamespace, 'source');
    const dst = peer(model, dstText, defaultNamespace, 'destination');
    const explanation = explainReach(model, src, dst, query);
    // Each line names workloads and policies from the manifests: escaped, one line stays one line.
    io.out(explanation.lines.map(escapeLine).join('\n') + '\n');
    return exitCode(workspace, explanation.verdict === 'allowed' ? EXIT_OK : explanation.verdict === 'denied' ? EXIT_FINDINGS : EXIT_UNKNOWN);
  },
};

function peer(model: ReachModel, text: string, defaultNamespace: string, role: string): ReachPeer {
  const resolution = resolvePeer(model, text, defaultNamespace);
  if ('peer' in resolution) return resolution.peer;
  throw new UsageError(`${role}: ${escapeLine(resolution.error)}${resolution.suggestion ? ` (did you mean \`${escapeLine(resolution.suggestion)}\`?)` : ''}`);
}
