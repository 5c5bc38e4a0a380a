/**
 * Destinations written in one configuration value. Conservative on purpose: a value names a destination only when
 *  - it is a URL with a host (`https://api.example.com/v1`, `amqps://x.servicebus.windows.net`, several hosts in
 *    `mongodb://a:27017,b:27017/db`, `jdbc:` prefixes allowed);
 *  - or `host:port` with a numeric port (`db.postgres.database.azure.com:5432`), possibly in a `,`/`;` list;
 *  - or a connection string whose `Endpoint=`, `*Endpoint=`, `Server=`/`Data Source=`, or `Host=` (+ `Port=`) keys
 *    name a host (Service Bus, Cosmos DB, SQL, Npgsql);
 *  - or, in free text (a config file in a ConfigMap), a URL with a scheme.
 * Values with `$(VAR)` / `${VAR}` expansions name no host we can know. Whether a host is a cluster Service or a
 * public-looking name is decided by the inventory, which knows the workspace.
 */
import { parseAddress } from '../address/ipAddress';
import { SCHEME_DEFAULT_PORTS, azureSuffixPort } from './schemes';

export interface DestinationCandidate {
  /** Lowercased host name, or the address for IP destinations (IPv6 without brackets). */
  host: string;
  port?: number;
  /** The port comes from the scheme or the Azure service, not from the text. */
  portImplied: boolean;
  scheme?: string;
  isIp: boolean;
  form: 'url' | 'hostPort' | 'connectionString' | 'text';
  /** Offsets of `host[:port]` within the value. */
  start: number;
  end: number;
}

