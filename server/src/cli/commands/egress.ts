/**
 * `netlens egress [paths...] [--format txt|json]`: the external destinations each workload declares (env values and
 * ConfigMap data), with their evidence, grouped at the end into Azure Firewall application rules (FQDN, Http/Https/
 * Mssql) and network rules (TCP; FQDNs there need the firewall's DNS proxy).
 */
import { parseArgs } from 'node:util';
import type { Analysis } from '../../engine/analysis';
import { egressInventory, type EgressDestination, type EgressEvidence, type EgressInventory } from '../../engine/egress/inventory';
import { describeFirewallHint } from '../../engine/egress/schemes';
import { escapeLine } from '../format/terminal';
import { exitCode, loadWorkspace, nothingRead, reportReadProblems } from '../loadWorkspace';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { generateCiliumFqdnPolicies } from '../../engine/fixes/ciliumFqdnPolicies';
import { loadContext } from './generatePolicies';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE, workspaceReadOptions } from '../workspaceOptions';
import { settingsFromOptions } from './ruleOptions';

export const egressCommand: Command = {
  name: 'egress',
  summary: 'list the external destinations workloads declare, ready for Azure Firewall rules',
  usage: `netlens egress [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .; - reads standard input) and lists, per workload,
the hosts and ports outside the cluster that its env values and the ConfigMaps it reads declare (URLs, host:port,
connection strings, X_HOST + X_PORT pairs), with the variable or key that says so. Cluster Services are left out.
The summary groups them into Azure Firewall application rules (http, https, mssql FQDNs) and network rules.

With --cilium-policies it prints instead, for each workload that declares external hosts, a CiliumNetworkPolicy that
admits egress to exactly those names (toFQDNs) on their ports, with the DNS rule toFQDNs needs, leaving in-cluster
traffic to the NetworkPolicies. It needs a cluster profile with networkPolicyEngine: cilium and advancedNetworkPolicies
FQDN or L7; each policy is checked with the workspace before it is printed (docs/cilium.md).

Options:
  --format txt|json        output format (default txt)
  --cilium-policies        print proposed CiliumNetworkPolicies (YAML) instead of the inventory
  --profile file           the cluster profile (default: .netlens.yaml in the current directory or the first
                           path's folder); see docs/profile.md
${WORKSPACE_USAGE}`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'txt' }, 'cilium-policies': { type: 'boolean', default: false }, profile: { type: 'string' }, ...WORKSPACE_OPTIONS },
    });
    if (values['cilium-policies']) return ciliumPolicies(positionals.length ? positionals : ['.'], values, io);
    const format = values.format === 'text' ? 'txt' : values.format!;
    if (!['txt', 'json'].includes(format)) throw new UsageError(`unknown --format \`${values.format}\`: use txt or json`);
    const settings = settingsFromOptions(undefined, values['default-namespace']);
    const workspace = await loadWorkspace(positionals.length ? positionals : ['.'], settings, io, workspaceReadOptions(values));
    reportReadProblems(workspace, io, true);
    if (nothingRead(workspace)) return EXIT_USAGE;
    const inventory = egressInventory(workspace.analysis.index);
    const where = (e: EgressEvidence) => located(workspace.analysis, e, workspace.display);
    io.out(format === 'json' ? `${JSON.stringify(egressJson(inventory, where), null, 2)}\n` : egressText(inventory, where, workspace.fileCount));
    return exitCode(workspace, EXIT_OK);
  },
};

/** `--cilium-policies`: the generated policies on stdout, notes on stderr; exit 1 when nothing could be proposed for a reason. */
async function ciliumPolicies(paths: string[], values: Parameters<typeof loadContext>[1], io: CliIO): Promise<number> {
  const { ctx, display, workspace } = await loadContext(paths, values, io);
  if (nothingRead(workspace)) return EXIT_USAGE;
  const result = generateCiliumFqdnPolicies(ctx);
  for (const note of result.notes) io.err(`${note.severity}: ${escapeLine(note.message)}${note.file ? ` (${escapeLine(display(note.file))})` : ''}\n`);
  io.out(result.documents.map((d) => d.text).join('---\n'));
  if (result.documents.length === 0 && result.notes.some((n) => n.severity === 'error')) return exitCode(workspace, EXIT_FINDINGS);
  return exitCode(workspace, EXIT_OK);
}

interface LocatedEvidence {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  via: EgressEvidence['via'];
  name: string;
  container?: string;
  configMap?: string;
  portFrom?: string;
}

function located(analysis: Analysis, evidence: EgressEvidence, display: (file: string) => string): LocatedEvidence {
  const lines = analysis.lineIndex(evidence.file);
  const start = lines?.position(evidence.span.start) ?? { line: 0, column: 0 };
  const end = lines?.position(evidence.span.end) ?? start;
  const out: LocatedEvidence = { file: display(evidence.file), line: start.line + 1, column: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1, via: evidence.via, name: evidence.name };
  if (evidence.container !== undefined) out.container = evidence.container;
  if (evidence.configMap !== undefined) out.configMap = evidence.configMap;
  if (evidence.portFrom !== undefined) out.portFrom = evidence.portFrom;
  return out;
}

export interface FirewallRules {
  applicationRules: { protocol: string; port: number; fqdns: string[] }[];
  /** `fqdns` need the firewall's DNS proxy; `addresses` are IPs. */
  networkRules: { protocol: 'TCP'; port: number; fqdns: string[]; addresses: string[] }[];
}

