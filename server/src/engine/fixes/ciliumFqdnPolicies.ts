/**
 * The egress inventory as Cilium FQDN policies (issue 22): for each workload that declares external hosts, one
 * CiliumNetworkPolicy that admits egress to exactly those names (toFQDNs matchName) and addresses (toCIDR) on their
 * ports, with the DNS rule toFQDNs needs (port 53 to kube-dns with `rules: dns`, https://docs.cilium.io/en/stable/security/policy/language/#dns-based)
 * and in-cluster traffic left as it is (`toEntities: [cluster]`: the policy restricts what leaves the cluster, the
 * NetworkPolicies still decide inside it). Each rule carries the evidence it comes from as comments.
 *
 * Only when the cluster profile says the engine is Cilium with FQDN policies enabled (on AKS, Advanced Container
 * Networking Services with advancedNetworkPolicies FQDN or L7). Closed loop: the workspace plus the generated
 * policies is read again by the same engine; a workload's policy is kept only when every declared destination is
 * then ALLOWED on its port, DNS to cluster DNS is ALLOWED, and every workload it could reach before is reached as
 * before. Otherwise it is left out and a note says why.
 */
import { extractResources } from '../model/extract/index';
import type { Workload } from '../model/resources';
import { WorkspaceIndex } from '../model/workspaceIndex';
import { parseAddressOrCidr } from '../netpol/addressSet';
import { formatConnections } from '../netpol/portSet';
import type { ClusterProfile } from '../profile/types';
import { peerOfWorkloadDefinition, reachableFrom, reachBetween, reachModelOf, verdictOf, peerId, type ReachPeer } from '../reach/index';
import { DNS_PORT } from '../reach/clusterDns';
import { parseYamlText } from '../syntax/parse';
import { egressInventory, type EgressDestination, type WorkloadEgress } from '../egress/inventory';
import { changeOfDocuments, renderChecked, type GeneratedDocument } from './generatedOutput';
import { dnsName, fileBeside, uniqueName, workloadSelector } from './policyObjects';
import { ClosedLoop, loopFailures } from './closedLoop';
import { inferTraffic, type EdgeNote } from './trafficEdges';
import type { FixContext, WorkspaceChange } from './types';
import { detectStyle } from './yamlEdit';
import { commented } from './yamlRender';

export interface CiliumFqdnResult {
  documents: GeneratedDocument[];
  change: WorkspaceChange;
  notes: EdgeNote[];
}

const EMPTY: WorkspaceChange = { edits: [], newFiles: [] };

/** Why the profile does not allow FQDN policies, or undefined when it does. */
export function fqdnPoliciesUnavailable(profile: ClusterProfile | undefined): string | undefined {
  if (profile?.networkPolicyEngine !== 'cilium') return `Cilium FQDN policies need the Cilium engine, and the cluster profile says ${profile?.networkPolicyEngine ? `networkPolicyEngine: ${profile.networkPolicyEngine}` : 'no engine'} (set cluster.networkPolicyEngine: cilium)`;
  const setting = profile.advancedNetworkPolicies;
  if (setting !== 'FQDN' && setting !== 'L7') return `Cilium FQDN policies need Advanced Container Networking Services with advancedNetworkPolicies FQDN or L7, and the cluster profile says ${setting ?? 'nothing about it'} (set cluster.advancedNetworkPolicies)`;
  return undefined;
}

