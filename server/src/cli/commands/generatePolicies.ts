/**
 * `netlens generate-policies [paths...] [--namespace ns] [--out dir]`: least-privilege NetworkPolicies from the
 * traffic the manifests declare. Prints the inferred edges with their evidence, then the YAML (edges as comment
 * lines, so the output can go straight to a file or to `kubectl apply -f -`), or writes one file per namespace
 * under --out. `--default-deny-only` writes just "deny all, allow DNS" for the namespace.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatEdges, generateDefaultDeny, generatePolicies, type EdgeEndpoint, type EdgeNote, type FixContext, type GeneratorResult, type PoliciesResult } from '../../engine/fixes/index';
import { renderComments } from '../../engine/fixes/yamlRender';
import { readManifest } from '../../io/scanFiles';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems, type LoadedWorkspace } from '../loadWorkspace';
import { planOutputs, writeOutputs, type OutputPlan } from '../outputFiles';
import { loadProfileOption } from '../profileOption';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { settingsFromOptions } from './ruleOptions';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';

export const generatePoliciesCommand: Command = {
  name: 'generate-policies',
  summary: 'generate least-privilege NetworkPolicies from the traffic the manifests declare',
  usage: `netlens generate-policies [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .) and infers who talks to whom: Service
references in env values, ConfigMaps and container args, Ingress and Gateway API route backends (from their
controller or Gateway proxies), LoadBalancer and NodePort Services (from outside), external destinations, what the
workspace's own NetworkPolicies admit, and netlens.io/allow-from annotations for what the manifests cannot show.
Prints each edge with its evidence, then, per namespace, a default deny, DNS egress and one NetworkPolicy per
workload admitting exactly those edges. The output is checked with the same engine before it is handed over:
every evidenced connection stays allowed and no new error appears, else the namespace's default deny is withheld
(or, if that is not enough, nothing is written and the exit status is 1).

Options:
  --namespace ns             only this namespace (default: every namespace with workloads)
  --out dir                  write <namespace>-networkpolicies.yaml files there instead of printing the YAML
                             (names made safe: nothing is written outside dir)
  --default-deny-only        only "deny all ingress and egress, allow DNS" (needs --namespace)
  --force                    write each namespace's default deny even where a workload exposed by a Service has no
                             evidenced client or the check of the output fails (exit 1 and a stderr line otherwise)
  --ignore-existing-policies do not carry over what the workspace's own NetworkPolicies admit
  --format txt|json          txt (default): edges as comments, then YAML; json: edges, notes and documents
${WORKSPACE_USAGE}  --profile file             the cluster profile (ingress controller namespaces or subnets; default:
                             .netlens.yaml here or in the first path's folder)
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        namespace: { type: 'string' },
        out: { type: 'string' },
        'default-deny-only': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'ignore-existing-policies': { type: 'boolean', default: false },
        format: { type: 'string', default: 'txt' },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
      },
    });
    const format = values.format === 'text' ? 'txt' : values.format!;
    if (!['txt', 'json'].includes(format)) throw new UsageError(`unknown --format \`${values.format}\`: use txt or json`);
    if (values['default-deny-only'] && !values.namespace) throw new UsageError('--default-deny-only needs --namespace');
    const paths = positionals.length ? positionals : ['.'];
    const outDir = values.out !== undefined ? path.resolve(io.cwd, values.out) : undefined;
    const { ctx, display, workspace } = await loadContext(paths, values, io, outDir);
    if (nothingRead(workspace)) return EXIT_USAGE;
    const placement = outDir !== undefined ? { directory: `${outDir}${path.sep}` } : {};

    if (values['default-deny-only']) {
      const result = generateDefaultDeny(ctx, values.namespace!, placement);
      return exitCode(workspace, emit(result, [], io, outDir, display));
    }
    const result = generatePolicies(ctx, {
      ...(values.namespace ? { namespace: values.namespace } : {}),
      ...placement,
      ...(values.force ? { force: true } : {}),
      ...(values['ignore-existing-policies'] ? { ignoreExistingPolicies: true } : {}),
    });
    // Said first, on stderr: nothing was handed over, or some namespace has no default deny.
    if (result.refused) io.err('netlens generate-policies: refused: the generated policies would deny connections the manifests show (see the error notes); nothing written\n');
    for (const { namespace, reasons } of result.withheld) io.err(`netlens generate-policies: namespace ${escapeLine(namespace)}: no default deny written (${reasons.length} reason${reasons.length === 1 ? '' : 's'} in the notes; --force writes it anyway)\n`);
    if (values.namespace && !result.namespaces.some((n) => [...ctx.index.workloads()].some((w) => w.namespace === n))) {
      io.err(`netlens generate-policies: no workload in namespace ${escapeLine(values.namespace)}\n`);
    }
    const edgeLines = formatEdges(result.edges, display);
    if (format === 'json') {
      const plan = outDir !== undefined ? planOutputs(outDir, result.change.newFiles) : undefined;
      io.out(
        `${JSON.stringify(
          {
            version: 1,
            namespaces: result.namespaces,
            edges: result.edges.map((e) => ({
              from: edgeEndpoint(e.from),
              to: edgeEndpoint(e.to),
              port: e.port,
              protocol: e.protocol,
              origin: e.origin,
              evidence: e.evidence.map((ev) => ({ text: ev.text, file: display(ev.file), line: ev.line ?? null })),
            })),
            notes: result.notes.map((n) => ({ severity: n.severity, message: n.message, file: n.file ? display(n.file) : null, line: n.line ?? null })),
            documents: result.documents.map((d) => ({ namespace: d.namespace, file: display(plan ? plan.target(d.file) : d.file), policies: d.policies, text: d.text })),
          },
          null,
          2,
        )}\n`,
      );
      const failed = outDir !== undefined && plan !== undefined && !writeDocuments(plan, outDir, io, display, false);
      return exitCode(workspace, failed ? EXIT_USAGE : incomplete(result, refused(result)));
    }
    return exitCode(workspace, incomplete(result, emit(result, edgeLines, io, outDir, display)));
  },
};

function edgeEndpoint(endpoint: EdgeEndpoint): Record<string, unknown> {
  switch (endpoint.type) {
    case 'workload':
      return { type: 'workload', namespace: endpoint.namespace, name: endpoint.name, kind: endpoint.kind };
    case 'pods':
      return { type: 'pods', namespace: endpoint.namespace, selector: endpoint.selector ?? null, label: endpoint.label };
    case 'addresses':
      return { type: 'addresses', cidrs: endpoint.cidrs, label: endpoint.label };
  }
}

export async function loadContext(
  paths: string[],
  values: { 'default-namespace'?: string | undefined; exclude?: string[] | undefined; 'max-file-size'?: string | undefined; profile?: string | undefined },
  io: CliIO,
  outDir?: string,
): Promise<{ ctx: FixContext; display: (file: string) => string; workspace: LoadedWorkspace }> {
  const settings = settingsFromOptions(undefined, values['default-namespace']);
  const readOptions = workspaceReadOptions(values);
  const profile = loadProfileOption(values.profile, io, paths);
  if (profile) {
    settings.profile = profile;
    if (profile.defaultNamespace && values['default-namespace'] === undefined) settings.defaultNamespace = profile.defaultNamespace;
  }
  const workspace = await loadWorkspace(paths, settings, io, readOptions);
  reportReadProblems(workspace, io, true);
  // What an earlier run wrote under --out is output, not input: it is left out and overwritten.
  const inOut = (file: string) => outDir !== undefined && !path.relative(outDir, file).startsWith('..') && !path.isAbsolute(path.relative(outDir, file));
  for (const file of workspace.analysis.fileNames()) if (inOut(file)) workspace.analysis.removeFile(file);
  const texts = new Map<string, string | undefined>();
  const ctx: FixContext = {
    index: workspace.analysis.index,
    textOf: (file) => {
      if (inOut(file)) return undefined;
      if (!texts.has(file)) {
        const read = readManifest(file, { maxFileSize: readOptions.maxFileSize, explicit: true });
        texts.set(file, 'text' in read ? read.text : undefined);
      }
      return texts.get(file);
    },
  };
  if (profile) ctx.profile = profile;
  ctx.settingsFor = () => settings;
  return { ctx, display: workspace.display, workspace };
}

function noteLine(note: EdgeNote, display: (file: string) => string): string {
  return `${note.severity}: ${note.message}${note.file ? ` (${display(note.file)}${note.line !== undefined ? `:${note.line}` : ''})` : ''}`;
}

function emit(result: GeneratorResult, edgeLines: string[], io: CliIO, outDir: string | undefined, display: (file: string) => string): number {
  const header: string[] = [];
  if (edgeLines.length) header.push('Inferred traffic (each edge, then the evidence for it):', ...edgeLines.map((l) => `  ${l}`));
  else header.push('Inferred traffic: none (every pod gets DNS only)');
  if (result.notes.length) header.push('Notes:', ...result.notes.map((n) => `  ${noteLine(n, display)}`));
  // Edges and notes name workloads, hosts and files from the manifests: escaped, one line stays one line.
  const lines = header.map(escapeLine);
  if (outDir !== undefined) {
    for (const line of lines) io.out(`${line}\n`);
    return writeDocuments(planOutputs(outDir, result.change.newFiles), outDir, io, display, true) ? refused(result) : EXIT_USAGE;
  }
  // Comment lines built like the documents' own: nothing a manifest says can end a comment and start YAML.
  io.out(renderComments(lines));
  io.out(result.documents.map((d) => d.text).join('---\n'));
  return refused(result);
}

/** Exit status 1 when the closed loop refused or a default deny was withheld (unless a worse status stands). */
function incomplete(result: PoliciesResult, status: number): number {
  return status === EXIT_OK && (result.refused || result.withheld.length > 0) ? EXIT_FINDINGS : status;
}

/** Exit status 2 when the guard refused to write something (the note says what and why), else 0. */
function refused(result: GeneratorResult): number {
  return result.notes.some((n) => n.severity === 'error') ? EXIT_USAGE : EXIT_OK;
}

/** False when a file could not be written (said on stderr). */
function writeDocuments(plan: OutputPlan, outDir: string, io: CliIO, display: (file: string) => string, announce: boolean): boolean {
  const { written, errors } = writeOutputs(outDir, plan);
  if (announce) for (const file of written) io.out(`wrote ${escapeLine(display(file))}\n`);
  for (const error of errors) io.err(`netlens generate-policies: ${escapeLine(error)}\n`);
  return errors.length === 0;
}