const LABEL = '[A-Za-z0-9](?:[-A-Za-z0-9]*[A-Za-z0-9])?';
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const URL_IN_TEXT = /\b([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^\s"'<>`),\]}]+)/g;
/** Hosts that appear in configuration text as identifiers (XML namespaces, schemas), not as destinations. */
const IDENTIFIER_HOSTS = new Set(['www.w3.org', 'w3.org', 'json-schema.org', 'schemas.xmlsoap.org', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'purl.org', 'xmlns.com', 'www.apache.org', 'java.sun.com', 'xmlns.jcp.org', 'maven.apache.org', 'www.springframework.org']);
const CONNECTION_HOST_KEYS = ['server', 'data source', 'address', 'addr', 'network address', 'host', 'hostname'];

export function destinationsInValue(value: string): DestinationCandidate[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  const base = value.indexOf(trimmed);
  if (!trimmed.includes('\n') && looksLikeConnectionString(trimmed)) {
    return trimmed.includes('$(') || trimmed.includes('${') ? [] : connectionString(trimmed).map((c) => shift(c, base));
  }
  if (/\s/.test(trimmed)) return urlsInText(value);
  if (trimmed.includes('$(') || trimmed.includes('${')) return [];
  // One URL may list several hosts (`mongodb://a:27017,b:27017/db`): split only a list of URLs or of host:port.
  const single = /^(jdbc:)?[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(trimmed) && !/[,;]\s*(jdbc:)?[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(trimmed);
  if (single) return addressItem(trimmed).map((c) => shift(c, base));
  const out: DestinationCandidate[] = [];
  let cursor = 0;
  for (const item of trimmed.split(/[,;]/)) {
    const at = trimmed.indexOf(item, cursor);
    cursor = at + item.length;
    if (item.trim() === '') continue;
    const offset = base + at + (item.length - item.trimStart().length);
    out.push(...addressItem(item.trim()).map((c) => shift(c, offset)));
  }
  return out;
}

/** A dotted host name on its own (`myserver.postgres.database.azure.com`), for `X_HOST` + `X_PORT` pairs. */
export function bareHost(value: string): { host: string; start: number; end: number } | undefined {
  const trimmed = value.trim();
  if (!HOSTNAME.test(trimmed) || !trimmed.includes('.') || parseAddress(trimmed)) return undefined;
  const start = value.indexOf(trimmed);
  return { host: trimmed.toLowerCase(), start, end: start + trimmed.length };
}

function shift(c: DestinationCandidate, by: number): DestinationCandidate {
  return { ...c, start: c.start + by, end: c.end + by };
}

/** One list item: a URL (optionally `jdbc:`-prefixed) or `host:port` / `[v6]:port`. */
function addressItem(item: string): DestinationCandidate[] {
  const jdbc = /^jdbc:/i.test(item) ? 5 : 0;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(item.slice(jdbc));
  if (scheme) return urlAt(item, jdbc, scheme[1]!.toLowerCase(), 'url');
  const hostPort = /^(\[[0-9A-Fa-f:.]+\]|[^:/\s]+):(\d{1,5})$/.exec(item);
  if (!hostPort) return [];
  const candidate = hostCandidate(hostPort[1]!, Number(hostPort[2]), undefined, 'hostPort', 0, item.length);
  return candidate && candidate.port !== undefined ? [candidate] : [];
}

/** The hosts of a URL starting at `schemeStart` in `text` (offsets relative to `text`). */
function urlAt(text: string, schemeStart: number, scheme: string, form: DestinationCandidate['form']): DestinationCandidate[] {
  const authorityStart = schemeStart + scheme.length + 3;
  const rest = text.slice(authorityStart);
  const end = rest.search(/[/?#;]/);
  const authority = end >= 0 ? rest.slice(0, end) : rest;
  const at = authority.lastIndexOf('@');
  const hostsStart = authorityStart + (at >= 0 ? at + 1 : 0);
  const hosts = at >= 0 ? authority.slice(at + 1) : authority;
  const out: DestinationCandidate[] = [];
  let cursor = 0;
  for (const part of hosts.split(',')) {
    const partStart = hostsStart + hosts.indexOf(part, cursor);
    cursor = hosts.indexOf(part, cursor) + part.length;
    const match = /^(\[[0-9A-Fa-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(part);
    if (!match) continue;
    const candidate = hostCandidate(match[1]!, match[2] !== undefined ? Number(match[2]) : undefined, scheme, form, partStart, partStart + part.length);
    if (candidate) out.push(candidate);
  }
  return out;
}

function hostCandidate(hostText: string, port: number | undefined, scheme: string | undefined, form: DestinationCandidate['form'], start: number, end: number): DestinationCandidate | undefined {
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  const bracketed = /^\[(.+)\]$/.exec(hostText);
  const address = parseAddress(bracketed ? bracketed[1]! : hostText);
  if (bracketed && !address) return undefined;
  if (!address && (!HOSTNAME.test(hostText) || /^[\d.]+$/.test(hostText))) return undefined;
  const host = address ? (bracketed ? bracketed[1]!.toLowerCase() : hostText) : hostText.toLowerCase();
  const candidate: DestinationCandidate = { host, portImplied: false, isIp: !!address, form, start, end };
  if (scheme) candidate.scheme = scheme;
  if (port !== undefined) candidate.port = port;
  else {
    const implied = (scheme !== undefined ? SCHEME_DEFAULT_PORTS[scheme] : undefined) ?? (!address ? azureSuffixPort(host)?.port : undefined);
    if (implied !== undefined) {
      candidate.port = implied;
      candidate.portImplied = true;
    }
  }
  return candidate;
}

function urlsInText(text: string): DestinationCandidate[] {
  const out: DestinationCandidate[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    if (match[0].includes('$')) continue;
    const scheme = match[1]!.toLowerCase();
    for (const candidate of urlAt(text, match.index!, scheme, 'text')) {
      if (!IDENTIFIER_HOSTS.has(candidate.host) && !candidate.host.startsWith('schemas.')) out.push(candidate);
    }
  }
  return out;
}

function looksLikeConnectionString(text: string): boolean {
  return /^[A-Za-z][A-Za-z ]*=/.test(text) && (text.includes(';') || /^[A-Za-z]*endpoint=/i.test(text));
}

/** `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=...`, `Server=tcp:x.database.windows.net,1433;...`. */
function connectionString(text: string): DestinationCandidate[] {
  const pairs: { key: string; value: string; valueStart: number }[] = [];
  let cursor = 0;
  for (const part of text.split(';')) {
    const partStart = text.indexOf(part, cursor);
    cursor = partStart + part.length;
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const rawValue = part.slice(eq + 1);
    const value = rawValue.trim();
    pairs.push({ key: part.slice(0, eq).trim().toLowerCase(), value, valueStart: partStart + eq + 1 + (rawValue.length - rawValue.trimStart().length) });
  }
  const out: DestinationCandidate[] = [];
  for (const pair of pairs) {
    if (!pair.key.endsWith('endpoint')) continue;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(pair.value);
    if (scheme) out.push(...urlAt(pair.value, 0, scheme[1]!.toLowerCase(), 'connectionString').map((c) => shift(c, pair.valueStart)));
  }
  const portPair = pairs.find((p) => p.key === 'port');
  const explicitPort = portPair && /^\d{1,5}$/.test(portPair.value) ? Number(portPair.value) : undefined;
  const sqlServer = pairs.some((p) => p.key === 'initial catalog' || p.key === 'data source' || p.key === 'trustservercertificate');
  for (const pair of pairs) {
    if (!CONNECTION_HOST_KEYS.includes(pair.key)) continue;
    // `tcp:host,1433` (SQL Server) or `host:port`, `host,port`, `host`.
    const match = /^(?:tcp:)?(\[[0-9A-Fa-f:.]+\]|[^,:\s]+)(?:[,:](\d{1,5}))?$/i.exec(pair.value);
    if (!match) continue;
    const prefix = pair.value.toLowerCase().startsWith('tcp:') ? 4 : 0;
    const port = match[2] !== undefined ? Number(match[2]) : explicitPort;
    const scheme = sqlServer || prefix ? 'mssql' : undefined;
    const candidate = hostCandidate(match[1]!, port ?? (scheme ? SCHEME_DEFAULT_PORTS[scheme] : undefined), scheme, 'connectionString', pair.valueStart + prefix, pair.valueStart + pair.value.length);
    if (!candidate) continue;
    if (match[2] === undefined && explicitPort === undefined && port === undefined && candidate.port !== undefined) candidate.portImplied = true;
    if (match[2] === undefined && explicitPort === undefined && scheme) candidate.portImplied = true;
    if (candidate.port !== undefined) out.push(candidate);
  }
  return out;
}
