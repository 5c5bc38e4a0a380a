/**
 * `netlens generate-policies [paths...] [--namespace ns] [--out dir]`: least-privilege NetworkPolicies from the
 * traffic the manifests declare. Prints the inferred edges with their evidence, then the YAML (edges as comment
 * lines, so the output can go straight to a file or to `kubectl apply -f -`), or writes one file per namespace
 * under --out. `--default-deny-only` writes just "deny all, allow DNS" for the namespace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatEdges, generateDefaultDeny, generatePolicies, type EdgeNote, type FixContext, type GeneratorResult } from '../../engine/fixes/index';
import { readManifest } from '../../io/scanFiles';
import { loadWorkspace } from '../loadWorkspace';
import { loadProfileOption } from '../profileOption';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { settingsFromOptions } from './ruleOptions';

export const generatePoliciesCommand: Command = {
  name: 'generate-policies',
  summary: 'generate least-privilege NetworkPolicies from the traffic the manifests declare',
  usage: `netlens generate-policies [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .) and infers who talks to whom: Service
references in env values and ConfigMaps, Ingress and HTTPRoute backends (from their controller), LoadBalancer and
NodePort Services (from outside), external destinations, and netlens.io/allow-from annotations for what the
manifests cannot show. Prints each edge with its evidence, then, per namespace, a default deny, DNS egress and one
NetworkPolicy per workload admitting exactly those edges.

Options:
  --namespace ns             only this namespace (default: every namespace with workloads)
  --out dir                  write <namespace>-networkpolicies.yaml files there instead of printing the YAML
  --default-deny-only        only "deny all ingress and egress, allow DNS" (needs --namespace)
  --format txt|json          txt (default): edges as comments, then YAML; json: edges, notes and documents
  --default-namespace ns     namespace of objects without metadata.namespace (default "default")
  --exclude glob             skip matching paths (repeatable; default node_modules and .git)
  --profile file             the cluster profile (ingress controller namespaces or subnets; default:
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
        format: { type: 'string', default: 'txt' },
        'default-namespace': { type: 'string' },
        exclude: { type: 'string', multiple: true },
        profile: { type: 'string' },
      },
    });
    const format = values.format === 'text' ? 'txt' : values.format!;
    if (!['txt', 'json'].includes(format)) throw new UsageError(`unknown --format \`${values.format}\`: use txt or json`);
    if (values['default-deny-only'] && !values.namespace) throw new UsageError('--default-deny-only needs --namespace');
    const paths = positionals.length ? positionals : ['.'];
    const outDir = values.out !== undefined ? path.resolve(io.cwd, values.out) : undefined;
    const { ctx, display, failed } = await loadContext(paths, values, io, outDir);
    if (failed) return EXIT_USAGE;
    const placement = outDir !== undefined ? { directory: `${outDir}${path.sep}` } : {};

    if (values['default-deny-only']) {
      const result = generateDefaultDeny(ctx, values.namespace!, placement);
      return emit(result, [], io, outDir, format, display);
    }
    const result = generatePolicies(ctx, { ...(values.namespace ? { namespace: values.namespace } : {}), ...placement });
    if (values.namespace && !result.namespaces.some((n) => [...ctx.index.workloads()].some((w) => w.namespace === n))) {
      io.err(`netlens generate-policies: no workload in namespace ${values.namespace}\n`);
    }
    const edgeLines = formatEdges(result.edges, display);
    if (format === 'json') {
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
            documents: result.documents.map((d) => ({ namespace: d.namespace, file: display(d.file), policies: d.policies, text: d.text })),
          },
          null,
          2,
        )}\n`,
      );
      if (outDir !== undefined) writeDocuments(result, outDir, io, display, false);
      return EXIT_OK;
    }
    return emit(result, edgeLines, io, outDir, format, display);
  },
};

function edgeEndpoint(endpoint: import('../../engine/fixes/index').EdgeEndpoint): Record<string, unknown> {
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
  values: { 'default-namespace'?: string | undefined; exclude?: string[] | undefined; profile?: string | undefined },
  io: CliIO,
  outDir?: string,
): Promise<{ ctx: FixContext; display: (file: string) => string; failed: boolean }> {
  const settings = settingsFromOptions(undefined, values['default-namespace']);
  const profile = loadProfileOption(values.profile, io, paths);
  if (profile) {
    settings.profile = profile;
    if (profile.defaultNamespace && values['default-namespace'] === undefined) settings.defaultNamespace = profile.defaultNamespace;
  }
  const workspace = await loadWorkspace(paths, settings, io, values.exclude ?? undefined);
  for (const message of workspace.ioErrors) io.err(`netlens: ${message}\n`);
  // What an earlier run wrote under --out is output, not input: it is left out and overwritten.
  const inOut = (file: string) => outDir !== undefined && !path.relative(outDir, file).startsWith('..') && !path.isAbsolute(path.relative(outDir, file));
  for (const file of workspace.analysis.fileNames()) if (inOut(file)) workspace.analysis.removeFile(file);
  const texts = new Map<string, string | undefined>();
  const ctx: FixContext = {
    index: workspace.analysis.index,
    textOf: (file) => {
      if (inOut(file)) return undefined;
      if (!texts.has(file)) {
        const read = readManifest(file);
        texts.set(file, 'text' in read ? read.text : undefined);
      }
      return texts.get(file);
    },
  };
  if (profile) ctx.profile = profile;
  return { ctx, display: workspace.display, failed: workspace.ioErrors.length > 0 && workspace.fileCount === 0 };
}

function noteLine(note: EdgeNote, display: (file: string) => string): string {
  return `${note.severity}: ${note.message}${note.file ? ` (${display(note.file)}${note.line !== undefined ? `:${note.line}` : ''})` : ''}`;
}

function emit(result: GeneratorResult, edgeLines: string[], io: CliIO, outDir: string | undefined, _format: string, display: (file: string) => string): number {
  const header: string[] = [];
  if (edgeLines.length) header.push('Inferred traffic (each edge, then the evidence for it):', ...edgeLines.map((l) => `  ${l}`));
  else header.push('Inferred traffic: none (every pod gets DNS only)');
  if (result.notes.length) header.push('Notes:', ...result.notes.map((n) => `  ${noteLine(n, display)}`));
  if (outDir !== undefined) {
    for (const line of header) io.out(`${line}\n`);
    writeDocuments(result, outDir, io, display, true);
    return EXIT_OK;
  }
  io.out(header.map((l) => `# ${l}\n`).join(''));
  io.out(result.documents.map((d) => d.text).join('---\n'));
  return EXIT_OK;
}

function writeDocuments(result: GeneratorResult, outDir: string, io: CliIO, display: (file: string) => string, announce: boolean): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of result.change.newFiles) {
    fs.writeFileSync(file.file, file.text);
    if (announce) io.out(`wrote ${display(file.file)}\n`);
  }
}