/** All destinations grouped the way Azure Firewall rules are written: one rule per protocol and port. */
export function firewallRules(inventory: EgressInventory): FirewallRules {
  const app = new Map<string, { protocol: string; port: number; fqdns: Set<string> }>();
  const net = new Map<number, { fqdns: Set<string>; addresses: Set<string> }>();
  const all = [...inventory.workloads.flatMap((w) => w.destinations), ...inventory.unattributed.flatMap((u) => u.destinations)];
  for (const d of all) {
    if (d.firewall.kind === 'application') {
      const key = `${d.firewall.protocol}:${d.firewall.port}`;
      const entry = app.get(key) ?? { protocol: d.firewall.protocol, port: d.firewall.port, fqdns: new Set<string>() };
      entry.fqdns.add(d.host);
      app.set(key, entry);
    } else {
      const entry = net.get(d.port) ?? { fqdns: new Set<string>(), addresses: new Set<string>() };
      (d.address === 'ip' ? entry.addresses : entry.fqdns).add(d.host);
      net.set(d.port, entry);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    applicationRules: [...app.values()].sort((a, b) => a.protocol.localeCompare(b.protocol) || a.port - b.port).map((r) => ({ protocol: r.protocol, port: r.port, fqdns: sorted(r.fqdns) })),
    networkRules: [...net.entries()].sort((a, b) => a[0] - b[0]).map(([port, r]) => ({ protocol: 'TCP' as const, port, fqdns: sorted(r.fqdns), addresses: sorted(r.addresses) })),
  };
}

function destinationJson(d: EgressDestination, where: (e: EgressEvidence) => LocatedEvidence): Record<string, unknown> {
  const out: Record<string, unknown> = { host: d.host, port: d.port, protocol: d.protocol };
  if (d.scheme) out.scheme = d.scheme;
  Object.assign(out, { address: d.address, private: d.private, portImplied: d.portImplied, firewall: d.firewall, evidence: d.evidence.map(where) });
  return out;
}

export function egressJson(inventory: EgressInventory, where: (e: EgressEvidence) => LocatedEvidence): Record<string, unknown> {
  return {
    workloads: inventory.workloads.map((w) => ({ workload: w.workload, files: w.files, destinations: w.destinations.map((d) => destinationJson(d, where)) })),
    unattributed: inventory.unattributed.map((u) => ({ configMap: { namespace: u.configMap.namespace, name: u.configMap.name }, destinations: u.destinations.map((d) => destinationJson(d, where)) })),
    firewall: firewallRules(inventory),
  };
}

function evidenceText(e: LocatedEvidence): string {
  const what = e.via === 'env' ? `env ${e.name}${e.container ? ` (container ${e.container})` : ''}` : `ConfigMap ${e.configMap} key ${e.name}`;
  return `${what}${e.portFrom ? ` + ${e.portFrom}` : ''} ${e.file}:${e.line}:${e.column}`;
}

function destinationLines(d: EgressDestination, where: (e: EgressEvidence) => LocatedEvidence): string[] {
  const host = d.address === 'ip' && d.host.includes(':') ? `[${d.host}]` : d.host;
  const notes = [d.scheme ?? '', d.portImplied ? 'default port' : '', d.private ? 'private' : ''].filter(Boolean).join(', ');
  const head = `    ${host}:${d.port}/TCP${notes ? ` (${notes})` : ''}  ->  ${describeFirewallHint(d.firewall)}`;
  return [head, ...d.evidence.map((e) => `        ${evidenceText(where(e))}`)];
}

export function egressText(inventory: EgressInventory, where: (e: EgressEvidence) => LocatedEvidence, fileCount: number): string {
  if (inventory.workloads.length === 0 && inventory.unattributed.length === 0) {
    return `No external destinations declared in ${fileCount} file${fileCount === 1 ? '' : 's'} (env values and ConfigMap data name only cluster Services, or nothing).\n`;
  }
  const lines: string[] = [];
  for (const w of inventory.workloads) {
    lines.push(`${w.workload.namespace}/${w.workload.name} [${w.workload.kind}]`);
    for (const d of w.destinations) lines.push(...destinationLines(d, where));
  }
  if (inventory.unattributed.length) {
    lines.push('', 'ConfigMaps no workload reads:');
    for (const u of inventory.unattributed) {
      lines.push(`  ${u.configMap.namespace}/${u.configMap.name}`);
      for (const d of u.destinations) lines.push(...destinationLines(d, where));
    }
  }
  const rules = firewallRules(inventory);
  lines.push('', 'Azure Firewall:');
  if (rules.applicationRules.length) {
    lines.push('  application rules (FQDN):');
    for (const r of rules.applicationRules) lines.push(`    ${r.protocol}:${r.port}  ${r.fqdns.join(', ')}`);
  }
  if (rules.networkRules.length) {
    lines.push('  network rules (FQDN destinations need the firewall DNS proxy):');
    for (const r of rules.networkRules) lines.push(`    TCP ${r.port}  ${[...r.fqdns, ...r.addresses].join(', ')}`);
  }
  // Hosts, names, keys and file names come from the manifests: escaped, one line stays one line.
  return `${lines.map(escapeLine).join('\n')}\n`;
}
