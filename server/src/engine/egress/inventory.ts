/**
 * The egress inventory: destinations outside the cluster that the manifests declare, per workload, with the env
 * variable or ConfigMap key that says so. The complement of model/references.ts (Service references): a host that
 * is a cluster DNS name, a bare name, `service.namespace` of the workspace, or anything references.ts reads as a
 * Service is not a destination here.
 *
 * A workload's destinations come from its containers' literal env values, the ConfigMap keys its env reads
 * (`configMapKeyRef`) and every key of the ConfigMaps it imports (`envFrom`). `X_HOST` + `X_PORT` pairs in one
 * container or one ConfigMap make one destination when the host is a dotted name. ConfigMaps no workload reads are
 * listed apart (`unattributed`), so nothing declared is lost.
 */
import { referencesOf } from '../model/references';
import type { ConfigMap, EnvVar, Workload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { peerIdentityOf } from '../netpol/podClasses';
import type { Span } from '../syntax/tree';
import { classifyAddress } from '../address/ipAddress';
import { bareHost, destinationsInValue, type DestinationCandidate } from './parseDestination';
import { azureSuffixPort, firewallHint, type FirewallHint } from './schemes';
import { compareStrings as compare } from '../util/compare';

export interface EgressEvidence {
  file: string;
  /** The host (and port) inside the value, or the whole value when its text cannot be mapped exactly. */
  span: Span;
  via: 'env' | 'configMap';
  /** Env variable name, or the ConfigMap key. */
  name: string;
  container?: string;
  /** `namespace/name` of the ConfigMap. */
  configMap?: string;
  /** The port came from a sibling `X_PORT` variable or key. */
  portFrom?: string;
}

export interface EgressDestination {
  /** Lowercased FQDN, or an IP address. */
  host: string;
  port: number;
  /** The port comes from the scheme's or the Azure service's default, not from the text. */
  portImplied: boolean;
  /** Only TCP destinations are declared this way. */
  protocol: 'TCP';
  scheme?: string;
  address: 'fqdn' | 'ip';
  /** A private IP (RFC 1918, CGNAT, link-local, ULA) or a private-looking name (`.internal`, `privatelink.`). */
  private: boolean;
  firewall: FirewallHint;
  evidence: EgressEvidence[];
}

export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface WorkloadEgress {
  workload: WorkloadRef;
  /** Every definition of this workload in the workspace (variants of one app), by file. */
  files: string[];
  destinations: EgressDestination[];
}

export interface ConfigMapEgress {
  configMap: { namespace: string; name: string; file: string };
  destinations: EgressDestination[];
}

export interface EgressInventory {
  workloads: WorkloadEgress[];
  /** Destinations in ConfigMaps that no workload of the workspace reads. */
  unattributed: ConfigMapEgress[];
}

interface Found {
  candidate: DestinationCandidate;
  evidence: EgressEvidence;
}

export function egressInventory(index: WorkspaceIndex): EgressInventory {
  const byWorkload = new Map<string, { ref: WorkloadRef; files: Set<string>; found: Found[] }>();
  const readConfigMaps = new Set<ConfigMap>();
  for (const workload of index.workloads()) {
    const identity = peerIdentityOf(workload);
    const key = `${identity.namespace}/${identity.name}[${identity.kind}]`;
    let entry = byWorkload.get(key);
    if (!entry) byWorkload.set(key, (entry = { ref: { kind: identity.kind, namespace: identity.namespace, name: identity.name }, files: new Set(), found: [] }));
    entry.files.add(workload.file);
    entry.found.push(...foundInWorkload(index, workload, readConfigMaps));
  }
  const workloads: WorkloadEgress[] = [];
  for (const entry of byWorkload.values()) {
    const destinations = mergeFound(entry.found);
    if (destinations.length) workloads.push({ workload: entry.ref, files: [...entry.files].sort(), destinations });
  }
  workloads.sort((a, b) => compare(`${a.workload.namespace}/${a.workload.name}/${a.workload.kind}`, `${b.workload.namespace}/${b.workload.name}/${b.workload.kind}`));
  const unattributed: ConfigMapEgress[] = [];
  for (const configMap of index.ofKind('ConfigMap')) {
    if (readConfigMaps.has(configMap)) continue;
    const destinations = mergeFound(foundInConfigMap(index, configMap));
    if (destinations.length) unattributed.push({ configMap: { namespace: configMap.namespace, name: configMap.name, file: configMap.file }, destinations });
  }
  unattributed.sort((a, b) => compare(`${a.configMap.namespace}/${a.configMap.name}/${a.configMap.file}`, `${b.configMap.namespace}/${b.configMap.name}/${b.configMap.file}`));
  return { workloads, unattributed };
}

/** The destinations one workload definition declares (its env, and the ConfigMaps it reads). */
export function egressOfWorkload(index: WorkspaceIndex, workload: Workload): readonly EgressDestination[] {
  // Kept per definition until what it read changes: several rules ask for it on every re-run of the file.
  return index.memoFor(workload, 'egress', () => mergeFound(foundInWorkload(index, workload, new Set())));
}

/** The destinations written in one ConfigMap (whoever reads it). */
export function egressOfConfigMap(index: WorkspaceIndex, configMap: ConfigMap): readonly EgressDestination[] {
  return index.memoFor(configMap, 'egress', () => mergeFound(foundInConfigMap(index, configMap)));
}

/** Workloads of the ConfigMap's namespace that read it (env `configMapKeyRef` or `envFrom`). */
export function readersOfConfigMap(index: WorkspaceIndex, configMap: ConfigMap): readonly Workload[] {
  // One table per namespace (kept until its workloads change), not a test of every workload per ConfigMap.
  return readersByConfigMap(index, configMap.namespace).get(configMap.name) ?? [];
}

function readersByConfigMap(index: WorkspaceIndex, namespace: string): ReadonlyMap<string, readonly Workload[]> {
  return index.memo(`egress:configmap-readers:${namespace}`, () => {
    const byName = new Map<string, Workload[]>();
    for (const workload of index.workloadsIn(namespace)) {
      const names = new Set<string>();
      for (const container of workload.containers) {
        for (const e of container.envFrom) if (e.configMap !== undefined) names.add(e.configMap);
        for (const e of container.env) if (e.configMapKeyRef?.name !== undefined) names.add(e.configMapKeyRef.name);
      }
      for (const name of names) {
        const list = byName.get(name);
        if (list) list.push(workload);
        else byName.set(name, [workload]);
      }
    }
    return byName;
  });
}

function foundInWorkload(index: WorkspaceIndex, workload: Workload, readConfigMaps: Set<ConfigMap>): Found[] {
  const out: Found[] = [];
  const referenceSpans = referencesOf(index, workload).map((r) => r.span);
  for (const container of workload.containers) {
    const literal = container.env.filter((e): e is EnvVar & { value: string; valueSpan: Span } => e.value !== undefined && e.valueSpan !== undefined);
    const entries = literal.map((e) => ({ name: e.name, value: e.value, span: e.valueSpan }));
    for (const found of foundInEntries(index, workload.namespace, entries, referenceSpans)) {
      out.push({ candidate: found.candidate, evidence: withPort({ file: workload.file, span: found.span, via: 'env', name: found.name, container: container.name }, found.portFrom) });
    }
    for (const env of container.env) {
      if (!env.configMapKeyRef) continue;
      for (const configMap of index.lookup('ConfigMap', workload.namespace, env.configMapKeyRef.name)) {
        readConfigMaps.add(configMap);
        out.push(...foundInConfigMap(index, configMap, env.configMapKeyRef.key));
      }
    }
    for (const from of container.envFrom) {
      if (!from.configMap) continue;
      for (const configMap of index.lookup('ConfigMap', workload.namespace, from.configMap)) {
        readConfigMaps.add(configMap);
        out.push(...foundInConfigMap(index, configMap));
      }
    }
  }
  return out;
}

function foundInConfigMap(index: WorkspaceIndex, configMap: ConfigMap, onlyKey?: string): Found[] {
  const entries = Object.entries(configMap.data)
    .filter(([key]) => onlyKey === undefined || key === onlyKey)
    .flatMap(([key, value]) => (configMap.dataSpans[key] ? [{ name: key, value, span: configMap.dataSpans[key]! }] : []));
  const referenceSpans = referencesOf(index, configMap).map((r) => r.span);
  const qualified = `${configMap.namespace}/${configMap.name}`;
  return foundInEntries(index, configMap.namespace, entries, referenceSpans).map((found) => ({
    candidate: found.candidate,
    evidence: withPort({ file: configMap.file, span: found.span, via: 'configMap', name: found.name, configMap: qualified }, found.portFrom),
  }));
}

function withPort(evidence: EgressEvidence, portFrom: string | undefined): EgressEvidence {
  if (portFrom !== undefined) evidence.portFrom = portFrom;
  return evidence;
}

const HOST_VARIABLE = /^(.*?)_?(HOST|HOSTNAME|SERVER|ADDR|ADDRESS|ENDPOINT)$/i;

/** Destinations in named values (env variables of one container, or keys of one ConfigMap). */
function foundInEntries(
  index: WorkspaceIndex,
  namespace: string,
  entries: { name: string; value: string; span: Span }[],
  referenceSpans: Span[],
): { candidate: DestinationCandidate; span: Span; name: string; portFrom?: string }[] {
  const out: { candidate: DestinationCandidate; span: Span; name: string; portFrom?: string }[] = [];
  for (const entry of entries) {
    const map = textOffsets(entry.value, entry.span);
    for (const candidate of destinationsInValue(entry.value)) {
      const span = map(candidate.start, candidate.end);
      if (candidate.port === undefined || !isExternal(index, namespace, candidate, span, referenceSpans)) continue;
      out.push({ candidate, span, name: entry.name });
    }
    // `ORDER_DB_HOST=x.postgres.database.azure.com` with `ORDER_DB_PORT=5432` beside it.
    const variable = HOST_VARIABLE.exec(entry.name);
    const host = variable ? bareHost(entry.value) : undefined;
    if (!variable || !host) continue;
    const prefix = variable[1]!;
    const portEntry = entries.find((e) => e.name.toUpperCase() === `${prefix}_PORT`.toUpperCase() || (prefix === '' && e.name.toUpperCase() === 'PORT'));
    const port = portEntry && /^\d{1,5}$/.test(portEntry.value.trim()) ? Number(portEntry.value.trim()) : undefined;
    const implied = port === undefined ? azureSuffixPort(host.host) : undefined;
    if ((port === undefined || port < 1 || port > 65535) && !implied) continue;
    const candidate: DestinationCandidate = { host: host.host, port: port ?? implied!.port, portImplied: port === undefined, isIp: false, form: 'hostPort', start: host.start, end: host.end };
    if (implied) candidate.scheme = implied.scheme;
    const span = map(host.start, host.end);
    if (!isExternal(index, namespace, candidate, span, referenceSpans)) continue;
    const found: { candidate: DestinationCandidate; span: Span; name: string; portFrom?: string } = { candidate, span, name: entry.name };
    if (portEntry && port !== undefined) found.portFrom = portEntry.name;
    out.push(found);
  }
  return out;
}

const LOCAL_SUFFIXES = ['.svc', '.cluster.local', '.local', '.localhost', '.localdomain'];
const PRIVATE_SUFFIXES = ['.internal', '.corp', '.lan', '.intranet', '.home.arpa', '.private'];

function isExternal(index: WorkspaceIndex, namespace: string, candidate: DestinationCandidate, span: Span, referenceSpans: Span[]): boolean {
  if (referenceSpans.some((r) => r.start < span.end && span.start < r.end)) return false;
  if (candidate.isIp) {
    const kind = classifyAddress(candidate.host);
    return kind === 'public' || kind === 'private';
  }
  const host = candidate.host;
  if (host === 'localhost' || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!;
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(tld)) return false;
  if (labels.length === 2) {
    // `service.namespace`: a namespace the workspace knows, or a Service name of the workspace.
    const [first, second] = labels as [string, string];
    // Lookups, not scans: this runs once per candidate host, so a scan of the index here made a check quadratic.
    if (index.hasNamespace(second)) return false;
    if (index.lookup('Service', namespace, first).length > 0 || index.lookup('Service', second, first).length > 0) return false;
  }
  return true;
}

function isPrivate(candidate: DestinationCandidate): boolean {
  if (candidate.isIp) return classifyAddress(candidate.host) === 'private';
  return PRIVATE_SUFFIXES.some((s) => candidate.host.endsWith(s)) || candidate.host.includes('.privatelink.') || candidate.host.startsWith('privatelink.');
}

function mergeFound(found: Found[]): EgressDestination[] {
  const byKey = new Map<string, EgressDestination>();
  for (const { candidate, evidence } of found) {
    const port = candidate.port!;
    const hint = firewallHint(candidate.scheme, port, candidate.host, candidate.isIp);
    const key = `${candidate.host}|${port}|${hint.kind}:${hint.protocol}`;
    let destination = byKey.get(key);
    if (!destination) {
      destination = {
        host: candidate.host,
        port,
        portImplied: candidate.portImplied,
        protocol: 'TCP',
        address: candidate.isIp ? 'ip' : 'fqdn',
        private: isPrivate(candidate),
        firewall: hint,
        evidence: [],
      };
      if (candidate.scheme) destination.scheme = candidate.scheme;
      byKey.set(key, destination);
    } else if (!candidate.portImplied) destination.portImplied = false;
    const same = destination.evidence.some((e) => e.file === evidence.file && e.span.start === evidence.span.start && e.span.end === evidence.span.end);
    if (!same) destination.evidence.push(evidence);
  }
  const out = [...byKey.values()];
  for (const d of out) d.evidence.sort((a, b) => compare(a.file, b.file) || a.span.start - b.span.start);
  return out.sort((a, b) => compare(a.host, b.host) || a.port - b.port);
}

/**
 * Offsets in the parsed value -> offsets in the file. Exact for plain scalars and quoted ones without escapes;
 * otherwise every offset maps to the whole value.
 */
function textOffsets(value: string, span: Span): (start: number, end: number) => Span {
  const length = span.end - span.start;
  const shift = length === value.length ? 0 : length === value.length + 2 && !value.includes('\n') ? 1 : undefined;
  if (shift === undefined) return () => ({ start: span.start, end: span.end });
  return (start, end) => ({ start: span.start + shift + start, end: span.start + shift + end });
}

