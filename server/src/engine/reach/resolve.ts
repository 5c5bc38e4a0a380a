/**
 * Reads a peer as a person (or the graph) names it: a workload `ns/name`, `ns/name[Kind]` or `name` (in the default
 * namespace), a Pod's own name; an IP address or CIDR; `{ingress-controller}` (every ingress path, as np-guard
 * merges them); `ingress-controller:<class>`, `gateway:<ns>/<name>`, `ingress:<ns>/<name>` (the controller serving
 * that Ingress); `lb:<ns>/<name>` and `nodeport:<ns>/<name>` (a Service's own way in); `internet`, `vnet`, `nodes`,
 * `dns`; `host:<name>` (a host outside the cluster known by name). A workload whose name is one of those words is still reached as `ns/name`. Unknown names give an error
 * with the closest known name.
 */
import { parseAddressOrCidr, formatRange } from '../netpol/addressSet';
import { INGRESS_CONTROLLER_ID, INGRESS_CONTROLLER_NAME } from '../netpol/connectivity';
import type { PodClass } from '../netpol/podClasses';
import { closestName } from '../util/closestName';
import type { ReachModel } from './model';
import { DNS_ID, INTERNET_ID, NODES_ID, VNET_ID, type ReachPeer } from './peers';

export type Resolution = { readonly peer: ReachPeer } | { readonly error: string; readonly suggestion?: string };

const KEYWORDS: Record<string, ReachPeer> = {
  [INTERNET_ID]: { kind: 'internet' },
  [VNET_ID]: { kind: 'vnet' },
  [NODES_ID]: { kind: 'nodes' },
  [DNS_ID]: { kind: 'dns' },
  'kube-dns': { kind: 'dns' },
};

export function resolvePeer(model: ReachModel, text: string, defaultNamespace = 'default'): Resolution {
  const trimmed = text.trim();
  if (trimmed === INGRESS_CONTROLLER_ID || trimmed === INGRESS_CONTROLLER_NAME) return { peer: { kind: 'ingress', paths: model.paths(), merged: true } };
  const keyword = KEYWORDS[trimmed];
  if (keyword) return { peer: keyword };
  const host = /^host:([A-Za-z0-9.-]+)$/.exec(trimmed);
  if (host) return { peer: { kind: 'host', name: host[1]! } };
  const prefixed = /^(ingress-controller|gateway|ingress|lb|nodeport):(.+)$/.exec(trimmed);
  if (prefixed) return resolvePrefixed(model, prefixed[1]!, prefixed[2]!, defaultNamespace);
  if (/^[0-9a-fA-F:.]+(\/\d+)?$/.test(trimmed) && /[.:]/.test(trimmed)) {
    const range = parseAddressOrCidr(trimmed);
    if (range) return { peer: { kind: 'addresses', range, text: range.first === range.last ? trimmed : formatRange(range) } };
    if (/^[\d./]+$/.test(trimmed) || trimmed.includes(':')) return { error: `\`${trimmed}\` is not an IP address or CIDR` };
  }
  return resolveWorkload(model, trimmed, defaultNamespace);
}

function resolvePrefixed(model: ReachModel, prefix: string, rest: string, defaultNamespace: string): Resolution {
  if (prefix === 'ingress-controller' || prefix === 'gateway') {
    const id = `${prefix}:${rest}`;
    const path = model.path(id) ?? (prefix === 'gateway' && !rest.includes('/') ? model.path(`gateway:${defaultNamespace}/${rest}`) : undefined);
    if (path) return { peer: { kind: 'ingress', paths: [path] } };
    return notFound(`no ${prefix === 'gateway' ? 'Gateway' : 'ingress controller'} \`${rest}\` serves anything in the workspace`, id, model.paths().map((p) => p.id));
  }
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : defaultNamespace;
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  if (prefix === 'ingress') {
    const ingress = model.index.lookup('Ingress', namespace, name)[0];
    const path = ingress ? model.pathOfIngress(ingress) : undefined;
    if (path) return { peer: { kind: 'ingress', paths: [path] } };
    return notFound(`no Ingress \`${namespace}/${name}\` in the workspace`, `ingress:${namespace}/${name}`, model.index.ofKind('Ingress').map((i) => `ingress:${i.namespace}/${i.name}`));
  }
  const service = model.index.lookup('Service', namespace, name)[0];
  const via = prefix === 'lb' ? 'load-balancer' : 'node-port';
  const wanted = prefix === 'lb' ? 'LoadBalancer' : 'NodePort';
  if (service && (service.type === wanted || (via === 'node-port' && service.type === 'LoadBalancer'))) return { peer: { kind: 'service-entry', service, via } };
  const candidates = model.index.ofKind('Service').filter((s) => s.type === wanted).map((s) => `${prefix}:${s.namespace}/${s.name}`);
  return notFound(service ? `Service \`${namespace}/${name}\` is of type ${service.type}, not ${wanted}` : `no Service \`${namespace}/${name}\` in the workspace`, `${prefix}:${namespace}/${name}`, candidates);
}

function notFound(error: string, wanted: string, candidates: readonly string[]): Resolution {
  const suggestion = closestName(wanted, [...candidates]);
  return suggestion ? { error, suggestion } : { error };
}

function resolveWorkload(model: ReachModel, text: string, defaultNamespace: string): Resolution {
  const match = /^(?:([^/[\]]+)\/)?([^/[\]]+)(?:\[([A-Za-z]+)\])?$/.exec(text);
  if (!match) return { error: `\`${text}\` is not a workload (ns/name), an IP address, a way in (lb:ns/name, ingress:ns/name, gateway:ns/name) or internet, vnet, nodes, dns` };
  const namespace = match[1] ?? defaultNamespace;
  const name = match[2]!;
  const kind = match[3];
  const netpol = model.netpol;
  const peers = netpol.peers.filter((p) => p.namespace === namespace && p.name === name && (!kind || p.kind === kind));
  if (peers.length === 1) return { peer: { kind: 'workload', peer: peers[0]!, classes: peers[0]!.classes } };
  if (peers.length > 1) return { error: `\`${text}\` is ambiguous: ${peers.map((p) => p.id).join(', ')}; add the kind in brackets` };
  const pods = netpol.peers.flatMap((p) => p.workloads).filter((w) => w.namespace === namespace && w.name === name && (!kind || w.kind === kind));
  const peer = pods.length > 0 ? netpol.peerOfWorkload(pods[0]!) : undefined;
  if (peer) {
    // Every definition of that name (variants of one manifest) counts.
    const classes = [...new Set(pods.map((w) => netpol.classOf(w)).filter((c): c is PodClass => !!c))];
    return { peer: { kind: 'workload', peer, classes, workload: pods[0]! } };
  }
  const candidates = [...new Set(netpol.peers.flatMap((p) => [`${p.namespace}/${p.name}`, ...p.workloads.map((w) => `${w.namespace}/${w.name}`)]))];
  const suggestion = closestName(`${namespace}/${name}`, candidates);
  const result: { error: string; suggestion?: string } = { error: `no workload \`${namespace}/${name}\`${kind ? ` of kind ${kind}` : ''} in the workspace` };
  if (suggestion) result.suggestion = suggestion;
  return result;
}