export function generateCiliumFqdnPolicies(ctx: FixContext): CiliumFqdnResult {
  const unavailable = fqdnPoliciesUnavailable(ctx.profile);
  if (unavailable) return { documents: [], change: EMPTY, notes: [{ severity: 'error', message: unavailable }] };
  const profile = ctx.profile!;
  const notes: EdgeNote[] = [];
  const taken = new Set<string>();
  const candidates: { workload: Workload; egress: WorkloadEgress; document: GeneratedDocument }[] = [];
  for (const egress of egressInventory(ctx.index).workloads) {
    const workload = ctx.index.workloadsIn(egress.workload.namespace).find((w) => w.kind === egress.workload.kind && w.name === egress.workload.name);
    if (!workload || egress.destinations.length === 0) continue;
    const { selector, ambiguous, empty } = workloadSelector(ctx.index, workload);
    if (empty || ambiguous) {
      notes.push({ severity: 'warning', message: `${workload.kind} ${workload.namespace}/${workload.name}: its pods have no labels that select them alone, so no policy is generated for it`, file: workload.file, span: workload.nameSpan });
      continue;
    }
    const name = uniqueName(ctx.index, 'CiliumNetworkPolicy', workload.namespace, dnsName(workload.name, 'egress-fqdn'), taken);
    const object = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name, namespace: workload.namespace },
      spec: {
        endpointSelector: selector,
        egress: [
          commented(["DNS through Cilium's DNS proxy: toFQDNs learns the names' addresses from these lookups"], {
            toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
            toPorts: [{ ports: [{ port: String(DNS_PORT), protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
          }),
          commented(['Inside the cluster nothing changes: the NetworkPolicies decide there'], { toEntities: ['cluster'] }),
          ...egress.destinations.map((d) => commented(evidenceLines(ctx, d), destinationItem(d))),
        ],
      },
    };
    const text = ctx.textOf(workload.file) ?? '';
    const exists = (file: string) => [...ctx.index.files()].includes(file) || ctx.textOf(file) !== undefined;
    const file = fileBeside(workload.file, `${name}.yaml`, exists);
    const rendered = renderChecked([object], detectStyle(text), [
      'Generated by Kube Netlens: review before applying.',
      `${workload.kind} ${workload.namespace}/${workload.name}: egress leaving the cluster is limited to the hosts its configuration declares (netlens egress).`,
    ]);
    if ('error' in rendered) {
      notes.push({ severity: 'error', message: `${workload.namespace}/${workload.name}: ${rendered.error}` });
      continue;
    }
    candidates.push({ workload, egress, document: { namespace: workload.namespace, file, append: false, text: rendered.text, objects: [object], policies: [name] } });
  }
  const kept = closedLoop(ctx, profile, candidates, notes);
  if (kept.length === 0) return { documents: [], change: EMPTY, notes };
  const made = changeOfDocuments(ctx, kept);
  if ('error' in made) return { documents: [], change: EMPTY, notes: [...notes, { severity: 'error', message: made.error }] };
  // The generators' closed loop as well (fixes/closedLoop.ts): no evidenced connection between workloads is denied
  // and no new error finding appears with the policies added; otherwise nothing is handed over.
  const failures = loopFailures(new ClosedLoop(ctx).verify(made.change, inferTraffic(ctx.index, { profile, textOf: ctx.textOf }).edges));
  if (failures.length) return { documents: [], change: EMPTY, notes: [...notes, ...failures.map((failure) => ({ severity: 'error' as const, message: `refused: the generated policies would break the application: ${failure}` }))] };
  return { documents: kept, change: made.change, notes };
}

function destinationItem(d: EgressDestination): Record<string, unknown> {
  const ports = { toPorts: [{ ports: [{ port: String(d.port), protocol: d.protocol }] }] };
  return d.address === 'fqdn' ? { toFQDNs: [{ matchName: d.host }], ...ports } : { toCIDR: [d.host.includes(':') ? `${d.host}/128` : `${d.host}/32`], ...ports };
}

function evidenceLines(ctx: FixContext, d: EgressDestination): string[] {
  return [
    `${d.host} port ${d.port}${d.portImplied ? ' (the default of its scheme)' : ''}:`,
    ...d.evidence.slice(0, 3).map((e) => `  ${e.via === 'env' ? `env ${e.name}` : `ConfigMap ${e.configMap ?? ''} key ${e.name}`} (${baseName(e.file)}:${lineOf(ctx.textOf(e.file), e.span.start)})`),
  ];
}

/** The file's own name (file keys are paths; the engine has no `path` module). */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

function lineOf(text: string | undefined, offset: number): number {
  if (text === undefined) return 0;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads the workspace with all candidate policies through the same engine, and keeps the documents of the
 * workloads whose declared destinations, DNS and previous in-cluster reach all hold.
 */
function closedLoop(ctx: FixContext, profile: ClusterProfile, candidates: readonly { workload: Workload; egress: WorkloadEgress; document: GeneratedDocument }[], notes: EdgeNote[]): GeneratedDocument[] {
  if (candidates.length === 0) return [];
  const after = new WorkspaceIndex();
  for (const file of [...ctx.index.files()]) after.setFile(file, [...ctx.index.resourcesOf(file)]);
  for (const { document } of candidates) {
    const parsed = parseYamlText(document.text);
    after.setFile(`${document.file}#generated`, extractResources(parsed, { file: `${document.file}#generated`, defaultNamespace: document.namespace }));
  }
  const before = reachModelOf(ctx.index, profile);
  const model = reachModelOf(after, profile);
  const kept: GeneratedDocument[] = [];
  for (const { workload, egress, document } of candidates) {
    const source = peerOfWorkloadDefinition(model, workload);
    const sourceBefore = peerOfWorkloadDefinition(before, workload);
    if (!source || !sourceBefore) continue;
    const problems: string[] = [];
    for (const d of egress.destinations) {
      const target: ReachPeer | undefined = d.address === 'fqdn' ? { kind: 'host', name: d.host } : addressPeer(d.host);
      if (!target) continue;
      if (verdictOf(reachBetween(model, source, target, false), { protocol: 'TCP', port: d.port }) !== 'allowed') problems.push(`${d.host} port ${d.port} would not be allowed`);
    }
    if (verdictOf(reachBetween(model, source, { kind: 'dns' }, false), { protocol: 'UDP', port: DNS_PORT }) !== 'allowed') problems.push('DNS to cluster DNS would not be allowed');
    const reachedAfter = new Map(reachableFrom(model, source).filter((r) => r.peer.kind === 'workload').map((r) => [peerId(r.peer), formatConnections(r.answer.allowed)]));
    for (const row of reachableFrom(before, sourceBefore)) {
      if (row.peer.kind !== 'workload') continue;
      const was = formatConnections(row.answer.allowed);
      const now = reachedAfter.get(peerId(row.peer)) ?? 'No Connections';
      if (was !== now) problems.push(`${peerId(row.peer)} would get ${now} instead of ${was}`);
    }
    if (problems.length) notes.push({ severity: 'warning', message: `${workload.kind} ${workload.namespace}/${workload.name}: its policy is not written, because with it ${problems.join('; ')}`, file: workload.file, span: workload.nameSpan });
    else kept.push(document);
  }
  return kept;
}

function addressPeer(host: string): ReachPeer | undefined {
  const parsed = parseAddressOrCidr(host);
  return parsed ? { kind: 'addresses', range: parsed, text: host } : undefined;
}
